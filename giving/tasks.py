"""Background work of giving: receipts, and the email with the link to manage a monthly gift."""

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation

from website.mail import send_templated
from website.normalise import normalise_email

from .anbi import anbi_for
from .models import Gift, MonthlyGift, MonthlyStatus
from .tokens import manage_token


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
        with translation.override(language):
            url = settings.SITE_URL + reverse("giving:manage", args=[manage_token(customer_id)])
        send_templated("giving/email/manage_link", address, {"url": url}, language)
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


@task()
def reconcile_monthly_gifts():
    """Nightly: apply what Stripe says about subscriptions and paid invoices whose events never arrived."""
    if not settings.STRIPE_SECRET_KEY:
        return None
    from .reconcile import reconcile_subscriptions

    result = reconcile_subscriptions(fix=True)
    return {"checked": result.checked, "repaired": result.repaired}
