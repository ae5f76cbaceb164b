"""Public endpoints: the counted share redirect, and the embeddable counters for petitions and ads."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET, require_safe

from donations import canvas
from donations.area import UNITS_PER_CM2
from donations.models import DonationAd
from petitions import counting, lookups
from website import caching, ratelimit
from website.net import client_ip
from website.translation import in_language_or_404

from .clicks import count_click
from .journey import SHARE_CHANNELS, campaign_of, donate_target, share_page_url, share_target
from .models import ShareChannel

# The counters may be framed by any site (newspapers, partners); nothing else may be. No inline style or
# script on them, so the site's strict policy holds otherwise.
EMBED_CSP = {**settings.SECURE_CSP, "frame-ancestors": ["*"], "style-src": ["'self'"]}
EMBED_SECONDS = 30
CLICKS_PER_VISITOR = 10  # per petition and hour


class ShareRedirect(HttpResponseRedirect):
    allowed_schemes = ["http", "https", "mailto"]


@require_GET
def share_redirect(request, petition_key, channel):
    """Count one click on a petition's share link (or donate ask) and send the browser on. Nothing about the
    visitor is kept: a tally per petition, channel and day."""
    if channel not in {*SHARE_CHANNELS, ShareChannel.DONATE}:
        raise Http404("Unknown channel")
    petition = in_language_or_404(petition_key, copies=lookups.petition_copies)
    campaign = campaign_of(petition)
    if channel == ShareChannel.DONATE:
        target = donate_target(campaign)
        if target is None:
            raise Http404("Nowhere to donate")
    else:
        target = share_target(channel, share_page_url(request, campaign), petition.share_text)
    # One visitor clicking again and again still reaches the network, but counts a few times at most.
    if not ratelimit.hit("share-click", f"{client_ip(request)}:{petition.petition_key}", CLICKS_PER_VISITOR, 3600):
        count_click(petition.petition_key, channel)
    response = ShareRedirect(target)
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)  # every click reaches us, or it is not counted
    return response


def embeddable(view):
    return require_safe(xframe_options_exempt(csp_override(EMBED_CSP)(view)))


@embeddable
def embed_petition(request, petition_key):
    petition = in_language_or_404(petition_key, copies=lookups.petition_copies)
    count = counting.get_count(petition.petition_key, ttl=lookups.petition_settings().counting_interval)
    campaign = campaign_of(petition)
    context = {
        "petition": petition,
        "count": count,
        "goal": max(petition.goal, count["total"]),
        "link": share_page_url(request, campaign),
    }
    return caching.share(request, render(request, "coalitions/embed_petition.html", context), EMBED_SECONDS)


@embeddable
def embed_ad(request, ad_key):
    ad = in_language_or_404(ad_key, model=DonationAd)
    state = canvas.get_state(ad)
    context = {
        "ad": ad,
        "state": state,
        "units_max": max(state["total_cm2"] * UNITS_PER_CM2, state["funded_units"], 1),
        "link": share_page_url(request, campaign_of(ad)),
    }
    return caching.share(request, render(request, "coalitions/embed_ad.html", context), EMBED_SECONDS)
