"""Ending holds nobody paid for, without ever releasing one whose payment is still completing."""

import datetime

import pytest
from django.utils import timezone

from donations import tasks
from donations.checkout import start_checkout
from donations.models import AdLedger, Donation, Hold, HoldStatus
from donations.payments import StripeProvider

from .conftest import hold_for

pytestmark = pytest.mark.django_db


def ledger(ad):
    return AdLedger.objects.get(ad_key=ad.ad_key)


@pytest.fixture
def due_hold(ad):
    """A hold with an open Checkout Session whose time is up."""

    def make(**kwargs):
        hold = hold_for(ad, **kwargs)
        start_checkout(hold, ad, StripeProvider())
        Hold.objects.filter(pk=hold.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=5))
        return hold

    return make


def expire_calls(fake_stripe):
    return [r for r in fake_stripe.requests if r["path"].endswith("/expire")]


def test_an_unpaid_hold_is_expired_at_stripe_before_its_area_is_freed(due_hold, ad, fake_stripe):
    hold = due_hold(cm2=2)
    assert tasks.expire_holds.enqueue().return_value == {"released": 1}
    hold.refresh_from_db()
    assert hold.status == HoldStatus.EXPIRED and ledger(ad).held_units == 0
    assert len(expire_calls(fake_stripe)) == 1
    assert fake_stripe.sessions[hold.checkout_session_id]["status"] == "expired"


def test_a_hold_whose_payment_went_through_is_credited_not_expired(due_hold, ad, fake_stripe):
    hold = due_hold(cm2=2)
    fake_stripe.pay(hold.checkout_session_id)  # paid, but the webhook never came
    assert tasks.expire_holds.enqueue().return_value == {"credited": 1}
    assert Donation.objects.get().units == 200 and ledger(ad).funded_units == 200
    assert not expire_calls(fake_stripe)


def test_a_hold_whose_bank_is_still_working_stays_on_hold(due_hold, ad, fake_stripe):
    hold = due_hold(cm2=1)
    fake_stripe.pay(hold.checkout_session_id, paid=False)  # iDEAL in a bank app, not confirmed yet
    assert tasks.expire_holds.enqueue().return_value == {"processing": 1}
    hold.refresh_from_db()
    assert hold.status == HoldStatus.PROCESSING and ledger(ad).held_units == 100


def test_a_payment_that_completes_while_we_expire_is_credited(due_hold, ad, fake_stripe, monkeypatch):
    due_hold(cm2=1)
    original = fake_stripe.expire_session

    def paid_just_before_expiring(session_id):
        fake_stripe.pay(session_id)
        return original(session_id)  # Stripe refuses: the session is complete now

    monkeypatch.setattr(fake_stripe, "expire_session", paid_just_before_expiring)
    assert tasks.expire_holds.enqueue().return_value == {"credited": 1}
    assert ledger(ad).funded_units == 100 and ledger(ad).held_units == 0


def test_holds_that_are_not_due_are_left_alone(ad, fake_stripe):
    hold = hold_for(ad, cm2=1)
    start_checkout(hold, ad, StripeProvider())
    assert tasks.expire_holds.enqueue().return_value == {}
    assert not fake_stripe.requests[1:]


def test_when_stripe_is_unreachable_the_hold_is_kept_until_the_next_run(due_hold, ad, fake_stripe):
    hold = due_hold(cm2=1)
    fake_stripe.unreachable = True
    assert tasks.expire_holds.enqueue().return_value == {"provider_error": 1}
    hold.refresh_from_db()
    assert hold.status == HoldStatus.ACTIVE and ledger(ad).held_units == 100


def test_a_hold_without_a_checkout_session_is_released(ad):
    hold = hold_for(ad, cm2=1)
    Hold.objects.filter(pk=hold.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=5))
    assert tasks.expire_holds.enqueue().return_value == {"released": 1}
    assert ledger(ad).held_units == 0


def test_a_processing_hold_is_checked_again_later_and_credited_when_paid(due_hold, ad, fake_stripe):
    hold = due_hold(cm2=1)
    fake_stripe.pay(hold.checkout_session_id, paid=False)
    tasks.expire_holds.enqueue()
    Hold.objects.filter(pk=hold.pk).update(expires_at=timezone.now() - datetime.timedelta(hours=2))
    fake_stripe.settle(hold.checkout_session_id)
    assert tasks.expire_holds.enqueue().return_value == {"credited": 1}
    assert ledger(ad).funded_units == 100


def test_the_expiry_job_is_scheduled_every_minute():
    from website.schedule import JOBS

    assert any(job.task_path == "donations.tasks.expire_holds" and job.every == 60 for job in JOBS)


def test_ended_holds_forget_the_donor_after_a_month(ad):
    from donations.holds import end_hold

    hold = hold_for(ad, cm2=1, email="gone@example.org", name="Gone")
    end_hold(hold.pk, HoldStatus.EXPIRED)
    Hold.objects.filter(pk=hold.pk).update(ended_at=timezone.now() - datetime.timedelta(days=31))
    assert tasks.forget_ended_holds.enqueue().return_value == 1
    hold.refresh_from_db()
    assert (hold.email, hold.display_name) == ("", "")
