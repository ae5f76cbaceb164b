"""A small fictional election in both languages: three parties, two themes, two statements.

Built through the demo seeder, so the English objects are real wagtail-localize translations.
"""

import datetime
import logging

import pytest
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse

from elections.models import (
    Correction,
    Election,
    ElectionComparisonPage,
    Party,
    Position,
    Statement,
    StatementAnswer,
    Theme,
)
from website.seeding import rich

PAGE_NL = "/nl/kies-kant/"
PAGE_EN = "/en/choose-a-side/"


@pytest.fixture(autouse=True)
def _guide_result_url(settings):
    """Until website/urls.py includes elections.urls, the tests mount it themselves."""
    try:
        reverse("elections:guide_result", args=[1])
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.elections.urls"


@pytest.fixture
def make(seeder, django_capture_on_commit_callbacks):
    """Adds data inside one test."""

    def make(model, build, lookup):
        with django_capture_on_commit_callbacks(execute=True):
            return seeder.snippet(model, build, lookup)

    return make


# The election below is built once per test module (see `module_db` in tests/conftest.py); each
# fixture gives the test its own copy of the objects.


@pytest.fixture(scope="module")
def module_make(module_seeder, building):
    def make(model, build, lookup):
        with building():
            return module_seeder.snippet(model, build, lookup)

    return make


@pytest.fixture(scope="module")
def module_election(module_make):
    return module_make(
        Election,
        lambda t: {
            "name": t("Verkiezing Testdorp", "Testville election"),
            "date": datetime.date(2026, 3, 18),
            "level": "municipal",
        },
        {"name": "Verkiezing Testdorp"},
    )


@pytest.fixture
def election(module_election, fresh):
    return fresh(module_election)


@pytest.fixture(scope="module")
def module_parties(module_make):
    found = {}
    for abbreviation, name in [("AP", "Alfa Partij"), ("BP", "Beta Partij"), ("CP", "Gamma Partij")]:
        found[abbreviation] = module_make(
            Party,
            lambda t, a=abbreviation, n=name: {
                "name": n,
                "abbreviation": a,
                "colour": "#0b5563",
                "programme_url": f"https://example.org/{a}.pdf",
            },
            {"abbreviation": abbreviation},
        )
    return found


@pytest.fixture
def parties(module_parties, fresh):
    return fresh(module_parties)


@pytest.fixture(scope="module")
def module_themes(module_make):
    return {
        "opvang": module_make(
            Theme, lambda t: {"name": t("Opvang", "Reception"), "slug": "opvang", "sort_order": 1}, {"slug": "opvang"}
        ),
        "terugkeer": module_make(
            Theme,
            lambda t: {"name": t("Terugkeer", "Return"), "slug": "terugkeer", "sort_order": 2},
            {"slug": "terugkeer"},
        ),
        # No position yet: appears once something is imported for it.
        "gezin": module_make(
            Theme,
            lambda t: {"name": t("Gezinshereniging", "Family reunification"), "slug": "gezin", "sort_order": 3},
            {"slug": "gezin"},
        ),
    }


@pytest.fixture
def themes(module_themes, fresh):
    return fresh(module_themes)


def position_values(
    election, party, theme, stance, quote, quote_en, summary=("Samenvatting.", "Summary."), corrections=()
):
    def build(t):
        return {
            "election": election,
            "party": party,
            "theme": theme,
            "stance": stance,
            "summary": t(*summary),
            "quote": quote,
            "quote_language": "nl",
            "quote_translation": t(quote, quote_en) if quote else "",
            "page_number": 7,
            "source_url": "https://example.org/programma.pdf#page=7",
            "assessment": t("Onze beoordeling.", "Our assessment."),
            "corrections": [
                Correction(made_on=made_on, reaction_from=t(*who), note=t(*note), previous_stance=previous)
                for made_on, who, note, previous in corrections
            ],
        }

    return build


