"""The finance export of giving: one row per payment, with the Stripe references bookkeeping matches on.

No email addresses or card data. Rows are read in chunks and written by website.exports (streamed,
formula-safe), as the ad's finance export.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Gift, GiftStatus

CHUNK_SIZE = 2000
COLUMNS = (
    (_("Payment"), "pk"),
    (_("Paid at"), "paid_at"),
    (_("frequency"), "frequency"),
    (_("Amount (EUR)"), "amount_cents"),
    (_("Refunded (EUR)"), "refunded_cents"),
    (_("status"), "status"),
    (_("Checkout Session"), "checkout_session_id"),
    (_("PaymentIntent"), "payment_intent_id"),
    (_("Stripe invoice"), "invoice_id"),
    (_("Stripe subscription"), "monthly_gift__subscription_id"),
    (_("Stripe customer"), "customer_id"),
    (_("earmark"), "earmark__title"),
    (_("Language"), "language"),
)
MONEY = {"amount_cents", "refunded_cents"}


def header():
    return [str(label) for label, _field in COLUMNS]


def export_queryset(year=None):
    queryset = Gift.objects.filter(status__in=[GiftStatus.PAID, GiftStatus.REFUNDED])
    if year:
        start = timezone.make_aware(datetime.datetime(year, 1, 1))
        queryset = queryset.filter(paid_at__gte=start, paid_at__lt=start.replace(year=year + 1))
    return queryset.order_by("paid_at", "pk").values_list(*(field for _label, field in COLUMNS))


def _cell(field, value):
    if field in MONEY:
        return f"{value / 100:.2f}"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")
    return value


def export_rows(year=None):
    fields = [field for _label, field in COLUMNS]
    return (
        tuple(_cell(field, value) for field, value in zip(fields, row, strict=True))
        for row in export_queryset(year).iterator(chunk_size=CHUNK_SIZE)
    )
