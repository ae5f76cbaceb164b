"""Giving's webhook under a storm, in-process (Django's test client; nothing listens, nothing leaves the machine).

1,000 events for gifts beyond the ad (one-off checkouts paid and refunded; monthly gifts started, their
invoices paid or failed, subscriptions stopped) at the fake Stripe of the tests (tests/giving/fakestripe.py),
each delivered 3 times in random order. Then the totals are checked exactly: the paid gifts' sum, one
payment per invoice, one failed-payment row per attempt, the stopped gifts, one `StripeEvent` per event.

    .venv/bin/python benchmarks/giving_webhooks.py             # SQLite in a temp dir
    .venv/bin/python benchmarks/giving_webhooks.py --events 300
"""

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SECRET = "whsec_bench_giving_0123456789abcdef"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def build(fake, rng, wanted):
    """Gifts and monthly gifts with their Stripe events (about `wanted`), and the totals they must give."""
    from django.test import Client

    from giving.models import Gift, MonthlyGift
    from tests.donations.fakestripe import event

    client = Client(HTTP_HOST="127.0.0.1")
    events = []
    expected = {"paid_cents": 0, "refunded_cents": 0, "payments": 0, "failures": 0, "stopped": 0}
    index = 0
    while len(events) < wanted:
        index += 1
        euros = rng.choice([5, 10, 25, 50])
        monthly = rng.random() < 0.5
        data = {
            "frequency": "monthly" if monthly else "one_off",
            "choice": str(euros),
            "email": f"d{index}@example.org",
        }
        page_id = os.environ["BENCH_PAGE_ID"]
        # One address per donor: the form's rate limit per address is not what is measured here.
        address = f"10.{index // 65536 % 256}.{index // 256 % 256}.{index % 256}"
        assert client.post(f"/nl/giving/{page_id}/give/", data, REMOTE_ADDR=address).status_code == 303
        if not monthly:
            session = fake.pay(Gift.objects.order_by("-pk").first().checkout_session_id)
            events.append(event("checkout.session.completed", session))
            expected["paid_cents"] += euros * 100
            expected["payments"] += 1
            if rng.random() < 0.1:
                events.append(event("charge.refunded", fake.charge(session["id"], amount_refunded=euros * 100)))
                expected["refunded_cents"] += euros * 100
            continue
        session = fake.subscribe(MonthlyGift.objects.order_by("-pk").first().checkout_session_id)
        events.append(event("checkout.session.completed", session))
        for _month in range(rng.randint(1, 4)):
            if rng.random() < 0.15:
                events.append(event("invoice.payment_failed", fake.invoice(session["subscription"], paid=False)))
                expected["failures"] += 1
            events.append(event("invoice.paid", fake.invoice(session["subscription"])))
            expected["paid_cents"] += euros * 100
            expected["payments"] += 1
        if rng.random() < 0.2:
            stopped = fake.subscription(session["subscription"], status="canceled", canceled_at=int(time.time()))
            events.append(event("customer.subscription.deleted", stopped))
            expected["stopped"] += 1
    return events, expected


def storm(args):
    from django.db.models import Sum
    from django.test import Client

    from donations import payments
    from donations.models import StripeEvent
    from giving.demo import page_values
    from giving.models import DonatePage, FailedPayment, Gift, MonthlyGift
    from tests.donations.fakestripe import signature
    from tests.giving.fakestripe import GivingFakeStripe
    from website.models import HomePage
    from website.seeding import Seeder

    fake = GivingFakeStripe()
    payments.HTTP_CLIENT = fake
    seeder = Seeder(log=lambda message: None)
    home = seeder.home_page(HomePage, lambda t: {"title": "Home", "slug": "home", "mission": "-"})
    os.environ["BENCH_PAGE_ID"] = str(seeder.page(home, DonatePage, page_values).pk)
    rng = random.Random(14)
    events, expected = build(fake, rng, args.events)
    deliveries = [e for e in events for _ in range(args.copies)]
    rng.shuffle(deliveries)
    client = Client(HTTP_HOST="127.0.0.1")
    first, again, outcomes = [], [], {}
    seen = set()
    start_all = time.perf_counter()
    for body in deliveries:
        payload = json.dumps(body)
        start = time.perf_counter()
        response = client.post(
            "/donations/stripe/webhook/",
            data=payload,
            content_type="application/json",
            headers={"Stripe-Signature": signature(payload, SECRET)},
        )
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, response.content
        (again if body["id"] in seen else first).append(elapsed)
        seen.add(body["id"])
        outcome = response.json()["outcome"]
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    total = time.perf_counter() - start_all
    paid = Gift.objects.exclude(status="pending").aggregate(s=Sum("amount_cents"), r=Sum("refunded_cents"))
    checks = {
        "paid sum (cents)": (paid["s"] or 0, expected["paid_cents"]),
        "refunded (cents)": (paid["r"] or 0, expected["refunded_cents"]),
        "payments": (Gift.objects.exclude(status="pending").count(), expected["payments"]),
        "failed-payment rows": (FailedPayment.objects.count(), expected["failures"]),
        "stopped monthly gifts": (MonthlyGift.objects.filter(status="cancelled").count(), expected["stopped"]),
        "StripeEvent rows": (StripeEvent.objects.count(), len(events)),
    }
    print(f"{len(events)} events × {args.copies} = {len(deliveries)} deliveries in {total:.1f} s "
          f"({len(deliveries) / total:.0f}/s, one thread, SQLite)")  # fmt: skip
    for name, timings in (("first delivery", first), ("redelivery", again)):
        print(f"| {name} | {len(timings)} | p50 {statistics.median(timings):.1f} ms | "
              f"p99 {percentile(timings, 0.99):.1f} ms | max {max(timings):.1f} ms |")  # fmt: skip
    print("outcomes:", dict(sorted(outcomes.items())))
    wrong = {name: pair for name, pair in checks.items() if pair[0] != pair[1]}
    for name, (found, wanted) in checks.items():
        print(f"{name}: {found} (expected {wanted})")
    if wrong:
        sys.exit(f"totals differ: {wrong}")
    print("totals exact")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--copies", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-giving-"))
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "DJANGO_SETTINGS_MODULE": "website.settings.dev",
            "DEBUG": "false",
            "REDIS_URL": "",
            "STRIPE_SECRET_KEY": "sk_test_bench",
            "STRIPE_WEBHOOK_SECRET": SECRET,
            "LOG_LEVEL": "ERROR",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "MEDIA_ROOT": str(tmp / "media"),
            "SITE_URL": "http://127.0.0.1",
        }
    )
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        storm(args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
