"""Giving square centimetres in a real browser: 5 cm² through the demo payment page, in Dutch, axe-clean.

The browser server has no Stripe keys, so the clearly labelled local demo provider stands in for
Stripe Checkout (DEMO_PAYMENTS_ALLOWED in dev settings) and drives the same fulfilment function.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS, check_accessibility, screenshot

PAGE = "/nl/campagnes/voorbeeldcampagne/"  # the live campaign: its ad takes gifts


def dutch_number(text):
    return float(text.replace("\xa0", "").replace(".", "").replace(",", "."))


def dutch(value):
    """A number as Intl.NumberFormat("nl-NL", {maximumFractionDigits: 2}) writes it."""
    whole, _dot, decimals = f"{value:,.2f}".partition(".")
    decimals = decimals.rstrip("0")
    return whole.replace(",", ".") + ("," + decimals if decimals else "")


def counters(page):
    return {name: page.locator(f'[data-counter="{name}"]').inner_text() for name in ("funded", "free", "donors")}


def canvas_screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".ad-canvas").screenshot(path=SCREENSHOTS / f"{name}.png")


def test_the_ad_with_its_canvas_and_form_passes_axe(page):
    page.goto(PAGE)
    expect(page.locator(".ad-canvas__svg")).to_be_visible()
    expect(page.locator("[data-gift-form]")).to_be_visible()
    canvas_screenshot(page, "donation-canvas-nl")
    screenshot(page, "donation-ad-nl")
    check_accessibility(page, "campaign with a donation ad (nl)")


def test_the_canvas_tells_keyboard_users_who_funded_a_square(page):
    page.goto(PAGE)
    canvas = page.locator(".ad-canvas__svg")
    expect(canvas).to_have_attribute("role", "application")  # the script has taken over
    status = page.locator("[data-canvas-status]")
    canvas.focus()
    expect(status).to_have_text(re.compile(r"1\D+1\b"))  # row 1, square 1 (in Dutch)
    page.keyboard.press("ArrowRight")
    expect(status).to_have_text(re.compile(r"1\D+2\b"))
    page.keyboard.press("ArrowDown")
    expect(status).to_have_text(re.compile(r"2\D+2\b"))


def test_giving_5_cm2_through_the_demo_provider_fills_the_canvas_and_counters(page):
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(error))
    page.goto(PAGE)
    expect(page.locator("[data-canvas-state=live]")).to_have_count(1)  # the counters as of now, not as cached
    before = counters(page)
    cells_before = page.locator("[data-cells]").inner_html()

    page.locator("input[name=choice][value='5']").check()
    page.fill("#gift_email", "browser.donor@example.org")
    page.fill("#gift_display_name", "Playwright")
    page.locator("input[name=show_name]").check()
    page.locator("#gift_consent").check()
    page.locator("[data-gift-form] button[type=submit]").click()

    page.wait_for_url(re.compile(r"/nl/donations/demo-checkout/"))
    expect(page.locator(".demo-checkout__banner")).to_be_visible()
    screenshot(page, "donation-demo-checkout-nl")
    check_accessibility(page, "demo checkout (nl)")
    page.locator("button[value=pay]").click()

    page.wait_for_url(re.compile(r"/nl/donations/thanks/"))
    expect(page.locator("[data-gift-state=paid]")).to_be_visible()
    screenshot(page, "donation-thanks-nl")
    check_accessibility(page, "thank-you page after a gift (nl)")

    page.goto(PAGE)  # the page itself may come from the page cache: the script refreshes from canvas.json
    funded = dutch(dutch_number(before["funded"]) + 5)
    expect(page.locator('[data-counter="funded"]')).to_have_text(funded, timeout=25000)
    expect(page.locator('[data-counter="free"]')).to_have_text(dutch(dutch_number(before["free"]) - 5))
    expect(page.locator('[data-counter="donors"]')).to_have_text(dutch(dutch_number(before["donors"]) + 1))
    assert page.locator("[data-cells]").inner_html() != cells_before
    canvas_screenshot(page, "donation-canvas-after-gift-nl")
    check_accessibility(page, "campaign after a gift (nl)")
    assert script_errors == []


def test_a_donor_can_pick_a_free_square_on_the_canvas_and_pay_for_it(page):
    column, row = 13, 29  # in the free middle of the demo ad: funded cells fill from the top
    page.goto(PAGE)
    canvas = page.locator(".ad-canvas__svg")
    expect(canvas).to_have_attribute("role", "application")
    # The canvas redraws when its live state arrives: pick after that, or the redraw may drop the pick.
    expect(page.locator("[data-canvas-state=live]")).to_have_count(1)
    box = canvas.bounding_box()
    width, height = 26, 40  # the demo ad's layout; the viewBox has a 0.15 margin on each side
    canvas.click(
        position={
            "x": (column + 0.65) * box["width"] / (width + 0.3),
            "y": (row + 0.65) * box["height"] / (height + 0.3),
        }
    )
    expect(page.locator("input[name=choice][value=cells]")).to_be_checked()
    expect(page.locator("[data-picked-input]")).to_have_value(str(row * width + column))
    expect(page.locator(f'[data-picked] rect[x="{column}"][y="{row}"]')).to_have_count(1)
    page.fill("#gift_email", "picker@example.org")
    page.locator("#gift_consent").check()
    page.locator("[data-gift-form] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/nl/donations/demo-checkout/"))
    expect(page.locator(".demo-checkout__summary")).to_contain_text("€\xa010")
    page.locator("button[value=pay]").click()
    page.wait_for_url(re.compile(r"/nl/donations/thanks/"))
    page.goto(PAGE)
    expect(page.locator(f'[data-cells] rect.cell--f[x="{column}"][y="{row}"]')).to_have_count(1, timeout=25000)


@pytest.mark.parametrize("amount", ["-5", "0,001"])
def test_a_bad_amount_is_explained_next_to_the_field(page, amount):
    page.goto(PAGE)
    page.locator("input[name=choice][value=amount]").check()
    page.fill("input[name=amount]", amount)
    page.fill("#gift_email", "browser.donor@example.org")
    page.locator("#gift_consent").check()
    page.locator("[data-gift-form] button[type=submit]").click()
    expect(page.locator(".gift-form__amount .field__error")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "nl"
    check_accessibility(page, "gift form with an error (nl)")
