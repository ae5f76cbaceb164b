"""Donations under load, in-process (Django's test client; nothing listens, nothing leaves the machine):

1. webhook handling under a replay storm: Checkout Sessions paid, paid later, failed, expired and
   refunded at a fake Stripe (tests/donations/fakestripe.py, the same transport the tests use), every
   event delivered several times in random order by several threads, plus forged deliveries (wrong
   secret, stale signature); throughput and p50/p95/p99 per kind of delivery, then a check that the
   ledger holds exactly the paid, unrefunded area;
2. the canvas endpoint (`/donations/<ad>/canvas.json`) from the cache, and the cost of one rebuild,
   on the demo-sized ad (1030 cm², ~740 gifts).

    .venv/bin/python benchmarks/donations_webhooks.py                 # SQLite in a temp dir, 1 thread
    .venv/bin/python benchmarks/donations_webhooks.py --postgres      # a throw-away PostgreSQL db, 4 threads

Bounded: --sessions (default 300) × --copies (3) deliveries; the database is deleted afterwards.
"""

import argparse
import datetime
import json
import os
import queue
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
SECRET = "whsec_bench_0123456789abcdef0123456789abcdef"


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def summary(name, timings_ms):
    return (
        f"| {name} | {len(timings_ms)} | {statistics.median(timings_ms):.1f} | {percentile(timings_ms, 0.95):.1f} "
        f"| {percentile(timings_ms, 0.99):.1f} | {max(timings_ms):.1f} |"
    )


def setup_environment(args, tmp):
    if args.postgres:
        name = f"bench_donations_{int(time.time())}"
        subprocess.run(["createdb", *PG, name], check=True)
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    else:
        name = None
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "website.settings.dev",
            "DEBUG": "false",
            "REDIS_URL": "",
            "STRIPE_SECRET_KEY": "sk_test_bench",
            "STRIPE_WEBHOOK_SECRET": SECRET,
            "LOG_LEVEL": "ERROR",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "MEDIA_ROOT": str(tmp / "media"),
        }
    )
    return name


def install_urls():
    """The site's URLs plus the donation routes, in case website/urls.py does not include them yet."""
    from django.conf import settings
    from django.conf.urls.i18n import i18n_patterns
    from django.urls import NoReverseMatch, clear_url_caches, include, path, reverse

    try:
        reverse("stripe_webhook")
        return
    except NoReverseMatch:
        pass
    from website import urls as site

    module = types.ModuleType("donations_bench_urls")
    module.urlpatterns = [
        path("donations/", include("donations.webhook_urls")),
        *i18n_patterns(path("donations/", include("donations.urls"))),
        *site.urlpatterns,
    ]
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    clear_url_caches()


def make_ad(title, width, height, total):
    from decimal import Decimal

    from django.utils import timezone
    from wagtail.models import Locale

    from donations.models import DonationAd

    Locale.objects.get_or_create(language_code="nl")
    return DonationAd.objects.create(
        locale=Locale.objects.get(language_code="nl"),
        title=title,
        width_cm=width,
        height_cm=height,
        total_area_cm2=total,
        price_per_cm2=Decimal("10.00"),
        minimum_gift=Decimal("2.00"),
        deadline=timezone.now() + datetime.timedelta(days=30),
        publication="Bench",
        if_sold_out="-",
        if_deadline_passes="-",
    )


