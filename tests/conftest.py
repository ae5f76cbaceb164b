import pytest
from wagtail.models import Locale

from website.models import HomePage, StandardPage
from website.seeding import Seeder, rich


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seeder(db):
    return Seeder(log=lambda message: None)


@pytest.fixture
def locales(seeder):
    return {"nl": seeder.nl, "en": seeder.en}


def home_values(t):
    return {
        "title": t("Welkom", "Welcome"),
        "slug": "home",
        "mission": t("Wij komen op voor vluchtelingen.", "We stand up for refugees."),
    }


@pytest.fixture
def home(seeder, django_capture_on_commit_callbacks):
    """The Dutch home page at the site root and its English translation (via wagtail-localize)."""
    with django_capture_on_commit_callbacks(execute=True):
        return seeder.home_page(HomePage, home_values)


@pytest.fixture
def english_home(home, locales):
    return home.get_translation(locales["en"])


def standard_values(t):
    return {
        "title": t("Over ons", "About us"),
        "slug": t("over-ons", "about-us"),
        "show_in_menus": True,
        "intro": t("Wie wij zijn.", "Who we are."),
        "body": [("paragraph", rich(t("Wij werken langs de grenzen.", "We work along the borders.")))],
    }


@pytest.fixture
def about(seeder, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return seeder.page(home, StandardPage, standard_values)


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (Wagtail caches site roots, we cache counts)."""
    from django.core.cache import cache

    from petitions import lookups

    cache.clear()
    lookups.clear_local()
