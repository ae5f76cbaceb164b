"""Turning a paid Checkout Session into a donation: one function, whoever calls it and however often.

`fulfil_checkout_session` is called by the webhook (`checkout.session.completed`,
`…async_payment_succeeded`), by the success page after it fetched the session from Stripe, by the
expiry job before it would release a hold, and by the demo provider. It is idempotent (a session
becomes at most one `Donation`: unique session id, checked under the ad's ledger lock) and safe to
run concurrently for the same session (the second caller waits for the lock, then finds the donation).

A payment that arrives after its hold ended (it cannot at Stripe, whose session we expire first, but
a paid donation must never be lost) is credited with whatever area is still free; the rest is
covered by the ad's announced "if it sells out" policy (`Donation.overflow_units`), never oversold.

Refunds are recorded per PaymentIntent (`PaymentRefund`, cumulative) and then applied to the
donation; whichever of payment and refund is processed second applies the refund, so their order
does not matter. A refund gives the area back.
"""

import logging
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone

from website.normalise import normalise_email

from . import canvas
from .area import UNITS_PER_CM2
from .holds import end_hold, lock_ledger, mark_processing
from .models import HOLDING, AdLedger, CellClaim, Donation, Hold, HoldStatus, NameStatus, PaymentRefund
from .payments import CURRENCY, is_paid

logger = logging.getLogger(__name__)

# Sent with `donation` once a credit is committed; the app's tasks send the receipt (see apps.py).
donation_credited = Signal()


@dataclass
class Fulfilment:
    outcome: str  # credited | already_credited | processing | not_paid | unknown_hold | wrong_session
    donation: Donation | None = None
    hold: Hold | None = None


def as_dict(session):
    return session.to_dict() if hasattr(session, "to_dict") else dict(session)


def hold_of(session):
    """The hold a session pays for, from the metadata we gave it (or client_reference_id)."""
    reference = (session.get("metadata") or {}).get("hold") or session.get("client_reference_id")
    try:
        token = uuid.UUID(str(reference))
    except (TypeError, ValueError):
        return None
    return Hold.objects.filter(token=token).first()


def fulfil_checkout_session(session):
    """Credit a paid session's area to its ad exactly once; see the module docstring."""
    session = as_dict(session)
    hold = hold_of(session)
    if hold is None:
        logger.warning("checkout session %s names no hold of ours", session.get("id"))
        return Fulfilment("unknown_hold")
    if hold.checkout_session_id and hold.checkout_session_id != session.get("id"):
        # One hold, one session (idempotency key): anything else is for staff to look at (reconcile).
        logger.error(
            "checkout session %s is not hold %s's session %s", session.get("id"), hold.token, hold.checkout_session_id
        )
        return Fulfilment("wrong_session", hold=hold)
    if not is_paid(session):
        if session.get("status") == "complete":  # the bank has not paid yet (async methods)
            mark_processing(hold.pk)
            return Fulfilment("processing", hold=hold)
        return Fulfilment("not_paid", hold=hold)
    existing = Donation.objects.filter(checkout_session_id=session["id"]).first()
    if existing is not None:
        return Fulfilment("already_credited", existing, hold)
    try:
        donation, created = _credit(hold, session)
    except IntegrityError:  # a concurrent caller won on a database without row locks
        donation, created = Donation.objects.get(checkout_session_id=session["id"]), False
    if not created:
        return Fulfilment("already_credited", donation, hold)
    settle_refunds(donation)  # a refund processed before this payment
    return Fulfilment("credited", donation, hold)


def _credit(hold, session):
    now = timezone.now()
    amount = session.get("amount_total")
    if amount != hold.amount_cents or (session.get("currency") or CURRENCY) != CURRENCY:
        logger.error(
            "checkout session %s paid %s %s for a hold of %s cents",
            session["id"],
            amount,
            session.get("currency"),
            hold.amount_cents,
        )
    amount = amount if isinstance(amount, int) and amount >= 0 else hold.amount_cents
    with transaction.atomic():
        ledger = lock_ledger(hold.ad_key)
        hold = Hold.objects.select_for_update().get(pk=hold.pk)
        existing = Donation.objects.filter(checkout_session_id=session["id"]).first()
        if existing is not None:
            return existing, False
        was_holding = hold.status in HOLDING
        if was_holding:
            credited, released = hold.units, hold.units
        else:
            credited, released = min(hold.units, ledger.free_units), 0
            logger.warning(
                "hold %s was %s when its payment arrived: %s of %s units credited",
                hold.token,
                hold.status,
                credited,
                hold.units,
            )
        donation = Donation.objects.create(
            ad_key=hold.ad_key,
            hold=hold,
            checkout_session_id=session["id"],
            payment_intent_id=_id(session.get("payment_intent")),
            amount_cents=amount,
            currency=session.get("currency") or CURRENCY,
            units=hold.units,
            credited_units=credited,
            email=hold.email,
            email_normalised=hold.email_normalised or normalise_email(hold.email),
            display_name=hold.display_name,
            name_status=NameStatus.PENDING if hold.display_name else NameStatus.NONE,
            language=hold.language,
            livemode=bool(session.get("livemode")),
            paid_at=now,
        )
        if was_holding:
            CellClaim.objects.filter(hold=hold).update(donation=donation)
        AdLedger.objects.filter(pk=ledger.pk).update(
            funded_units=F("funded_units") + credited,
            held_units=F("held_units") - released,
            donors=F("donors") + 1,
            raised_cents=F("raised_cents") + amount,
            updated_at=now,
        )
        Hold.objects.filter(pk=hold.pk).update(
            status=HoldStatus.PAID, ended_at=now, checkout_session_id=hold.checkout_session_id or session["id"]
        )
        transaction.on_commit(lambda: canvas.invalidate(donation.ad_key))
        transaction.on_commit(lambda: donation_credited.send(sender=Donation, donation=donation))
    return donation, True


