import pytest
from wagtail.models import Page
from wagtail_localize.models import Translation

from website.models import StandardPage


def test_translation_is_made_with_wagtail_localize(about, english):
    assert Translation.objects.filter(source__object_id=about.translation_key, target_locale=english).exists()


def test_translated_page_renders_at_its_own_url(client, about):
    response = client.get("/en/about-us/")
    assert response.status_code == 200
    assert "<h1>About us</h1>" in response.content.decode()


def test_language_switcher_links_both_ways(client, about):
    dutch = client.get("/nl/over-ons/").content.decode()
    english = client.get("/en/about-us/").content.decode()
    assert 'href="/en/about-us/" hreflang="en"' in dutch
    assert 'href="/nl/over-ons/" hreflang="nl"' in english


def test_page_lists_every_translation_as_hreflang_alternate(client, about):
    html = client.get("/nl/over-ons/").content.decode()
    assert '<link rel="alternate" hreflang="nl" href="http://testserver/nl/over-ons/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about-us/">' in html


def test_switcher_says_when_a_page_is_not_translated_yet(client, home):
    page = StandardPage(title="Alleen Nederlands", slug="alleen-nl")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/nl/alleen-nl/").content.decode()
    assert "(this page is not translated yet)" in html
    # It sends the visitor to the English home page instead of a dead link.
    assert 'href="/en/" hreflang="en" class="language-switcher__missing"' in html
    assert 'hreflang="en" href=' not in html  # no alternate for a missing translation


@pytest.mark.parametrize(
    "accept_language, target",
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("nl-NL,nl;q=0.9,en;q=0.5", "/nl/"),
        ("de-DE,de;q=0.9", "/nl/"),
        ("", "/nl/"),
    ],
)
def test_root_redirects_by_accept_language(client, home, accept_language, target):
    response = client.get("/", headers={"Accept-Language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == target


def test_html_lang_follows_the_url_not_the_browser(client, home):
    response = client.get("/en/", headers={"Accept-Language": "nl"})
    assert '<html lang="en">' in response.content.decode()


def test_sitemap_lists_both_languages_with_alternates(client, about):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/nl/over-ons/</loc>" in xml or "/nl/over-ons/</loc>" in xml
    assert "/en/about-us/</loc>" in xml
    assert 'hreflang="en" href="http://' in xml and 'hreflang="nl" href="http://' in xml
    assert xml.count("<url>") == Page.objects.live().filter(depth__gt=1).count()


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
