"""Background work of giving: receipts, the email with the link to manage a monthly gift, and the email
about a monthly payment that failed."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation

from website.mail import send_templated
from website.normalise import normalise_email

from .anbi import anbi_for
from .models import FailedPayment, Gift, MonthlyGift, MonthlyStatus
from .tokens import manage_token


def manage_url(customer_id, language):
    with translation.override(language):
        return settings.SITE_URL + reverse("giving:manage", args=[manage_token(customer_id)])


@task()
def send_manage_link(email, language):
    """One email per donor who gives monthly from this address; nothing for an unknown address."""
    address = normalise_email(email) or email
    customers = (
        MonthlyGift.objects.filter(email__iexact=address)
        .exclude(customer_id="")
        .exclude(status=MonthlyStatus.INCOMPLETE)
        .values_list("customer_id", flat=True)
        .distinct()
    )
    sent = 0
    for customer_id in customers:
        send_templated("giving/email/manage_link", address, {"url": manage_url(customer_id, language)}, language)
        sent += 1
    return sent


def after_payment(gift, **kwargs):
    """`gift_paid` receiver: the receipt goes out from a worker, never inside the webhook's request."""
    send_receipt.enqueue(gift.pk)


@task()
def send_receipt(gift_id):
    """The receipt of one payment, in the donor's language, once: marked sent before sending."""
    if not Gift.objects.filter(pk=gift_id, receipt_sent_at__isnull=True).update(receipt_sent_at=timezone.now()):
        return False
    gift = Gift.objects.select_related("earmark").get(pk=gift_id)
    reference = (gift.invoice_id or gift.payment_intent_id or gift.checkout_session_id or "")[-12:].upper()
    context = {"gift": gift, "reference": reference, "anbi": anbi_for(gift.language)}
    send_templated("giving/email/receipt", gift.email, context, gift.language)
    return True


def after_failure(failed, **kwargs):
    """`payment_failed` receiver: the donor's email goes out from a worker."""
    send_failure_notice.enqueue(failed.pk)


@task()
def send_failure_notice(failed_id):
    """One email per failed invoice, in the donor's language, with the link to update the payment method.

    Claimed before sending: a replayed event, a later attempt of the same invoice, or a second worker
    finds the invoice already claimed (the partial unique constraint) and sends nothing."""
    failed = FailedPayment.objects.select_related("monthly_gift").filter(pk=failed_id).first()
    if failed is None or not failed.invoice_id:
        return False
    monthly = failed.monthly_gift
    if monthly.status == MonthlyStatus.CANCELLED or not monthly.customer_id:
        return False  # nothing left to update, or no portal to send them to
    try:
        with transaction.atomic():
            claimed = FailedPayment.objects.filter(pk=failed.pk, donor_emailed_at__isnull=True).update(
                donor_emailed_at=timezone.now()
            )
    except IntegrityError:  # another attempt of this invoice was emailed
        return False
    if not claimed:
        return False
    context = {
        "amount_cents": failed.amount_cents or monthly.amount_cents,
        "url": manage_url(monthly.customer_id, monthly.language),
        "anbi": anbi_for(monthly.language),
    }
    send_templated("giving/email/payment_failed", monthly.email, context, monthly.language)
    return True


@task()
def reconcile_monthly_gifts():
    """Nightly: apply what Stripe says about subscriptions and paid invoices whose events never arrived."""
    if not settings.STRIPE_SECRET_KEY:
        return None
    from .reconcile import reconcile_subscriptions

    result = reconcile_subscriptions(fix=True)
    return {"checked": result.checked, "repaired": result.repaired}
