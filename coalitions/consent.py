"""Versioned partner opt-in texts, as petitions/consent.py versions the petition's own consent text."""

from django.db import IntegrityError, transaction

from .models import PartnerConsentVersion


def current_partner_consent(partner):
    """The latest version of this partner copy's opt-in text, created when the text changed."""
    language = partner.locale.language_code
    latest = (
        PartnerConsentVersion.objects.filter(partner_key=partner.partner_key, language=language)
        .order_by("-version")
        .first()
    )
    if latest and latest.text == partner.opt_in_text:
        return latest
    try:
        with transaction.atomic():
            return PartnerConsentVersion.objects.create(
                partner_key=partner.partner_key,
                language=language,
                version=(latest.version + 1) if latest else 1,
                text=partner.opt_in_text,
            )
    except IntegrityError:  # another request made the same version first
        return current_partner_consent(partner)
