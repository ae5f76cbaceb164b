"""Which petition a gift came from: the donor signed it (with the same address) in the days before giving.

Marked once, when the donation is first saved (fulfilment writes each donation once), in our own table:
the donations app needs no field for it and Stripe no metadata.
"""

import datetime

from petitions.models import Signature

from .models import DonationOrigin

WINDOW = datetime.timedelta(days=30)


def mark_origin(donation):
    if not donation.email_normalised:
        return None
    petition_key = (
        Signature.objects.filter(
            email_normalised=donation.email_normalised,
            created_at__lte=donation.paid_at,
            created_at__gte=donation.paid_at - WINDOW,
        )
        .order_by("-created_at")
        .values_list("petition_key", flat=True)
        .first()
    )
    if petition_key is None:
        return None
    origin, _created = DonationOrigin.objects.get_or_create(donation=donation, defaults={"petition_key": petition_key})
    return origin


def on_donation_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        mark_origin(instance)
