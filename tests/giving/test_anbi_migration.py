"""Migration giving.0007 moves the old setting's ANBI data to the site identity, in every language."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from website.models import SiteIdentity

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("giving.migrations.0007_anbi_data_to_site_identity")


@pytest.fixture
def old_apps():
    """The models as 0007 sees them, with the setting's table (0008 dropped it) back for this test."""
    state = MigrationLoader(connection).project_state(("giving", "0007_anbi_data_to_site_identity"), at_end=False)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE giving_anbisettings (id integer PRIMARY KEY, rsin varchar(9), legal_name varchar(200))"
        )
    return state.apps


def test_the_settings_values_reach_every_language_and_an_eight_digit_rsin_gets_its_zero(old_apps, locales):
    old_apps.get_model("giving", "AnbiSettings").objects.create(id=1, rsin="24968260", legal_name="Stichting X")
    SiteIdentity.objects.create(locale=locales["nl"], organisation_name="X")
    SiteIdentity.objects.create(locale=locales["en"], organisation_name="X")
    MIGRATION.to_site_identity(old_apps, None)
    assert set(SiteIdentity.objects.values_list("legal_name", "rsin")) == {("Stichting X", "024968260")}
    for identity in SiteIdentity.objects.all():
        identity.full_clean()


def test_values_an_editor_already_gave_the_identity_are_kept(old_apps, locales):
    old_apps.get_model("giving", "AnbiSettings").objects.create(id=1, rsin="111111111", legal_name="Old")
    SiteIdentity.objects.create(locale=locales["nl"], organisation_name="X", legal_name="New", rsin="222222222")
    MIGRATION.to_site_identity(old_apps, None)
    assert SiteIdentity.objects.values_list("legal_name", "rsin").get() == ("New", "222222222")


def test_without_an_identity_one_is_made_to_keep_the_data(old_apps, locales):
    old_apps.get_model("giving", "AnbiSettings").objects.create(id=1, rsin="111111111", legal_name="Stichting X")
    MIGRATION.to_site_identity(old_apps, None)
    identity = SiteIdentity.objects.get()
    assert (identity.organisation_name, identity.rsin, identity.locale.language_code) == (
        "Stichting X",
        "111111111",
        "nl",
    )
