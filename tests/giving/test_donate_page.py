"""The donate page and its form: amounts checked on the server, nothing written for bad input."""

import pytest

from giving.models import Gift, MonthlyGift

from .conftest import give_url

pytestmark = pytest.mark.django_db


def nothing_written():
    return not Gift.objects.exists() and not MonthlyGift.objects.exists()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_donate_page_shows_the_form_in_both_languages(client, donate_page, english, language):
    page = donate_page if language == "nl" else donate_page.get_translation(english)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'action="{give_url(page, language)}"' in html
    assert 'name="frequency"' in html and 'value="monthly"' in html and 'name="newsletter"' in html
    assert "csrfmiddlewaretoken" not in html  # the page is cached: the same bytes for everyone


def test_the_donate_page_is_served_from_the_page_cache_without_queries(client, donate_page, django_assert_num_queries):
    first = client.get("/nl/doneer/")
    with django_assert_num_queries(0):
        second = client.get("/nl/doneer/")
    assert second.content == first.content and "s-maxage=300" in second["Cache-Control"]


def test_a_form_with_errors_is_never_cached(give, donate_page):
    response = give(donate_page, choice="other", amount="1")
    assert response.status_code == 400 and "no-store" in response["Cache-Control"]


def test_a_one_off_gift_of_a_suggested_amount_goes_to_stripe_checkout(give, donate_page, fake_stripe):
    response = give(donate_page, choice="25", newsletter="on")
    assert response.status_code == 303 and response["Location"].startswith("https://checkout.stripe.com/")
    gift = Gift.objects.get()
    assert (gift.amount_cents, gift.frequency, gift.status, gift.language) == (2500, "one_off", "pending", "nl")
    assert gift.newsletter_consent and gift.page_key == donate_page.translation_key
    sent = fake_stripe.requests[-1]["params"]
    assert sent["mode"] == "payment" and sent["payment_method_types"][0] == "ideal"
    assert sent["line_items"][0]["price_data"]["unit_amount"] == "2500" and sent["locale"] == "nl"
    assert sent["metadata"] == {"gift": str(gift.token)}


def test_a_monthly_gift_of_ones_own_amount_uses_a_subscription_in_english(give, donate_page, fake_stripe):
    response = give(donate_page, "en", frequency="monthly", choice="other", amount="12,50")
    assert response.status_code == 303
    monthly = MonthlyGift.objects.get()
    assert (monthly.amount_cents, monthly.status, monthly.language) == (1250, "incomplete", "en")
    assert not monthly.newsletter_consent
    session = fake_stripe.requests[-1]["params"]
    assert session["mode"] == "subscription" and session["locale"] == "en"
    assert session["payment_method_types"] == ["ideal", "bancontact", "sepa_debit", "card"]
    price = fake_stripe.prices[session["line_items"][0]["price"]]
    assert price["unit_amount"] == 1250 and price["recurring"]["interval"] == "month"


def test_the_monthly_price_of_an_amount_is_created_once_and_then_looked_up(give, donate_page, fake_stripe):
    give(donate_page, frequency="monthly", choice="10")
    give(donate_page, frequency="monthly", choice="10", email="sem@example.org")
    give(donate_page, frequency="monthly", choice="25")
    assert sorted(p["unit_amount"] for p in fake_stripe.prices.values()) == [1000, 2500]
    sessions = [r["params"] for r in fake_stripe.requests if r["path"] == "/v1/checkout/sessions"]
    assert sessions[0]["line_items"][0]["price"] == sessions[1]["line_items"][0]["price"]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1", "The smallest gift is"),
        ("10001", "Online we accept gifts up to"),
        ("tien", "Please give an amount in euros"),
        ("-5", "cannot be negative"),
        ("$10", "We accept gifts in euros only."),
        ("10 USD", "We accept gifts in euros only."),
        ("", "Please fill in the amount you give."),
        ("1,005", "Please give an amount in euros"),
    ],
)
def test_a_bad_amount_is_refused_with_a_clear_message_and_writes_nothing(
    give, donate_page, fake_stripe, amount, message
):
    response = give(donate_page, "en", choice="other", amount=amount)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_written() and not fake_stripe.requests


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"currency": "usd"}, "We accept gifts in euros only."),
        ({"choice": "7"}, "Please choose how much you give."),
        ({"frequency": "weekly"}, "Please choose once or monthly."),
        ({"email": "not-an-address"}, "This does not look like an email address."),
        ({"email": None}, "Please give your email address"),
    ],
)
def test_other_bad_input_is_refused_and_writes_nothing(give, donate_page, fake_stripe, overrides, message):
    response = give(donate_page, "en", **overrides)
    assert response.status_code == 400 and message in response.content.decode()
    assert nothing_written() and not fake_stripe.requests


def test_a_cross_site_post_is_refused(give, donate_page):
    response = give(donate_page, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403 and nothing_written()


def test_a_post_to_a_page_that_is_not_a_donate_page_is_not_found(client, donate_page):
    assert client.post(give_url(donate_page.get_parent()), {"choice": "10"}).status_code == 404


def test_stripe_refusing_leaves_no_gift_that_could_be_paid(give, donate_page, fake_stripe):
    fake_stripe.fail_with = (500, "Stripe is down")
    fake_stripe.unreachable = True
    response = give(donate_page)
    assert response.status_code == 503
    assert Gift.objects.get().status == "expired"


def test_many_gifts_started_from_one_address_are_refused_for_a_while(give, donate_page, monkeypatch):
    from giving import views

    monkeypatch.setattr(views, "STARTS_PER_IP_PER_HOUR", 2)
    assert [give(donate_page).status_code for _ in range(3)] == [303, 303, 429]
    assert Gift.objects.count() == 2
