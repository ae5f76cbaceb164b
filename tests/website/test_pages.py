import pytest
from wagtail.models import Page

from website.caching import purge_all
from website.models import HomePage, StandardPage
from website.seeding import rich


def test_home_page_may_only_live_at_the_root():
    assert HomePage.allowed_parent_page_models() == [Page]


def test_standard_page_may_live_under_home_and_standard_pages():
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}


def test_standard_page_cannot_be_created_at_the_root(db):
    assert not StandardPage.can_create_at(Page.get_first_root_node())


@pytest.mark.parametrize(
    "path, text, lang",
    [
        ("/nl/", "Wij komen op voor vluchtelingen.", "nl"),
        ("/en/", "We stand up for refugees.", "en"),
    ],
)
def test_home_page_renders_in_both_languages(client, home, path, text, lang):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert text in html
    assert f'<html lang="{lang}">' in html


@pytest.mark.parametrize(
    "path, text",
    [
        ("/nl/over-ons/", "Wij werken langs de grenzen."),
        ("/en/about-us/", "We work along the borders."),
    ],
)
def test_standard_page_renders_in_both_languages(client, about, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_standard_page_appears_in_main_navigation(client, about):
    html = client.get("/en/").content.decode()
    assert '<a href="/en/about-us/">About us</a>' in html


def test_breadcrumbs_lead_back_home(client, about):
    html = client.get("/en/about-us/").content.decode()
    assert 'aria-label="Breadcrumbs"' in html
    assert '<a href="/en/">Home</a>' in html


def test_every_block_renders(client, home, django_capture_on_commit_callbacks):
    page = StandardPage(
        title="Blokken",
        slug="blokken",
        body=[
            ("heading", {"text": "Een kop", "level": "h3"}),
            ("paragraph", rich("Tekst met <b>vet</b>.")),
            ("quote", {"quote": "Elke vluchteling telt.", "attribution": "Iemand"}),
            ("video", {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Een film", "transcript": ""}),
            ("call_to_action", {"title": "Doe mee", "text": "", "page": home, "url": "", "button_label": "Nu"}),
            ("facts", {"title": "Cijfers", "facts": [{"figure": "21.000", "label": "handtekeningen"}]}),
            ("accordion", {"title": "Vragen", "items": [{"question": "Waarom?", "answer": rich("Daarom.")}]}),
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/nl/blokken/").content.decode()
    for fragment in [
        "<h3>Een kop</h3>",
        "<b>vet</b>",
        "Elke vluchteling telt.",
        'data-video-embed="https://www.youtube-nocookie.com/embed/abcdefghijk"',
        "Doe mee",
        "<dd>21.000</dd>",
        "<summary>Waarom?</summary>",
    ]:
        assert fragment in html
    # The video player is not framed until the visitor asks for it.
    assert "<iframe" not in html


@pytest.mark.parametrize("path, budget", [("/nl/", 6), ("/en/", 6), ("/nl/over-ons/", 9), ("/en/about-us/", 9)])
def test_pages_render_within_query_budget(client, about, path, budget, django_assert_max_num_queries):
    client.get(path)  # warm Wagtail's per-process site cache
    purge_all()  # measure a render, not the page cache
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200


def test_featured_cards_cost_the_same_queries_however_many_there_are(
    client, about, home, english, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from website.caching import purge_all

    def feature(times):
        page = HomePage.objects.get(pk=home.pk)
        page.featured_projects = [("featured", {"page": about, "summary": f"Kaart {n}"}) for n in range(times)]
        page.save_revision().publish()
        purge_all()
        client.get("/nl/")
        purge_all()
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/nl/").content.decode()
        assert html.count('href="/nl/over-ons/"') >= times
        return len(queries)

    assert feature(1) == feature(4)
