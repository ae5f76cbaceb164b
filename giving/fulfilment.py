"""What Stripe's events (and the demo provider) do to gifts and monthly gifts: each function idempotent.

The webhook (webhooks.py) and the demo checkout call the same functions with the same Stripe-shaped
dicts. Events may come in any order and more than once:
- a one-off gift is credited by a conditional update (pending → paid), so at most once;
- a month's payment is one `Gift` per invoice (unique invoice id), and may arrive before the checkout
  that started the subscription: it finds the monthly gift by the metadata we gave the subscription;
- a subscription event older than the last one applied is skipped, and a stopped gift stays stopped;
- a refund may arrive before the payment: donations records every refund by PaymentIntent
  (`PaymentRefund`), and crediting a gift reads it.
An event for a customer or subscription we do not know is logged and acknowledged; it writes nothing.
"""

import datetime
import logging
import uuid

from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone

from donations.models import PaymentRefund
from donations.payments import is_paid

from .models import CURRENCY, FailedPayment, Frequency, Gift, GiftStatus, MonthlyGift, MonthlyStatus

logger = logging.getLogger(__name__)

# Sent with `gift` once a payment (one-off, or a month) is committed; the app's tasks send the receipt.
gift_paid = Signal()


def _paid(gift_id):
    transaction.on_commit(lambda: gift_paid.send(sender=Gift, gift=Gift.objects.get(pk=gift_id)))


# Sent with `failed` once a new failed attempt is committed; the app's tasks email the donor (once per invoice).
payment_failed = Signal()


SUBSCRIPTION_STATUS = {
    "active": MonthlyStatus.ACTIVE,
    "trialing": MonthlyStatus.ACTIVE,
    "past_due": MonthlyStatus.PAST_DUE,
    "unpaid": MonthlyStatus.PAST_DUE,
    "incomplete": MonthlyStatus.INCOMPLETE,
    "incomplete_expired": MonthlyStatus.CANCELLED,
    "canceled": MonthlyStatus.CANCELLED,
}


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def _id(value):
    return value.get("id", "") if isinstance(value, dict) else (value or "")


def _when(timestamp):
    if isinstance(timestamp, int) and not isinstance(timestamp, bool):
        return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)
    return timezone.now()


# One-off gifts -----------------------------------------------------------------------------------


def fulfil_gift_session(session):
    """A paid one-off Checkout Session: its gift is paid, once."""
    gift = Gift.objects.filter(token=_uuid((session.get("metadata") or {}).get("gift")), monthly_gift=None).first()
    if gift is None:
        logger.warning("checkout session %s names no gift of ours", session.get("id"))
        return "unknown_gift"
    if gift.checkout_session_id and gift.checkout_session_id != session.get("id"):
        logger.error("checkout session %s is not gift %s's session", session.get("id"), gift.token)
        return "wrong_session"
    if not is_paid(session):
        return "processing" if session.get("status") == "complete" else "not_paid"
    if session.get("amount_total") != gift.amount_cents or (session.get("currency") or CURRENCY) != CURRENCY:
        logger.error("checkout session %s paid %s %s for gift %s", session["id"], session.get("amount_total"),
                     session.get("currency"), gift.token)  # fmt: skip
    credited = Gift.objects.filter(pk=gift.pk, status__in=[GiftStatus.PENDING, GiftStatus.EXPIRED]).update(
        status=GiftStatus.PAID,
        paid_at=timezone.now(),
        checkout_session_id=session["id"],
        payment_intent_id=_id(session.get("payment_intent")),
        customer_id=_id(session.get("customer")) or gift.customer_id,
        amount_cents=session["amount_total"] if isinstance(session.get("amount_total"), int) else gift.amount_cents,
    )
    if not credited:
        return "already_credited"
    settle_refund(Gift.objects.get(pk=gift.pk))
    _paid(gift.pk)
    return "credited"


def expire_gift_session(session):
    gift = Gift.objects.filter(token=_uuid((session.get("metadata") or {}).get("gift"))).first()
    if gift is None:
        return "unknown_gift"
    updated = Gift.objects.filter(pk=gift.pk, status=GiftStatus.PENDING).update(status=GiftStatus.EXPIRED)
    return "expired" if updated else "already_ended"


# Monthly gifts -----------------------------------------------------------------------------------


