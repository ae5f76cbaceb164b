"""`manage.py reconcile_donations`: Stripe's paid Checkout Sessions against the ledger, offline."""

import pytest
from django.core.management import CommandError, call_command

from donations.models import AdLedger, Donation

from .conftest import hold_for, paid_session
from .fakestripe import event

pytestmark = pytest.mark.django_db


def run(*args):
    import io

    out = io.StringIO()
    call_command("reconcile_donations", *args, stdout=out)
    return out.getvalue()


def test_no_differences_when_every_paid_session_is_credited(post_event, ad, fake_stripe):
    post_event(event("checkout.session.completed", paid_session(fake_stripe, hold_for(ad, cm2=1))))
    output = run()
    assert "Checked 1 paid Checkout Sessions" in output and "No differences." in output
    listed = [r for r in fake_stripe.requests if r["method"] == "get" and r["path"] == "/v1/checkout/sessions"]
    assert listed[0]["params"]["status"] == "complete" and "gte" in listed[0]["params"]["created"]


def test_a_paid_session_missing_from_the_ledger_is_reported(ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=1))  # the webhook was lost
    with pytest.raises(CommandError):
        run()
    assert not Donation.objects.exists()
    assert session["id"] in run_quietly_failing()


def run_quietly_failing():
    import io

    out = io.StringIO()
    try:
        call_command("reconcile_donations", stdout=out)
    except CommandError:
        pass
    return out.getvalue()


def test_fix_credits_missing_sessions_through_fulfilment(ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=2))
    output = run("--fix")
    assert f"MISSING  paid at Stripe, not in the ledger: {session['id']} -> credited now" in output
    assert AdLedger.objects.get().funded_units == 200


def test_sessions_of_other_products_are_skipped(fake_stripe, ad):
    from donations.checkout import start_checkout
    from donations.payments import StripeProvider

    hold = hold_for(ad, cm2=1)
    start_checkout(hold, ad, StripeProvider())
    fake_stripe.pay(hold.checkout_session_id)
    fake_stripe.sessions[hold.checkout_session_id]["metadata"] = {}
    assert "(1 not ours, skipped)" in run()


def test_a_different_amount_and_a_donation_stripe_does_not_know_are_reported(post_event, ad, fake_stripe):
    session = paid_session(fake_stripe, hold_for(ad, cm2=1))
    post_event(event("checkout.session.completed", session))
    fake_stripe.sessions[session["id"]]["amount_total"] = 999
    other = paid_session(fake_stripe, hold_for(ad, cm2=1))
    post_event(event("checkout.session.completed", other))
    fake_stripe.sessions[other["id"]]["payment_status"] = "unpaid"
    output = run_quietly_failing()
    assert f"AMOUNT   {session['id']}: Stripe 999 cents, ledger 1000 cents" in output
    assert f"UNPAID   in the ledger, not paid at Stripe: {other['id']}" in output


def test_a_drifted_ledger_is_reported_and_repaired(post_event, ad, fake_stripe):
    post_event(event("checkout.session.completed", paid_session(fake_stripe, hold_for(ad, cm2=1))))
    AdLedger.objects.update(funded_units=150, donors=3)
    assert "LEDGER   ad" in run_quietly_failing()
    run("--fix")
    ledger = AdLedger.objects.get()
    assert (ledger.funded_units, ledger.donors) == (100, 1)


def test_pagination_of_stripe_lists_is_followed(post_event, ad, fake_stripe, monkeypatch):
    from donations import payments

    for _ in range(3):
        post_event(event("checkout.session.completed", paid_session(fake_stripe, hold_for(ad, cm2=0.5))))
    monkeypatch.setattr(payments, "LIST_PAGE_SIZE", 2)
    assert "Checked 3 paid Checkout Sessions" in run()
    assert any(r["params"].get("starting_after") for r in fake_stripe.requests)


def test_unreachable_stripe_is_a_clear_error(fake_stripe, db):
    fake_stripe.unreachable = True
    with pytest.raises(CommandError, match="Stripe could not be asked"):
        run()
