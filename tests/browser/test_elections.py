"""The election comparison and the voting guide in a real browser, on the demo's fictional election.

The guide's answers are political opinions: these tests take the guide with the keyboard only and
check that the browser sends nothing at all while doing so, and keeps nothing behind.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

PAGES = {"nl": "/nl/campagnes/kies-kant-voorbeeld/", "en": "/en/campaigns/choose-a-side-example/"}
GUIDES = {"nl": PAGES["nl"] + "stemhulp/", "en": PAGES["en"] + "guide/"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_comparison_overview_is_a_table_and_passes_axe(page, language):
    assert page.goto(PAGES[language]).status == 200
    table = page.locator("table.matrix")
    expect(table.locator("caption")).to_be_visible()
    expect(table.locator("thead th[scope=col]")).to_have_count(6)  # the theme column and five parties
    expect(table.locator("tbody th[scope=row]")).to_have_count(6)
    screenshot(page, f"elections-overview-{language}")
    check_accessibility(page, f"election comparison ({language})")


def test_matrix_scrolls_sideways_on_a_narrow_screen_and_passes_axe(page):
    # Between a phone (stacked cards, test_journey_voter.py) and a desktop: the table scrolls sideways.
    page.set_viewport_size({"width": 660, "height": 844})
    page.goto(PAGES["nl"])
    region = page.locator(".table-region").first
    expect(region).to_have_attribute("tabindex", "0")
    assert page.evaluate("(el) => el.scrollWidth > el.clientWidth", region.element_handle())
    region.focus()
    page.keyboard.press("ArrowRight")
    screenshot(page, "elections-overview-nl-mobile")
    check_accessibility(page, "election comparison (nl, mobile)")


def test_on_a_phone_the_matrix_is_stacked_cards_with_every_stance_named(page):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(PAGES["nl"])
    region = page.locator(".table-region").first
    assert page.evaluate("(el) => el.scrollWidth <= el.clientWidth", region.element_handle())
    cells = page.locator("table.matrix tbody tr").first.locator("td")
    expect(cells).to_have_count(5)
    for index in range(5):
        box = cells.nth(index).bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 375, box
    screenshot(page, "elections-overview-nl-375")


def test_comparing_three_parties_side_by_side(page, site_url):
    page.goto(PAGES["en"])
    for name in ["Groene Horizon", "Partij voor Iedereen", "Vrije Burgers Voorbeeld"]:
        page.get_by_label(re.compile(f"^{name}")).check()
    page.locator("[data-compare-form] button[type=submit]").click()
    page.wait_for_url(f"{site_url}{PAGES['en']}?parties=gh,pvi,vbv")
    headers = page.locator("table#compare thead th[scope=col]")
    expect(headers).to_have_count(4)
    expect(headers.nth(1)).to_contain_text("Groene Horizon")
    expect(page.locator("table#compare blockquote").first).to_be_visible()
    screenshot(page, "elections-compare-en")
    check_accessibility(page, "three parties side by side (en)")


def test_a_theme_view_shows_quotes_translations_and_a_correction(page):
    page.goto(PAGES["en"] + "?theme=terugkeer")
    expect(page.locator("article.position")).to_have_count(5)
    expect(page.locator(".quote-translation").first).to_contain_text("Our translation")
    expect(page.locator(".correction")).to_contain_text("after a reaction from Vrije Burgers Voorbeeld")
    screenshot(page, "elections-theme-en")
    check_accessibility(page, "theme view (en)")


def test_a_party_view_and_bad_url_state_give_a_normal_page(page):
    assert page.goto(PAGES["nl"] + "?party=lbv").status == 200
    expect(page.locator("article.position")).to_have_count(6)
    screenshot(page, "elections-party-nl")
    check_accessibility(page, "party view (nl)")
    assert page.goto(PAGES["nl"] + "?parties=gh,zz,pvi,lbv,vbv,sv&theme=<script>").status == 200
    expect(page.locator(".notice")).to_be_visible()
    expect(page.locator("table#compare thead th[scope=col]")).to_have_count(5)  # theme column and four parties


def tab_to(page, selector, limit=80):
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_taking_the_guide_with_the_keyboard_only_sends_nothing(page, site_url):
    page.goto(GUIDES["en"], wait_until="networkidle")
    requests = []
    page.on("request", lambda request: requests.append((request.method, request.url, request.post_data)))

    # Statement 1: agree, extra important. Statement 2: disagree, a dealbreaker. Statement 3: neutral.
    tab_to(page, "input[name='answer-S01']")
    page.keyboard.press("ArrowRight")  # from "skip" round to "agree"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # extra important
    tab_to(page, "input[name='answer-S02']")
    page.keyboard.press("ArrowLeft")  # "disagree"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # dealbreaker
    tab_to(page, "input[name='answer-S03']")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # "neutral"
    assert page.evaluate("document.querySelector('input[name=answer-S01]:checked').value") == "agree"
    assert page.evaluate("document.querySelector('input[name=answer-S02]:checked').value") == "disagree"
    assert page.evaluate("document.querySelector('input[name=answer-S03]:checked').value") == "neutral"
    assert page.evaluate("document.querySelector('#important-S01').checked")
    assert page.evaluate("document.querySelector('#dealbreaker-S02').checked")
    tab_to(page, ".guide-form button[type=submit]")
    page.keyboard.press("Enter")

    result = page.locator("#guide-result")
    expect(result).to_be_visible()
    expect(result).to_be_focused()
    items = result.locator(".result-list > li")
    expect(items).to_have_count(5)
    expect(items.first.locator(".result__score")).to_contain_text("%")
    expect(result.locator("[data-result-summary]")).to_contain_text("3 of 10")
    # Parties that answered the dealbreaker differently come last and say so.
    expect(items.last.locator("[data-slot=dealbreaker]")).to_be_visible()

    # Nothing left the page: no request but for a static file (the browser may fetch the favicon late),
    # the URL unchanged, nothing stored.
    static = f"{site_url}/static/"
    sent = [
        request
        for request in requests
        if request[0] != "GET" or request[2] or not request[1].startswith(static) or "?" in request[1]
    ]
    assert sent == [], sent
    assert page.url == f"{site_url}{GUIDES['en']}"
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    share = result.locator("[data-share-link]").input_value()
    assert re.fullmatch(rf"{re.escape(site_url + GUIDES['en'])}#result=([a-z]+:\d+,){{4}}[a-z]+:\d+", share), share
    assert "S0" not in share and "agree" not in share

    result.locator("details").first.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(result.locator("details").first.locator("table")).to_be_visible()
    screenshot(page, "elections-guide-result-en")
    check_accessibility(page, "voting guide result (en)")


def test_guide_passes_axe_in_dutch(page):
    page.goto(GUIDES["nl"])
    expect(page.locator("fieldset.statement")).to_have_count(10)
    screenshot(page, "elections-guide-nl")
    check_accessibility(page, "voting guide (nl)")


def test_a_shared_link_shows_only_the_percentages(page):
    page.goto(GUIDES["en"] + "#result=gh:82,pvi:75,zz:99,vbv:notanumber")
    shared = page.locator("#shared-result")
    expect(shared).to_be_visible()
    expect(shared.locator("li")).to_have_count(2)
    expect(shared.locator("li").first).to_contain_text("Groene Horizon: 82%")
    expect(page.locator("#guide-result")).to_be_hidden()
    screenshot(page, "elections-guide-shared-en")