def storm(args):
    from django.db import connections
    from django.test import Client

    from donations import payments
    from donations.checkout import start_checkout
    from donations.holds import create_hold
    from donations.models import AdLedger, Donation, StripeEvent
    from donations.reconcile import reconcile_ledgers
    from tests.donations.fakestripe import FakeStripe, event, signature

    fake = FakeStripe()
    payments.HTTP_CLIENT = fake
    rng = random.Random(2022)
    ad = make_ad("Storm", 40, 40, 1600)
    valid, expected = [], 0
    for index in range(args.sessions):
        units = rng.choice([20, 25, 50, 100])
        hold = create_hold(
            ad,
            units=units,
            amount_cents=units * 10,
            email=f"s{index}@example.org",
            email_normalised=f"s{index}@example.org",
            language="nl",
        )
        start_checkout(hold, ad, payments.StripeProvider())
        sid = hold.checkout_session_id
        fate = rng.choices(["paid", "async_paid", "async_failed", "expired", "refunded"], [50, 15, 10, 15, 10])[0]
        if fate in ("paid", "refunded"):
            valid.append(event("checkout.session.completed", fake.pay(sid)))
        elif fate.startswith("async"):
            valid.append(event("checkout.session.completed", fake.pay(sid, paid=False)))
            settled = fake.settle(sid, paid=fate == "async_paid")
            valid.append(
                event(
                    "checkout.session.async_payment_succeeded"
                    if fate == "async_paid"
                    else "checkout.session.async_payment_failed",
                    settled,
                )
            )
        else:
            fake.sessions[sid]["status"] = "expired"
            valid.append(event("checkout.session.expired", fake.public(fake.sessions[sid])))
        if fate == "refunded":
            valid.append(event("charge.refunded", fake.charge(sid, amount_refunded=units * 10)))
        if fate in ("paid", "async_paid"):
            expected += units
    first_ids = set()
    deliveries = [(e, "good") for e in valid for _ in range(args.copies)]
    deliveries += [(rng.choice(valid), rng.choice(["wrong_secret", "stale"])) for _ in range(len(valid) // 10)]
    rng.shuffle(deliveries)
    work = queue.Queue()
    for item in deliveries:
        work.put(item)
    timings = {"first delivery": [], "redelivery": [], "bad signature (400)": []}
    lock = threading.Lock()
    errors = []

    def worker():
        client = Client(HTTP_HOST="127.0.0.1")
        try:
            while True:
                try:
                    body, kind = work.get_nowait()
                except queue.Empty:
                    return
                payload = json.dumps(body)
                if kind == "wrong_secret":
                    header = signature(payload, "whsec_wrong")
                elif kind == "stale":
                    header = signature(payload, SECRET, timestamp=int(time.time()) - 400)
                else:
                    header = signature(payload, SECRET)
                start = time.perf_counter()
                response = client.post(
                    "/donations/stripe/webhook/",
                    data=payload,
                    content_type="application/json",
                    headers={"Stripe-Signature": header},
                )
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    if kind != "good":
                        label = "bad signature (400)"
                    elif body["id"] in first_ids:
                        label = "redelivery"
                    else:
                        first_ids.add(body["id"])
                        label = "first delivery"
                    timings[label].append(elapsed)
                    if response.status_code != (200 if kind == "good" else 400):
                        errors.append((kind, response.status_code))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ledger = AdLedger.objects.get(ad_key=ad.ad_key)
    checks = {
        "unexpected status codes": len(errors),
        "funded units = paid, unrefunded": ledger.funded_units == expected,
        "held units after the storm": ledger.held_units,
        "events recorded = distinct valid events": StripeEvent.objects.count() == len(valid),
        "ledger matches its rows": reconcile_ledgers() == {},
        "donations": Donation.objects.filter(ad_key=ad.ad_key).count(),
    }
    return deliveries, wall, timings, checks


def canvas(args):
    from django.core.cache import cache
    from django.test import Client

    from donations import canvas as canvas_module
    from donations.demo import generate_donations

    ad = make_ad("Canvas", 26, 40, 1030)
    gifts = generate_donations(ad)
    client = Client(HTTP_HOST="127.0.0.1")
    url = f"/donations/{ad.ad_key}/canvas.json"
    client.get(url)
    cached = []
    for _ in range(args.canvas_requests):
        start = time.perf_counter()
        response = client.get(url)
        cached.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 200
    rebuilds = []
    for _ in range(50):
        cache.delete(canvas_module.CACHE_KEY.format(ad.ad_key))
        start = time.perf_counter()
        client.get(url)
        rebuilds.append((time.perf_counter() - start) * 1000)
    return gifts, len(response.content), cached, rebuilds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="default: 1 on SQLite, 4 on PostgreSQL")
    parser.add_argument("--canvas-requests", type=int, default=2000)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    args.threads = args.threads or (4 if args.postgres else 1)
    tmp = Path(tempfile.mkdtemp(prefix="bench-donations-"))
    database = setup_environment(args, tmp)
    try:
        import logging

        import django

        django.setup()
        logging.getLogger("django.request").setLevel(logging.ERROR)  # the forged deliveries' 400s are expected
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        install_urls()
        deliveries, wall, timings, checks = storm(args)
        gifts, size, cached, rebuilds = canvas(args)
    finally:
        from django.db import connections

        connections.close_all()
        if database:
            subprocess.run(["dropdb", *PG, "--if-exists", database], check=False)
        shutil.rmtree(tmp, ignore_errors=True)

    engine = "PostgreSQL 127.0.0.1" if args.postgres else "SQLite (temp file)"
    print(
        f"\n### Webhook replay storm ({engine}, {args.threads} thread(s), {args.sessions} sessions, "
        f"{args.copies} copies of every event)\n"
    )
    print(f"{len(deliveries)} deliveries in {wall:.1f} s: **{len(deliveries) / wall:.0f} deliveries/s**\n")
    print("| delivery | n | median ms | p95 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |")
    everything = [value for values in timings.values() for value in values]
    for name, values in timings.items():
        if values:
            print(summary(name, values))
    print(summary("all", everything))
    print("\nChecks: " + "; ".join(f"{name}: {value}" for name, value in checks.items()))
    print(f"\n### canvas.json ({gifts} gifts on 1030 cm², {size / 1024:.1f} KiB of JSON)\n")
    print("| request | n | median ms | p95 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |")
    print(summary("from the cache", cached))
    print(summary("rebuilt (cache dropped)", rebuilds))
    print(f"\nFrom the cache: {1000 / statistics.median(cached):.0f} requests/s on one thread.")


if __name__ == "__main__":
    main()
