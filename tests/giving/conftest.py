import json

import pytest

from donations import payments
from giving.demo import page_values
from giving.models import DonatePage
from tests.donations.fakestripe import event, signature

from .fakestripe import GivingFakeStripe

WEBHOOK_SECRET = "whsec_test_giving_0b7a41c9e2f4"
WEBHOOK_URL = "/donations/stripe/webhook/"


@pytest.fixture(autouse=True)
def _stripe_settings(settings):
    settings.STRIPE_SECRET_KEY = "sk_test_51Fake0000000000000000000000"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.DEMO_PAYMENTS_ALLOWED = False
    settings.SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def fake_stripe(monkeypatch):
    """Every Stripe call goes here: none can reach the network."""
    fake = GivingFakeStripe()
    monkeypatch.setattr(payments, "HTTP_CLIENT", fake)
    return fake


@pytest.fixture
def demo_payments(settings):
    settings.STRIPE_SECRET_KEY = ""
    settings.DEMO_PAYMENTS_ALLOWED = True


@pytest.fixture
def donate_page(module_donate_page, fresh):
    """The donate page (and its English translation), built once per module and shared."""
    return fresh(module_donate_page)


@pytest.fixture(scope="module")
def module_donate_page(module_seeder, building, module_home):
    with building():
        return module_seeder.page(module_home, DonatePage, page_values)


def give_url(page, language="nl"):
    return f"/{language}/giving/{page.pk}/give/"


def gift_data(**overrides):
    data = {"frequency": "one_off", "choice": "10", "amount": "", "email": "noor@example.org", "currency": "eur"}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def give(client, django_capture_on_commit_callbacks):
    def post(page, language="nl", headers=None, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(give_url(page, language), gift_data(**overrides), headers=headers or {})

    return post


@pytest.fixture
def post_event(client, django_capture_on_commit_callbacks):
    """Deliver an event as Stripe does: the raw body, signed with stripe-python's helper."""

    def post(evt, secret=WEBHOOK_SECRET, timestamp=None, header=None):
        payload = json.dumps(evt)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                WEBHOOK_URL,
                data=payload,
                content_type="application/json",
                headers={"Stripe-Signature": header or signature(payload, secret, timestamp)},
            )

    return post


__all__ = ["event"]
