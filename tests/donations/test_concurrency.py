"""Many donors and many webhook deliveries at once, on PostgreSQL (SQLite serialises every writer, so
there is nothing to race there: these tests skip on it; .ci/run runs them against PostgreSQL).
"""

import json
import queue
import random
import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client

from donations.checkout import start_checkout
from donations.models import AdLedger, Donation, DonationSettings, Hold, HoldStatus, StripeEvent
from donations.payments import StripeProvider
from donations.reconcile import reconcile_ledgers

from .conftest import WEBHOOK_SECRET, WEBHOOK_URL, gift, give_url, hold_for
from .fakestripe import event, signature

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def ad(built_ad):
    return built_ad  # this module commits: it cannot share module data


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks and real concurrency): set DATABASE_URL, as .ci/run does")


def run_threads(count, target):
    errors = []

    def wrapped(index):
        try:
            target(index)
        except Exception as error:  # collected: an exception in a thread would otherwise vanish
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=wrapped, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


# --- the replay storm ------------------------------------------------------------------------------

SESSIONS = 160
COPIES = 3


def plan_sessions(ad, fake_stripe, rng):
    """Holds with real (fake) Checkout Sessions, each with a fate at Stripe and the events it causes."""
    provider = StripeProvider()
    valid, paid_units = [], {}
    for index in range(SESSIONS):
        hold = hold_for(ad, cm2=rng.choice([0.2, 0.25, 0.5, 1]), email=f"storm{index}@example.org")
        start_checkout(hold, ad, provider)
        fate = rng.choices(["paid", "async_paid", "async_failed", "expired", "refunded"], [50, 15, 10, 15, 10])[0]
        sid = hold.checkout_session_id
        if fate in ("paid", "refunded"):
            valid.append(event("checkout.session.completed", fake_stripe.pay(sid)))
        elif fate.startswith("async"):
            valid.append(event("checkout.session.completed", fake_stripe.pay(sid, paid=False)))
            settled = fake_stripe.settle(sid, paid=fate == "async_paid")
            valid.append(
                event(
                    "checkout.session.async_payment_succeeded"
                    if fate == "async_paid"
                    else "checkout.session.async_payment_failed",
                    settled,
                )
            )
        else:
            fake_stripe.sessions[sid]["status"] = "expired"
            valid.append(event("checkout.session.expired", fake_stripe.public(fake_stripe.sessions[sid])))
        if fate == "refunded":
            valid.append(event("charge.refunded", fake_stripe.charge(sid, amount_refunded=hold.amount_cents)))
        if fate in ("paid", "async_paid"):
            paid_units[sid] = hold.units
    return valid, paid_units


