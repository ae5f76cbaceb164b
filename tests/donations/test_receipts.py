import pytest
from django.core import mail

from donations import tasks
from donations.models import Donation

from .conftest import hold_for, paid_session
from .fakestripe import event

pytestmark = pytest.mark.django_db


def test_the_receipt_goes_out_in_the_donors_language(post_event, english_ad, fake_stripe):
    hold = hold_for(english_ad, cm2=2, language="en", email="sam@example.org", name="Sam")
    post_event(event("checkout.session.completed", paid_session(fake_stripe, hold)))
    (message,) = mail.outbox
    assert message.to == ["sam@example.org"] and message.extra_headers["Content-Language"] == "en"
    assert "The same needs" in message.subject
    assert "€\xa020" in message.body and "2 cm²" in message.body
    assert Donation.objects.get().receipt_sent_at is not None


def test_a_dutch_donor_gets_a_dutch_receipt(post_event, ad, fake_stripe):
    post_event(event("checkout.session.completed", paid_session(fake_stripe, hold_for(ad, cm2=1))))
    assert mail.outbox[0].extra_headers["Content-Language"] == "nl" and "Gelijke nood" in mail.outbox[0].subject


def test_the_receipt_is_queued_not_sent_in_the_webhook_request(client, ad, fake_stripe):
    """Without running the on-commit callbacks, the request itself sends nothing."""
    import json

    from .conftest import WEBHOOK_SECRET, WEBHOOK_URL
    from .fakestripe import signature

    payload = json.dumps(event("checkout.session.completed", paid_session(fake_stripe, hold_for(ad, cm2=1))))
    client.post(
        WEBHOOK_URL,
        data=payload,
        content_type="application/json",
        headers={"Stripe-Signature": signature(payload, WEBHOOK_SECRET)},
    )
    assert Donation.objects.count() == 1 and mail.outbox == []


def test_a_receipt_is_sent_once(post_event, ad, fake_stripe):
    post_event(event("checkout.session.completed", paid_session(fake_stripe, hold_for(ad, cm2=1))))
    tasks.send_receipt.enqueue(Donation.objects.get().pk)
    assert len(mail.outbox) == 1


def test_receipts_go_through_anymail(post_event, ad, fake_stripe, settings):
    settings.MAILERS = {"default": {"BACKEND": "anymail.backends.test.EmailBackend"}}
    settings.ANYMAIL = {"TEST_SEND_DEFAULTS": {}}
    post_event(event("checkout.session.completed", paid_session(fake_stripe, hold_for(ad, cm2=1))))
    assert Donation.objects.get().receipt_sent_at is not None
    (message,) = mail.outbox
    assert message.anymail_status.status == {"sent"}


def test_the_payment_method_is_read_from_the_payment_intent(post_event, ad, fake_stripe):
    hold = hold_for(ad, cm2=1)
    post_event(event("checkout.session.completed", paid_session(fake_stripe, hold, method="bancontact")))
    assert Donation.objects.get().method == "bancontact"
    expanded = [r for r in fake_stripe.requests if r["path"].startswith("/v1/payment_intents/")]
    assert expanded and expanded[0]["params"] == {"expand": ["payment_method"]}