def _id(value):
    if isinstance(value, dict):
        return value.get("id", "")
    return value or ""


def fail_checkout_session(session):
    """The bank refused after checkout (`async_payment_failed`): the area is free again."""
    return _release(as_dict(session), HoldStatus.FAILED)


def expire_checkout_session(session):
    """Stripe expired the session unpaid (`checkout.session.expired`)."""
    return _release(as_dict(session), HoldStatus.EXPIRED)


def _release(session, status):
    hold = hold_of(session)
    if hold is None:
        return "unknown_hold"
    if Donation.objects.filter(checkout_session_id=session.get("id")).exists():
        return "already_credited"
    return "released" if end_hold(hold.pk, status) else "already_ended"


def record_refund(payment_intent_id, amount_refunded_cents):
    """Stripe refunded (part of) a payment: remember the cumulative amount, then apply it if we can.

    Recorded in its own statement before looking for the donation, while fulfilment creates the
    donation before looking for refunds: whichever runs second sees the other's write.
    """
    if not payment_intent_id:
        return "no_payment_intent"
    refund, _created = PaymentRefund.objects.get_or_create(payment_intent_id=payment_intent_id)
    PaymentRefund.objects.filter(pk=refund.pk, amount_refunded_cents__lt=amount_refunded_cents).update(
        amount_refunded_cents=amount_refunded_cents, updated_at=timezone.now()
    )
    donation = Donation.objects.filter(payment_intent_id=payment_intent_id).first()
    if donation is None:
        return "refund_recorded"
    return settle_refunds(donation)


def settle_refunds(donation):
    """Bring a donation (and its ad's ledger) up to date with what Stripe refunded; idempotent."""
    if not donation.payment_intent_id:
        return "no_refund"
    if not PaymentRefund.objects.filter(
        payment_intent_id=donation.payment_intent_id, amount_refunded_cents__gt=0
    ).exists():
        return "no_refund"
    now = timezone.now()
    with transaction.atomic():
        ledger = lock_ledger(donation.ad_key)
        donation = Donation.objects.select_for_update().get(pk=donation.pk)
        refunded = min(
            PaymentRefund.objects.get(payment_intent_id=donation.payment_intent_id).amount_refunded_cents,
            donation.amount_cents,
        )
        if refunded <= donation.refunded_cents:
            return "already_refunded"
        kept = donation.amount_cents - refunded
        claims = list(CellClaim.objects.filter(donation=donation).order_by("-cell"))
        if claims:
            # Chosen cells go back whole: keep as many as the money kept pays for (rounded down).
            original_cells = donation.credited_units // UNITS_PER_CM2
            kept_cells = original_cells * kept // donation.amount_cents if donation.amount_cents else 0
            release = claims[: max(0, len(claims) - kept_cells)]
            CellClaim.objects.filter(pk__in=[claim.pk for claim in release]).delete()
            returned = donation.credited_units - kept_cells * UNITS_PER_CM2
        else:
            returned = donation.credited_units - (
                donation.credited_units * kept // donation.amount_cents if donation.amount_cents else 0
            )
        returned = max(returned, donation.returned_units)
        fully = refunded >= donation.amount_cents
        AdLedger.objects.filter(pk=ledger.pk).update(
            funded_units=F("funded_units") - (returned - donation.returned_units),
            raised_cents=F("raised_cents") - (refunded - donation.refunded_cents),
            donors=F("donors") - (1 if fully and not donation.fully_refunded else 0),
            updated_at=now,
        )
        Donation.objects.filter(pk=donation.pk).update(
            refunded_cents=refunded, returned_units=returned, refunded_at=now
        )
        transaction.on_commit(lambda: canvas.invalidate(donation.ad_key))
    return "refunded"
