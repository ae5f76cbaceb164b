"""`seed_demo`'s donate page: both languages, and the site identity's donate page (the "give" ask points to it)."""

import pytest

from giving import demo
from giving.models import DonatePage
from website.models import SiteIdentity

pytestmark = pytest.mark.django_db


def test_the_demo_donate_page_is_built_once_and_becomes_the_identitys_donate_page(
    seeder, home, english, django_capture_on_commit_callbacks
):
    identity = SiteIdentity.objects.create(locale=seeder.nl, organisation_name="VluchtelingenWerk Nederland")
    with django_capture_on_commit_callbacks(execute=True):
        page = demo.seed(seeder)
        demo.seed(seeder)
    assert DonatePage.objects.filter(locale=seeder.nl).count() == 1
    assert page.get_translation(english).url == "/en/donate/" and page.url == "/nl/doneer/"
    identity.refresh_from_db()
    assert identity.donate_page_id == page.pk
    # The statements' ANBI data: a made-up RSIN, nine digits, valid for the editor's form.
    assert (identity.legal_name, identity.rsin) == (demo.LEGAL_NAME, demo.DEMO_RSIN)
    identity.full_clean()


def test_an_identity_that_already_has_a_donate_page_keeps_it(seeder, home, django_capture_on_commit_callbacks):
    identity = SiteIdentity.objects.create(locale=seeder.nl, organisation_name="Org", donate_page=home)
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(seeder)
    identity.refresh_from_db()
    assert identity.donate_page_id == home.pk
