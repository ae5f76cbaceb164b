"""Stripe's webhook: signed with stripe-python's own helper, verified by the real path (nothing patched)."""

import json
import time

import pytest
from django.core import mail

from donations.models import AdLedger, CellClaim, Donation, Hold, HoldStatus, NameStatus, StripeEvent

from .conftest import WEBHOOK_URL, hold_for, paid_session
from .fakestripe import event, signature

pytestmark = pytest.mark.django_db


def ledger(ad):
    return AdLedger.objects.get(ad_key=ad.ad_key)


def test_a_paid_checkout_credits_the_area_once(post_event, ad, fake_stripe):
    hold = hold_for(ad, cm2=5, name="Noor")
    session = paid_session(fake_stripe, hold)
    response = post_event(event("checkout.session.completed", session))
    assert response.status_code == 200 and response.json()["outcome"] == "credited"
    donation = Donation.objects.get()
    assert (donation.units, donation.credited_units, donation.amount_cents) == (500, 500, 5000)
    assert donation.payment_intent_id == session["payment_intent"] and donation.method == "ideal"
    assert donation.name_status == NameStatus.PENDING and donation.display_name == "Noor"
    row = ledger(ad)
    assert (row.funded_units, row.held_units, row.donors, row.raised_cents) == (500, 0, 1, 5000)
    hold.refresh_from_db()
    assert hold.status == HoldStatus.PAID


def test_the_same_event_delivered_again_changes_nothing(post_event, ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=2))
    paid = event("checkout.session.completed", session)
    post_event(paid)
    response = post_event(paid)
    assert response.status_code == 200 and response.json()["outcome"] == "duplicate"
    assert Donation.objects.count() == 1 and ledger(ad).funded_units == 200
    assert StripeEvent.objects.get().deliveries == 2
    assert len(mail.outbox) == 1


def test_another_event_for_the_same_session_credits_nothing_more(post_event, ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=2))
    post_event(event("checkout.session.completed", session))
    response = post_event(event("checkout.session.async_payment_succeeded", session))
    assert response.json()["outcome"] == "already_credited"
    assert Donation.objects.count() == 1 and ledger(ad).funded_units == 200


def test_a_completed_but_unpaid_checkout_keeps_the_area_on_hold(post_event, ad, fake_stripe):
    hold = hold_for(ad, cm2=1)
    session = paid_session(fake_stripe, hold, paid=False)
    assert post_event(event("checkout.session.completed", session)).json()["outcome"] == "processing"
    hold.refresh_from_db()
    assert hold.status == HoldStatus.PROCESSING and not Donation.objects.exists()
    assert ledger(ad).held_units == 100


def test_an_async_payment_that_succeeds_is_credited(post_event, ad, fake_stripe):
    hold = hold_for(ad, cm2=1)
    session = paid_session(fake_stripe, hold, paid=False)
    post_event(event("checkout.session.completed", session))
    assert (
        post_event(event("checkout.session.async_payment_succeeded", fake_stripe.settle(session["id"]))).json()[
            "outcome"
        ]
        == "credited"
    )
    assert ledger(ad).funded_units == 100 and ledger(ad).held_units == 0


def test_an_async_payment_that_fails_frees_the_area_and_cells(post_event, ad, fake_stripe):
    hold = hold_for(ad, cells=[10, 11])
    session = paid_session(fake_stripe, hold, paid=False)
    post_event(event("checkout.session.completed", session))
    failed = fake_stripe.settle(session["id"], paid=False)
    assert post_event(event("checkout.session.async_payment_failed", failed)).json()["outcome"] == "released"
    hold.refresh_from_db()
    assert hold.status == HoldStatus.FAILED and ledger(ad).held_units == 0 and not CellClaim.objects.exists()


def test_events_in_the_wrong_order_end_in_the_same_state(post_event, ad, fake_stripe):
    hold = hold_for(ad, cm2=1)
    session = paid_session(fake_stripe, hold, paid=False)
    succeeded = fake_stripe.settle(session["id"])
    post_event(event("checkout.session.async_payment_succeeded", succeeded))
    # The earlier "completed (unpaid)" event arrives last: it must not put the paid hold back to processing.
    assert post_event(event("checkout.session.completed", session)).json()["outcome"] == "processing"
    hold.refresh_from_db()
    assert hold.status == HoldStatus.PAID and ledger(ad).funded_units == 100 and ledger(ad).held_units == 0


def test_an_expired_checkout_frees_the_area(post_event, ad, fake_stripe):
    hold = hold_for(ad, cm2=3)
    from donations.checkout import start_checkout
    from donations.payments import StripeProvider

    start_checkout(hold, ad, StripeProvider())
    session = fake_stripe.sessions[hold.checkout_session_id]
    session["status"] = "expired"
    assert post_event(event("checkout.session.expired", fake_stripe.public(session))).json()["outcome"] == "released"
    hold.refresh_from_db()
    assert hold.status == HoldStatus.EXPIRED and ledger(ad).held_units == 0


