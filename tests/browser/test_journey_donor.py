"""Journey 2: a donor on a keyboard only gives a preset amount (Dutch), then the squares they chose
on the canvas (English), through the demo payment page to the thank-you page, and sees the canvas
and the counters change. Without JavaScript the squares option stays hidden and a preset still works.
"""

import re

from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

PAGES = {"nl": "/nl/campagnes/voorbeeldcampagne/", "en": "/en/campaigns/example-campaign/"}  # the live one


def tab_to(page, selector, limit=120):
    """Press Tab until `selector` has focus, as a keyboard user gets there."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def number(text, language):
    text = text.replace("\xa0", "")
    return float(text.replace(".", "").replace(",", ".") if language == "nl" else text.replace(",", ""))


def pay_by_keyboard(page, language):
    page.wait_for_url(re.compile(rf"/{language}/donations/demo-checkout/"))
    check_accessibility(page, f"demo checkout ({language})")
    tab_to(page, "button[value=pay]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/{language}/donations/thanks/"))
    expect(page.locator("[data-gift-state=paid]")).to_be_visible()
    check_accessibility(page, f"thank-you page ({language})")


def fill_in_and_submit(page, email):
    tab_to(page, "#gift_email")
    page.keyboard.type(email)
    tab_to(page, "#gift_consent")
    page.keyboard.press("Space")
    tab_to(page, "[data-gift-form] button[type=submit]")
    page.keyboard.press("Enter")


def test_a_keyboard_donor_gives_a_preset_then_the_squares_they_chose(page):
    # Dutch: Tab to "1 cm²", ArrowDown to "2 cm²", Tab on through "another amount" to the email field.
    page.goto(PAGES["nl"])
    expect(page.locator("[data-canvas-state=live]")).to_have_count(1)  # the counters as of now, not as cached
    funded = number(page.locator('[data-counter="funded"]').inner_text(), "nl")
    check_accessibility(page, "campaign with the ad (nl)")
    tab_to(page, "input[name=choice]")
    page.keyboard.press("ArrowDown")
    expect(page.locator("input[name=choice][value='2']")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("input[name=amount]")).to_be_focused()
    expect(page.locator("input[name=choice][value='2']")).to_be_checked()  # passing through changes nothing
    fill_in_and_submit(page, "keyboard.donor@example.org")
    pay_by_keyboard(page, "nl")
    screenshot(page, "journey-donor-thanks-nl")
    page.goto(PAGES["nl"])
    expect(page.locator('[data-counter="funded"]')).to_have_text(
        re.compile(rf"^{int(funded + 2)}(,\d+)?$"), timeout=25000
    )

    # English: on the canvas with the arrow keys to a free square, Enter picks it.
    page.goto(PAGES["en"])
    canvas = page.locator(".ad-canvas__svg")
    expect(canvas).to_have_attribute("role", "application")
    tab_to(page, ".ad-canvas__svg")
    status = page.locator("[data-canvas-status]")
    for _ in range(31):
        page.keyboard.press("ArrowDown")
    for _ in range(26):
        if "free" in status.inner_text():
            break
        page.keyboard.press("ArrowRight")
    expect(status).to_contain_text("free: press Enter")
    cell = re.search(r"row (\d+), square (\d+)", status.inner_text()).groups()
    page.keyboard.press("Enter")
    expect(page.locator("input[name=choice][value=cells]")).to_be_checked()
    expect(page.locator("[data-picked-summary]")).to_contain_text("You picked 1 square")
    screenshot(page, "journey-donor-picked-en")
    fill_in_and_submit(page, "keyboard.picker@example.org")
    pay_by_keyboard(page, "en")
    screenshot(page, "journey-donor-thanks-en")
    page.goto(PAGES["en"])
    row, column = int(cell[0]) - 1, int(cell[1]) - 1
    expect(page.locator(f'[data-cells] rect.cell--f[x="{column}"][y="{row}"]')).to_have_count(1, timeout=25000)
    check_accessibility(page, "campaign after the gifts (en)")


def test_a_failed_gift_opens_on_an_error_summary_that_leads_to_the_field(page):
    page.goto(PAGES["en"])
    expect(page.locator(".ad-canvas__svg")).to_have_attribute("role", "application")
    tab_to(page, "input[name=choice]")
    fill_in_and_submit(page, "not-an-address")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    assert page.title().startswith("Error: ")
    summary.get_by_role("link", name=re.compile("email address")).press("Enter")
    expect(page.locator("#gift_email")).to_be_focused()
    screenshot(page, "journey-donor-error-en")
    check_accessibility(page, "gift form with errors (en)")


def test_without_javascript_the_squares_option_is_hidden_and_a_preset_works(browser, site_url):
    context = browser.new_context(java_script_enabled=False, base_url=site_url, viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(PAGES["nl"])
        expect(page.locator("[data-cells-option]")).to_be_hidden()
        expect(page.locator("#main-nav")).to_be_visible()  # the menu stays open without the script
        page.locator("input[name=choice][value='1']").check()
        page.fill("#gift_email", "no.script@example.org")
        page.locator("#gift_consent").check()
        page.locator("[data-gift-form] button[type=submit]").click()
        page.wait_for_url(re.compile(r"/nl/donations/demo-checkout/"))
        screenshot(page, "journey-donor-no-js-checkout-nl-375")
    finally:
        context.close()
