"""Projects, return programmes and campaigns in a real browser, in both languages."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

CARD_LINKS = ".card-grid .card__title a"


@pytest.fixture
def page_without_js(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def card_titles(page):
    return page.locator(CARD_LINKS).all_inner_texts()


def test_project_index_filters_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/nl/projecten/")
    everything = card_titles(page)
    page.select_option("#filter-country", "RS")
    with page.expect_navigation():
        page.click(".filters button[type=submit]")
    assert parse_qs(urlsplit(page.url).query)["country"] == ["RS"]
    shown = card_titles(page)
    assert 0 < len(shown) < len(everything)
    screenshot(page, "projects-nl-filtered-nojs")


def test_project_index_filters_in_place_with_javascript(page):
    page.goto("/en/projects/")
    page.evaluate("window.notReloaded = true")
    everything = card_titles(page)
    page.select_option("#filter-status", "completed")
    # (wait_for_function would need 'unsafe-eval', which the site's CSP rightly refuses)
    page.wait_for_url("**status=completed**")
    expect(page.locator("#project-results")).not_to_have_attribute("aria-busy", re.compile(".*"))
    assert page.evaluate("window.notReloaded") is True  # swapped in place, not a page load
    shown = card_titles(page)
    assert 0 < len(shown) < len(everything)
    assert "project" in page.locator("[data-filter-status]").inner_text()
    screenshot(page, "projects-en-filtered-js")
    check_accessibility(page, "project index (en, filtered)")


def test_map_countries_link_to_their_projects(page):
    page.goto("/en/projects/")
    page.locator('a[href$="?country=KE"]').first.click()
    page.wait_for_url("**/projects/?country=KE")
    assert any("Kenya" in title for title in card_titles(page))


@pytest.mark.parametrize("index, language", [("/nl/projecten/", "nl"), ("/en/projects/", "en")])
def test_project_index_and_a_project_page_pass_axe(page, index, language):
    page.goto(index)
    screenshot(page, f"projects-{language}")
    check_accessibility(page, f"project index ({language})")
    page.locator(CARD_LINKS).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    screenshot(page, f"project-{language}")
    check_accessibility(page, f"project page ({language})")


@pytest.mark.parametrize("index, language", [("/nl/terugkeer/", "nl"), ("/en/return/", "en")])
def test_return_programme_pages_pass_axe(page, index, language):
    page.goto(index)
    screenshot(page, f"return-{language}")
    check_accessibility(page, f"return index ({language})")
    page.locator(CARD_LINKS).first.click()
    page.wait_for_load_state()
    assert page.locator("ol.steps li").count() >= 3
    assert page.locator(".review-date").count() == 1
    screenshot(page, f"return-programme-{language}")
    check_accessibility(page, f"return programme ({language})")


@pytest.mark.parametrize("index, language", [("/nl/campagnes/", "nl"), ("/en/campaigns/", "en")])
def test_campaign_pages_pass_axe(page, index, language):
    page.goto(index)
    screenshot(page, f"campaigns-{language}")
    check_accessibility(page, f"campaign index ({language})")
    for number in range(page.locator(CARD_LINKS).count()):
        page.goto(index)
        link = page.locator(CARD_LINKS).nth(number)
        slug = link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
        link.click()
        page.wait_for_load_state()
        screenshot(page, f"campaign-{language}-{slug}")
        check_accessibility(page, f"campaign {slug} ({language})")


def test_report_series_draws_the_route(page):
    page.goto("/en/campaigns/")
    page.get_by_role("link", name="Border Reached!").first.click()
    page.wait_for_load_state()
    assert page.locator(".world-map__route").count() == 1
    assert page.locator("ol.episodes > li").count() == 8