def test_a_replay_storm_credits_exactly_the_paid_sessions_and_bad_signatures_write_nothing(ad, fake_stripe):
    rng = random.Random(5)
    valid, paid_units = plan_sessions(ad, fake_stripe, rng)
    refunded = {e["data"]["object"]["payment_intent"] for e in valid if e["type"] == "charge.refunded"}
    paid_sessions = {
        e["data"]["object"]["id"]
        for e in valid
        if e["type"] == "checkout.session.completed" and e["data"]["object"]["payment_status"] == "paid"
    } | set(paid_units)
    # Forged deliveries: "paid" events for sessions nobody paid, signed with the wrong secret or too long ago.
    forged = [
        event("checkout.session.completed", {**fake_stripe.public(s), "payment_status": "paid", "status": "complete"})
        for s in fake_stripe.sessions.values()
        if s["status"] == "expired"
    ]
    deliveries = [(e, "good") for e in valid for _ in range(COPIES)]
    deliveries += [(e, rng.choice(["wrong_secret", "stale"])) for e in forged for _ in range(2)]
    rng.shuffle(deliveries)
    work = queue.Queue()
    for delivery in deliveries:
        work.put(delivery)
    results = []
    # A few events are also delivered twice at the same instant (two threads behind a barrier).
    twins = [e for e in rng.sample(valid, 20)]

    def deliver(client, item):
        body, kind = item
        payload = json.dumps(body)
        if kind == "wrong_secret":
            header = signature(payload, "whsec_not_the_endpoints_secret")
        elif kind == "stale":
            header = signature(payload, WEBHOOK_SECRET, timestamp=int(time.time()) - 301)
        else:
            header = signature(payload, WEBHOOK_SECRET)
        response = client.post(
            WEBHOOK_URL, data=payload, content_type="application/json", headers={"Stripe-Signature": header}
        )
        results.append((kind, response.status_code))

    def worker(index):
        client = Client()
        while True:
            try:
                item = work.get_nowait()
            except queue.Empty:
                return
            deliver(client, item)

    started = time.monotonic()
    run_threads(8, worker)
    barrier = threading.Barrier(2)
    for twin in twins:

        def both(index, twin=twin):
            barrier.wait()
            deliver(Client(), (twin, "good"))

        run_threads(2, both)
    elapsed = time.monotonic() - started

    assert len(results) == len(deliveries) + 2 * len(twins) and len(deliveries) > 500
    assert {status for kind, status in results if kind == "good"} == {200}
    assert {status for kind, status in results if kind != "good"} == {400}
    expected_units = sum(
        units for sid, units in paid_units.items() if fake_stripe.sessions[sid]["payment_intent"] not in refunded
    )
    ledger = AdLedger.objects.get(ad_key=ad.ad_key)
    assert ledger.funded_units == expected_units
    assert ledger.held_units == 0 and ledger.funded_units + ledger.held_units <= ledger.total_units
    assert Donation.objects.count() == len(paid_sessions)
    assert set(Donation.objects.values_list("checkout_session_id", flat=True)) == paid_sessions
    assert StripeEvent.objects.count() == len(valid)
    assert not StripeEvent.objects.filter(event_id__in=[e["id"] for e in forged]).exists()
    assert not Hold.objects.filter(status__in=[HoldStatus.ACTIVE, HoldStatus.PROCESSING]).exists()
    assert reconcile_ledgers() == {}
    print(f"\nreplay storm: {len(results)} deliveries in {elapsed:.1f} s")


# --- the last cells --------------------------------------------------------------------------------


@pytest.fixture
def many_checkouts(db):
    settings = DonationSettings.load()
    settings.holds_per_ip_per_hour = 1000
    settings.save()


def race(ad, count, language="en", **form):
    barrier = threading.Barrier(count)
    answers = []

    def donor(index):
        client = Client()
        barrier.wait()
        response = client.post(give_url(ad, language), gift(email=f"racer{index}@example.org", **form))
        answers.append((response.status_code, response.content.decode()))

    run_threads(count, donor)
    return answers


def test_many_donors_for_the_last_cm2_exactly_one_wins(small_ad, english, fake_stripe, many_checkouts):
    hold_for(small_ad, cm2=4)
    answers = race(small_ad.get_translation(english), 16, choice="1")
    statuses = sorted(status for status, _content in answers)
    assert statuses == [303] + [409] * 15
    assert all("sold out" in content for status, content in answers if status == 409)
    ledger = AdLedger.objects.get(ad_key=small_ad.ad_key)
    assert (ledger.held_units, ledger.free_units) == (500, 0)
    assert Hold.objects.count() == 2


def test_many_donors_for_the_same_last_cell_exactly_one_gets_it(small_ad, english, fake_stripe, many_checkouts):
    hold_for(small_ad, cells=[0, 1, 2, 3])
    answers = race(small_ad.get_translation(english), 16, choice="cells", cells="4")
    assert sorted(status for status, _content in answers) == [303] + [409] * 15
    assert AdLedger.objects.get(ad_key=small_ad.ad_key).free_units == 0


def test_small_gifts_racing_for_the_last_cm2_fill_it_and_no_more(small_ad, english, fake_stripe, many_checkouts):
    hold_for(small_ad, cm2=4)
    answers = race(small_ad.get_translation(english), 12, choice="amount", amount="3")  # 0.3 cm² each
    winners = [status for status, _content in answers if status == 303]
    assert len(winners) == 3
    assert all(
        "Only 0.1 cm² is still free: pick a smaller amount." in content for status, content in answers if status == 409
    )
    assert AdLedger.objects.get(ad_key=small_ad.ad_key).held_units == 490
