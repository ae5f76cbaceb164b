"""Signature exports, bound to a purpose: each profile carries only the columns its purpose needs.

- handover: names and municipality of confirmed signers, for handing the petition over (no emails);
- crm: confirmed newsletter opt-ins with what the CRM needs to prove consent;
- fraud: what helps judge whether signatures are genuine, with the email reduced to its domain.

Rows come from `values_list(...).iterator()`, never model instances, so an export of a million
signatures holds one chunk in memory at a time.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.db.models import BooleanField, CharField, FloatField, Sum
from django.db.models.functions import Cast, TruncSecond
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from website.exports import temporary_file

from .abuse import email_domain
from .models import Municipality, PaperSignatures, Signature, SignatureStatus

CHUNK_SIZE = 2000


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    purpose: str
    columns: tuple  # (header, field of the values_list)
    base_filter: dict
    ordering: tuple = ("pk",)
    # Moments, written by the database in the site's time zone: formatting a million of them in
    # Python took longer than fetching the rows.
    local_times: tuple = ()

    @property
    def header(self):
        return [str(header) for header, _field in self.columns]

    @property
    def fields(self):
        return [f"{field}_local" if field in self.local_times else field for _header, field in self.columns]


def local_time(field):
    """`field` as text, to the second, in the site's time zone: "2025-03-01 13:00:00"."""
    return Cast(TruncSecond(field, tzinfo=timezone.get_current_timezone()), output_field=CharField())


PROFILES = {
    "handover": Profile(
        "handover",
        _("Handover"),
        _("Names and municipality of confirmed signers, to hand the petition over."),
        ((_("Name"), "name"), (_("Municipality"), "municipality__name")),
        {"status": SignatureStatus.CONFIRMED},
        ordering=("municipality__name", "name", "pk"),
    ),
    "crm": Profile(
        "crm",
        _("CRM (newsletter)"),
        _("Confirmed signers who opted in to the newsletter, with proof of consent."),
        (
            (_("Name"), "name"),
            (_("Email"), "email"),
            (_("Language"), "language"),
            (_("Newsletter opt-in"), "newsletter_opt_in"),
            (_("Consent version"), "consent__version"),
            (_("Confirmed at"), "confirmed_at"),
        ),
        {"status": SignatureStatus.CONFIRMED, "newsletter_opt_in": True, "anonymised_at__isnull": True},
        local_times=("confirmed_at",),
    ),
    "fraud": Profile(
        "fraud",
        _("Fraud review"),
        _("Signals for judging whether signatures are genuine; emails only by domain."),
        (
            (_("ID"), "pk"),
            (_("Signed at"), "created_at"),
            (_("Confirmed at"), "confirmed_at"),
            (_("Status"), "status"),
            (_("Suspect because"), "suspect_reasons"),
            (_("IP address"), "ip_address"),
            (_("Seconds on the form"), "form_seconds"),
            (_("Email domain"), "email_domain"),
        ),
        {},
        local_times=("created_at", "confirmed_at"),
    ),
}


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def filter_signatures(queryset, filters):
    """Narrow signatures by the export filters: status, created between two dates, municipality, opt-in."""
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("date_from"):
        queryset = queryset.filter(created_at__gte=_start_of(filters["date_from"]))
    if filters.get("date_to"):  # inclusive: up to the end of that day
        queryset = queryset.filter(created_at__lt=_start_of(filters["date_to"] + datetime.timedelta(days=1)))
    if filters.get("municipality"):
        queryset = queryset.filter(municipality__cbs_code=filters["municipality"])
    if filters.get("newsletter") is not None:
        queryset = queryset.filter(newsletter_opt_in=filters["newsletter"])
    return queryset


def export_queryset(petition_key, profile, filters):
    """The values_list of one export; `.count()` on it is the number of rows the export writes."""
    profile = PROFILES[profile]
    queryset = Signature.objects.filter(petition_key=petition_key, **profile.base_filter)
    queryset = filter_signatures(queryset, filters)
    if "email_domain" in profile.fields:
        queryset = queryset.annotate(email_domain=email_domain())
    if profile.local_times:
        queryset = queryset.annotate(**{f"{field}_local": local_time(field) for field in profile.local_times})
    return queryset.order_by(*profile.ordering).values_list(*profile.fields)


def _seconds(value):
    return "" if value is None else f"{value:.1f}"


def _label(labels):
    """A cell written as its label: yes/no, a status. The labels are translated when the export starts, in the
    staff member's language: the rows are written later, while the response streams."""
    labels = {value: str(label) for value, label in labels.items()}
    return lambda value: labels.get(value, value)


# Statuses as words, lower case like yes/no: cells to filter on in a spreadsheet.
STATUS_CELLS = {
    SignatureStatus.PENDING: _("pending"),
    SignatureStatus.CONFIRMED: _("confirmed"),
    SignatureStatus.INVALIDATED: _("invalidated"),
}


