"""Without Stripe keys (`make run`), the demo provider's pages stand in for Checkout and the customer portal."""

import pytest

from giving.models import Gift, MonthlyGift
from giving.tokens import manage_token

pytestmark = pytest.mark.django_db


def test_a_one_off_gift_is_paid_on_the_demo_page_and_can_be_made_monthly(client, give, donate_page, demo_payments):
    response = give(donate_page, choice="50")
    assert response.status_code == 303 and response["Location"].startswith("/nl/giving/demo-checkout/")
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Demo" in page.content.decode()
    thanks = client.post(response["Location"], {"action": "pay"})
    assert thanks.status_code == 303
    gift = Gift.objects.get()
    assert (gift.status, gift.amount_cents, gift.provider) == ("paid", 5000, "demo") and gift.customer_id
    upsell = client.post(thanks["Location"].replace("/thanks/", "/monthly/"))
    assert upsell.status_code == 303
    client.post(upsell["Location"], {"action": "pay"})
    monthly = MonthlyGift.objects.get()
    assert (monthly.status, monthly.amount_cents, monthly.customer_id) == ("active", 5000, gift.customer_id)
    assert monthly.payments.get().amount_cents == 5000


def test_paying_a_demo_checkout_twice_credits_once(client, give, donate_page, demo_payments):
    location = give(donate_page, frequency="monthly")["Location"]
    client.post(location, {"action": "pay"})
    client.post(location, {"action": "pay"})
    assert MonthlyGift.objects.get().payments.count() == 1


def test_going_back_from_the_demo_checkout_pays_nothing(client, give, donate_page, demo_payments):
    location = give(donate_page)["Location"]
    response = client.post(location, {"action": "cancel"})
    assert response.status_code == 303 and "/cancelled/" in response["Location"]
    assert Gift.objects.get().status == "pending"


def test_the_demo_portal_stops_a_monthly_gift(client, give, donate_page, demo_payments):
    client.post(give(donate_page, "en", frequency="monthly")["Location"], {"action": "pay"})
    monthly = MonthlyGift.objects.get()
    manage = client.post(f"/en/giving/manage/{manage_token(monthly.customer_id)}/")
    assert manage.status_code == 303 and "/en/giving/demo-portal/" in manage["Location"]
    assert client.post(manage["Location"], {"gift": "not-a-uuid"}).status_code == 400
    client.post(manage["Location"], {"gift": str(monthly.token)})
    monthly.refresh_from_db()
    assert monthly.status == "cancelled" and monthly.cancelled_at is not None


def test_the_demo_pages_are_not_found_when_demo_payments_are_off(client, give, donate_page, settings, demo_payments):
    location = give(donate_page)["Location"]
    settings.DEMO_PAYMENTS_ALLOWED = False
    assert client.get(location).status_code == 404
