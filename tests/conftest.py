import copy
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import transaction
from django.test import TestCase
from wagtail.models import Locale, Page, Site

from tests import databases
from tests.browser.site import CHROMIUM, SiteBuild
from website.models import HomePage, StandardPage
from website.seeding import Seeder, rich

# Two processes on two cores (pytest-xdist in `make test`) ---------------------------------------
#
# `--dist loadfile --no-loadscope-reorder`: a module's tests stay together on one worker (they share
# the module's data), and every worker keeps pytest-django's order: the database tests, then the
# committing ones (their modules are wholly transactional, and they empty the database), then the
# tests without a database, the browser tests among them. The controlling process starts building
# the browser tests' site as soon as the workers have collected, so it is ready when they get there.

BROWSER = "tests/browser/"
RUN_DIRECTORY, TEMPLATE, BUILDING = pytest.StashKey(), pytest.StashKey(), pytest.StashKey()


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class ByFile(LoadScopeScheduling):
        """`--dist loadfile`, except that each browser test is a unit of its own: they share no module
        data (each worker has its own site), so the two workers finish the run together."""

        def _split_scope(self, nodeid):
            return nodeid if nodeid.startswith(BROWSER) else nodeid.split("::", 1)[0]

    return ByFile(config, log)


def pytest_configure(config):
    if not getattr(config.option, "numprocesses", None) or hasattr(config, "workerinput"):
        return
    # The controlling process: it migrates the template database now, while the workers start.
    directory = config.stash[RUN_DIRECTORY] = Path(tempfile.mkdtemp(prefix="test-run-"))
    config.add_cleanup(lambda: shutil.rmtree(directory, ignore_errors=True))
    if databases.supported():
        template = config.stash[TEMPLATE] = databases.Template(directory / "database")
        config.add_cleanup(lambda: template.discard(workers=config.option.numprocesses or 0))


def pytest_configure_node(node):
    stash = node.config.stash
    node.workerinput["browser_site"] = str(stash[RUN_DIRECTORY] / "browser")
    if TEMPLATE in stash:
        node.workerinput["database_template"] = stash[TEMPLATE].describe()


def pytest_xdist_node_collection_finished(node, ids):
    config = node.config
    if BUILDING in config.stash or not os.path.exists(CHROMIUM) or not any(i.startswith(BROWSER) for i in ids):
        return
    template = config.stash[TEMPLATE].describe() if TEMPLATE in config.stash else None
    build = config.stash[BUILDING] = SiteBuild(config.stash[RUN_DIRECTORY] / "browser", template)
    config.add_cleanup(build.discard)


def _without_database(item):
    fixtures = getattr(item, "fixturenames", ())
    return not (
        item.get_closest_marker("django_db") or {"db", "transactional_db", "live_server"} & set(fixtures)
    ) and not item.nodeid.startswith(BROWSER)


@pytest.hookimpl(trylast=True)  # after pytest-django's ordering, which this keeps among the others
def pytest_collection_modifyitems(config, items):
    if hasattr(config, "workerinput"):
        # The tests without a database (or a browser) first: they run while the template is migrated.
        items.sort(key=lambda item: not _without_database(item))


def _template(config):
    return getattr(config, "workerinput", {}).get("database_template")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    if template := _template(request.config):
        try:
            databases.start_from(template, request.config.workerinput["workerid"])
        except RuntimeError as error:
            pytest.exit(str(error), returncode=1)


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """A worker's database is already a migrated copy: keep it (the controlling process removes it)."""
    return bool(request.config.getvalue("reuse_db") or _template(request.config))


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seeder(db):
    return Seeder(log=lambda message: None)


# Data shared by the tests of one module -----------------------------------------------------------
#
# Building bilingual pages through wagtail-localize costs about half a second each. Data that the
# tests of a module only read is built once per module, inside one transaction that is rolled back
# after the module's last test; each test's own transaction (`db`) is a savepoint inside it, so a
# test that changes the data still leaves it as built for the next one. Tests get copies of the
# built objects (`fresh`), so changing an object in Python does not leak either.


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return (
        "transactional_db" in fixtures
        or "live_server" in fixtures
        or bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )


@pytest.fixture(scope="module")
def module_db(request, django_db_setup, django_db_blocker):
    """One transaction around the whole module, rolled back at its end (see above)."""
    committing = [item.name for item in request.session.items if item.module is request.module and _transactional(item)]
    if committing:
        pytest.fail(f"{request.module.__name__} shares module data but commits in {committing}: split the module")
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True  # as Django's TestCase does: code under test may open durable blocks
        outer.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def building(module_db, django_db_blocker):
    """`with building(): …` writes module data; translations are published as on a commit, at the block's end.

    One block per page: translating a parent and its child in one go can leave the child unroutable.
    """

    @contextmanager
    def build():
        with django_db_blocker.unblock(), TestCase.captureOnCommitCallbacks(execute=True):
            yield

    return build


@pytest.fixture(scope="module")
def module_seeder(building):
    with building():
        return Seeder(log=lambda message: None)


@pytest.fixture
def fresh(db, _empty_cache):
    """`fresh(obj)`: this test's own copy of module data (one memo per test, so shared references stay shared)."""
    memo = {}

    def fresh(value):
        values = value.values() if isinstance(value, dict) else [value]
        if any(isinstance(v, Page) for v in values):
            # Building pages leaves Wagtail's site root paths cached, as on a site in use; the cache
            # was emptied for this test, so fill that entry again as building it here would have.
            Site.get_site_root_paths()
        return copy.deepcopy(value, memo)

    return fresh


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


@pytest.fixture(scope="module")
def module_home(module_seeder, building):
    with building():
        return module_seeder.home_page(HomePage, home_values)


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


@pytest.fixture(scope="module")
def module_about(module_seeder, building, module_home):
    with building():
        return module_seeder.page(module_home, StandardPage, standard_values)


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
