"""The ANBI data (legal name, RSIN) for a donor's statement and receipts: from the site identity in the
donor's language, else the one in any language (the values are synchronised between translations)."""

from dataclasses import dataclass

from website.models import SiteIdentity

FALLBACK_NAME = "VluchtelingenWerk Nederland"


@dataclass(frozen=True)
class Anbi:
    organisation_name: str
    legal_name: str
    rsin: str

    @property
    def name(self):
        return self.legal_name or self.organisation_name


def anbi_for(language):
    identities = SiteIdentity.objects.only("organisation_name", "legal_name", "rsin", "locale__language_code")
    identity = (
        identities.filter(locale__language_code=language).first()
        or identities.exclude(rsin="").order_by("pk").first()
        or identities.order_by("pk").first()
    )
    if identity is None:
        return Anbi(FALLBACK_NAME, "", "")
    return Anbi(identity.organisation_name, identity.legal_name, identity.rsin)
