"""The donations demo: "The same needs" finished with the source's numbers, and an invented ad taking gifts."""

import datetime

import pytest

from donations import canvas, demo
from donations.models import AdLedger, AdStatus, CellClaim, Donation, DonationAd, NameStatus
from donations.reconcile import reconcile_ledgers

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seeder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return demo.seed(seeder)


@pytest.fixture
def example(seeded):
    return DonationAd.objects.get(locale__language_code="nl", title__startswith="Voorbeeldadvertentie")


def test_the_same_needs_ad_exists_in_both_languages_with_the_real_size(seeded, english):
    assert seeded.total_area_cm2 == 1030 and seeded.width_cm * seeded.height_cm >= 1030
    translated = seeded.get_translation(english)
    assert translated.title == "Donate a square centimetre" and translated.total_area_cm2 == 1030
    assert translated.publication == "Algemeen Dagblad, de Volkskrant, Trouw and Parool"


def test_the_same_needs_ad_is_published_on_8_april_2022_by_nearly_3000_imported_donors(seeded):
    assert seeded.status == AdStatus.PUBLISHED and not seeded.accepts_gifts()
    assert seeded.publication_date == datetime.date(2022, 4, 8)
    assert seeded.printed_image is not None
    assert not Donation.objects.filter(ad_key=seeded.ad_key).exists()  # no invented gifts on a real campaign
    state = canvas.build_state(seeded)
    assert state["donors"] == state["imported_donors"] == demo.SAME_NEEDS_DONORS
    assert 2500 < state["donors"] < 3000
    assert state["funded_units"] == seeded.total_units and state["free_units"] == 0 and not state["open"]
    seeded.full_clean()  # the imported totals carry their source


def test_the_example_ad_is_invented_part_funded_and_open(example, english):
    assert example.title.startswith("Voorbeeldadvertentie")
    assert example.get_translation(english).title.startswith("Example ad")
    ledger = AdLedger.objects.get(ad_key=example.ad_key)
    assert 0.5 * ledger.total_units < ledger.funded_units < 0.7 * ledger.total_units
    assert ledger.held_units == 0 and ledger.donors == Donation.objects.count() > 500
    assert example.accepts_gifts() and reconcile_ledgers() == {}


def test_the_example_ad_has_named_credits_chosen_cells_and_names_to_moderate(example):
    donations = Donation.objects.filter(ad_key=example.ad_key)
    assert donations.filter(name_status=NameStatus.APPROVED).count() >= 5
    assert donations.filter(name_status=NameStatus.PENDING).exists()
    assert CellClaim.objects.filter(ad_key=example.ad_key, donation__isnull=False).exists()
    state = canvas.build_state(example)
    assert state["names"] and state["cells"].count("x") == 10


def test_seeding_again_changes_nothing(seeded, seeder):
    count = Donation.objects.count()
    seeder.created = 0
    demo.seed(seeder)
    assert seeder.created == 0 and Donation.objects.count() == count and DonationAd.objects.count() == 4
