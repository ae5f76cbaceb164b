"""The finance export: one row per donation with what bookkeeping needs to match Stripe's payouts.

No email addresses or names: finance reconciles by Stripe reference and amount. Rows come from
`values_list(...).iterator()`; the file is written by website.exports (streamed, formula-safe).
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Donation

CHUNK_SIZE = 2000
COLUMNS = (
    (_("Donation"), "pk"),
    (_("Paid at"), "paid_at"),
    (_("Amount (EUR)"), "amount_cents"),
    (_("Refunded (EUR)"), "refunded_cents"),
    (_("Refunded at"), "refunded_at"),
    (_("Area (cm²)"), "units"),
    (_("Area on the ad (cm²)"), "credited_units"),
    (_("Payment method"), "method"),
    (_("Checkout Session"), "checkout_session_id"),
    (_("PaymentIntent"), "payment_intent_id"),
    (_("Language"), "language"),
    (_("Live mode"), "livemode"),
)
MONEY = {"amount_cents", "refunded_cents"}
AREA = {"units", "credited_units"}


def header():
    return [str(label) for label, _field in COLUMNS]


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def export_queryset(ad_key, date_from=None, date_to=None):
    queryset = Donation.objects.filter(ad_key=ad_key)
    if date_from:
        queryset = queryset.filter(paid_at__gte=_start_of(date_from))
    if date_to:  # inclusive
        queryset = queryset.filter(paid_at__lt=_start_of(date_to + datetime.timedelta(days=1)))
    return queryset.order_by("paid_at", "pk").values_list(*(field for _label, field in COLUMNS))


def _cell(field, value, yes_no):
    if field in MONEY:
        return f"{value / 100:.2f}"
    if field in AREA:
        return f"{value / 100:.2f}"
    if isinstance(value, bool):
        return yes_no[value]
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")
    return value


def export_rows(ad_key, date_from=None, date_to=None):
    """The rows, fetched in chunks when iterated. Yes/no are translated now, in the staff member's language: the
    rows are written later, while the response streams."""
    fields = [field for _label, field in COLUMNS]
    yes_no = {True: str(_("yes")), False: str(_("no"))}
    queryset = export_queryset(ad_key, date_from, date_to)
    return (
        tuple(_cell(field, value, yes_no) for field, value in zip(fields, row, strict=True))
        for row in queryset.iterator(chunk_size=CHUNK_SIZE)
    )


class FinanceExportForm(forms.Form):
    FORMATS = [("csv", "CSV"), ("xlsx", "Excel (XLSX)")]

    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="csv", widget=forms.RadioSelect)
    date_from = forms.DateField(label=_("Paid from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(
        label=_("Paid until (inclusive)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned
