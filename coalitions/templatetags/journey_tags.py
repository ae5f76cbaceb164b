from django import template

from coalitions import journey
from coalitions.partners import partners_of

register = template.Library()


@register.inclusion_tag("petitions/includes/asks.html", takes_context=True)
def petition_asks(context, petition, campaign=None):
    """Share links (counted) and the donate ask, after signing or confirming."""
    return journey.petition_asks(context["request"], petition, campaign)


@register.inclusion_tag("coalitions/includes/gift_asks.html", takes_context=True)
def gift_asks(context, campaign=None):
    """After a gift: share the campaign, and sign its petition when it has an open one."""
    petition = journey.campaign_petition(campaign)
    return {**journey.gift_asks(context["request"], campaign, petition), "petition": petition, "campaign": campaign}


@register.simple_tag
def petition_partners(petition):
    """The petition's coalition partners (cached; see coalitions.partners)."""
    return partners_of(petition)
