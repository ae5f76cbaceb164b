"""Journey: giving beyond the ad. A keyboard donor gives once on the Dutch donate page through the demo
provider, makes it monthly in one click on the thank-you page; then, in English on a 375 px phone, starts a
monthly gift of their own amount. A bad amount opens on the error summary. axe clean throughout."""

import re

from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot
from .test_journey_donor import tab_to

PAGES = {"nl": "/nl/doneer/", "en": "/en/donate/"}


def pay_on_the_demo_page(page, language):
    page.wait_for_url(re.compile(rf"/{language}/giving/demo-checkout/"))
    check_accessibility(page, f"giving demo checkout ({language})")
    tab_to(page, "button[value=pay]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/{language}/giving/thanks/"))


def test_a_keyboard_donor_gives_once_then_makes_it_monthly(page):
    page.goto(PAGES["nl"])
    check_accessibility(page, "donate page (nl)")
    screenshot(page, "journey-giving-donate-nl")
    tab_to(page, "input[name=frequency]")
    page.keyboard.press("ArrowUp")  # from "Maandelijks" (the page's default) to "Eenmalig"
    expect(page.locator("input[name=frequency][value=one_off]")).to_be_checked()
    tab_to(page, "input[name=choice]")
    page.keyboard.press("ArrowDown")
    expect(page.locator("input[name=choice][value='10']")).to_be_checked()
    tab_to(page, "#id_email")
    page.keyboard.type("eenmalig@example.org")
    tab_to(page, ".gift-form button[type=submit]")
    page.keyboard.press("Enter")
    pay_on_the_demo_page(page, "nl")
    expect(page.locator("h1")).to_have_text("Dank je wel!")
    expect(page.locator(".giving-upsell")).to_be_visible()
    check_accessibility(page, "giving thanks with the upsell (nl)")
    screenshot(page, "journey-giving-thanks-upsell-nl")
    tab_to(page, ".giving-upsell button")
    page.keyboard.press("Enter")
    pay_on_the_demo_page(page, "nl")
    expect(page.locator(".giving-thanks")).to_contain_text("elke maand")
    expect(page.locator(".giving-upsell")).to_have_count(0)
    screenshot(page, "journey-giving-thanks-monthly-nl")


def test_a_phone_donor_gives_monthly_an_amount_of_their_own_in_english(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="en-GB", base_url=site_url)
    page = context.new_page()
    try:
        page.goto(PAGES["en"])
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        expect(page.locator("input[name=frequency][value=monthly]")).to_be_checked()
        tab_to(page, "input[name=choice]")
        for _ in range(4):  # past 5, 10, 25 and 50 to "Another amount"
            page.keyboard.press("ArrowDown")
        expect(page.locator("input[name=choice][value=other]")).to_be_checked()
        page.keyboard.press("Tab")
        page.keyboard.type("1")  # below the minimum: refused, nothing written
        tab_to(page, "#id_email")
        page.keyboard.type("monthly.phone@example.org")
        tab_to(page, ".gift-form button[type=submit]")
        page.keyboard.press("Enter")
        expect(page.locator("[data-error-summary]")).to_contain_text("The smallest gift is")
        assert page.title().startswith("Error: ")
        check_accessibility(page, "donate page with an error (en, 375 px)")
        screenshot(page, "journey-giving-error-en-375")
        page.fill("input[name=amount]", "12,50")
        page.locator(".gift-form button[type=submit]").press("Enter")
        pay_on_the_demo_page(page, "en")
        expect(page.locator(".giving-thanks")).to_contain_text("every month")
        check_accessibility(page, "giving thanks (en, 375 px)")
        screenshot(page, "journey-giving-thanks-monthly-en-375")
    finally:
        context.close()
