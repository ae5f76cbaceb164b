"""A monthly payment that failed: the donor gets one email per invoice, in their language, with the link to
update their payment method; replays, duplicates and later attempts of the same invoice send nothing."""

import re

import pytest
from django.core import mail

from giving import tasks
from giving.models import FailedPayment, MonthlyGift

from .conftest import event

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribed(give, donate_page, fake_stripe, post_event):
    """An English donor's monthly gift of € 25, started; the outbox emptied of its receipt."""

    def start(language="en"):
        give(donate_page, language, frequency="monthly", choice="25")
        session = fake_stripe.subscribe(MonthlyGift.objects.get().checkout_session_id)
        post_event(event("checkout.session.completed", session))
        mail.outbox.clear()
        return session

    return start


def manage_path(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_a_failed_payment_emails_the_donor_once_with_the_manage_link(client, post_event, subscribed, fake_stripe):
    session = subscribed("en")
    failed = event("invoice.payment_failed", fake_stripe.invoice(session["subscription"], paid=False))
    assert post_event(failed).json()["outcome"] == "failure_recorded"
    assert post_event(failed).json()["outcome"] == "duplicate"  # the same event replayed
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["noor@example.org"] and message.extra_headers["Content-Language"] == "en"
    assert message.subject == "Your monthly gift could not be collected"
    assert "(€ 25) did not go through" in message.body.replace("\xa0", " ")
    assert "update my payment method" in message.alternatives[0].content.lower()
    path = manage_path(message)
    assert path.startswith("/en/giving/manage/")
    page = client.get(path)
    assert page.status_code == 200 and b"<form" in page.content  # the button to Stripe's portal
    assert FailedPayment.objects.get().donor_emailed_at is not None


def test_the_email_is_in_dutch_for_a_dutch_donor(post_event, subscribed, fake_stripe):
    session = subscribed("nl")
    post_event(event("invoice.payment_failed", fake_stripe.invoice(session["subscription"], paid=False)))
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "nl" and "/nl/giving/manage/" in message.body
    assert message.subject == "Je maandelijkse gift kon niet worden afgeschreven"


def test_another_delivery_or_a_later_attempt_of_the_same_invoice_sends_nothing(post_event, subscribed, fake_stripe):
    session = subscribed()
    invoice = fake_stripe.invoice(session["subscription"], paid=False)
    post_event(event("invoice.payment_failed", invoice))
    # Stripe delivers the same failure as a new event, then retries the invoice and fails again.
    assert post_event(event("invoice.payment_failed", invoice)).json()["outcome"] == "already_recorded"
    assert post_event(event("invoice.payment_failed", {**invoice, "attempt_count": 2})).json()["outcome"] == (
        "failure_recorded"
    )
    assert len(mail.outbox) == 1 and FailedPayment.objects.count() == 2
    # Next month's invoice fails: that is news again.
    post_event(event("invoice.payment_failed", fake_stripe.invoice(session["subscription"], paid=False)))
    assert len(mail.outbox) == 2


def test_a_second_worker_on_another_attempt_of_an_emailed_invoice_sends_nothing(post_event, subscribed, fake_stripe):
    session = subscribed()
    invoice = fake_stripe.invoice(session["subscription"], paid=False)
    post_event(event("invoice.payment_failed", invoice))
    first = FailedPayment.objects.get()
    second = FailedPayment.objects.create(
        monthly_gift=first.monthly_gift, invoice_id=first.invoice_id, attempt=2, amount_cents=2500
    )
    assert tasks.send_failure_notice.call(second.pk) is False  # refused by the constraint, not by luck
    assert tasks.send_failure_notice.call(first.pk) is False
    second.refresh_from_db()
    assert second.donor_emailed_at is None and len(mail.outbox) == 1


def test_a_failure_on_a_stopped_gift_or_an_unknown_subscription_emails_no_one(post_event, subscribed, fake_stripe):
    session = subscribed()
    invoice = fake_stripe.invoice(session["subscription"], paid=False)
    stranger = {**invoice, "id": "in_stranger", "parent": {"subscription_details": {"subscription": "sub_x"}}}
    assert post_event(event("invoice.payment_failed", stranger)).json()["outcome"] == "unknown_subscription"
    MonthlyGift.objects.update(status="cancelled")
    post_event(event("invoice.payment_failed", invoice))
    assert not mail.outbox and FailedPayment.objects.get().donor_emailed_at is None
