"""The local demo payment page: without Stripe keys (development), the whole flow runs offline."""

import pytest
from django.core import mail

from donations.models import AdLedger, Donation, Hold, HoldStatus
from donations.payments import DemoProvider, checkout_provider
from donations.tokens import read_hold_token

pytestmark = pytest.mark.django_db


def test_the_demo_provider_is_used_only_without_keys_and_when_allowed(settings, demo_payments):
    assert isinstance(checkout_provider(), DemoProvider)
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    assert not isinstance(checkout_provider(), DemoProvider)


def test_a_gift_through_the_demo_page_is_fulfilled_like_a_stripe_payment(
    demo_payments, give, client, ad, fake_stripe, django_capture_on_commit_callbacks
):
    response = give(ad, choice="5", display_name="Vera", show_name="on")
    hold = Hold.objects.get()
    # The token is signed with a timestamp: compare what it says, not its text (a second may have passed).
    prefix, token = "/nl/donations/demo-checkout/", response["Location"].removeprefix("/nl/donations/demo-checkout/")
    assert response.status_code == 303 and response["Location"] == f"{prefix}{token}"
    assert read_hold_token(token.rstrip("/")) == hold.token
    page = client.get(response["Location"]).content.decode()
    assert 'class="demo-checkout__banner"' in page and "€\xa050" in page
    with django_capture_on_commit_callbacks(execute=True):
        paid = client.post(response["Location"], {"action": "pay"})
    assert paid.status_code == 302 and "/nl/donations/thanks/" in paid["Location"]
    assert 'data-gift-state="paid"' in client.get(paid["Location"]).content.decode()
    donation = Donation.objects.get()
    assert (donation.units, donation.method, donation.checkout_session_id) == (500, "demo", hold.checkout_session_id)
    assert AdLedger.objects.get().funded_units == 500
    assert len(mail.outbox) == 1 and not fake_stripe.requests


def test_paying_twice_on_the_demo_page_credits_once(demo_payments, give, client, ad):
    location = give(ad, choice="1")["Location"]
    client.post(location, {"action": "pay"})
    client.post(location, {"action": "pay"})
    assert Donation.objects.count() == 1 and AdLedger.objects.get().funded_units == 100


def test_a_failed_demo_payment_frees_the_area(demo_payments, give, client, ad):
    location = give(ad, choice="2")["Location"]
    response = client.post(location, {"action": "fail"})
    assert 'data-gift-state="failed"' in client.get(response["Location"]).content.decode()
    assert Hold.objects.get().status == HoldStatus.FAILED and AdLedger.objects.get().held_units == 0


def test_leaving_the_demo_page_cancels(demo_payments, give, client, ad, django_capture_on_commit_callbacks):
    location = give(ad, choice="2")["Location"]
    response = client.post(location, {"action": "cancel"})
    with django_capture_on_commit_callbacks(execute=True):
        client.get(response["Location"])
    assert Hold.objects.get().status == HoldStatus.CANCELLED and AdLedger.objects.get().held_units == 0


def test_the_demo_page_does_not_exist_when_stripe_is_configured(demo_payments, give, client, ad, settings):
    location = give(ad, choice="1")["Location"]
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    assert client.get(location).status_code == 404
    assert client.post(location, {"action": "pay"}).status_code == 404
    assert not Donation.objects.exists()


def test_the_demo_page_needs_its_csrf_token(demo_payments, give, ad):
    from django.test import Client

    location = give(ad, choice="1")["Location"]
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(location, {"action": "pay"}).status_code == 403
    assert not Donation.objects.exists()


def test_an_expired_demo_hold_is_settled_without_network(demo_payments, give, ad, fake_stripe):
    from donations.checkout import settle_hold

    give(ad, choice="1")
    assert settle_hold(Hold.objects.get().pk) == "released"
    assert AdLedger.objects.get().held_units == 0 and not fake_stripe.requests
