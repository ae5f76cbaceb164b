"""Journey: sign → confirm → share → give, and the counter that other sites embed.

A visitor signs the live example petition, confirms, sees the share links (WhatsApp first, through the site's own
click counter, no third-party script) and the donate ask, which leads to the campaign's open ad. The petition's
counter is then shown inside an <iframe> on a page of another origin, as a newspaper would embed it. The demo's
#500kinderen shows its coalition. In Dutch on a desktop and in English on a phone (375 px).
"""

import re
import uuid
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

TEXT = {
    "nl": {
        "campaign": "/nl/campagnes/voorbeeldcampagne/",
        "children": "/nl/campagnes/500kinderen/",
        "confirm": "Ja, bevestig mijn handtekening",
        "confirmed": "Bedankt: je handtekening telt mee",
        "donate": "Doneer",
        "signatures": "handtekeningen",
        "together": "Samen met",
    },
    "en": {
        "campaign": "/en/campaigns/example-campaign/",
        "children": "/en/campaigns/500-children/",
        "confirm": "Yes, confirm my signature",
        "confirmed": "Thank you: your signature counts",
        "donate": "Donate",
        "signatures": "signatures",
        "together": "Together with",
    },
}
VIEWPORTS = {"nl": {"width": 1280, "height": 900}, "en": {"width": 375, "height": 812}}
CHANNELS = ["whatsapp", "email", "x", "bluesky", "facebook"]

SEND_CONFIRMATIONS = """
from petitions.tasks import send_due_confirmations
mail.outbox = []
send_due_confirmations.call()
result = [{"to": m.to, "body": m.body} for m in mail.outbox]
"""
CLICKS = """
from django.db.models import Sum
from coalitions.models import ShareClick
result = ShareClick.objects.filter(petition_key=KEY, channel=CHANNEL).aggregate(n=Sum("clicks"))["n"] or 0
"""


def no_overflow(page, what):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{what} is {overflow} px wider than the window"


def clicks(site_shell, petition_key, channel):
    return site_shell.run(f"KEY = {petition_key!r}\nCHANNEL = {channel!r}\n" + CLICKS)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_visitor_signs_confirms_shares_and_is_asked_to_give(page, site_shell, site_url, language):
    text, size = TEXT[language], VIEWPORTS[language]
    tag = f"{language}-{size['width']}"
    page.set_viewport_size(size)
    email = f"journey.share.{language}.{uuid.uuid4().hex[:8]}@example.org"

    page.goto(text["campaign"])
    count_url = page.locator("[data-count-url]").first.get_attribute("data-count-url")
    petition_key = re.search(r"/petitions/([0-9a-f-]{36})/count\.json", count_url).group(1)
    page.fill("#id_name", f"Journey Share {language}")
    page.fill("#id_email", email)
    page.select_option("#id_municipality", "GM0363")
    page.check("#id_consent")
    page.locator(".petition-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{language}/petitions/.+/thanks/"))

    sent = [message for message in site_shell.run(SEND_CONFIRMATIONS) if message["to"] == [email]]
    assert len(sent) == 1, sent
    page.goto(re.search(r"https?://\S+/confirm/\S+", sent[0]["body"]).group(0))
    page.get_by_role("button", name=text["confirm"]).click()
    expect(page.locator("h1")).to_have_text(text["confirmed"])

    # Share: plain links, WhatsApp first, each through the site's own counter.
    links = page.locator("section.share a.share__link")
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]
    assert hrefs == [f"/{language}/petitions/{petition_key}/share/{channel}/" for channel in CHANNELS]
    if size["width"] <= 375:
        no_overflow(page, "the confirmed page")
    check_accessibility(page, f"confirmed ({language})")
    screenshot(page, f"journey-share-confirmed-{tag}")

    # Following a share link counts one click and leads to the network (not followed: it is another site).
    before = clicks(site_shell, petition_key, "whatsapp")
    answer = page.request.get(hrefs[0], max_redirects=0)
    assert answer.status == 302
    target = urlsplit(answer.headers["location"])
    assert target.netloc == "wa.me" and text["campaign"].strip("/").split("/")[-1] in target.query
    assert clicks(site_shell, petition_key, "whatsapp") == before + 1

    # Give: the ask leads (counted) to the campaign's open ad.
    donated = clicks(site_shell, petition_key, "donate")
    page.locator("aside.cta").get_by_role("link", name=text["donate"]).click()
    expect(page).to_have_url(re.compile(re.escape(text["campaign"]) + "#donate$"))
    expect(page.locator("#donate")).to_be_visible()
    assert clicks(site_shell, petition_key, "donate") == donated + 1
    screenshot(page, f"journey-share-give-{tag}")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_another_site_embeds_the_petition_counter_in_an_iframe(page, site_url, language):
    text, size = TEXT[language], VIEWPORTS[language]
    tag = f"{language}-{size['width']}"
    page.set_viewport_size(size)
    page.goto(text["campaign"])
    count_url = page.locator("[data-count-url]").first.get_attribute("data-count-url")
    petition_key = re.search(r"/petitions/([0-9a-f-]{36})/count\.json", count_url).group(1)
    embed_url = f"{site_url}/{language}/petitions/{petition_key}/embed/"

    # The counter page itself: small, accessible, fits a phone.
    page.goto(embed_url)
    expect(page.locator(".embed__number")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", language)
    no_overflow(page, "the counter")
    check_accessibility(page, f"embedded counter ({language})")

    # A page of another origin (about:blank) frames it, as a newspaper would with the admin's snippet.
    page.set_content(
        f'<!DOCTYPE html><html lang="{language}"><head><title>Krant</title></head><body><main><h1>Nieuws</h1>'
        f'<iframe src="{embed_url}" title="Petitie" width="100%" height="240"></iframe></main></body></html>'
    )
    frame = page.frame_locator("iframe")
    expect(frame.locator(".embed__number")).to_be_visible()
    expect(frame.locator(".embed__figure")).to_contain_text(text["signatures"])
    link = frame.locator("a.embed__button")
    box, frame_box = link.bounding_box(), page.locator("iframe").bounding_box()
    assert box["y"] + box["height"] <= frame_box["y"] + frame_box["height"], "the button is cut off by the frame"
    assert link.get_attribute("target") == "_blank"
    assert urlsplit(link.get_attribute("href")).path == text["campaign"]
    screenshot(page, f"journey-share-embed-{tag}")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_500kinderen_shows_its_coalition(page, language):
    text, size = TEXT[language], VIEWPORTS[language]
    page.set_viewport_size(size)
    page.goto(text["children"])
    coalition = page.locator(".coalition")
    expect(coalition.get_by_text(text["together"])).to_be_visible()
    expect(coalition.get_by_text("VluchtelingenWerk Nederland")).to_be_visible()
    expect(coalition.get_by_text("Defence for Children")).to_be_visible()
    if size["width"] <= 375:
        no_overflow(page, "the #500kinderen page")
    check_accessibility(page, f"#500kinderen ({language})")
    screenshot(page, f"journey-share-coalition-{language}-{size['width']}")