def export_rows(petition_key, profile, filters):
    """The rows of one export as tuples, fetched in chunks when iterated; yes/no, statuses and seconds are
    formatted here, in the language active now."""
    queryset = export_queryset(petition_key, profile, filters)
    fields = Signature._meta
    formats = {}
    for index, name in enumerate(PROFILES[profile].fields):
        field = fields.get_field(name) if name in {f.name for f in fields.fields} else None
        if isinstance(field, BooleanField):
            formats[index] = _label({True: _("yes"), False: _("no")})
        elif isinstance(field, FloatField):
            formats[index] = _seconds
        elif name == "status":
            formats[index] = _label(STATUS_CELLS)
    return _formatted(queryset, formats)


def _formatted(queryset, formats):
    if not formats:
        yield from queryset.iterator(chunk_size=CHUNK_SIZE)
        return
    for row in queryset.iterator(chunk_size=CHUNK_SIZE):
        row = list(row)
        for index, format_value in formats.items():
            row[index] = format_value(row[index])
        yield row


def _profile_choices():
    return [(profile.name, f"{profile.label} – {profile.purpose}") for profile in PROFILES.values()]


class ExportFilterForm(forms.Form):
    """The filters of an export; bad input becomes form errors, never an exception."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *SignatureStatus.choices]
    )
    date_from = forms.DateField(label=_("Signed from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(
        label=_("Signed until (inclusive)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        required=False,
        to_field_name="cbs_code",
        queryset=Municipality.objects.all(),
        empty_label=_("All municipalities"),
    )
    newsletter = forms.TypedChoiceField(
        label=_("Newsletter"),
        required=False,
        empty_value=None,
        coerce=lambda value: value == "yes",
        choices=[("", _("Opted in or not")), ("yes", _("Opted in")), ("no", _("Not opted in"))],
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    @property
    def filters(self):
        """The cleaned filters as export_rows takes them (municipality by CBS code)."""
        municipality = self.cleaned_data.get("municipality")
        return {
            "status": self.cleaned_data.get("status") or None,
            "date_from": self.cleaned_data.get("date_from"),
            "date_to": self.cleaned_data.get("date_to"),
            "municipality": municipality.cbs_code if municipality else None,
            "newsletter": self.cleaned_data.get("newsletter"),
        }

    @property
    def filters_for_log(self):
        """The filters that were set, JSON-ready for the audit log."""
        return {
            key: value.isoformat() if isinstance(value, datetime.date) else value
            for key, value in self.filters.items()
            if value is not None
        }


class ExportForm(ExportFilterForm):
    FORMATS = [("csv", "CSV"), ("xlsx", "Excel (XLSX)")]

    profile = forms.ChoiceField(label=_("Purpose"), choices=_profile_choices, widget=forms.RadioSelect)
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="csv", widget=forms.RadioSelect)
    field_order = ["profile", "format", "status", "date_from", "date_to", "municipality", "newsletter"]


def paper_count(petition_key, municipality):
    return (
        PaperSignatures.objects.filter(petition_key=petition_key, municipality=municipality).aggregate(
            total=Sum("count")
        )["total"]
        or 0
    )


def handover_pdf(petition, municipality, count, names, paper=0):
    """An A4 handover document in a temporary file: the petition, its demand, whom it addresses, the
    municipality, the count, and the signers' names in three columns.

    Names are drawn as they come (column by column, page by page), so a few thousand names never
    sit in a table in memory.
    """
    # Vera ships with reportlab and is embedded, so names with accents print as typed.
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
        pdfmetrics.registerFont(TTFont("VeraBd", "VeraBd.ttf"))
    width, height = A4
    margin, columns, leading = 20 * mm, 3, 13
    column_width = (width - 2 * margin) / columns
    handle = temporary_file()
    canvas = Canvas(handle, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"{petition.title} – {municipality.name}")
    page = 1

    def footer():
        canvas.setFont("Vera", 8)
        canvas.drawRightString(width - margin, margin / 2, str(page))

    def paragraph(text, font, size, y, gap=4):
        canvas.setFont(font, size)
        for line in simpleSplit(text, font, size, width - 2 * margin):
            canvas.drawString(margin, y, line)
            y -= size * 1.3
        return y - gap

    y = height - margin
    y = paragraph(petition.title, "VeraBd", 18, y, gap=8)
    y = paragraph(petition.demand, "Vera", 11, y, gap=10)
    y = paragraph(f"{_('Addressed to')}: {petition.addressed_to}", "Vera", 11, y)
    y = paragraph(f"{_('Municipality')}: {municipality.name}", "VeraBd", 12, y)
    counted = f"{_('Signatures')}: {count}"
    if paper:
        counted += " " + str(_("(plus %(paper)s on paper)") % {"paper": paper})
    y = paragraph(counted, "Vera", 11, y, gap=12)

    top, column = y, 0
    canvas.setFont("Vera", 9)
    for name in names:
        if y < margin:
            column += 1
            y = top
            if column == columns:
                footer()
                canvas.showPage()
                page += 1
                canvas.setFont("Vera", 9)
                column, top = 0, height - margin
                y = top
        text = str(name)
        while text and pdfmetrics.stringWidth(text, "Vera", 9) > column_width - 6:
            text = text[:-1]
        canvas.drawString(margin + column * column_width, y, text)
        y -= leading
    footer()
    canvas.save()
    return handle
