"""A refund gives the area back, whichever of payment and refund Stripe tells us about first."""

import pytest

from donations.models import AdLedger, CellClaim, Donation, PaymentRefund

from .conftest import hold_for, paid_session
from .fakestripe import event

pytestmark = pytest.mark.django_db


def ledger(ad):
    return AdLedger.objects.get(ad_key=ad.ad_key)


@pytest.fixture
def paid(post_event, fake_stripe):
    def pay(hold):
        session = paid_session(fake_stripe, hold)
        post_event(event("checkout.session.completed", session))
        return session

    return pay


def test_a_full_refund_gives_the_area_back(post_event, paid, ad, fake_stripe):
    session = paid(hold_for(ad, cm2=2))
    response = post_event(event("charge.refunded", fake_stripe.charge(session["id"], amount_refunded=2000)))
    assert response.json()["outcome"] == "refunded"
    donation = Donation.objects.get()
    assert (donation.refunded_cents, donation.returned_units, donation.area_units) == (2000, 200, 0)
    row = ledger(ad)
    assert (row.funded_units, row.donors, row.raised_cents) == (0, 0, 0)


def test_a_refund_frees_chosen_cells(post_event, paid, ad, fake_stripe):
    session = paid(hold_for(ad, cells=[30, 31]))
    post_event(event("charge.refunded", fake_stripe.charge(session["id"], amount_refunded=2000)))
    assert not CellClaim.objects.exists()
    hold_for(ad, cells=[30, 31])


def test_a_partial_refund_gives_back_its_share(post_event, paid, ad, fake_stripe):
    session = paid(hold_for(ad, cm2=2))
    post_event(event("charge.refunded", fake_stripe.charge(session["id"], amount_refunded=500)))
    donation = Donation.objects.get()
    assert (donation.returned_units, donation.area_units) == (50, 150)
    row = ledger(ad)
    assert (row.funded_units, row.donors, row.raised_cents) == (150, 1, 1500)


def test_a_partial_refund_of_chosen_cells_gives_back_whole_cells(post_event, paid, ad, fake_stripe):
    session = paid(hold_for(ad, cells=[60, 61, 62]))
    post_event(event("charge.refunded", fake_stripe.charge(session["id"], amount_refunded=1000)))
    assert sorted(CellClaim.objects.values_list("cell", flat=True)) == [60, 61]
    assert ledger(ad).funded_units == 200


def test_refund_events_are_cumulative_and_idempotent(post_event, paid, ad, fake_stripe):
    session = paid(hold_for(ad, cm2=2))
    first = event("charge.refunded", fake_stripe.charge(session["id"], amount_refunded=500))
    second = event("charge.refunded", fake_stripe.charge(session["id"], amount_refunded=2000))
    post_event(second)
    post_event(first)  # older, smaller total: changes nothing
    post_event(second)
    assert ledger(ad).funded_units == 0 and Donation.objects.get().refunded_cents == 2000


def test_a_refund_that_arrives_before_the_payment_is_applied_when_the_payment_arrives(post_event, ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=2))
    assert (
        post_event(event("charge.refunded", fake_stripe.charge(session["id"], amount_refunded=2000))).json()["outcome"]
        == "refund_recorded"
    )
    assert PaymentRefund.objects.get().amount_refunded_cents == 2000
    post_event(event("checkout.session.completed", session))
    donation = Donation.objects.get()
    assert donation.area_units == 0 and ledger(ad).funded_units == 0 and ledger(ad).held_units == 0


def test_refunded_area_can_be_given_again(post_event, paid, small_ad, fake_stripe):
    session = paid(hold_for(small_ad, cm2=5))
    post_event(event("charge.refunded", fake_stripe.charge(session["id"], amount_refunded=5000)))
    hold_for(small_ad, cm2=5)
    assert ledger(small_ad).held_units == 500
