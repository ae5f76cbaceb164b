"""Invalidating signatures by criteria (an IP address, an email domain, a period, a municipality),
and undoing it.

Invalidated signatures keep their row and point at the `Invalidation` that took them out; the
counting job removes them from the public count on its next run, and puts them back after an undo.
Criteria are stored as JSON-ready strings, exactly as `matching` takes them.
"""

import datetime

from django import forms
from django.core.validators import RegexValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from website.normalise import normalise_email

from .exports import filter_signatures
from .models import Invalidation, Municipality, Signature, SignatureStatus

CRITERIA = ("ip", "email_domain", "date_from", "date_to", "municipality")
INVALIDATABLE = (SignatureStatus.PENDING, SignatureStatus.CONFIRMED)
SAMPLE_SIZE = 20


def normalise_domain(domain):
    """`@GoogleMail.com` → `gmail.com`: the domain as it appears in normalised emails."""
    return normalise_email("x@" + domain.strip().lstrip("@")).rpartition("@")[2]


def matching(petition_key, criteria):
    """Pending and confirmed signatures of the petition matching every given criterion."""
    criteria = {key: value for key, value in criteria.items() if value}
    unknown = set(criteria) - set(CRITERIA)
    if unknown:
        raise ValueError(f"unknown criteria: {', '.join(sorted(unknown))}")
    if not criteria:
        raise ValueError("give at least one criterion")
    queryset = Signature.objects.filter(petition_key=petition_key, status__in=INVALIDATABLE)
    if criteria.get("ip"):
        queryset = queryset.filter(ip_address=criteria["ip"])
    if criteria.get("email_domain"):
        queryset = queryset.filter(email_normalised__endswith="@" + normalise_domain(criteria["email_domain"]))
    return filter_signatures(
        queryset,
        {
            "date_from": datetime.date.fromisoformat(criteria["date_from"]) if criteria.get("date_from") else None,
            "date_to": datetime.date.fromisoformat(criteria["date_to"]) if criteria.get("date_to") else None,
            "municipality": criteria.get("municipality"),
        },
    )


def preview(petition_key, criteria):
    """How many signatures `invalidate` would take out right now."""
    return matching(petition_key, criteria).count()


def sample(petition_key, criteria, size=SAMPLE_SIZE):
    return list(matching(petition_key, criteria).select_related("municipality").order_by("-created_at")[:size])


def invalidate(petition_key, criteria, reason, user):
    """Invalidate the matching signatures; returns the Invalidation (its `matched` says how many)."""
    with transaction.atomic():
        invalidation = Invalidation.objects.create(
            petition_key=petition_key, criteria=criteria, reason=reason, created_by=user
        )
        invalidation.matched = matching(petition_key, criteria).update(
            status=SignatureStatus.INVALIDATED, invalidation=invalidation
        )
        invalidation.save(update_fields=["matched"])
    return invalidation


def undo(invalidation):
    """Put the signatures of an invalidation back as they were; returns how many came back.

    Confirmed ones (they have confirmed_at) become confirmed again, the rest pending. Anonymised
    signatures stay invalidated: an erasure request may have anonymised them since.
    """
    with transaction.atomic():
        invalidation = Invalidation.objects.select_for_update().get(pk=invalidation.pk)
        if invalidation.undone_at:
            return 0
        signatures = Signature.objects.filter(
            invalidation=invalidation, status=SignatureStatus.INVALIDATED, anonymised_at__isnull=True
        )
        restored = signatures.filter(confirmed_at__isnull=False).update(
            status=SignatureStatus.CONFIRMED, invalidation=None
        )
        restored += signatures.filter(confirmed_at__isnull=True).update(
            status=SignatureStatus.PENDING, invalidation=None
        )
        invalidation.undone_at = timezone.now()
        invalidation.save(update_fields=["undone_at"])
    return restored


domain_validator = RegexValidator(r"^@?[a-z0-9.-]+\.[a-z]{2,}$", _("Give a domain such as example.org."))


class InvalidationForm(forms.Form):
    """Criteria (at least one) and the reason, recorded with the invalidation."""

    ip = forms.GenericIPAddressField(label=_("IP address"), required=False)
    email_domain = forms.CharField(
        label=_("Email domain"),
        required=False,
        max_length=253,
        validators=[domain_validator],
        help_text=_("E.g. example.org"),
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
        empty_label=_("Any municipality"),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Why these signatures are not genuine; kept with the invalidation."),
    )

    def clean_email_domain(self):
        domain = self.cleaned_data["email_domain"].strip().lower()
        return normalise_domain(domain) if domain else ""

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in CRITERIA) and not any(name in self.errors for name in CRITERIA):
            raise forms.ValidationError(_("Give at least one criterion."))
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned

    @property
    def criteria(self):
        """The criteria that were given, as stored and as `matching` takes them."""
        values = {
            "ip": self.cleaned_data.get("ip"),
            "email_domain": self.cleaned_data.get("email_domain"),
            "date_from": self.cleaned_data["date_from"].isoformat() if self.cleaned_data.get("date_from") else None,
            "date_to": self.cleaned_data["date_to"].isoformat() if self.cleaned_data.get("date_to") else None,
            "municipality": self.cleaned_data["municipality"].cbs_code
            if self.cleaned_data.get("municipality")
            else None,
        }
        return {key: value for key, value in values.items() if value}
