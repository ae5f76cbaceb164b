"""Journey 1: a visitor goes from the home page to the campaign, signs, gets the confirmation email,
confirms, and sees the count go up by one on the page and in count.json, with the share and donate
asks on the confirmed page. In Dutch on a desktop and in English on a phone (375 px).

No worker or scheduler runs next to the test server: the test does their part in the site's own
Django (`site_shell`), the confirmation sender first and the counting job later.
"""

import re
import time
import uuid

import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

TEXT = {
    "nl": {
        "campaign": "/nl/campagnes/voorbeeldcampagne/",
        "link": "Voorbeeld: Welkom in elke gemeente",
        "thanks": "Bijna klaar: kijk in je mailbox",
        "confirm": "Ja, bevestig mijn handtekening",
        "confirmed": "Bedankt: je handtekening telt mee",
        "share": "Vraag anderen om ook te tekenen",
        "donate": "Doneer",
    },
    "en": {
        "campaign": "/en/campaigns/example-campaign/",
        "link": "Example: A welcome in every municipality",
        "thanks": "Almost done: check your inbox",
        "confirm": "Yes, confirm my signature",
        "confirmed": "Thank you: your signature counts",
        "share": "Ask others to sign too",
        "donate": "Donate",
    },
}
VIEWPORTS = {"nl": {"width": 1280, "height": 900}, "en": {"width": 375, "height": 812}}

SEND_CONFIRMATIONS = """
from petitions.tasks import send_due_confirmations
mail.outbox = []
send_due_confirmations.call()
result = [
    {"to": m.to, "subject": m.subject, "body": m.body, "language": m.extra_headers.get("Content-Language")}
    for m in mail.outbox
]
"""
COUNT = "from petitions.counting import update_counts\nresult = update_counts()"


def shown(number, language):
    """A count as the page prints it: 2.711 in Dutch, 2,711 in English."""
    text = f"{number:,}"
    return text.replace(",", ".") if language == "nl" else text


def count_json(page, url):
    response = page.request.get(url)
    assert response.ok, response.status
    return response.json()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_visitor_signs_confirms_and_counts(page, site_shell, language):
    text, size = TEXT[language], VIEWPORTS[language]
    tag = f"{language}-{size['width']}"
    page.set_viewport_size(size)
    email = f"journey.visitor.{language}.{uuid.uuid4().hex[:8]}@example.org"

    site_shell.run(COUNT)  # whatever other tests confirmed is counted before we start
    page.goto(f"/{language}/")
    check_accessibility(page, f"home ({language})")
    page.locator("main").get_by_role("link", name=text["link"]).first.click()
    page.wait_for_url(re.compile(re.escape(text["campaign"]) + "$"))
    counter = page.locator("[data-count]").first
    count_url = page.locator("[data-count-url]").first.get_attribute("data-count-url")
    before = count_json(page, count_url)["count"]
    expect(counter).to_have_text(shown(before, language))
    if size["width"] <= 375:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the campaign page is {overflow} px wider than the phone"
    check_accessibility(page, f"campaign ({language})")
    screenshot(page, f"journey-visitor-campaign-{tag}")

    page.fill("#id_name", f"Journey Visitor {language}")
    page.fill("#id_email", email)
    page.select_option("#id_municipality", "GM0344")  # Utrecht
    page.check("#id_consent")
    page.locator(".petition-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/petitions/.+/thanks/"))
    expect(page.locator("h1")).to_have_text(text["thanks"])
    check_accessibility(page, f"check your inbox ({language})")

    # The scheduler would queue the sender: one email, to this signer, in their language, with the link.
    sent = [message for message in site_shell.run(SEND_CONFIRMATIONS) if message["to"] == [email]]
    assert len(sent) == 1, sent
    assert sent[0]["language"] == language
    link = re.search(r"https?://\S+/confirm/\S+", sent[0]["body"]).group(0)
    page.goto(link)
    expect(page.locator("h1")).to_be_visible()
    check_accessibility(page, f"confirm ({language})")
    page.get_by_role("button", name=text["confirm"]).click()

    expect(page.locator("h1")).to_have_text(text["confirmed"])
    share = page.locator("section.share")
    expect(share.get_by_role("heading", name=text["share"])).to_be_visible()
    expect(share.locator("#share-url")).to_have_value(re.compile(re.escape(text["campaign"]) + "$"))
    expect(share.locator(".share__link").first).to_be_visible()
    expect(page.locator("aside.cta").get_by_role("link", name=text["donate"])).to_be_visible()
    check_accessibility(page, f"confirmed ({language})")
    screenshot(page, f"journey-visitor-confirmed-{tag}")

    # The counting job moves the confirmed signature into the count (it runs every few seconds). Other
    # journeys on the other worker may sign the same petition meanwhile: the count rises by at least one.
    assert site_shell.run(COUNT) >= 1
    deadline = time.monotonic() + 20
    while (now := count_json(page, count_url)["count"]) < before + 1 and time.monotonic() < deadline:
        time.sleep(0.5)  # count.json is cached for one counting interval
    assert now >= before + 1
    page.goto(text["campaign"])
    # The page's HTML may carry an older number; its script polls count.json until it shows the new one.
    deadline = time.monotonic() + 15
    while (displayed := int(re.sub(r"\D", "", counter.inner_text()))) < before + 1 and time.monotonic() < deadline:
        time.sleep(0.25)
    assert displayed >= before + 1
    screenshot(page, f"journey-visitor-counted-{tag}")
