"""A receipt per payment, once, in the donor's language: one-off gifts and each month of a monthly gift."""

import pytest
from django.core import mail

from giving.models import Gift, MonthlyGift

from .conftest import event

pytestmark = pytest.mark.django_db


def test_a_paid_gift_gets_one_receipt_however_often_the_event_comes(post_event, give, donate_page, fake_stripe):
    give(donate_page, "en", choice="other", amount="12,50")
    session = fake_stripe.pay(Gift.objects.get().checkout_session_id)
    paid = event("checkout.session.completed", session)
    post_event(paid)
    post_event(paid)
    post_event(event("checkout.session.async_payment_succeeded", session))
    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert receipt.to == ["noor@example.org"] and receipt.extra_headers["Content-Language"] == "en"
    assert "€ 12.50" in receipt.body.replace("\xa0", " ") and "This is your receipt" in receipt.body
    assert Gift.objects.get().receipt_sent_at is not None


def test_each_month_gets_its_receipt_in_dutch(post_event, give, donate_page, fake_stripe):
    give(donate_page, frequency="monthly", choice="25")
    session = fake_stripe.subscribe(MonthlyGift.objects.get().checkout_session_id)
    post_event(event("checkout.session.completed", session))
    for _ in range(2):
        invoice = fake_stripe.invoice(session["subscription"])
        post_event(event("invoice.paid", invoice))
        post_event(event("invoice.paid", invoice))
    assert len(mail.outbox) == 2
    assert all(m.extra_headers["Content-Language"] == "nl" for m in mail.outbox)
    assert "maandelijkse gift" in mail.outbox[0].body and "€ 25" in mail.outbox[0].body.replace("\xa0", " ")


def test_an_unpaid_checkout_sends_no_receipt(post_event, give, donate_page, fake_stripe):
    give(donate_page)
    session = fake_stripe.pay(Gift.objects.get().checkout_session_id, paid=False)
    post_event(event("checkout.session.completed", session))
    assert mail.outbox == []


def test_the_receipt_names_the_legal_name_and_rsin_of_the_donors_language(
    post_event, give, donate_page, fake_stripe, locales
):
    from website.models import SiteIdentity

    anbi = {"legal_name": "Stichting Voorbeeld", "rsin": "123456789"}
    SiteIdentity.objects.create(locale=locales["nl"], organisation_name="Voorbeeld", **anbi)
    SiteIdentity.objects.create(locale=locales["en"], organisation_name="Example", **anbi)
    give(donate_page, "en", choice="other", amount="12,50")
    post_event(event("checkout.session.completed", fake_stripe.pay(Gift.objects.get().checkout_session_id)))
    receipt = mail.outbox[0]
    assert "Stichting Voorbeeld, RSIN 123456789" in receipt.body
    assert "Stichting Voorbeeld, RSIN 123456789" in receipt.alternatives[0].content
