"""Versioned partner opt-in texts, as petitions/consent.py versions the petition's own consent text."""

from website.i18n import language_code_of
from website.versions import current_version

from .models import PartnerConsentVersion


def current_partner_consent(partner):
    """The latest version of this partner copy's opt-in text, created when the text changed."""
    return current_version(
        PartnerConsentVersion,
        partner.opt_in_text,
        partner_key=partner.partner_key,
        language=language_code_of(partner),
    )
