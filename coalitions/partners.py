"""A petition's coalition partners as the public pages need them: cached, so the campaign page and the
signing form cost no query for them once warm (the petitions' query budgets stay as they were)."""

from django.core.cache import cache

from .consent import current_partner_consent
from .models import CoalitionPartner

TTL = 600
LOGO_RENDITION = "max-240x96"


def _key(petition_key, locale_id):
    return f"coalitions:partners:{petition_key}:{locale_id}"


def partners_of(petition):
    """[{partner_key, name, website, logo, consent_id, opt_in}] of this petition copy, in its order.

    `consent_id` is the current version of the partner's opt-in text (None when it offers no opt-in).
    """
    key = _key(petition.translation_key, petition.locale_id)
    value = cache.get(key)
    if value is None:
        value = [_describe(partner) for partner in _partners(petition)]
        cache.set(key, value, TTL)
    return value


def _partners(petition):
    return CoalitionPartner.objects.filter(petition=petition).select_related("organisation__logo", "locale", "petition")


def _describe(partner):
    organisation = partner.organisation
    consent = current_partner_consent(partner) if partner.opt_in_text.strip() else None
    logo = organisation.logo.get_rendition(LOGO_RENDITION) if organisation.logo else None
    return {
        "partner_key": str(partner.partner_key),
        "name": organisation.name,
        "website": organisation.website,
        "logo": {"url": logo.url, "width": logo.width, "height": logo.height} if logo else None,
        "consent_id": consent.pk if consent else None,
        "opt_in": consent.text if consent else "",
    }


def forget(instance):
    """Drop the cached lists a partner (or an organisation, which may be any partner's) shows in."""
    from petitions.models import Petition

    if isinstance(instance, CoalitionPartner):
        # Its petition may be the one being deleted: read it by id, and forget every copy's list.
        petition = Petition.objects.filter(pk=instance.petition_id).first()
        if petition is not None:
            for copy in Petition.objects.filter(translation_key=petition.translation_key):
                cache.delete(_key(copy.translation_key, copy.locale_id))
    else:
        for partner in CoalitionPartner.objects.filter(organisation=instance).select_related("petition"):
            cache.delete(_key(partner.petition.translation_key, partner.petition.locale_id))