def monthly_of(subscription_id, metadata):
    """The monthly gift of a subscription: by its id, or by the token we put in its metadata."""
    if subscription_id:
        found = MonthlyGift.objects.filter(subscription_id=subscription_id).first()
        if found is not None:
            return found
    token = _uuid((metadata or {}).get("monthly_gift"))
    found = MonthlyGift.objects.filter(token=token).first() if token else None
    if found is not None and found.subscription_id and subscription_id and found.subscription_id != subscription_id:
        logger.error("subscription %s claims monthly gift %s of %s", subscription_id, token, found.subscription_id)
        return None
    return found


def _attach(monthly, subscription_id, customer_id):
    """Fill in the subscription and customer a monthly gift learns about, once."""
    values = {}
    if subscription_id and not monthly.subscription_id:
        values["subscription_id"] = subscription_id
    if customer_id and not monthly.customer_id:
        values["customer_id"] = customer_id
    if values:
        MonthlyGift.objects.filter(pk=monthly.pk).update(**values)
        for key, value in values.items():
            setattr(monthly, key, value)


def _activate(monthly):
    """Incomplete → active at the first payment (never revives a stopped gift)."""
    MonthlyGift.objects.filter(pk=monthly.pk, status=MonthlyStatus.INCOMPLETE).update(
        status=MonthlyStatus.ACTIVE, started_at=timezone.now()
    )


def start_subscription(session):
    """A completed subscription checkout: the monthly gift learns its subscription and customer."""
    monthly = monthly_of(_id(session.get("subscription")), session.get("metadata"))
    if monthly is None:
        logger.warning("checkout session %s names no monthly gift of ours", session.get("id"))
        return "unknown_subscription"
    _attach(monthly, _id(session.get("subscription")), _id(session.get("customer")))
    if session.get("status") != "complete":
        return "not_paid"
    if is_paid(session):
        _activate(monthly)
    return "subscribed"


def invoice_subscription(invoice):
    """(subscription id, its metadata) of an invoice, in the API's current shape and the older one."""
    details = ((invoice.get("parent") or {}).get("subscription_details")) or invoice.get("subscription_details") or {}
    subscription = _id(details.get("subscription")) or _id(invoice.get("subscription"))
    return subscription, details.get("metadata") or {}


def invoice_payment_intent(invoice):
    if invoice.get("payment_intent"):
        return _id(invoice["payment_intent"])
    for payment in (invoice.get("payments") or {}).get("data") or []:
        intent = _id((payment.get("payment") or {}).get("payment_intent"))
        if intent:
            return intent
    return ""


def record_invoice_paid(invoice):
    """One month paid: one `Gift` for the invoice, whichever delivery or path comes first."""
    subscription_id, metadata = invoice_subscription(invoice)
    monthly = monthly_of(subscription_id, metadata)
    if monthly is None:
        logger.warning("invoice %s: unknown subscription %r / customer %r", invoice.get("id"), subscription_id,
                       _id(invoice.get("customer")))  # fmt: skip
        return "unknown_subscription"
    invoice_id = invoice.get("id")
    if not invoice_id:
        return "no_invoice"
    amount = invoice.get("amount_paid")
    amount = amount if isinstance(amount, int) and amount >= 0 else monthly.amount_cents
    try:
        with transaction.atomic():
            _attach(monthly, subscription_id, _id(invoice.get("customer")))
            gift, created = Gift.objects.get_or_create(
                invoice_id=invoice_id,
                defaults={
                    "frequency": Frequency.MONTHLY,
                    "monthly_gift": monthly,
                    "page_key": monthly.page_key,
                    "earmark_id": monthly.earmark_id,
                    "amount_cents": amount,
                    "currency": invoice.get("currency") or CURRENCY,
                    "email": monthly.email,
                    "language": monthly.language,
                    "provider": monthly.provider,
                    "customer_id": monthly.customer_id,
                    "payment_intent_id": invoice_payment_intent(invoice),
                    "status": GiftStatus.PAID,
                    "paid_at": _when((invoice.get("status_transitions") or {}).get("paid_at")),
                },
            )
    except IntegrityError:  # a concurrent delivery inserted it
        return "already_credited"
    if not created:
        return "already_credited"
    _activate(monthly)
    MonthlyGift.objects.filter(pk=monthly.pk, status=MonthlyStatus.PAST_DUE).update(status=MonthlyStatus.ACTIVE)
    settle_refund(gift)
    _paid(gift.pk)
    return "credited"


