"""A campaign's life in the browser: the finished campaigns tell their results with no open ask, the
live one takes signatures and gifts; in Dutch and English, on a phone (375 px) and a desktop, axe-clean.
"""

import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

CAMPAIGNS = {
    "children": {"nl": "/nl/campagnes/500kinderen/", "en": "/en/campaigns/500-children/"},
    "same-needs": {"nl": "/nl/campagnes/gelijke-nood/", "en": "/en/campaigns/the-same-needs/"},
    "example": {"nl": "/nl/campagnes/voorbeeldcampagne/", "en": "/en/campaigns/example-campaign/"},
}
FINISHED = {"nl": "Deze campagne is afgelopen", "en": "This campaign has finished"}
HANDED_OVER = {"nl": "Overhandigd op 2 juni 2020", "en": "Handed over on 2 June 2020"}
PUBLISHED = {"nl": "Verschenen in:", "en": "Published in:"}
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}


def fits(page, name):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} is {overflow} px wider than the window"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_finished_petition_shows_its_count_handover_and_the_municipalities_but_no_form(page, language, size):
    page.set_viewport_size(SIZES[size])
    page.goto(CAMPAIGNS["children"][language])
    expect(page.locator(".hero .status--closed")).to_be_visible()
    expect(page.locator(".campaign__finished")).to_contain_text(FINISHED[language])
    result = page.locator(".petition__result")
    expect(result.locator(".counter__number")).to_have_text("21.000" if language == "nl" else "21,000")
    expect(result.locator(".petition__source")).to_contain_text("2020")
    expect(result.locator(".petition__handover figcaption")).to_contain_text(HANDED_OVER[language])
    expect(result.locator(".petition__handover img")).to_be_visible()
    expect(page.locator(".tracker h3").first).to_be_visible()  # the municipalities that said yes
    expect(page.locator(".petition-form")).to_have_count(0)
    fits(page, f"#500kinderen ({language}, {size})")
    screenshot(page, f"campaign-life-finished-petition-{language}-{size}")
    check_accessibility(page, f"finished petition ({language}, {size})")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_published_ad_shows_its_canvas_donors_and_print_but_no_gift_form(page, language, size):
    page.set_viewport_size(SIZES[size])
    page.goto(CAMPAIGNS["same-needs"][language])
    expect(page.locator(".hero .status--won")).to_be_visible()
    finished = page.locator(".donation-ad__body--finished")
    expect(finished.locator(".donation-ad__publication")).to_contain_text(PUBLISHED[language])
    expect(finished.locator(".donation-ad__publication")).to_contain_text("Trouw")
    expect(finished.locator(".ad-counters")).to_contain_text("1.030" if language == "nl" else "1,030")
    expect(finished.locator(".ad-counters")).to_contain_text("2.900" if language == "nl" else "2,900")
    expect(finished.locator(".donation-ad__printed img")).to_be_visible()
    expect(finished.locator(".ad-canvas__svg")).to_be_visible()
    expect(page.locator("[data-gift-form]")).to_have_count(0)
    fits(page, f"the same needs ({language}, {size})")
    screenshot(page, f"campaign-life-finished-ad-{language}-{size}")
    check_accessibility(page, f"published ad ({language}, {size})")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_live_example_campaign_takes_signatures_and_gifts(page, language, size):
    page.set_viewport_size(SIZES[size])
    page.goto(CAMPAIGNS["example"][language])
    expect(page.locator(".hero .status--active")).to_be_visible()
    expect(page.locator(".campaign__finished")).to_have_count(0)
    expect(page.locator(".petition-form")).to_be_visible()
    expect(page.locator("[data-gift-form]")).to_be_visible()
    expect(page.locator("h1")).to_contain_text("Voorbeeld" if language == "nl" else "Example")
    fits(page, f"the example campaign ({language}, {size})")
    screenshot(page, f"campaign-life-live-{language}-{size}")
    check_accessibility(page, f"live campaign ({language}, {size})")
