"""The demo's #500kinderen shows its coalition: VluchtelingenWerk Nederland and Defence for Children."""

import datetime

import pytest
from django.utils import timezone

from campaigns.models import CampaignPage
from coalitions import demo
from coalitions.models import CoalitionPartner, PartnerOptIn
from petitions.models import SignatureStatus


@pytest.fixture
def children_campaign(seeder, home, petition, django_capture_on_commit_callbacks):
    def build(t):
        return {
            "title": "#500kinderen",
            "slug": t("500kinderen", "500-children"),
            "ask": t("Teken", "Sign"),
            "summary": t("Over kinderen.", "About children."),
            "status": "active",
            "start_date": datetime.date(2020, 3, 1),
            "body": [("petition", {"petition": petition, "show_tracker": False})],
        }

    with django_capture_on_commit_callbacks(execute=True):
        return seeder.page(home, CampaignPage, build)


def test_the_demo_gives_500kinderen_its_two_partners_in_both_languages(
    client, seeder, children_campaign, petition, new_signature, django_capture_on_commit_callbacks
):
    new_signature("Ada", status=SignatureStatus.CONFIRMED, confirmed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(seeder)
    names = list(
        CoalitionPartner.objects.filter(locale=seeder.nl)
        .order_by("sort_order")
        .values_list("organisation__name", flat=True)
    )
    assert names == ["VluchtelingenWerk Nederland", "Defence for Children"]
    assert CoalitionPartner.objects.filter(locale=seeder.en).count() == 2
    for url, text in (
        (children_campaign.url, "Samen met"),
        (children_campaign.get_translation(seeder.en).url, "Together with"),
    ):
        html = client.get(url).content.decode()
        assert text in html and "Defence for Children" in html
        assert "mag mij per e-mail" in html if text == "Samen met" else "may keep me informed" in html


def test_seeding_the_demo_twice_creates_nothing_the_second_time(
    seeder, children_campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(seeder)
    before = (seeder.created, CoalitionPartner.objects.count(), PartnerOptIn.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(seeder)
    assert (seeder.created, CoalitionPartner.objects.count(), PartnerOptIn.objects.count()) == before
