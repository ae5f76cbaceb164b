"""After a gift: "make it monthly" in one click; donors manage a monthly gift from an emailed, signed link."""

import re

import pytest
from django.core import mail, signing

from giving.models import Gift, MonthlyGift
from giving.tasks import send_manage_link
from giving.tokens import MANAGE_SALT, manage_token, return_token

from .conftest import event

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_gift(give, donate_page, fake_stripe, post_event):
    give(donate_page, choice="10")
    gift = Gift.objects.get()
    post_event(event("checkout.session.completed", fake_stripe.pay(gift.checkout_session_id)))
    gift.refresh_from_db()
    return gift


@pytest.fixture
def monthly(give, donate_page, fake_stripe, post_event):
    give(donate_page, frequency="monthly", choice="25", email="lina@example.org")
    post_event(
        event("checkout.session.completed", fake_stripe.subscribe(MonthlyGift.objects.get().checkout_session_id))
    )
    return MonthlyGift.objects.get()


def test_the_thanks_page_offers_to_make_a_paid_gift_monthly(client, paid_gift):
    response = client.get(f"/nl/giving/thanks/{return_token(paid_gift)}/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert f"/nl/giving/monthly/{return_token(paid_gift)}/".split("/monthly/")[0] in response.content.decode()
    assert "giving-upsell" in response.content.decode()


def test_one_click_makes_it_monthly_for_the_same_customer_and_amount(client, paid_gift, fake_stripe):
    response = client.post(f"/en/giving/monthly/{return_token(paid_gift)}/")
    assert response.status_code == 303 and response["Location"].startswith("https://checkout.stripe.com/")
    monthly = MonthlyGift.objects.get()
    assert (monthly.upsold_from, monthly.amount_cents, monthly.email) == (paid_gift, 1000, paid_gift.email)
    sent = fake_stripe.requests[-1]["params"]
    assert sent["mode"] == "subscription" and sent["customer"] == paid_gift.customer_id
    # A second click starts the same checkout again (one monthly gift per gift, idempotency key).
    again = client.post(f"/en/giving/monthly/{return_token(paid_gift)}/")
    assert again["Location"] == response["Location"] and MonthlyGift.objects.count() == 1


def test_an_unpaid_gift_cannot_be_made_monthly(client, give, donate_page):
    give(donate_page)
    response = client.post(f"/en/giving/monthly/{return_token(Gift.objects.get())}/")
    assert response.status_code == 409 and not MonthlyGift.objects.exists()


@pytest.mark.parametrize("token", ["garbage", "x" * 300])
def test_a_tampered_return_link_is_not_found(client, token):
    assert client.get(f"/en/giving/thanks/{token}/").status_code == 404
    assert client.post(f"/en/giving/monthly/{token}/").status_code == 404


def test_asking_for_the_link_emails_a_signed_link_in_the_donors_language(
    client, monthly, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/giving/manage/", {"email": "Lina@example.org"})
    assert response.status_code == 200
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lina@example.org"]
    assert mail.outbox[0].extra_headers["Content-Language"] == "en"
    link = re.search(r"http://testserver(/en/giving/manage/\S+/)", mail.outbox[0].body).group(1)
    page = client.get(link)
    assert page.status_code == 200 and "€ 25" in page.content.decode().replace("\xa0", " ")
    portal = client.post(link)
    assert portal.status_code == 303 and portal["Location"].startswith("https://billing.stripe.com/")


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/giving/manage/", {"email": "nobody@example.org"})
    assert response.status_code == 200 and "If this address gives monthly" in response.content.decode()
    assert mail.outbox == []


def test_a_bad_address_is_refused(client):
    assert client.post("/en/giving/manage/", {"email": "nope"}).status_code == 400


def test_a_tampered_manage_link_is_refused_clearly(client, monthly, fake_stripe):
    token = manage_token(monthly.customer_id)
    response = client.post(f"/en/giving/manage/{token[:-2]}xx/")
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert not fake_stripe.portal_sessions


def test_an_expired_manage_link_is_refused_clearly(client, monthly, fake_stripe, monkeypatch):
    token = manage_token(monthly.customer_id)
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: "0", raising=False)
    old = signing.dumps(monthly.customer_id, salt=MANAGE_SALT)
    monkeypatch.undo()
    response = client.get(f"/en/giving/manage/{old}/")
    assert response.status_code == 410 and "expired" in response.content.decode()
    assert client.get(f"/en/giving/manage/{token}/").status_code == 200


def test_the_task_sends_nothing_for_a_gift_that_never_started(give, donate_page):
    give(donate_page, frequency="monthly", email="sem@example.org")
    assert send_manage_link.call("sem@example.org", "nl") == 0 and mail.outbox == []


def test_the_thanks_page_credits_a_paid_gift_before_the_webhook_arrives(client, give, donate_page, fake_stripe):
    give(donate_page, choice="25")
    gift = Gift.objects.get()
    fake_stripe.pay(gift.checkout_session_id)
    response = client.get(f"/en/giving/thanks/{return_token(gift)}/")
    assert response.status_code == 200 and "We received your gift" in response.content.decode()
    gift.refresh_from_db()
    assert gift.status == "paid" and gift.payment_intent_id


def test_the_thanks_page_of_an_unpaid_gift_says_so_and_credits_nothing(client, give, donate_page):
    give(donate_page, choice="25")
    gift = Gift.objects.get()
    response = client.get(f"/en/giving/thanks/{return_token(gift)}/")
    assert "Waiting for your payment" in response.content.decode()
    gift.refresh_from_db()
    assert gift.status == "pending"


def test_many_link_requests_from_one_address_are_refused_for_a_while(client, monkeypatch):
    from giving import views

    monkeypatch.setattr(views, "MANAGE_LINKS_PER_IP_PER_HOUR", 1)
    statuses = [client.post("/en/giving/manage/", {"email": "a@example.org"}).status_code for _ in range(2)]
    assert statuses == [200, 429]


def test_a_cross_site_link_request_is_refused(client):
    response = client.post("/en/giving/manage/", {"email": "a@example.org"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403


def test_the_thanks_page_of_a_stopped_monthly_gift_says_it_stopped(client, monthly):
    MonthlyGift.objects.filter(pk=monthly.pk).update(status="cancelled")
    response = client.get(f"/en/giving/thanks/{return_token(monthly)}/")
    assert "has been stopped" in response.content.decode() and "every month." not in response.content.decode()
