"""Sign → share → give: what a visitor is asked next, after signing, confirming or giving.

Share links are plain links (no third-party script runs until the visitor clicks one), WhatsApp first for a
Dutch audience. On our pages they go through `share_redirect`, which counts the click per petition and
channel and sends the browser on; the donate ask goes the same way (channel "donate").
"""

from urllib.parse import quote, urlencode

from django.urls import reverse

from website.models import SiteIdentity
from website.references import pages_showing
from website.translation import in_language

from .models import ShareChannel

SHARE_CHANNELS = [
    ShareChannel.WHATSAPP,
    ShareChannel.EMAIL,
    ShareChannel.X,
    ShareChannel.BLUESKY,
    ShareChannel.FACEBOOK,
]


def share_target(channel, url, text=""):
    """The network's own share URL for `url` with `text`; None for a channel that is not a share channel."""
    message = f"{text} {url}".strip()
    targets = {
        ShareChannel.WHATSAPP: lambda: "https://wa.me/?" + urlencode({"text": message}),
        ShareChannel.EMAIL: lambda: f"mailto:?subject={quote(text or url)}&body={quote(message)}",
        ShareChannel.X: lambda: "https://x.com/intent/post?" + urlencode({"text": text, "url": url}),
        ShareChannel.BLUESKY: lambda: "https://bsky.app/intent/compose?" + urlencode({"text": message}),
        ShareChannel.FACEBOOK: lambda: "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
    }
    build = targets.get(channel)
    return build() if build else None


def campaign_of(obj):
    """The live page that shows a petition or ad (in its language), or None."""
    return pages_showing(obj).first()


def open_ad(campaign):
    """The campaign page's ad while it takes gifts (never on a finished campaign), else None."""
    if campaign is None or getattr(campaign, "is_finished", False):
        return None
    for block in getattr(campaign, "body", []):
        if block.block_type == "donation_ad":
            ad = block.value.get("ad")
            if ad is not None and ad.accepts_gifts():
                return ad
    return None


def donate_target(campaign):
    """Where the donate ask leads: the campaign's open ad, else the organisation's donate page or link."""
    if open_ad(campaign) is not None:
        return f"{campaign.url}#donate"
    identity = in_language(SiteIdentity.objects.select_related("donate_page"))
    if identity is None:
        return None
    if identity.donate_page:
        page = identity.donate_page.localized
        if page.live:
            return page.url
    return identity.donate_url or None


def share_page_url(request, campaign):
    return campaign.get_full_url(request) if campaign else request.build_absolute_uri("/")


def petition_asks(request, petition, campaign):
    """The share links (through our counter) and the donate ask after signing or confirming a petition."""
    key = petition.petition_key
    links = [
        (channel.value, channel.label, reverse("coalitions:share", args=[key, channel.value]))
        for channel in SHARE_CHANNELS
    ]
    donate = reverse("coalitions:share", args=[key, ShareChannel.DONATE.value]) if donate_target(campaign) else None
    return {"share_links": links, "share_url": share_page_url(request, campaign), "donate_url": donate}


def gift_asks(request, campaign, petition=None):
    """After a gift: share the campaign (counted for its petition when it has one) and sign its petition."""
    url = share_page_url(request, campaign)
    if petition is not None:
        links = [
            (channel.value, channel.label, reverse("coalitions:share", args=[petition.petition_key, channel.value]))
            for channel in SHARE_CHANNELS
        ]
    else:
        links = [(channel.value, channel.label, share_target(channel, url)) for channel in SHARE_CHANNELS]
    return {"share_links": links, "share_url": url, "donate_url": None}


def campaign_petition(campaign):
    """The open petition on a campaign page, or None."""
    for block in getattr(campaign, "body", []) if campaign else []:
        if block.block_type == "petition":
            petition = block.value.get("petition")
            if petition is not None and petition.is_open():
                return petition
    return None