def record_payment_failed(invoice):
    """A month's payment failed: one row per attempt, for staff to follow up; the gift is past due."""
    subscription_id, metadata = invoice_subscription(invoice)
    monthly = monthly_of(subscription_id, metadata)
    if monthly is None:
        logger.warning("failed invoice %s: unknown subscription %r", invoice.get("id"), subscription_id)
        return "unknown_subscription"
    _attach(monthly, subscription_id, _id(invoice.get("customer")))  # the email's manage link needs it
    attempt = invoice.get("attempt_count")
    failed, created = FailedPayment.objects.get_or_create(
        invoice_id=invoice.get("id") or "",
        attempt=attempt if isinstance(attempt, int) and attempt > 0 else 1,
        defaults={"monthly_gift": monthly, "amount_cents": int(invoice.get("amount_due") or 0)},
    )
    MonthlyGift.objects.filter(pk=monthly.pk, status=MonthlyStatus.ACTIVE).update(status=MonthlyStatus.PAST_DUE)
    if created:
        transaction.on_commit(lambda: payment_failed.send(sender=FailedPayment, failed=failed))
    return "failure_recorded" if created else "already_recorded"


def _subscription_amount(subscription):
    items = (subscription.get("items") or {}).get("data") or []
    if not items:
        return None
    price = items[0].get("price") or {}
    amount = price.get("unit_amount")
    quantity = items[0].get("quantity") or 1
    return amount * quantity if isinstance(amount, int) and isinstance(quantity, int) else None


def update_subscription(subscription, created=None, deleted=False):
    """`customer.subscription.updated` / `.deleted`: the gift's status and amount, newest event wins."""
    monthly = monthly_of(subscription.get("id"), subscription.get("metadata"))
    if monthly is None:
        logger.warning("subscription %s of customer %r is not ours", subscription.get("id"),
                       _id(subscription.get("customer")))  # fmt: skip
        return "unknown_subscription"
    if monthly.status == MonthlyStatus.CANCELLED:
        return "already_cancelled"
    at = _when(created)
    status = MonthlyStatus.CANCELLED if deleted else SUBSCRIPTION_STATUS.get(subscription.get("status"))
    values = {"stripe_updated_at": at}
    if status:
        values["status"] = status
    if status == MonthlyStatus.CANCELLED:
        values["cancelled_at"] = _when(subscription.get("canceled_at") or created)
    elif status == MonthlyStatus.ACTIVE and not monthly.started_at:
        values["started_at"] = at
    amount = _subscription_amount(subscription)
    if amount and not deleted:
        values["amount_cents"] = amount
    _attach(monthly, subscription.get("id"), _id(subscription.get("customer")))
    # Applied only if no newer event was: an update that arrives after a later one is skipped.
    query = MonthlyGift.objects.filter(pk=monthly.pk).exclude(status=MonthlyStatus.CANCELLED)
    if not deleted:
        query = query.exclude(stripe_updated_at__gt=at)
    if not query.update(**values):
        return "stale"
    return "cancelled" if status == MonthlyStatus.CANCELLED else "updated"


# Refunds -----------------------------------------------------------------------------------------


def record_refund(charge):
    """`charge.refunded` for one of our gifts; None when the payment is not a gift (the ad's, or unknown yet:
    donations records it by PaymentIntent, and crediting the gift applies it)."""
    intent = _id(charge.get("payment_intent"))
    gift = Gift.objects.filter(payment_intent_id=intent).first() if intent else None
    if gift is None:
        return None
    refund, _created = PaymentRefund.objects.get_or_create(payment_intent_id=intent)
    PaymentRefund.objects.filter(
        pk=refund.pk, amount_refunded_cents__lt=int(charge.get("amount_refunded") or 0)
    ).update(amount_refunded_cents=int(charge.get("amount_refunded") or 0), updated_at=timezone.now())
    return settle_refund(gift)


def settle_refund(gift):
    """Bring a paid gift up to date with what Stripe refunded; idempotent."""
    if not gift.payment_intent_id:
        return "no_refund"
    refund = PaymentRefund.objects.filter(payment_intent_id=gift.payment_intent_id).first()
    refunded = min(refund.amount_refunded_cents, gift.amount_cents) if refund else 0
    if refunded <= gift.refunded_cents:
        return "already_refunded" if refunded else "no_refund"
    values = {"refunded_cents": refunded}
    if refunded >= gift.amount_cents:
        values["status"] = GiftStatus.REFUNDED
    Gift.objects.filter(pk=gift.pk, refunded_cents__lt=refunded).update(**values)
    return "refunded"
