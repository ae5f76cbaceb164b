import datetime

import pytest

from campaigns.models import CampaignIndexPage, CampaignPage

# A fictional election and its comparison page, for the campaign module that shows it.
from tests.elections.conftest import (  # noqa: F401 (fixtures)
    comparison_page,
    module_comparison_page,
    module_election,
    module_make,
    module_parties,
    module_positions,
    module_statements,
    module_themes,
)

# Built once per test module (see `module_db` in tests/conftest.py); each fixture gives the test
# its own copies.


@pytest.fixture(scope="module")
def module_campaign_index(module_seeder, building, module_home):
    def build(t):
        return {
            "title": t("Campagnes", "Campaigns"),
            "slug": t("campagnes", "campaigns"),
            "intro": t("Wat wij vragen.", "What we ask."),
        }

    with building():
        return module_seeder.page(module_home, CampaignIndexPage, build)


@pytest.fixture
def campaign_index(module_campaign_index, fresh):
    return fresh(module_campaign_index)


def episode(t, place, country, lat, lon, day):
    return {
        "place": place,
        "country": country,
        "latitude": lat,
        "longitude": lon,
        "date": datetime.date(2022, 5, day),
        "title": t(f"Aflevering {place}", f"Episode {place}"),
        "summary": t(f"Verslag uit {place}.", f"Report from {place}."),
        "video_url": "",
        "media_file": None,
    }


def make_campaign(seeder, index, capture, *, nl, en, slug, status, start, body=None):
    def build(t):
        return {
            "title": t(nl, en),
            "slug": t(slug, slug + "-en"),
            "ask": t(f"Vraag {nl}", f"Ask {en}"),
            "summary": t(f"Over {nl}.", f"About {en}."),
            "status": status,
            "start_date": start,
            "body": body(t) if body else [],
        }

    with capture(execute=True):
        return seeder.page(index, CampaignPage, build)


@pytest.fixture(scope="module")
def module_campaigns(module_seeder, building, module_campaign_index):
    seeder, campaign_index = module_seeder, module_campaign_index

    def capture(execute):  # what make_campaign expects from django_capture_on_commit_callbacks
        return building()

    def border_body(t):
        return [
            (
                "key_figures",
                {"title": t("In cijfers", "In figures"), "facts": [{"figure": "8", "label": t("plaatsen", "places")}]},
            ),
            (
                "timeline",
                {
                    "title": t("Tijdlijn", "Timeline"),
                    "events": [
                        {"date": datetime.date(2022, 5, 1), "title": t("Vertrek", "Departure"), "description": ""}
                    ],
                },
            ),
            ("share", {"text": t("Lees de verslagen", "Read the reports")}),
            (
                "report_series",
                {
                    "title": t("Verslagen", "Reports"),
                    "intro": "",
                    "episodes": [
                        episode(t, "Lesbos", "GR", 39.1, 26.5, 10),
                        episode(t, "Lampedusa", "IT", 35.5, 12.6, 3),
                    ],
                },
            ),
        ]

    return {
        "border": make_campaign(
            seeder,
            campaign_index,
            capture,
            nl="Grens bereikt",
            en="Border reached",
            slug="grens-bereikt",
            status="closed",
            start=datetime.date(2022, 4, 1),
            body=border_body,
        ),
        "children": make_campaign(
            seeder,
            campaign_index,
            capture,
            nl="500 kinderen",
            en="500 children",
            slug="500-kinderen",
            status="active",
            start=datetime.date(2020, 1, 15),
        ),
        "needs": make_campaign(
            seeder,
            campaign_index,
            capture,
            nl="Gelijke nood",
            en="The same needs",
            slug="gelijke-nood",
            status="won",
            start=datetime.date(2022, 3, 1),
        ),
    }


@pytest.fixture
def campaigns(module_campaigns, fresh):
    return fresh(module_campaigns)
