"""`manage.py seed_demo`: run once for this module, committed as the command runs on a real site.

The demo is the slowest thing to build (every app's content in two languages), so the checks of the
whole demo share one run: the site's, the elections app's, the walk of its links (no orphan pages) and
seeding a second time.
"""

import io
import re
from html import unescape

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Page, Revision, Site

from elections import comparison, guide_checks
from elections.demo import seed as seed_elections
from elections.models import Correction, ElectionComparisonPage, Party, Position, Statement
from website.caching import purge_all
from website.models import CustomImage, HomePage, SiteIdentity
from website.seeding import Seeder

from . import reachability

pytestmark = pytest.mark.django_db


def counts():
    return (Page.objects.count(), Revision.objects.count(), SiteIdentity.objects.count(), CustomImage.objects.count())


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_root(settings, demo_media):
    """The demo's images stay where the module's run stored them."""
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    """The output of one committed `seed_demo` run; afterwards the database is put back as migrations left it.

    Committed, because wagtail-localize publishes translations when a transaction commits, page by
    page, as the command does on a real site. Tests still run in their own rolled-back transaction.
    """
    output = io.StringIO()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media):
        # What the migrations made (locales, root page, groups…), to restore after the module, as
        # Django's serialized rollback does; pytest-django keeps a copy when another test needs one.
        migrated = (
            getattr(connection, "_test_serialized_contents", None) or connection.creation.serialize_db_to_string()
        )
        call_command("seed_demo", stdout=output)
    yield output.getvalue()
    with django_db_blocker.unblock():
        # Saving the restored rows sends post_save, and handlers (the reference index…) look up content
        # types: with the cache filled now, they get the ids being restored instead of creating new rows
        # that the restore then collides with.
        for model in apps.get_models():
            ContentType.objects.get_for_model(model)
            ContentType.objects.get_for_model(model, for_concrete_model=False)
        # Sequences stay where they are: the restored rows keep their ids, and a sequence reset to 1
        # would hand those ids out again on PostgreSQL (as Django's own test flush does).
        call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False)
        connection.creation.deserialize_db_from_string(migrated)


def test_seed_demo_builds_the_site_in_both_languages(demo, client):
    assert HomePage.objects.count() == 2
    assert Site.objects.get(is_default_site=True).root_page.specific.locale.language_code == "nl"
    assert SiteIdentity.objects.count() == 2
    for path in [
        "/nl/",
        "/en/",
        "/nl/over-ons/",
        "/en/about-us/",
        "/nl/privacy/",
        "/en/privacy/",
        "/nl/contact/",
        "/en/contact/",
    ]:
        assert client.get(path).status_code == 200, path


def test_seed_demo_twice_changes_nothing(demo, capsys, django_capture_on_commit_callbacks):
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo")
    assert counts() == before
    assert "0 objects created" in capsys.readouterr().out


def test_seed_demo_prints_the_admin_login(demo):
    assert "user 'admin', password" in demo


def test_seed_demo_refuses_when_demo_content_is_not_allowed(settings):
    from django.core.management.base import CommandError

    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("seed_demo")


# The elections app's part of the demo ---------------------------------------------------------------

VIEWS = ["", "?parties=gh,pvi,vbv", "?theme=terugkeer", "?party=lbv", "open-data/json/"]


def test_demo_has_a_fictional_comparison_and_guide_in_both_languages(demo, client):
    pages = {page.locale.language_code: page for page in ElectionComparisonPage.objects.select_related("locale")}
    assert set(pages) == {"nl", "en"}
    assert Party.objects.filter(locale__language_code="nl").count() == 5
    assert Position.objects.filter(locale__language_code="en").count() == 30
    assert Statement.objects.filter(locale__language_code="nl").count() == 10
    assert Correction.objects.exists()
    for language, page in pages.items():
        for view in [*VIEWS, "stemhulp/" if language == "nl" else "guide/"]:
            assert client.get(page.url + view).status_code == 200, (language, view)
    dutch = client.get(pages["nl"].url).content.decode()
    assert "Tweede Kamerverkiezingen" in dutch and "verzonnen voorbeeld" in dutch  # national, and labelled

    # The demo guide can tell every party apart and has no statement everyone answers alike.
    source = pages["nl"]
    found = guide_checks.check(
        comparison.guide_input(comparison.load(source.election, source.locale, with_statements=True))
    )
    assert found == {"indistinguishable": [], "unanimous": [], "missing": []}

    seeder = Seeder(log=lambda message: None)
    seed_elections(seeder)
    assert seeder.created == 0


