import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from website.models import CustomImage, HomePage, SiteIdentity


def counts():
    return (Page.objects.count(), Revision.objects.count(), SiteIdentity.objects.count(), CustomImage.objects.count())


# Committed transactions, as `manage.py seed_demo` runs: wagtail-localize publishes translations on
# commit. serialized_rollback restores the rows migrations made (root collection, locales) afterwards.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@committed
def test_seed_demo_builds_the_site_in_both_languages(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
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


@committed
def test_seed_demo_twice_changes_nothing(capsys):
    call_command("seed_demo")
    before = counts()
    call_command("seed_demo")
    assert counts() == before
    assert "0 objects created" in capsys.readouterr().out


def test_seed_demo_prints_the_admin_login(db, capsys):
    call_command("seed_demo")
    assert "user 'admin', password" in capsys.readouterr().out


def test_seed_demo_refuses_when_demo_content_is_not_allowed(db, settings):
    from django.core.management.base import CommandError

    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
