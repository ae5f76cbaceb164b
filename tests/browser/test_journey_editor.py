"""Journey 5: an editor creates a page in Dutch in the Wagtail admin and publishes it, translates it
to English with wagtail-localize's translation editor (no machine translator is configured: the
editor types each string), publishes the English copy; both are on the public site and the
language switcher links them.

The admin is Wagtail's own: axe runs on the public pages only.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

PASSWORD = "journey-editor-Pa55word!"
DUTCH = {"title": "Verslag van de redactie", "intro": "Een pagina die een redacteur vandaag maakte."}
ENGLISH = {
    "title": "Report from the editors",
    "intro": "A page an editor made today.",
    "slug": "report-from-the-editors",
}

SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.users.models import UserProfile

user, _ = get_user_model().objects.get_or_create(username="journey.editor", defaults={"email": "editor@example.org"})
user.set_password(PASSWORD)
user.save()
user.groups.add(Group.objects.get(name="Editors"))
UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
result = Page.objects.get(depth=2, locale__language_code="nl").pk
"""


@pytest.fixture(scope="module")
def dutch_home(site_shell):
    return site_shell.run(f"PASSWORD = {PASSWORD!r}\n{SETUP}")


def translate(page, segment, text):
    """wagtail-localize's editor: Translate on the segment, type, Save."""
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_role("button", name="Edit")).to_be_visible()


def test_an_editor_publishes_a_dutch_page_and_its_english_translation(page, dutch_home):
    page.goto("/admin/login/")
    page.fill("#id_username", "journey.editor")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # A standard page under the Dutch home, published.
    page.goto(f"/admin/pages/add/website/standardpage/{dutch_home}/")
    page.fill("#id_title", DUTCH["title"])
    page.fill("#id_intro", DUTCH["intro"])
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{DUTCH['title']}' created and published")

    # Translate → English → the translation editor: each string typed, then published in English.
    row = page.locator("tr", has=page.get_by_role("link", name=DUTCH["title"]))
    row.get_by_role("button", name=re.compile("More options")).click()
    row.get_by_role("link", name="Translate").click()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    translate(page, page.locator("li", has_text=DUTCH["title"]).last, ENGLISH["title"])
    translate(page, page.locator("li", has_text=DUTCH["intro"]).last, ENGLISH["intro"])
    page.get_by_role("tab", name="Promote").click()
    translate(page, page.locator("li", has_text="verslag-van-de-redactie").last, ENGLISH["slug"])
    screenshot(page, "journey-editor-translation-en")
    page.get_by_role("button", name="Publish in English").click()
    expect(page.locator(".messages")).to_contain_text(re.compile("published", re.I), timeout=15000)

    # Both on the public site, linked by the language switcher.
    page.goto("/nl/verslag-van-de-redactie/")
    expect(page.locator("h1")).to_have_text(DUTCH["title"])
    expect(page.locator("main")).to_contain_text(DUTCH["intro"])
    check_accessibility(page, "the editor's page (nl)")
    screenshot(page, "journey-editor-page-nl")
    page.locator("a[hreflang=en]").first.click()
    page.wait_for_url(re.compile(rf"/en/{ENGLISH['slug']}/$"))
    expect(page.locator("h1")).to_have_text(ENGLISH["title"])
    expect(page.locator("main")).to_contain_text(ENGLISH["intro"])
    assert page.locator("html").get_attribute("lang") == "en"
    check_accessibility(page, "the editor's page (en)")
    screenshot(page, "journey-editor-page-en")
    page.locator("a[hreflang=nl]").first.click()
    page.wait_for_url(re.compile(r"/nl/verslag-van-de-redactie/$"))
