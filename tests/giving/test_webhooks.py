"""Stripe's events for gifts and monthly gifts: verified and deduplicated by donations' webhook, routed here."""

import time

import pytest

from donations.models import Donation, StripeEvent
from giving.models import FailedPayment, Gift, MonthlyGift

from .conftest import event

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_off(give, donate_page, fake_stripe):
    """A one-off gift of € 10, paid at (fake) Stripe: its completed session."""
    give(donate_page)
    gift = Gift.objects.get()
    return fake_stripe.pay(gift.checkout_session_id)


@pytest.fixture
def subscribed(give, donate_page, fake_stripe):
    """A monthly gift of € 25 whose subscription checkout was completed at Stripe."""
    give(donate_page, frequency="monthly", choice="25")
    return fake_stripe.subscribe(MonthlyGift.objects.get().checkout_session_id)


def test_a_paid_one_off_checkout_credits_the_gift_once(post_event, one_off):
    paid = event("checkout.session.completed", one_off)
    assert post_event(paid).json()["outcome"] == "credited"
    assert post_event(paid).json()["outcome"] == "duplicate"
    assert post_event(event("checkout.session.async_payment_succeeded", one_off)).json()["outcome"] == (
        "already_credited"
    )
    gift = Gift.objects.get()
    assert (gift.status, gift.amount_cents, gift.payment_intent_id) == ("paid", 1000, one_off["payment_intent"])
    assert StripeEvent.objects.get(event_id=paid["id"]).deliveries == 2
    assert not Donation.objects.exists()  # the ad's donations are untouched


def test_a_forged_event_is_refused_and_writes_nothing(post_event, one_off):
    response = post_event(event("checkout.session.completed", one_off), secret="whsec_someone_else")
    assert response.status_code == 400
    assert Gift.objects.get().status == "pending" and not StripeEvent.objects.exists()


def test_a_replayed_event_older_than_five_minutes_is_refused(post_event, one_off):
    response = post_event(event("checkout.session.completed", one_off), timestamp=int(time.time()) - 3600)
    assert response.status_code == 400 and Gift.objects.get().status == "pending"


def test_a_session_for_an_unknown_gift_is_acknowledged_and_writes_nothing(post_event, one_off):
    stranger = {**one_off, "metadata": {"gift": "00000000-0000-4000-8000-000000000000"}}
    assert post_event(event("checkout.session.completed", stranger)).json()["outcome"] == "unknown_gift"
    assert Gift.objects.get().status == "pending"


def test_a_monthly_gift_starts_with_its_checkout_and_each_invoice_is_one_payment(post_event, subscribed, fake_stripe):
    assert post_event(event("checkout.session.completed", subscribed)).json()["outcome"] == "subscribed"
    monthly = MonthlyGift.objects.get()
    assert (monthly.status, monthly.subscription_id, monthly.customer_id) == (
        "active",
        subscribed["subscription"],
        subscribed["customer"],
    )
    first = fake_stripe.invoice(subscribed["subscription"])
    assert post_event(event("invoice.paid", first)).json()["outcome"] == "credited"
    assert post_event(event("invoice.paid", first)).json()["outcome"] == "already_credited"  # another event id
    post_event(event("invoice.paid", fake_stripe.invoice(subscribed["subscription"])))
    payments = Gift.objects.filter(monthly_gift=monthly)
    assert [(g.frequency, g.amount_cents, g.status) for g in payments] == [("monthly", 2500, "paid")] * 2


def test_an_invoice_paid_before_the_checkout_completed_finds_its_gift_by_metadata(post_event, subscribed, fake_stripe):
    invoice = fake_stripe.invoice(subscribed["subscription"])
    assert post_event(event("invoice.paid", invoice)).json()["outcome"] == "credited"
    assert post_event(event("checkout.session.completed", subscribed)).json()["outcome"] == "subscribed"
    monthly = MonthlyGift.objects.get()
    assert monthly.status == "active" and monthly.subscription_id == subscribed["subscription"]
    assert monthly.payments.count() == 1


def test_events_for_an_unknown_subscription_are_acknowledged_and_write_nothing(post_event, subscribed, fake_stripe):
    invoice = fake_stripe.invoice(subscribed["subscription"])
    stranger = {**invoice, "parent": {"subscription_details": {"subscription": "sub_unknown", "metadata": {}}}}
    for kind in ("invoice.paid", "invoice.payment_failed"):
        response = post_event(event(kind, stranger))
        assert response.status_code == 200 and response.json()["outcome"] == "unknown_subscription"
    subscription = {"id": "sub_unknown", "object": "subscription", "customer": "cus_unknown", "status": "canceled"}
    for kind in ("customer.subscription.updated", "customer.subscription.deleted"):
        assert post_event(event(kind, subscription)).json()["outcome"] == "unknown_subscription"
    assert not Gift.objects.filter(monthly_gift__isnull=False).exists() and not FailedPayment.objects.exists()
    assert MonthlyGift.objects.get().status == "incomplete"


