import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from donations.holds import AdClosed, CellsTaken, SoldOut, end_hold, mark_processing, unavailable_cells
from donations.models import AdLedger, CellClaim, DonationAd, Hold, HoldStatus

from .conftest import hold_for

pytestmark = pytest.mark.django_db


def ledger(ad):
    return AdLedger.objects.get(ad_key=ad.ad_key)


def test_a_hold_reserves_its_area_on_the_ledger(ad):
    hold = hold_for(ad, cm2=2.5)
    assert (hold.units, hold.amount_cents, hold.status) == (250, 2500, HoldStatus.ACTIVE)
    assert (ledger(ad).held_units, ledger(ad).funded_units, ledger(ad).total_units) == (250, 0, 10500)
    assert hold.expires_at - hold.created_at >= datetime.timedelta(minutes=30)


def test_both_languages_reserve_on_the_same_ledger(ad, english_ad):
    hold_for(ad, cm2=1)
    hold_for(english_ad, cm2=2, language="en")
    assert AdLedger.objects.count() == 1 and ledger(ad).held_units == 300


def test_more_area_than_is_left_is_refused_with_what_is_left(small_ad):
    hold_for(small_ad, cm2=4.5)
    with pytest.raises(SoldOut) as refused:
        hold_for(small_ad, cm2=1)
    assert refused.value.free_units == 50
    with translation.override("en"):
        assert "Only 0.5 cm² is still free" in str(refused.value.message)
    assert Hold.objects.count() == 1 and ledger(small_ad).held_units == 450


def test_the_last_area_can_be_held_exactly(small_ad):
    hold_for(small_ad, cm2=4.5)
    hold_for(small_ad, cm2=0.5)
    assert ledger(small_ad).free_units == 0
    with pytest.raises(SoldOut) as refused:
        hold_for(small_ad, cm2=0.01)
    with translation.override("en"):
        assert "sold out" in str(refused.value.message)


def test_chosen_cells_are_claimed_once(ad):
    hold_for(ad, cells=[50, 51])
    assert sorted(CellClaim.objects.values_list("cell", flat=True)) == [50, 51]
    with pytest.raises(CellsTaken) as refused:
        hold_for(ad, cells=[51, 52])
    assert refused.value.cells == [51]
    assert CellClaim.objects.count() == 2 and ledger(ad).held_units == 200


def test_cells_the_pool_covers_cannot_be_chosen(ad):
    hold_for(ad, cm2=2.5)  # the pool fills cells 0, 1 and half of 2
    with pytest.raises(CellsTaken) as refused:
        hold_for(ad, cells=[2, 3])
    assert refused.value.cells == [2]
    hold_for(ad, cells=[3])


def test_the_pool_skips_chosen_cells(ad):
    hold_for(ad, cells=[1])
    hold_for(ad, cm2=2)  # covers cells 0 and 2
    row = ledger(ad)
    assert unavailable_cells(ad.ad_key, ad.total_area_cm2, row, [0, 1, 2, 3]) == [0, 1, 2]


@pytest.mark.parametrize("cells", [[105], [109], [-1], [10_000]])
def test_cells_outside_the_area_for_sale_cannot_be_chosen(ad, cells):
    with pytest.raises(CellsTaken):
        hold_for(ad, cells=cells)
    assert not Hold.objects.exists()


def test_a_closed_ad_takes_no_holds(ad):
    DonationAd.objects.filter(translation_key=ad.ad_key).update(status="funded")
    ad.refresh_from_db()
    with pytest.raises(AdClosed):
        hold_for(ad)


def test_an_ad_past_its_deadline_takes_no_holds(ad):
    ad.deadline = timezone.now() - datetime.timedelta(minutes=1)
    with pytest.raises(AdClosed):
        hold_for(ad)


def test_ending_a_hold_frees_its_area_and_cells_once(ad):
    hold = hold_for(ad, cells=[7, 8])
    assert end_hold(hold.pk, HoldStatus.EXPIRED) is True
    assert end_hold(hold.pk, HoldStatus.CANCELLED) is False
    hold.refresh_from_db()
    assert hold.status == HoldStatus.EXPIRED and hold.ended_at
    assert ledger(ad).held_units == 0 and not CellClaim.objects.exists()
    hold_for(ad, cells=[7])


def test_a_processing_hold_still_holds(ad):
    hold = hold_for(ad, cm2=1)
    assert mark_processing(hold.pk) is True
    assert mark_processing(hold.pk) is False
    assert ledger(ad).held_units == 100
    assert end_hold(hold.pk, HoldStatus.FAILED) is True and ledger(ad).held_units == 0


def test_the_database_refuses_an_oversold_ledger(ad):
    hold_for(ad, cm2=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        AdLedger.objects.filter(ad_key=ad.ad_key).update(funded_units=10500)


def test_a_hold_needs_some_area(ad):
    with pytest.raises(ValueError):
        hold_for(ad, cm2=0)


def test_the_ad_cannot_shrink_below_what_is_funded_or_held(ad):
    from django.core.exceptions import ValidationError

    hold_for(ad, cm2=50)
    ad.total_area_cm2 = 40
    with pytest.raises(ValidationError) as error:
        ad.full_clean()
    assert "total_area_cm2" in error.value.message_dict


def test_the_ad_area_fits_in_its_layout(ad):
    from django.core.exceptions import ValidationError

    ad.total_area_cm2 = 111
    with pytest.raises(ValidationError) as error:
        ad.full_clean()
    assert "total_area_cm2" in error.value.message_dict
