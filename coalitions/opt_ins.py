"""A partner's export: the confirmed, not yet anonymised signers who opted in to that partner, with the
opt-in text version they accepted (the partner's proof of consent). Rows as tuples, streamed in chunks."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from petitions.exports import local_time
from petitions.models import Signature, SignatureStatus

OPT_IN_COLUMNS = (
    (_("Name"), "name"),
    (_("Email"), "email"),
    (_("Language"), "language"),
    (_("Municipality"), "municipality__name"),
    (_("Opted in at"), "opted_in_at"),
    (_("Opt-in text version"), "opt_in_version"),
    (_("Confirmed at"), "confirmed_at_local"),
)


def opt_in_rows(partner_key):
    return (
        Signature.objects.filter(
            status=SignatureStatus.CONFIRMED, anonymised_at__isnull=True, partner_opt_ins__partner_key=partner_key
        )
        .annotate(
            # In the site's time zone, to the second, as the petitions' own exports write them.
            opted_in_at=local_time("partner_opt_ins__created_at"),
            opt_in_version=F("partner_opt_ins__consent__version"),
            confirmed_at_local=local_time("confirmed_at"),
        )
        .order_by("pk")
        .values_list(*[field for _header, field in OPT_IN_COLUMNS])
    )
