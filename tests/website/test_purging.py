import pytest
from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save

from website import caching
from website.caching import WATCHED, content_changed, content_version, purge_on_save
from website.models import SiteIdentity


@pytest.fixture
def watch_groups():
    """purge_on_save on a model nothing else watches; disconnected again afterwards."""
    yield lambda **options: purge_on_save(Group, **options)
    post_save.disconnect(sender=Group, dispatch_uid="purge-on-save:auth.group")
    post_delete.disconnect(sender=Group, dispatch_uid="purge-on-delete:auth.group")
    WATCHED.pop(Group, None)


@pytest.fixture
def changed():
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance)

    content_changed.connect(receiver)
    yield seen
    content_changed.disconnect(receiver)


def test_saving_and_deleting_turn_the_page_cache_over_and_tell_listeners(db, watch_groups, changed):
    also = []
    watch_groups(also=also.append)
    before = content_version()
    group = Group.objects.create(name="Purge test")
    assert content_version() == before + 1
    group.delete()
    assert content_version() == before + 2
    assert changed == also == [group, group]


def test_a_model_on_no_page_only_drops_its_own_cached_reads(db, watch_groups, changed):
    also = []
    watch_groups(pages=False, also=also.append)
    before = content_version()
    group = Group.objects.create(name="Purge test")
    assert content_version() == before
    assert also == [group] and changed == []


def test_a_second_registration_of_a_model_is_ignored(db, watch_groups):
    watch_groups()
    watch_groups()
    before = content_version()
    Group.objects.create(name="Purge test")
    assert content_version() == before + 1


def test_the_apps_register_what_their_pages_show():
    watched = {model._meta.label: pages for model, pages in WATCHED.items()}
    shown = {label for label, pages in watched.items() if pages}
    assert shown >= {
        "website.SiteIdentity",
        "website.CustomImage",
        "projects.PartnerOrganisation",
        "projects.Funder",
        "petitions.Petition",
        "petitions.TargetResponse",
        "petitions.Municipality",
        "donations.DonationAd",
        *(
            f"elections.{name}"
            for name in ("Election", "Party", "Theme", "Position", "Correction", "Statement", "StatementAnswer")
        ),
    }
    assert watched["petitions.PetitionSettings"] is False


def test_saving_the_site_identity_serves_fresh_pages(client, about, locales):
    client.get("/nl/over-ons/")
    SiteIdentity.objects.create(organisation_name="Stichting Nieuw", locale=locales["nl"])
    assert "Stichting Nieuw" in client.get("/nl/over-ons/").content.decode()
    assert caching.content_version() > 1
