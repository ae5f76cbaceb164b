"""Background work of giving: the email with the link to manage a monthly gift."""

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import translation

from website.mail import send_templated
from website.normalise import normalise_email

from .models import MonthlyGift, MonthlyStatus
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
