"""Background work for donations, named for what it does (run by `manage.py db_worker`)."""

import datetime
import logging

from django.tasks import task
from django.utils import timezone

from website.mail import send_templated
from website.references import pages_showing
from website.translation import in_language

from . import checkout, holds, reconcile
from .models import Donation, DonationAd, Hold, HoldStatus
from .payments import PaymentError, provider_for

logger = logging.getLogger(__name__)
ENDED_HOLDS_KEPT = datetime.timedelta(days=30)


def after_credit(donation, **kwargs):
    """A donation was credited (`fulfilment.donation_credited`): its receipt and payment method follow."""
    send_receipt.enqueue(donation.pk)
    record_payment_method.enqueue(donation.pk)


@task()
def send_receipt(donation_id):
    """The receipt, once: marked sent before sending, so a retry never sends a second one."""
    if (
        not Donation.objects.filter(pk=donation_id, receipt_sent_at__isnull=True)
        .exclude(email="")
        .update(receipt_sent_at=timezone.now())
    ):
        return False
    donation = Donation.objects.get(pk=donation_id)
    ad = in_language(donation.ad_key, donation.language, model=DonationAd)  # emails go out in the donor's
    page = pages_showing(ad).first() if ad else None
    send_templated(
        "donations/email/receipt",
        donation.email,
        {
            "donation": donation,
            "ad": ad,
            "reference": donation.checkout_session_id[-12:].upper(),
            "campaign_url": f"{page.get_full_url()}#donate" if page else "",
        },
        donation.language,
    )
    return True


@task()
def record_payment_method(donation_id):
    """iDEAL, card, …: read from the PaymentIntent, for the finance export (not needed to credit)."""
    donation = Donation.objects.filter(pk=donation_id, method="").select_related("hold").first()
    if donation is None or not donation.payment_intent_id or donation.hold is None:
        return ""
    try:
        method = provider_for(donation.hold).payment_method(donation.payment_intent_id)
    except PaymentError:
        return ""
    Donation.objects.filter(pk=donation_id).update(method=method[:40])
    return method


@task()
def expire_holds():
    """Every minute: settle holds past their end, asking the provider first (a payment may be completing)."""
    outcomes = {}
    for hold_id in holds.due_holds() + holds.stuck_processing_holds():
        try:
            outcome = checkout.settle_hold(hold_id, HoldStatus.EXPIRED)
        except PaymentError:  # Stripe unreachable: keep holding, try again next run
            outcome = "provider_error"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


@task()
def cancel_hold(hold_id):
    """The donor came back from checkout without paying."""
    try:
        return checkout.settle_hold(hold_id, HoldStatus.CANCELLED)
    except PaymentError:
        return "provider_error"  # the expiry job settles it later


@task()
def forget_ended_holds():
    """Daily: holds that never became a donation keep no email or name after a month."""
    cutoff = timezone.now() - ENDED_HOLDS_KEPT
    return (
        Hold.objects.filter(ended_at__lt=cutoff, donation__isnull=True)
        .exclude(email="")
        .update(email="", email_normalised="", display_name="")
    )


@task()
def reconcile_ledgers():
    """Nightly: compare every ad's ledger with its donations and holds; repair and log drift."""
    return {str(key): drift for key, drift in reconcile.reconcile_ledgers(fix=True).items()}