def test_a_failed_payment_is_recorded_once_per_attempt_and_the_gift_is_past_due(post_event, subscribed, fake_stripe):
    post_event(event("checkout.session.completed", subscribed))
    failed = fake_stripe.invoice(subscribed["subscription"], paid=False)
    assert post_event(event("invoice.payment_failed", failed)).json()["outcome"] == "failure_recorded"
    assert post_event(event("invoice.payment_failed", failed)).json()["outcome"] == "already_recorded"
    post_event(event("invoice.payment_failed", {**failed, "attempt_count": 2}))
    assert FailedPayment.objects.count() == 2 and MonthlyGift.objects.get().status == "past_due"
    post_event(event("invoice.paid", {**failed, "amount_paid": 2500, "status": "paid"}))
    assert MonthlyGift.objects.get().status == "active"


def test_a_stopped_subscription_shows_as_stopped_and_an_older_update_does_not_revive_it(
    post_event, subscribed, fake_stripe
):
    post_event(event("checkout.session.completed", subscribed))
    now = int(time.time())
    older = fake_stripe.subscription(subscribed["subscription"], status="active")
    deleted = fake_stripe.subscription(subscribed["subscription"], status="canceled", canceled_at=now)
    assert post_event(event("customer.subscription.deleted", deleted, created=now)).json()["outcome"] == "cancelled"
    late = post_event(event("customer.subscription.updated", older, created=now - 60))
    assert late.json()["outcome"] == "already_cancelled"
    monthly = MonthlyGift.objects.get()
    assert monthly.status == "cancelled" and monthly.cancelled_at is not None


def test_an_update_changes_the_amount_and_an_older_update_arriving_late_is_skipped(post_event, subscribed, fake_stripe):
    post_event(event("checkout.session.completed", subscribed))
    now = int(time.time())
    items = {"data": [{"price": {"unit_amount": 4000}, "quantity": 1}]}
    newer = fake_stripe.subscription(subscribed["subscription"], items=items)
    assert post_event(event("customer.subscription.updated", newer, created=now)).json()["outcome"] == "updated"
    stale = {**newer, "items": {"data": [{"price": {"unit_amount": 1000}, "quantity": 1}]}, "status": "past_due"}
    assert post_event(event("customer.subscription.updated", stale, created=now - 30)).json()["outcome"] == "stale"
    monthly = MonthlyGift.objects.get()
    assert (monthly.amount_cents, monthly.status) == (4000, "active")


def test_a_refund_is_applied_whether_it_comes_before_or_after_the_payment(post_event, one_off, fake_stripe):
    charge = fake_stripe.charge(one_off["id"], amount_refunded=400)
    # Before: donations records it by PaymentIntent (not a gift yet); crediting the gift applies it.
    assert post_event(event("charge.refunded", charge)).json()["outcome"] == "refund_recorded"
    post_event(event("checkout.session.completed", one_off))
    assert Gift.objects.get().refunded_cents == 400
    full = fake_stripe.charge(one_off["id"], amount_refunded=1000)
    assert post_event(event("charge.refunded", full)).json()["outcome"] == "refunded"
    assert post_event(event("charge.refunded", charge)).json()["outcome"] == "already_refunded"  # older, smaller
    gift = Gift.objects.get()
    assert (gift.refunded_cents, gift.status) == (1000, "refunded")


def test_a_storm_of_shuffled_duplicate_events_gives_exact_totals(post_event, give, donate_page, fake_stripe):
    import random

    events = []
    for n in range(8):
        give(donate_page, choice="other", amount=str(5 + n), email=f"d{n}@example.org")
        session = fake_stripe.pay(Gift.objects.order_by("-pk").first().checkout_session_id)
        events.append(event("checkout.session.completed", session))
    deliveries = events * 3
    random.Random(14).shuffle(deliveries)
    outcomes = [post_event(e).json()["outcome"] for e in deliveries]
    assert outcomes.count("credited") == 8 and outcomes.count("duplicate") == 16
    assert sum(Gift.objects.filter(status="paid").values_list("amount_cents", flat=True)) == sum(
        (5 + n) * 100 for n in range(8)
    )
