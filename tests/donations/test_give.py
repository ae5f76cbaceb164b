import datetime
import uuid

import pytest
from django.utils import timezone

from donations.models import AdLedger, DonationAd, DonationSettings, Hold, HoldStatus

from .conftest import give_url, hold_for

pytestmark = pytest.mark.django_db


def creates(fake_stripe):
    return [r for r in fake_stripe.requests if r["method"] == "post" and r["path"] == "/v1/checkout/sessions"]


def test_giving_5_cm2_reserves_them_and_sends_the_donor_to_stripe_checkout(give, ad, fake_stripe):
    response = give(ad, choice="5")
    hold = Hold.objects.get()
    assert response.status_code == 303
    assert response["Location"].startswith("https://checkout.stripe.com/c/pay/cs_test_")
    assert "no-store" in response["Cache-Control"]
    assert (hold.units, hold.amount_cents, hold.language, hold.email) == (500, 5000, "nl", "fatima@example.org")
    assert hold.checkout_session_id == fake_stripe.sessions[hold.checkout_session_id]["id"]
    assert AdLedger.objects.get(ad_key=ad.ad_key).held_units == 500


def test_the_checkout_session_is_created_as_the_hold_says(give, ad, fake_stripe):
    give(ad, choice="2")
    hold = Hold.objects.get()
    (request,) = creates(fake_stripe)
    params = request["params"]
    assert request["headers"]["Idempotency-Key"] == f"hold-{hold.token}"
    assert params["mode"] == "payment" and params["submit_type"] == "donate"
    assert params["payment_method_types"][0] == "ideal" and "card" in params["payment_method_types"]
    assert params["line_items"][0]["price_data"] == {
        "currency": "eur",
        "unit_amount": "2000",
        "product_data": {"name": "Gelijke nood: 2 cm²"},
    }
    assert params["locale"] == "nl" and params["customer_email"] == "fatima@example.org"
    assert params["metadata"] == {"hold": str(hold.token), "ad_key": str(ad.ad_key), "units": "200"}
    assert params["payment_intent_data"]["metadata"]["hold"] == str(hold.token)
    assert params["success_url"].startswith("http://testserver/nl/donations/thanks/")
    assert params["success_url"].endswith("/?session_id={CHECKOUT_SESSION_ID}")
    assert params["cancel_url"].startswith("http://testserver/nl/donations/cancelled/")
    assert int(params["expires_at"]) == int(hold.expires_at.timestamp())


def test_an_english_donor_gets_an_english_checkout(give, english_ad, fake_stripe):
    give(english_ad, language="en", choice="1")
    params = creates(fake_stripe)[0]["params"]
    assert params["locale"] == "en" and "/en/donations/thanks/" in params["success_url"]
    assert params["line_items"][0]["price_data"]["product_data"]["name"] == "The same needs: 1 cm²"
    assert Hold.objects.get().language == "en"


def test_an_amount_in_euros_buys_a_share_of_a_cell(give, ad):
    assert give(ad, choice="amount", amount="12,50").status_code == 303
    hold = Hold.objects.get()
    assert (hold.units, hold.amount_cents) == (125, 1250)


def test_an_amount_that_is_not_a_whole_share_rounds_the_area_down(give, ad):
    give(ad, choice="amount", amount="7,77")
    assert (Hold.objects.get().units, Hold.objects.get().amount_cents) == (77, 777)


@pytest.mark.parametrize(
    "amount, message",
    [
        ("-5", "more than zero"),
        ("0", "more than zero"),
        ("0,00", "more than zero"),
        ("12,505", "whole cents"),
        ("0.001", "whole cents"),
        ("1,50", "smallest gift is"),
        ("99999999999", "at most"),
        ("1000,01", "at most"),
        ("tien", "not an amount"),
        ("1e3", "not an amount"),
        ("NaN", "not an amount"),
        ("", "Please give an amount"),
    ],
)
def test_bad_amounts_are_refused_before_anything_is_reserved(give, english_ad, fake_stripe, amount, message):
    response = give(english_ad, "en", choice="amount", amount=amount)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Hold.objects.exists() and not fake_stripe.requests


@pytest.mark.parametrize("choice", ["3", "-1", "0", "1.5", "", "all"])
def test_an_unknown_preset_is_refused(give, ad, choice):
    assert give(ad, choice=choice).status_code == 400
    assert not Hold.objects.exists()


def test_the_largest_gift_is_a_setting(give, english_ad):
    settings = DonationSettings.load()
    settings.maximum_gift = 40
    settings.save()
    response = give(english_ad, "en", choice="5")
    assert response.status_code == 400 and "at most" in response.content.decode()


def test_area_above_what_is_left_gets_a_clear_answer(give, small_ad, english):
    hold_for(small_ad, cm2=4)
    response = give(small_ad.get_translation(english), "en", choice="2")
    assert response.status_code == 409
    assert "Only 1 cm² is still free: pick a smaller amount." in response.content.decode()
    assert Hold.objects.count() == 1


