"""Answering donors' privacy requests, by email address, like signatures (petitions/privacy.py).

Amounts, dates and Stripe references stay after an erasure: Dutch law makes us keep financial
records for seven years. What goes is everything that identifies the donor: email address and name
(a shown name leaves the canvas at once).
"""

from django.utils import timezone

from website.normalise import normalise_email
from website.translation import in_language

from . import canvas
from .area import format_cm2
from .models import Donation, DonationAd, Hold, NameStatus


def donations_of(email):
    return Donation.objects.filter(email_normalised=normalise_email(email), anonymised_at__isnull=True)


def unpaid_holds_of(email):
    return Hold.objects.filter(email_normalised=normalise_email(email), donation__isnull=True).exclude(email="")


def export_person(email):
    """Everything held about the person with this address (access request): gifts and unpaid attempts."""
    rows = []
    for donation in donations_of(email).order_by("paid_at"):
        ad = in_language(donation.ad_key, donation.language, model=DonationAd)
        rows.append(
            {
                "kind": "donation",
                "ad": ad.title if ad else str(donation.ad_key),
                "email": donation.email,
                "name_shown": donation.display_name,
                "name_status": donation.name_status,
                "amount_eur": f"{donation.amount_cents / 100:.2f}",
                "area_cm2": format_cm2(donation.units),
                "refunded_eur": f"{donation.refunded_cents / 100:.2f}",
                "method": donation.method,
                "language": donation.language,
                "paid_at": donation.paid_at.isoformat(),
                "checkout_session": donation.checkout_session_id,
            }
        )
    for hold in unpaid_holds_of(email).order_by("created_at"):
        ad = in_language(hold.ad_key, hold.language, model=DonationAd)
        rows.append(
            {
                "kind": "unpaid checkout",
                "ad": ad.title if ad else str(hold.ad_key),
                "email": hold.email,
                "name_shown": hold.display_name,
                "amount_eur": f"{hold.amount_cents / 100:.2f}",
                "area_cm2": format_cm2(hold.units),
                "status": hold.status,
                "language": hold.language,
                "started_at": hold.created_at.isoformat(),
            }
        )
    return rows


def erase_person(email):
    """Erase this person's identifying data from donations and checkouts; returns how many rows."""
    donations = list(donations_of(email).values_list("pk", "ad_key"))
    Donation.objects.filter(pk__in=[pk for pk, _key in donations]).update(
        email="", email_normalised="", display_name="", name_status=NameStatus.NONE, anonymised_at=timezone.now()
    )
    Hold.objects.filter(email_normalised=normalise_email(email)).update(email="", email_normalised="", display_name="")
    for ad_key in {key for _pk, key in donations}:
        canvas.invalidate(ad_key)
    return len(donations)
