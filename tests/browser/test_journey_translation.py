"""Journey: an editor machine-translates a new Dutch campaign page to English as a draft (the offline
translator of `make run`: it marks its text "[EN] …", and no request leaves the site), sees it listed as
unchecked machine text, reviews the segments, publishes the English page; and no English page of the
demo shows Dutch that is not marked as such (lang="nl").
"""

import re
from xml.etree import ElementTree

import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

PASSWORD = "journey-translator-Pa55word!"
TOOL = "Offline test translator (unchecked)"
DUTCH = {"title": "Opvang in elke gemeente", "slug": "opvang-in-elke-gemeente", "ask": "Vraag uw gemeente om opvang."}
ENGLISH = {"title": "Reception in every municipality", "slug": "reception-in-every-municipality"}

SETUP = """
import datetime
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile
from campaigns.models import CampaignIndexPage, CampaignPage

user, _ = get_user_model().objects.get_or_create(username="journey.translator", defaults={"email": "t@example.org"})
user.set_password(PASSWORD)
user.save()
user.groups.add(Group.objects.get(name="Editors"))
UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
index = CampaignIndexPage.objects.get(locale__language_code="nl")
page = index.get_children().filter(slug=DUTCH["slug"]).first()
if page is None:
    page = CampaignPage(
        title=DUTCH["title"], slug=DUTCH["slug"], ask=DUTCH["ask"], summary="Elke gemeente kan asielzoekers opvangen.",
        start_date=datetime.date(2026, 1, 1),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
result = page.pk
"""

# Words that give a Dutch sentence away and are rare in English ("van", "met", "en" are not among them).
DUTCH_WORDS = [
    "het",
    "een",
    "niet",
    "voor",
    "zijn",
    "wij",
    "naar",
    "ook",
    "deze",
    "worden",
    "wordt",
    "onze",
    "heeft",
    "door",
    "uw",
    "bij",
]
FIND_UNMARKED_DUTCH = """(words) => {
  const dutch = new Set(words);
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!element || element.closest('script, style, noscript, template, [hidden], [aria-hidden=true]')) continue;
    const marked = element.closest('[lang]');
    if (marked && marked.getAttribute('lang').startsWith('nl')) continue;
    const tokens = node.textContent.toLowerCase().match(/[a-zà-ÿ]+/g) || [];
    const hits = new Set(tokens.filter((word) => dutch.has(word)));
    if (hits.size >= 2) found.push(node.textContent.trim().slice(0, 120));
  }
  return found;
}"""


@pytest.fixture(scope="module")
def campaign(site_shell):
    return site_shell.run(f"PASSWORD = {PASSWORD!r}\nDUTCH = {DUTCH!r}\n{SETUP}")


def log_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", "journey.translator")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def revise(segment, text):
    """A person checks a machine-translated segment: Edit, type, Save; it is no longer marked."""
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()
    expect(segment).not_to_contain_text(TOOL)


def test_an_editor_machine_translates_reviews_and_publishes_a_campaign_page(page, campaign):
    log_in(page)
    # The dashboard says how much English is behind.
    expect(page.get_by_role("region", name="English behind Dutch")).to_contain_text("English missing")

    # Translate → English: an English draft, still in Dutch.
    page.goto(f"/admin/localize/submit/page/{campaign}/")
    page.get_by_label("English").check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    editor_url = page.url

    # The machine translator fills every segment and each is marked with its name.
    page.get_by_role("button", name=f"Translate with {TOOL}").click()
    expect(page.locator(".messages")).to_contain_text("Check each segment")
    title = page.locator("li", has_text=f"[EN] {DUTCH['title']}").last
    expect(title).to_contain_text(TOOL)
    screenshot(page, "journey-translation-machine-draft")

    # Unchecked machine text is listed for editors, with a link back to the translation editor.
    page.goto("/admin/reports/translations/?state=machine")
    row = page.locator("tr", has_text=DUTCH["title"])
    expect(row).to_contain_text("Machine translation not checked")
    screenshot(page, "journey-translation-report")
    row.get_by_role("link", name=re.compile("Open the translation")).click()
    page.wait_for_url(editor_url)

    # The editor reviews: the title and the ask in English, the slug English too.
    # (Segments are found by their Dutch source text, which stays while the translation is typed.)
    revise(page.locator("li", has_text=DUTCH["title"]).last, ENGLISH["title"])
    revise(page.locator("li", has_text=DUTCH["ask"]).last, "Ask your municipality to receive refugees.")
    revise(page.locator("li", has_text="Elke gemeente kan").last, "Every municipality can receive asylum seekers.")
    page.get_by_role("tab", name="Promote").click()
    revise(page.locator("li", has_text=DUTCH["slug"]).last, ENGLISH["slug"])
    page.get_by_role("button", name="Publish in English").click()
    expect(page.locator(".messages")).to_contain_text(re.compile("published", re.I), timeout=15000)

    # On the public site, in English, under an English address; at phone width too.
    page.goto(f"/en/campaigns/{ENGLISH['slug']}/")
    expect(page.locator("h1")).to_have_text(ENGLISH["title"])
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("main")).not_to_contain_text("[EN]")
    check_accessibility(page, "the machine-translated campaign (en)")
    screenshot(page, "journey-translation-campaign-en")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "journey-translation-campaign-en-375")
    page.goto(f"/nl/campagnes/{DUTCH['slug']}/")
    expect(page.locator("h1")).to_have_text(DUTCH["title"])
    check_accessibility(page, "the Dutch campaign")

    # A later Dutch change: publishing asks about the English first; the answer is in the history.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/admin/pages/{campaign}/edit/")
    page.fill("#id_ask", "Vraag uw gemeente vandaag om opvang.")
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("main")).to_contain_text("The English translation is behind")
    screenshot(page, "journey-translation-publish-gate")
    page.get_by_role("button", name="Publish the Dutch alone").click()
    expect(page.locator(".messages")).to_contain_text(re.compile("published", re.I))
    page.goto(f"/admin/pages/{campaign}/history/")
    expect(page.locator("main")).to_contain_text("Published the Dutch alone")
    page.goto(f"/nl/campagnes/{DUTCH['slug']}/")
    expect(page.locator("main")).to_contain_text("Vraag uw gemeente vandaag om opvang.")


def english_urls(page):
    sitemap = page.request.get("/sitemap.xml").text()
    locations = [node.text for node in ElementTree.fromstring(sitemap).iter() if node.tag.endswith("loc")]
    return sorted({url for url in locations if "/en/" in url})


def test_no_english_page_of_the_demo_shows_unmarked_dutch(page):
    urls = english_urls(page)
    assert len(urls) > 5
    unmarked = {}
    for url in urls:
        page.goto(url)
        if found := page.evaluate(FIND_UNMARKED_DUTCH, DUTCH_WORDS):
            unmarked[url] = found
    # The detector does find Dutch where there is some: on the Dutch home page (not marked, it is Dutch).
    page.goto("/nl/")
    assert page.evaluate(FIND_UNMARKED_DUTCH.replace("startsWith('nl')", "startsWith('xx')"), DUTCH_WORDS)
    assert unmarked == {}, unmarked