@pytest.fixture(scope="module")
def module_positions(module_make, module_election, module_parties, module_themes):
    election, parties, themes = module_election, module_parties, module_themes
    ap, bp, cp = parties["AP"], parties["BP"], parties["CP"]
    opvang, terugkeer = themes["opvang"], themes["terugkeer"]
    specs = [
        (ap, opvang, "much_more", "Iedereen welkom in Testdorp.", "Everyone welcome in Testville.", ()),
        (ap, terugkeer, "more", "Alleen vrijwillige terugkeer.", "Only voluntary return.", ()),
        (
            bp,
            opvang,
            "less",
            "Minder opvangplekken.",
            "Fewer reception places.",
            [
                (
                    datetime.date(2026, 2, 1),
                    ("Beta Partij", "Beta Partij"),
                    ("De partij wees ons op pagina 3.", "The party pointed us to page 3."),
                    "much_less",
                )
            ],
        ),
        (bp, terugkeer, "mixed", "Terugkeer met hulp.", "Return with help.", ()),
        (cp, opvang, "not_addressed", "", "", ()),
    ]
    found = {}
    for party, theme, stance, quote, quote_en, corrections in specs:
        found[(party.abbreviation, theme.slug)] = module_make(
            Position,
            position_values(election, party, theme, stance, quote, quote_en, corrections=corrections),
            {"election": election, "party": party, "theme": theme},
        )
    return found


@pytest.fixture
def positions(module_positions, fresh):
    return fresh(module_positions)


STATEMENT_SPECS = [
    (
        "S01",
        "opvang",
        ("Meer opvang in Testdorp.", "More reception in Testville."),
        {"AP": "agree", "BP": "disagree", "CP": "neutral"},
    ),
    (
        "S02",
        "terugkeer",
        ("Bed, bad en brood blijft.", "Bed, bath and bread stays."),
        {"AP": "agree", "BP": "neutral", "CP": "disagree"},
    ),
    (
        "S03",
        "terugkeer",
        ("De gemeente helpt bij terugkeer.", "The town helps with return."),
        {"AP": "disagree", "BP": "agree", "CP": "agree"},
    ),
]


@pytest.fixture(scope="module")
def module_statements(module_make, module_election, module_parties, module_themes):
    election, parties, themes = module_election, module_parties, module_themes
    found = {}
    for order, (code, theme, text, answers) in enumerate(STATEMENT_SPECS, start=1):

        def build(t, code=code, theme=theme, text=text, answers=answers, order=order):
            return {
                "election": election,
                "theme": themes[theme],
                "code": code,
                "text": t(*text),
                "sort_order": order,
                "answers": [
                    StatementAnswer(
                        party=parties[key],
                        answer=answer,
                        explanation=t(f"Uitleg {key} bij {code}.", f"Explanation {key} on {code}."),
                    )
                    for key, answer in answers.items()
                ],
            }

        found[code] = module_make(Statement, build, {"election": election, "code": code})
    return found


@pytest.fixture
def statements(module_statements, fresh):
    return fresh(module_statements)


@pytest.fixture(scope="module")
def module_comparison_page(module_seeder, building, module_home, module_election, module_positions, module_statements):
    election = module_election

    def build(t):
        return {
            "title": t("Kies kant", "Choose a side"),
            "slug": t("kies-kant", "choose-a-side"),
            "election": election,
            "intro": t("Wat willen de partijen?", "What do the parties want?"),
            "guide_intro": t("Kies je kant.", "Choose your side."),
            "method": [("paragraph", rich(t("Zo vergeleken wij.", "This is how we compared.")))],
        }

    with building():
        return module_seeder.page(module_home, ElectionComparisonPage, build)


@pytest.fixture
def comparison_page(module_comparison_page, fresh):
    return fresh(module_comparison_page)


@pytest.fixture(scope="module")
def module_english_page(module_comparison_page, module_seeder, building):
    with building():
        return module_comparison_page.get_translation(module_seeder.en)


@pytest.fixture
def english_page(module_english_page, fresh):
    return fresh(module_english_page)


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("analyst", "analyst@example.org", "pw")


@pytest.fixture
def admin_client(client, staff):
    """Logged in, with the admin in English (messages are checked by their words)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(staff)
    return client


@pytest.fixture
def in_english():
    from django.utils import translation

    with translation.override("en"):
        yield


class Records(logging.Handler):
    """Every log record of every logger, at every level (works with `-p no:logging` too)."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def text(self):
        parts = []
        for record in self.records:
            parts.append(record.getMessage())
            parts.extend(str(value) for value in record.__dict__.values())
        return "\n".join(parts)


@pytest.fixture
def log_records():
    handler = Records()
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(previous)
