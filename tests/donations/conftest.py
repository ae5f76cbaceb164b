import datetime
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from donations import payments
from donations.holds import create_hold
from donations.models import DonationAd

from .fakestripe import FakeStripe, signature

WEBHOOK_SECRET = "whsec_test_5d8b0f2c9a7e4c1b8f3a6d2e9c0b7a41"
WEBHOOK_URL = "/donations/stripe/webhook/"


@pytest.fixture(autouse=True)
def _donation_settings(settings):
    """The donation routes (tests/donations/urls.py) and Stripe test keys; the transport is FakeStripe."""
    settings.ROOT_URLCONF = "tests.donations.urls"
    settings.STRIPE_SECRET_KEY = "sk_test_51Fake0000000000000000000000"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.DEMO_PAYMENTS_ALLOWED = False
    settings.SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def fake_stripe(monkeypatch):
    """Every Stripe call of every donations test goes here: none can reach the network."""
    fake = FakeStripe()
    monkeypatch.setattr(payments, "HTTP_CLIENT", fake)
    return fake


@pytest.fixture
def demo_payments(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.DEMO_PAYMENTS_ALLOWED = True


def ad_values(t, **overrides):
    values = {
        "title": t("Gelijke nood", "The same needs"),
        "intro": t("Elke vluchteling verdient bescherming.", "Every refugee deserves protection."),
        "width_cm": 10,
        "height_cm": 11,
        "total_area_cm2": 105,
        "price_per_cm2": Decimal("10.00"),
        "minimum_gift": Decimal("2.00"),
        "deadline": timezone.now() + datetime.timedelta(days=14),
        "publication": t("Trouw en Het Parool", "Trouw and Het Parool"),
        "if_sold_out": t("Extra giften betalen een tweede krant.", "Extra gifts fund a second paper."),
        "if_deadline_passes": t("De advertentie verschijnt toch.", "The ad appears anyway."),
        "status": "open",
    }
    values.update(overrides)
    return values


@pytest.fixture
def ad(module_ad, fresh):
    """The ad, built once per module and shared (see `module_db` in tests/conftest.py). A module whose
    tests commit cannot share it: it builds its own (`built_ad`)."""
    return fresh(module_ad)


@pytest.fixture(scope="module")
def module_ad(module_seeder, building):
    with building():
        return module_seeder.snippet(DonationAd, ad_values, {"title": "Gelijke nood"})


@pytest.fixture
def built_ad(seeder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return seeder.snippet(DonationAd, ad_values, {"title": "Gelijke nood"})


@pytest.fixture
def english_ad(ad, english):
    return ad.get_translation(english)


@pytest.fixture
def small_ad(seeder, django_capture_on_commit_callbacks):
    """An ad of 3 × 2 cm with 5 cm² for sale: easy to sell out."""

    def values(t):
        return ad_values(t, title=t("Klein", "Small"), width_cm=3, height_cm=2, total_area_cm2=5)

    with django_capture_on_commit_callbacks(execute=True):
        return seeder.snippet(DonationAd, values, {"title": "Klein"})


def hold_for(ad, cm2=1, cells=(), email="donor@example.org", name="", language="nl", provider="stripe", **kwargs):
    units = len(cells) * 100 if cells else int(cm2 * 100)
    amount = kwargs.pop("amount_cents", units * ad.price_cents // 100)
    return create_hold(
        ad,
        units=units,
        amount_cents=amount,
        cells=cells,
        email=email,
        email_normalised=email,
        display_name=name,
        language=language,
        provider=provider,
        **kwargs,
    )


def gift(**overrides):
    data = {
        "choice": "5",
        "amount": "",
        "cells": "",
        "email": "fatima@example.org",
        "display_name": "",
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def give_url(ad, language="nl"):
    return f"/{language}/donations/{ad.ad_key}/give/"


@pytest.fixture
def give(client, django_capture_on_commit_callbacks):
    def post(ad, language="nl", headers=None, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(give_url(ad, language), gift(**overrides), headers=headers or {})

    return post


@pytest.fixture
def post_event(client, django_capture_on_commit_callbacks):
    """Deliver an event as Stripe does: the raw JSON body, signed with stripe-python's helper."""

    def post(event, secret=WEBHOOK_SECRET, timestamp=None, header=None):
        payload = json.dumps(event)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                WEBHOOK_URL,
                data=payload,
                content_type="application/json",
                headers={"Stripe-Signature": header or signature(payload, secret, timestamp)},
            )

    return post


def paid_session(fake_stripe, hold, method="ideal", paid=True):
    """Start the hold's checkout at (fake) Stripe and have the donor pay."""
    from donations.checkout import start_checkout
    from donations.models import DonationAd

    ad = DonationAd.objects.filter(translation_key=hold.ad_key).first()
    start_checkout(hold, ad, payments.StripeProvider())
    return fake_stripe.pay(hold.checkout_session_id, method=method, paid=paid)
