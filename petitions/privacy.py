"""Answering privacy requests and anonymising on schedule (GDPR art. 9: a signature is a political
opinion). Aggregates survive anonymisation: status, municipality and dates stay."""

from django.utils import timezone

from website.normalise import normalise_email
from website.translation import in_language

from .models import Petition, Signature

ANONYMOUS = "—"

# Personal data other apps keep about signatures (coalitions: the partners' opt-ins), registered from their
# `ready()`: each has `forget(signatures)`, deleting its rows of those signatures (a queryset), and
# `describe(signature)`, what it holds about one signature for an access request ({} when nothing).
PRIVACY_EXTENSIONS = []


def anonymise_signatures(queryset):
    """Blank the personal fields of signatures not yet anonymised, and drop what other apps hold about
    them; returns how many were done."""
    queryset = queryset.filter(anonymised_at__isnull=True)
    for extension in PRIVACY_EXTENSIONS:
        extension.forget(queryset)
    return queryset.update(
        name=ANONYMOUS,
        email="",
        email_normalised="",
        postcode="",
        comment="",
        ip_address=None,
        form_seconds=None,
        newsletter_opt_in=False,
        notify_on_response=False,
        confirmation_due=False,
        anonymised_at=timezone.now(),
    )


def signatures_of(email):
    return Signature.objects.filter(email_normalised=normalise_email(email))


def export_person(email):
    """Everything held about the person with this address, across all petitions (access request)."""
    rows = []
    for signature in signatures_of(email).select_related("municipality", "consent").order_by("created_at"):
        petition = in_language(signature.petition_key, signature.language, model=Petition)
        rows.append(
            {
                "petition": petition.title if petition else str(signature.petition_key),
                "name": signature.name,
                "email": signature.email,
                "municipality": signature.municipality.name if signature.municipality else "",
                "postcode": signature.postcode,
                "comment": signature.comment,
                "language": signature.language,
                "status": signature.status,
                "signed_at": signature.created_at.isoformat(),
                "confirmed_at": signature.confirmed_at.isoformat() if signature.confirmed_at else None,
                "newsletter_opt_in": signature.newsletter_opt_in,
                "notify_on_response": signature.notify_on_response,
                "consent_version": signature.consent.version,
                "consent_text": signature.consent.text,
                "ip_address": signature.ip_address,
            }
        )
        for extension in PRIVACY_EXTENSIONS:
            rows[-1].update(extension.describe(signature))
    return rows


def erase_person(email):
    """Erase this person's signatures (erasure request); returns how many there were.

    Pending ones are deleted. Confirmed ones are invalidated, so the counting job takes them out of
    the count, and anonymised: the row stays only as an anonymous tally.
    """
    ids = list(signatures_of(email).values_list("pk", flat=True))
    signatures = Signature.objects.filter(pk__in=ids)
    signatures.filter(status="pending").delete()
    signatures.update(status="invalidated")
    anonymise_signatures(signatures)
    return len(ids)
