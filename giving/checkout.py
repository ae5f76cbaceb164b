"""Starting a gift's checkout: the row first (no card data), then the provider's session, then the URL.

A provider that fails leaves the row marked expired, never a gift that looks as if it could still be paid.
"""

import logging

from django.db import transaction
from django.utils import timezone

from website.normalise import normalise_email

from .models import Frequency, Gift, GiftStatus, MonthlyGift, MonthlyStatus
from .payments import PaymentError

logger = logging.getLogger(__name__)


def donor_values(page, form, language, provider):
    return {
        "page_key": page.translation_key,
        "earmark_id": page.earmark_id,
        "amount_cents": form.amount_cents,
        "email": normalise_email(form.cleaned_data["email"]) or form.cleaned_data["email"],
        "language": language,
        "newsletter_consent": form.cleaned_data["newsletter"],
        "provider": provider.name,
    }


def start_gift(page, form, language, provider):
    """Create the one-off gift or the monthly gift and its Checkout Session; returns (row, URL)."""
    values = donor_values(page, form, language, provider)
    if form.cleaned_data["frequency"] == Frequency.MONTHLY:
        row = MonthlyGift.objects.create(**values)
        return row, checkout(row, provider.create_monthly_session)
    row = Gift.objects.create(frequency=Frequency.ONE_OFF, **values)
    return row, checkout(row, provider.create_gift_session)


def make_monthly(gift, provider):
    """The upsell after a one-off gift: the same donor, amount and earmark, monthly. One per gift."""
    with transaction.atomic():
        monthly, created = MonthlyGift.objects.get_or_create(
            upsold_from=gift,
            defaults={
                "page_key": gift.page_key,
                "earmark_id": gift.earmark_id,
                "amount_cents": gift.amount_cents,
                "email": gift.email,
                "language": gift.language,
                "newsletter_consent": gift.newsletter_consent,
                "provider": provider.name,
                "customer_id": gift.customer_id,
            },
        )
    if monthly.status != MonthlyStatus.INCOMPLETE:
        return monthly, None
    return monthly, checkout(monthly, provider.create_monthly_session)


def checkout(row, create):
    try:
        session = create(row)
    except PaymentError:
        if isinstance(row, Gift):
            Gift.objects.filter(pk=row.pk).update(status=GiftStatus.EXPIRED)
        else:
            MonthlyGift.objects.filter(pk=row.pk).update(status=MonthlyStatus.CANCELLED, cancelled_at=timezone.now())
        raise
    type(row).objects.filter(pk=row.pk).update(checkout_session_id=session["id"])
    row.checkout_session_id = session["id"]
    return session["url"]