def test_an_expired_event_after_payment_changes_nothing(post_event, ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=3))
    post_event(event("checkout.session.completed", session))
    assert post_event(event("checkout.session.expired", session)).json()["outcome"] == "already_credited"
    assert ledger(ad).funded_units == 300


def test_a_session_that_is_not_ours_is_recorded_and_ignored(post_event, ad):
    foreign = {
        "id": "cs_test_foreign",
        "object": "checkout.session",
        "metadata": {},
        "payment_status": "paid",
        "status": "complete",
        "amount_total": 999,
        "currency": "eur",
    }
    response = post_event(event("checkout.session.completed", foreign))
    assert response.status_code == 200 and response.json()["outcome"] == "unknown_hold"
    assert not Donation.objects.exists() and StripeEvent.objects.get().processed_at


def test_other_event_types_are_recorded_and_ignored(post_event, db):
    response = post_event(event("customer.created", {"id": "cus_1", "object": "customer"}))
    assert response.json()["outcome"] == "ignored" and StripeEvent.objects.get().type == "customer.created"


def test_a_bad_signature_gets_400_and_writes_nothing(post_event, ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=1))
    response = post_event(event("checkout.session.completed", session), secret="whsec_someone_else")
    assert response.status_code == 400
    assert not StripeEvent.objects.exists() and not Donation.objects.exists()
    assert ledger(ad).funded_units == 0


def test_a_stale_signature_gets_400_and_writes_nothing(post_event, ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=1))
    response = post_event(event("checkout.session.completed", session), timestamp=int(time.time()) - 301)
    assert response.status_code == 400 and not StripeEvent.objects.exists() and not Donation.objects.exists()


def test_a_signature_within_five_minutes_is_accepted(post_event, ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=1))
    response = post_event(event("checkout.session.completed", session), timestamp=int(time.time()) - 240)
    assert response.status_code == 200 and Donation.objects.count() == 1


def test_a_body_changed_after_signing_gets_400(client, ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=1))
    payload = json.dumps(event("checkout.session.completed", session))
    header = signature(payload, "whsec_test_5d8b0f2c9a7e4c1b8f3a6d2e9c0b7a41")
    tampered = payload.replace('"amount_total": 1000', '"amount_total": 1')
    response = client.post(
        WEBHOOK_URL, data=tampered, content_type="application/json", headers={"Stripe-Signature": header}
    )
    assert response.status_code == 400 and not StripeEvent.objects.exists()


@pytest.mark.parametrize("header", ["", "t=abc,v1=def", "nonsense", "t=1,v0=00"])
def test_missing_or_garbled_signature_headers_get_400(client, db, header):
    response = client.post(
        WEBHOOK_URL, data="{}", content_type="application/json", headers={"Stripe-Signature": header} if header else {}
    )
    assert response.status_code == 400 and not StripeEvent.objects.exists()


def test_without_a_webhook_secret_nothing_is_accepted(post_event, settings, db):
    settings.STRIPE_WEBHOOK_SECRET = ""
    response = post_event(event("customer.created", {"id": "cus_1"}), secret="")
    assert response.status_code == 400 and not StripeEvent.objects.exists()


def test_the_webhook_only_takes_posts(client, db):
    assert client.get(WEBHOOK_URL).status_code == 405


def test_a_paid_session_for_a_hold_that_expired_meanwhile_is_still_credited(post_event, ad, fake_stripe):
    from donations.holds import end_hold

    hold = hold_for(ad, cells=[20])
    session = paid_session(fake_stripe, hold)
    end_hold(hold.pk, HoldStatus.EXPIRED)
    assert post_event(event("checkout.session.completed", session)).json()["outcome"] == "credited"
    donation = Donation.objects.get()
    assert donation.credited_units == 100 and ledger(ad).funded_units == 100
    assert not CellClaim.objects.exists()  # its cell went back to the pool when the hold ended


def test_a_late_payment_for_a_full_ad_is_never_oversold(post_event, small_ad, fake_stripe):
    from donations.holds import end_hold

    late = hold_for(small_ad, cm2=2)
    session = paid_session(fake_stripe, late)
    end_hold(late.pk, HoldStatus.EXPIRED)
    hold_for(small_ad, cm2=4)  # someone else takes the area meanwhile
    post_event(event("checkout.session.completed", session))
    donation = Donation.objects.get()
    assert (donation.credited_units, donation.overflow_units, donation.amount_cents) == (100, 100, 2000)
    row = ledger(small_ad)
    assert row.funded_units + row.held_units == row.total_units == 500


def test_a_session_that_is_not_the_holds_own_is_left_for_staff(post_event, ad, fake_stripe):
    hold = hold_for(ad, cm2=1)
    session = paid_session(fake_stripe, hold)
    Hold.objects.filter(pk=hold.pk).update(checkout_session_id="cs_test_other")
    assert post_event(event("checkout.session.completed", session)).json()["outcome"] == "wrong_session"
    assert not Donation.objects.exists()
