"""Parts of pages kept between renders (website.page_parts): a miss renders from them, and nothing they show
can be older than the content version."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from website import page_parts
from website.caching import content_version
from website.seeding import rich

ABOUT = "/nl/over-ons/?from=test"  # a query string: the page cache never answers, every request renders


def test_a_render_from_kept_parts_is_the_same_page_for_fewer_queries(client, about, django_assert_max_num_queries):
    first = client.get(ABOUT).content
    with django_assert_max_num_queries(0):
        second = client.get(ABOUT).content
    assert second == first and b"Wij werken langs de grenzen." in second


def test_a_publish_shows_on_the_next_render_of_every_page_that_shows_it(client, about, home):
    client.get(ABOUT)
    client.get("/nl/?from=test")
    about.title = "Over de organisatie"
    about.body = [("paragraph", rich("Wij werken nu ook op zee."))]
    about.save_revision().publish()
    page = client.get(ABOUT).content.decode()
    assert "Wij werken nu ook op zee." in page and "Wij werken langs de grenzen." not in page
    assert "Over de organisatie" in page  # in the title, the menu and the breadcrumbs
    assert "Over de organisatie" in client.get("/nl/?from=test").content.decode()  # in the home page's menu


def test_each_language_keeps_its_own_parts(client, about):
    dutch = client.get(ABOUT).content.decode()
    english = client.get("/en/about-us/?from=test").content.decode()
    assert "We work along the borders." in english and "Wij werken langs de grenzen." not in english
    assert 'lang="nl"' in dutch and 'lang="en"' in english


def test_moving_or_deleting_a_page_moves_the_content_version_on(about, home, seeder):
    from website.models import StandardPage

    other = seeder.page(home, StandardPage, lambda t: {"title": t("Ander", "Other"), "slug": t("ander", "other")})
    before = content_version()
    Page.objects.get(pk=other.pk).move(about, pos="last-child")
    moved = content_version()
    assert moved > before
    Page.objects.get(pk=other.pk).delete()
    assert content_version() > moved


def test_a_change_moves_the_version_on_again_when_it_commits(about, django_capture_on_commit_callbacks):
    """A render that read the new version before the commit saw the old rows: the second step retires what it kept."""
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
        during = content_version()
    assert before < during < content_version()


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda rf: rf.post("/nl/over-ons/"), id="post"),
        pytest.param(
            lambda rf: setattr(request := rf.get("/nl/over-ons/"), "is_preview", True) or request, id="preview"
        ),
    ],
)
def test_nothing_is_kept_for_a_preview_or_a_post(make, about):
    assert page_parts.base_key({"request": make(RequestFactory()), "page": about}) is None


def test_nothing_is_kept_outside_a_page(db):
    assert page_parts.base_key({"request": RequestFactory().get("/nl/search/")}) is None
    assert page_parts.base_key({"page": Page(pk=3)}) is None


def test_a_part_varies_on_the_path_and_host(about, settings):
    settings.ALLOWED_HOSTS = ["example.org", "example.net"]

    def key(path, host="example.org"):
        return page_parts.base_key({"request": RequestFactory().get(path, HTTP_HOST=host), "page": about})

    assert key("/nl/over-ons/") != key("/nl/over-ons/stemhulp/")
    assert key("/nl/over-ons/") != key("/nl/over-ons/", host="example.net")
    assert key("/nl/over-ons/") == key("/nl/over-ons/?utm_source=mail")


def test_parts_turn_over_with_the_date(about, monkeypatch):
    """What changes with the date and no publish (a project's status after its end date) is not kept past it."""
    import datetime

    request = RequestFactory().get("/nl/over-ons/")
    today = page_parts.base_key({"request": request, "page": about})
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    monkeypatch.setattr(page_parts.timezone, "localdate", lambda: tomorrow)
    assert page_parts.base_key({"request": request, "page": about}) != today


def test_a_deploy_that_changes_a_template_starts_without_parts(settings, tmp_path):
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>before</p>")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "library.py").write_text("x = 1")
    settings.BASE_DIR = tmp_path

    def digest():
        page_parts.code_version.cache_clear()
        try:
            return page_parts.code_version()
        finally:
            page_parts.code_version.cache_clear()

    (tmp_path / "venv").mkdir()
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr/bin")
    (tmp_path / "venv" / "library.py").write_text("x = 1")
    before = digest()
    (tmp_path / ".venv" / "library.py").write_text("x = 2")  # not the site's own code
    (tmp_path / "venv" / "library.py").write_text("x = 2")
    assert digest() == before
    template.write_text("<p>after</p>")
    assert digest() != before


def test_a_page_made_private_is_private_at_once(client, about):
    from wagtail.models import PageViewRestriction

    assert client.get("/nl/over-ons/").status_code == 200
    assert client.get(ABOUT).status_code == 200
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    for path in ("/nl/over-ons/", ABOUT):
        response = client.get(path)
        assert response.status_code == 302 and "login" in response["Location"], path


def test_a_page_without_restrictions_checks_them_without_a_query(about, django_assert_num_queries):
    about.get_view_restrictions()
    with django_assert_num_queries(0):
        assert not about.get_view_restrictions().exists()


def test_a_part_that_would_vary_on_a_visitors_query_is_not_kept(about):
    """`unless=`: e.g. the language links of a comparison filtered by `?theme=…`: each value would be an entry."""
    from django.template import Context, Template

    template = Template('{% load website_tags %}{% pagepart "test" unless=query %}{{ n }}{% endpagepart %}')
    request = RequestFactory().get("/nl/over-ons/")

    def render(n, query):
        return template.render(Context({"request": request, "page": about, "n": n, "query": query}))

    assert [render(1, "?theme=x"), render(2, "?theme=y")] == ["1", "2"]  # rendered each time
    assert [render(3, ""), render(4, "")] == ["3", "3"]  # kept


def test_a_part_needs_a_quoted_name():
    from django.template import Template, TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template("{% load website_tags %}{% pagepart header %}x{% endpagepart %}")
