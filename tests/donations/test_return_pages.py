"""The pages a donor comes back to from checkout: they show the real state and credit nothing on their own."""

import pytest

from donations.checkout import start_checkout
from donations.models import AdLedger, Donation, Hold, HoldStatus
from donations.payments import StripeProvider
from donations.tokens import hold_token

from .conftest import hold_for, paid_session
from .fakestripe import event

pytestmark = pytest.mark.django_db


def thanks_url(hold, session_id=None, token=None, language="nl"):
    session_id = hold.checkout_session_id if session_id is None else session_id
    return f"/{language}/donations/thanks/{token or hold_token(hold)}/?session_id={session_id}"


def stripe_gets(fake_stripe):
    return [r for r in fake_stripe.requests if r["method"] == "get"]


def test_when_the_webhook_is_late_the_thanks_page_asks_stripe_and_credits_the_gift(client, ad, fake_stripe):
    hold = hold_for(ad, cm2=5)
    paid_session(fake_stripe, hold)
    response = client.get(thanks_url(hold))
    assert response.status_code == 200
    assert 'data-gift-state="paid"' in response.content.decode()
    assert Donation.objects.get().units == 500 and AdLedger.objects.get().funded_units == 500
    assert "no-store" in response["Cache-Control"]


def test_after_the_webhook_the_thanks_page_does_not_call_stripe(client, post_event, ad, fake_stripe):
    hold = hold_for(ad, cm2=1)
    post_event(event("checkout.session.completed", paid_session(fake_stripe, hold)))
    before = len(stripe_gets(fake_stripe))
    assert 'data-gift-state="paid"' in client.get(thanks_url(hold)).content.decode()
    assert len(stripe_gets(fake_stripe)) == before


def test_a_payment_still_processing_is_shown_as_such(client, ad, fake_stripe):
    hold = hold_for(ad, cm2=1)
    paid_session(fake_stripe, hold, paid=False)
    content = client.get(thanks_url(hold)).content.decode()
    assert 'data-gift-state="processing"' in content and not Donation.objects.exists()
    hold.refresh_from_db()
    assert hold.status == HoldStatus.PROCESSING


def test_an_unpaid_checkout_is_not_credited_by_visiting_the_thanks_page(client, ad, fake_stripe):
    hold = hold_for(ad, cm2=1)
    start_checkout(hold, ad, StripeProvider())
    content = client.get(thanks_url(hold)).content.decode()
    assert 'data-gift-state="open"' in content and hold.checkout_url in content
    assert not Donation.objects.exists() and AdLedger.objects.get().funded_units == 0


def test_the_thanks_page_speaks_the_donors_language(client, english_ad, fake_stripe):
    hold = hold_for(english_ad, cm2=1, language="en")
    paid_session(fake_stripe, hold)
    assert "Thank you for your gift!" in client.get(thanks_url(hold, language="en")).content.decode()


@pytest.mark.parametrize("tamper", ["token", "session", "no_session", "other_session", "forged"])
def test_a_tampered_success_url_shows_nothing_and_credits_nothing(client, ad, fake_stripe, tamper):
    hold = hold_for(ad, cm2=1)
    paid_session(fake_stripe, hold)
    other = hold_for(ad, cm2=1, email="other@example.org")
    start_checkout(other, ad, StripeProvider())
    url = {
        "token": thanks_url(hold, token=hold_token(hold)[:-2] + "xx"),
        "session": thanks_url(hold, session_id=hold.checkout_session_id + "x"),
        "no_session": thanks_url(hold, session_id=""),
        "other_session": thanks_url(hold, session_id=other.checkout_session_id),
        "forged": f"/nl/donations/thanks/{hold.token}/?session_id={hold.checkout_session_id}",
    }[tamper]
    response = client.get(url)
    assert response.status_code == 400
    assert not Donation.objects.exists()


def test_coming_back_without_paying_expires_the_checkout_and_frees_the_area(
    client, ad, fake_stripe, django_capture_on_commit_callbacks
):
    hold = hold_for(ad, cm2=2)
    start_checkout(hold, ad, StripeProvider())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"/nl/donations/cancelled/{hold_token(hold)}/")
    assert response.status_code == 200
    hold.refresh_from_db()
    assert hold.status == HoldStatus.CANCELLED and AdLedger.objects.get().held_units == 0
    assert fake_stripe.sessions[hold.checkout_session_id]["status"] == "expired"


def test_coming_back_to_the_cancel_page_after_paying_credits_the_gift(
    client, ad, fake_stripe, django_capture_on_commit_callbacks
):
    hold = hold_for(ad, cm2=2)
    paid_session(fake_stripe, hold)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"/nl/donations/cancelled/{hold_token(hold)}/")
    assert Hold.objects.get().status == HoldStatus.PAID and AdLedger.objects.get().funded_units == 200


def test_a_forged_cancel_link_changes_nothing(client, ad):
    hold = hold_for(ad, cm2=1)
    assert client.get(f"/nl/donations/cancelled/{hold.token}/").status_code == 400
    assert Hold.objects.get().status == HoldStatus.ACTIVE