def test_a_sold_out_ad_says_so(give, small_ad, english):
    hold_for(small_ad, cm2=5)
    response = give(small_ad.get_translation(english), "en", choice="1")
    assert response.status_code == 409 and "sold out" in response.content.decode()


def test_chosen_free_cells_are_held_for_the_donor(give, ad, fake_stripe):
    response = give(ad, choice="cells", cells="40,41,42")
    assert response.status_code == 303
    hold = Hold.objects.get()
    assert (hold.cells, hold.units, hold.amount_cents) == ([40, 41, 42], 300, 3000)


def test_chosen_cells_that_are_taken_get_a_clear_answer(give, ad, english_ad):
    hold_for(ad, cells=[41])
    response = give(english_ad, "en", choice="cells", cells="40,41")
    assert response.status_code == 409
    assert "Someone else took these squares" in response.content.decode()
    assert Hold.objects.count() == 1


@pytest.mark.parametrize(
    "cells, message",
    [
        ("105", "outside the ad"),
        ("-1", "outside the ad"),
        ("3,abc", "not squares of this ad"),
        ("", "Pick one or more free squares"),
        ("1.5", "not squares of this ad"),
    ],
)
def test_chosen_cells_outside_the_ad_or_garbled_are_refused(give, english_ad, cells, message):
    response = give(english_ad, "en", choice="cells", cells=cells)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Hold.objects.exists()


def test_too_many_chosen_cells_are_refused(give, english_ad):
    response = give(english_ad, "en", choice="cells", cells=",".join(str(n) for n in range(51)))
    assert response.status_code == 400 and "at most 50 squares" in response.content.decode()


def test_an_unknown_ad_is_not_found(client):
    assert client.post(f"/nl/donations/{uuid.uuid4()}/give/", {"choice": "1"}).status_code == 404
    assert client.post("/nl/donations/not-a-key/give/", {"choice": "1"}).status_code == 404


@pytest.mark.parametrize("status", ["funded", "published"])
def test_a_funded_or_published_ad_takes_no_gifts(give, ad, status):
    DonationAd.objects.filter(translation_key=ad.ad_key).update(status=status)
    response = give(ad)
    assert response.status_code == 409 and not Hold.objects.exists()


def test_an_ad_past_its_deadline_takes_no_gifts(give, ad):
    DonationAd.objects.filter(translation_key=ad.ad_key).update(deadline=timezone.now() - datetime.timedelta(hours=1))
    assert give(ad).status_code == 409


def test_cross_site_posts_are_refused(give, ad):
    response = give(ad, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403 and not Hold.objects.exists()


def test_consent_and_email_are_required(give, ad):
    assert give(ad, consent=None).status_code == 400
    assert give(ad, email="not-an-address").status_code == 400
    assert not Hold.objects.exists()


def test_a_name_is_kept_only_when_the_donor_asks_to_show_it(give, ad):
    give(ad, display_name="Noor")
    give(ad, display_name="Sem", show_name="on")
    assert list(Hold.objects.order_by("pk").values_list("display_name", flat=True)) == ["", "Sem"]


def test_a_name_with_control_characters_is_refused(give, ad):
    assert give(ad, display_name="No\x07or", show_name="on").status_code == 400


def test_when_stripe_cannot_be_reached_the_hold_is_released(give, ad, english_ad, fake_stripe):
    fake_stripe.unreachable = True
    response = give(english_ad, "en")
    assert response.status_code == 502 and "Nothing was charged" in response.content.decode()
    assert Hold.objects.get().status == HoldStatus.CANCELLED
    assert AdLedger.objects.get(ad_key=ad.ad_key).held_units == 0


def test_when_stripe_refuses_the_hold_is_released(give, ad, fake_stripe):
    fake_stripe.fail_with = (400, "Invalid locale")
    assert give(ad).status_code == 502
    assert AdLedger.objects.get(ad_key=ad.ad_key).held_units == 0


def test_one_ip_address_cannot_reserve_the_ad_away(give, ad):
    settings = DonationSettings.load()
    settings.holds_per_ip_per_hour = 2
    settings.save()
    assert [give(ad, choice="1").status_code for _ in range(3)] == [303, 303, 429]
    assert Hold.objects.count() == 2


def test_without_a_stripe_key_or_demo_payments_giving_is_unavailable(give, ad, settings):
    settings.STRIPE_SECRET_KEY = ""
    assert give(ad).status_code == 503 and not Hold.objects.exists()


def test_the_gift_form_page_works_without_the_campaign_page(client, ad):
    response = client.get(give_url(ad))
    assert response.status_code == 200
    assert f'action="{give_url(ad)}"' in response.content.decode()
