"""What a visitor sees in a real browser: both languages, keyboard use, search, accessibility (axe-core).

Every test also checks, through the `page` fixture, that no request leaves the site's origin.
"""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from .conftest import check_accessibility, screenshot

SKIP_LINK = 'a[href="#main"]'
ENGLISH_LINK = 'nav.language-switcher a[hreflang="en"]'
DUTCH_LINK = 'nav.language-switcher a[hreflang="nl"]'


def focused(page, attribute):
    return page.evaluate(f"document.activeElement.getAttribute({attribute!r})")


@pytest.mark.parametrize("path, language", [("/nl/", "nl"), ("/en/", "en")])
def test_home_page_renders_in_its_language_with_a_heading_and_passes_axe(page, path, language):
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() >= 1
    screenshot(page, f"home-{language}")
    check_accessibility(page, f"home ({language})")


def test_home_page_on_a_narrow_mobile_screen_passes_axe(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/nl/")
    screenshot(page, "home-nl-mobile")
    check_accessibility(page, "home (nl, mobile)")


@pytest.mark.parametrize(
    "path, language, name",
    [
        ("/nl/over-ons/", "nl", "about-nl"),
        ("/en/about-us/", "en", "about-en"),
        ("/nl/privacy/", "nl", "privacy-nl"),
    ],
)
def test_content_page_renders_and_passes_axe(page, path, language, name):
    assert page.goto(path).status == 200
    assert page.locator("html").get_attribute("lang") == language
    screenshot(page, name)
    check_accessibility(page, name)


def test_language_switcher_leads_to_the_translation_and_back(page, site_url):
    page.goto("/nl/over-ons/")
    page.locator(ENGLISH_LINK).click()
    page.wait_for_url(f"{site_url}/en/about-us/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(DUTCH_LINK).click()
    page.wait_for_url(f"{site_url}/nl/over-ons/")
    assert page.locator("html").get_attribute("lang") == "nl"


@pytest.mark.parametrize("language, word", [("en", "refugees"), ("nl", "vluchtelingen")])
def test_search_for_a_word_from_the_demo_content_lists_results(page, language, word):
    page.goto(f"/{language}/search/")
    page.locator("#search-query").fill(word)
    page.locator("form.search-form button[type=submit]").click()
    page.wait_for_url("**query=*")
    assert page.locator("ol.search-results a").count() >= 1, f"no results for {word!r} in {language}"
    screenshot(page, f"search-{language}")
    check_accessibility(page, f"search results ({language})")


def test_first_tab_focuses_a_visible_skip_link_that_moves_focus_to_main(page):
    page.goto("/nl/")
    page.keyboard.press("Tab")
    assert focused(page, "href") == "#main"
    # The skip link hides off-screen until focused; then it must be on screen.
    box = page.locator(SKIP_LINK).bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 1280 and box["y"] + box["height"] <= 900
    page.keyboard.press("Enter")
    assert focused(page, "id") == "main"


def test_keyboard_user_reaches_the_english_link_and_switches_language(page, site_url):
    # From the top of the page: the switcher sits in the header, before <main>.
    page.goto("/nl/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({ENGLISH_LINK!r})"):
            break
    else:
        pytest.fail("the English language link was not reached within 30 Tab presses")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}/en/")


def test_a_link_focused_by_keyboard_has_a_visible_focus_style(page):
    page.goto("/nl/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # first ordinary link in the header
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return {tag: document.activeElement.tagName, outline: s.outlineStyle, shadow: s.boxShadow}; })()"
    )
    assert style["tag"] == "A"
    assert style["outline"] != "none" or style["shadow"] != "none", f"no focus indicator: {style}"


@pytest.mark.parametrize("path, language", [("/nl/bestaat-niet/", "nl"), ("/en/does-not-exist/", "en")])
def test_missing_page_answers_404_in_the_language_of_the_url(page, path, language):
    assert page.goto(path).status == 404
    assert page.locator("html").get_attribute("lang") == language
    check_accessibility(page, f"404 ({language})")


def test_every_page_in_the_sitemap_loads_with_all_its_assets(page, site_url):
    sitemap = page.request.get(f"{site_url}/sitemap.xml")
    assert sitemap.ok
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = [urlsplit(loc.text).path for loc in ET.fromstring(sitemap.body()).findall("sm:url/sm:loc", namespace)]
    assert paths, "the sitemap lists no pages"

    origin = urlsplit(site_url).netloc
    failures = []
    page.on(
        "response",
        lambda r: (
            urlsplit(r.url).netloc == origin
            and r.status >= 400
            and failures.append(f"{r.status} {r.url} (on {page.url})")
        ),
    )
    for path in paths:
        page.goto(path)
        # Lazy images below the fold would never load in a test; make them load now.
        page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
        # (not wait_for_function: it needs 'unsafe-eval', which the site's CSP refuses)
        page.evaluate("""() => Promise.all(Array.from(document.images).filter(img => !img.complete)
            .map(img => new Promise(done => { img.onload = img.onerror = done; })))""")
    assert not failures, "\n".join(failures)