# Language: every demo page in one number and date style per language, and Dutch that says "je" ------

DUTCH_THOUSANDS = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b")  # 21.000 (Dutch) on an English page
ENGLISH_THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")  # 21,000 (English) on a Dutch page
CAPITALISED_DUTCH_MONTHS = re.compile(r"\b\d{1,2} (?:Jan|Feb|Mrt|Apr|Mei|Jun|Jul|Aug|Sep|Okt|Nov|Dec)\b")
FORMAL_YOU = re.compile(r"\b(?:[Uu]|[Uu]w|[Uu]zelf)\b")
ENGLISH_US_DATES = re.compile(r"\b(?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)\.? \d{1,2}, \d{4}\b")


def visible_text(html):
    html = re.sub(r"<(script|style|template|svg)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_demo_pages_write_numbers_dates_and_you_as_their_language_does(demo, client):
    problems, checked = [], set()
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale"):
        response = client.get(page.url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        checked.add(page.locale.language_code)
        text = visible_text(response.content.decode())
        checks = (
            [DUTCH_THOUSANDS, ENGLISH_US_DATES]
            if page.locale.language_code == "en"
            else [ENGLISH_THOUSANDS, CAPITALISED_DUTCH_MONTHS, FORMAL_YOU]
        )
        for pattern in checks:
            problems += [(page.url, found) for found in pattern.findall(text)]
    assert checked == {"nl", "en"} and problems == []


# No orphan pages: following links from both home pages reaches every page the sitemap lists.


@pytest.fixture(scope="module")
def reached(demo, django_db_blocker):
    """The walk, once for the module: it renders every page of the demo."""
    with django_db_blocker.unblock():
        return reachability.walk(Client())


def test_every_page_in_the_sitemap_is_reached_from_the_home_pages(reached, client):
    listed = reachability.sitemap_paths(client)
    assert {"/nl/", "/en/"} <= listed and len(listed) > 20
    assert sorted(listed - set(reached)) == []


@pytest.mark.parametrize("campaign", ["/nl/campagnes/kies-partij/", "/en/campaigns/choose-a-side/"])
def test_the_kies_partij_campaign_leads_to_its_comparison_and_guide(reached, client, campaign):
    page = ElectionComparisonPage.objects.get(locale__language_code=campaign[1:3])
    parser = reachability.Links()
    parser.feed(client.get(campaign).content.decode())
    assert {page.url, page.guide_url()} <= set(parser.hrefs)
    assert page.url in reached and page.guide_url() in reached


# Issue 12: every page type renders within 20 queries right after a change, in both languages.
QUERY_BUDGET = 20
PAGE_TYPES = [
    "website.HomePage",
    "website.StandardPage",
    "projects.ProjectIndexPage",
    "projects.ProjectPage",
    "projects.ReturnProgrammeIndexPage",
    "projects.ReturnProgrammePage",
    "campaigns.CampaignIndexPage",
    "campaigns.CampaignPage",
    "elections.ElectionComparisonPage",
    "giving.DonatePage",
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_demo_page_renders_within_the_query_budget(demo, client, page_type, language):
    pages = apps.get_model(page_type).objects.live().filter(locale__language_code=language)
    assert pages, f"the demo has no {page_type} in {language}"
    over = {}
    for page in pages:
        client.get(page.url)  # warm Wagtail's per-process caches
        purge_all()  # a render right after a change: the shared page parts are gone too
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        if len(queries) > QUERY_BUDGET:
            over[page.url] = len(queries)
    assert over == {}


@pytest.mark.parametrize(
    "path, live",
    [
        ("/nl/campagnes/500kinderen/", False),
        ("/en/campaigns/500-children/", False),
        # Issue 12: the live example campaign carries the petition's form and the ad's canvas as well.
        ("/nl/campagnes/voorbeeldcampagne/", True),
        ("/en/campaigns/example-campaign/", True),
    ],
)
def test_the_campaign_page_with_petition_and_tracker_is_under_80_kb(demo, client, path, live):
    response = client.get(path)  # uncompressed: the test client does not ask for gzip
    assert response.status_code == 200 and "Content-Encoding" not in response
    content = response.content.decode()
    assert 'class="tile-map"' in content
    assert ("petition-form" in content, "data-canvas " in content) == (live, live)
    assert len(response.content) <= 80_000
    compressed = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip" and len(compressed.content) < 20_000
