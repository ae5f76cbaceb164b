"""Journey 3: a voter on a phone (375 px) goes from the home page through a campaign and the
comparison to the voting guide and its result, in Dutch, then switches to English on the guide.

At each step: nothing wider than the screen, the header compact, axe clean, a screenshot. The
answers never leave the phone: no request carries them.
"""

import re

from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

PHONE = {"width": 375, "height": 812}
COMPARISON = {"nl": "/nl/campagnes/kies-kant-voorbeeld/", "en": "/en/campaigns/choose-a-side-example/"}


def fits_the_phone(page, step):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{step}: the page is {overflow} px wider than the phone"
    header = page.locator(".site-header").bounding_box()["height"]
    assert header <= 130, f"{step}: the header takes {header} px"
    screenshot(page, f"journey-voter-{step}-375")
    check_accessibility(page, f"{step} on a phone")


def open_menu_and_follow(page, name):
    button = page.locator("[data-menu-button]")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#main-nav")).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    page.locator("#main-nav").get_by_role("link", name=name, exact=True).click()


def test_a_voter_on_a_phone_goes_from_home_to_the_guides_result(page, site_url):
    sent = []
    page.on("request", lambda request: sent.append((request.method, request.url, request.post_data or "")))
    page.set_viewport_size(PHONE)

    page.goto("/nl/")
    fits_the_phone(page, "home-nl")
    open_menu_and_follow(page, "Campagnes")
    page.get_by_role("link", name="Voorbeeld: Welkom in elke gemeente").first.click()  # the live campaign
    page.wait_for_url(re.compile(r"/nl/campagnes/voorbeeldcampagne/$"))
    # The consent text gets the width of the phone; the map is readable; the legend shows colours.
    assert page.locator("label[for=id_consent]").bounding_box()["width"] >= 260
    tile = page.locator(".tile-map use").first.bounding_box()
    assert tile["width"] >= 16, tile
    swatch = page.locator(".legend-swatch--said_yes")
    assert swatch.evaluate("(el) => getComputedStyle(el).backgroundColor") == "rgb(21, 128, 61)"
    fits_the_phone(page, "campaign-nl")

    open_menu_and_follow(page, "Zoeken")
    page.locator("#search-query").fill("Tweede Kamerverkiezingen")
    page.locator("#search-query").press("Enter")
    page.locator(".search-results").get_by_role("link", name=re.compile("Kies kant")).first.click()
    page.wait_for_url(re.compile(re.escape(COMPARISON["nl"]) + "$"))
    # Stacked cards: every party's stance is on the screen, named.
    cell = page.locator("table.matrix tbody tr").first.locator("td").last
    expect(cell).to_be_visible()
    box = cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    label = cell.evaluate("(el) => getComputedStyle(el, '::before').content")
    assert label.strip('"') == cell.get_attribute("data-label") != "", label
    fits_the_phone(page, "comparison-nl")

    page.get_by_role("link", name="Doe de stemhulp").click()
    page.wait_for_url(re.compile(re.escape(COMPARISON["nl"]) + "stemhulp/$"))
    fits_the_phone(page, "guide-nl")
    before = len(sent)
    for code, answer in [("S01", "agree"), ("S02", "disagree"), ("S03", "neutral")]:
        page.locator(f"label[for='answer-{code}-{answer}']").click()
    page.locator("label[for='important-S01']").click()
    page.locator(".guide-form button[type=submit]").click()
    result = page.locator("#guide-result")
    expect(result).to_be_focused()
    expect(result.locator(".result-list > li")).to_have_count(5)
    details = result.locator("details").first
    details.locator("summary").click()
    theirs = details.locator("td[data-slot=theirs]").first
    expect(theirs).to_be_visible()
    box = theirs.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    fits_the_phone(page, "guide-result-nl")
    carrying = [
        request
        for request in sent[before:]
        if request[0] != "GET" or request[2] or "answer" in request[1] or "S0" in request[1]
    ]
    assert carrying == [], carrying

    # The language switcher leads to the English guide, not the comparison.
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"{site_url}{COMPARISON['en']}guide/")
    expect(page.locator("h1")).to_contain_text("Voting guide")
    fits_the_phone(page, "guide-en")
