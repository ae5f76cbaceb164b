import pytest

from donations import canvas, demo
from donations.models import AdLedger, CellClaim, Donation, DonationAd, NameStatus
from donations.reconcile import reconcile_ledgers

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seeder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return demo.seed(seeder)


def test_the_demo_ad_exists_in_both_languages_with_the_real_size(seeded, english):
    assert seeded.total_area_cm2 == 1030 and seeded.width_cm * seeded.height_cm >= 1030
    translated = seeded.get_translation(english)
    assert translated.title == "Donate a square centimetre" and translated.total_area_cm2 == 1030
    assert "fifth paper" in translated.if_sold_out


def test_the_demo_ad_is_part_funded_and_open(seeded):
    ledger = AdLedger.objects.get(ad_key=seeded.ad_key)
    assert 0.5 * ledger.total_units < ledger.funded_units < 0.7 * ledger.total_units
    assert ledger.held_units == 0 and ledger.donors == Donation.objects.count() > 500
    assert seeded.accepts_gifts() and reconcile_ledgers() == {}


def test_the_demo_has_named_credits_chosen_cells_and_names_to_moderate(seeded):
    donations = Donation.objects.filter(ad_key=seeded.ad_key)
    assert donations.filter(name_status=NameStatus.APPROVED).count() >= 10
    assert donations.filter(name_status=NameStatus.PENDING).exists()
    assert CellClaim.objects.filter(ad_key=seeded.ad_key, donation__isnull=False).exists()
    state = canvas.build_state(seeded)
    assert state["names"] and state["cells"].count("x") == 10


def test_seeding_again_changes_nothing(seeded, seeder):
    count = Donation.objects.count()
    seeder.created = 0
    demo.seed(seeder)
    assert seeder.created == 0 and Donation.objects.count() == count and DonationAd.objects.count() == 2
