"""Signing a petition in a real browser: keyboard only, in both languages, axe-clean."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

PAGES = {"nl": "/nl/campagnes/voorbeeldcampagne/", "en": "/en/campaigns/example-campaign/"}  # the live one


@pytest.mark.parametrize("language", ["nl", "en"])
def test_campaign_page_with_petition_and_tracker_passes_axe(page, language):
    page.goto(PAGES[language])
    expect(page.locator(".petition-form")).to_be_visible()
    expect(page.locator(".tile-map")).to_be_visible()
    screenshot(page, f"petition-{language}")
    check_accessibility(page, f"campaign with petition ({language})")


def test_signing_with_the_keyboard_only_reaches_the_thank_you_page(page):
    page.goto(PAGES["en"])
    page.locator("#id_name").focus()
    page.keyboard.type("Keyboard Tester")
    page.keyboard.press("Tab")
    page.keyboard.type("keyboard.tester@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Amsterdam")  # a native select picks by typing
    page.locator("#id_consent").focus()
    page.keyboard.press("Space")
    page.locator(".petition-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/petitions/.+/thanks/"))
    expect(page.locator("h1")).to_contain_text("check your inbox")
    screenshot(page, "petition-thanks-en")
    check_accessibility(page, "thank-you page (en)")


def test_a_form_error_is_shown_next_to_the_field_in_dutch(page):
    page.goto(PAGES["nl"])
    page.fill("#id_name", "Zonder Toestemming")
    page.fill("#id_email", "geen-toestemming@example.org")
    page.select_option("#id_municipality", "GM0344")
    page.click(".petition-form button[type=submit]")
    expect(page.locator(".field__error")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "nl"
    screenshot(page, "petition-error-nl")
    check_accessibility(page, "petition form with an error (nl)")


def open_the_full_table(page, language):
    """From the campaign page's tracker summary to the table of every municipality (a plain link)."""
    page.goto(PAGES[language])
    page.locator(".tracker__more a").click()
    page.wait_for_url(re.compile(rf"/{language}/petitions/.+/municipalities/$"))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_full_tracker_table_passes_axe(page, language):
    open_the_full_table(page, language)
    expect(page.locator(".tracker__table tbody tr")).to_have_count(342)
    check_accessibility(page, f"tracker table ({language})")


def test_tracker_table_can_be_filtered_and_sorted(page):
    open_the_full_table(page, "en")
    page.fill("[data-table-filter]", "Amersfoort")
    visible = page.locator(".tracker__table tbody tr:not([hidden])")
    assert visible.count() == 1
    page.fill("[data-table-filter]", "")
    page.locator(".tracker__table thead th").nth(4).locator("button").click()
    expect(page.locator(".tracker__table thead th").nth(4)).to_have_attribute("aria-sort", "ascending")
