"""Generated bad input for the donation endpoints (values from tests/hostile.py): no 5xx, and a refused gift
or webhook writes no row."""

import json
from urllib.parse import quote_from_bytes

import pytest
import stripe
from hypothesis import given
from hypothesis import strategies as st

from donations.models import Hold, StripeEvent
from tests.hostile import WRONG_BODIES, WRONG_METHODS, hostile, hostile_bytes, no_server_error, post_form, query

from .conftest import WEBHOOK_SECRET, WEBHOOK_URL, gift, give_url, hold_for

pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")

FIELDS = ["choice", "amount", "cells", "display_name", "show_name", "email", "consent"]


def valid():
    return {name: str(value).encode() for name, value in gift().items()}


def post_and_check(client, url, values):
    before = Hold.objects.count()
    response = no_server_error(post_form(client, url, values), values)
    if response.status_code >= 400:
        assert Hold.objects.count() == before, f"a refused gift ({response.status_code}) wrote a hold"
    return response


@hostile
@given(field=st.sampled_from([*FIELDS, "unexpected"]), value=hostile_bytes, language=st.sampled_from(["nl", "en"]))
def test_one_hostile_field_in_the_gift_form(client, ad, field, value, language):
    post_and_check(client, give_url(ad, language), {**valid(), field: value})


@hostile
@given(values=st.fixed_dictionaries({name: hostile_bytes for name in FIELDS}))
def test_every_field_of_the_gift_form_hostile(client, ad, values):
    post_and_check(client, give_url(ad), values)


@pytest.mark.parametrize("content_type, body", WRONG_BODIES)
def test_the_gift_form_with_a_wrong_content_type(client, ad, content_type, body):
    response = no_server_error(client.generic("POST", give_url(ad), body, content_type=content_type))
    assert response.status_code == 400
    assert not Hold.objects.exists()


@pytest.mark.parametrize("method", WRONG_METHODS)
def test_giving_and_the_webhook_with_a_wrong_method(client, ad, method):
    assert client.generic(method, give_url(ad), b"choice=1").status_code == 405
    assert client.generic(method, WEBHOOK_URL, b"{}").status_code == 405


@hostile
@given(token=hostile_bytes, session_id=hostile_bytes, action=hostile_bytes, language=st.sampled_from(["nl", "en"]))
def test_hostile_tokens_on_the_return_pages(client, ad, demo_payments, token, session_id, action, language):
    segment = quote_from_bytes(token, safe="")
    for url in [
        f"/{language}/donations/thanks/{segment}/?{query({'session_id': session_id})}",
        f"/{language}/donations/cancelled/{segment}/",
        f"/{language}/donations/demo-checkout/{segment}/",
        f"/{language}/donations/{segment}/give/",
        f"/donations/{segment}/canvas.json",
    ]:
        no_server_error(client.get(url), url)
    no_server_error(post_form(client, f"/{language}/donations/demo-checkout/{segment}/", {"action": action}))


@hostile
@given(session_id=hostile_bytes, action=hostile_bytes)
def test_a_real_hold_with_a_hostile_session_id_and_action(client, ad, demo_payments, session_id, action):
    from donations.tokens import hold_token

    hold = hold_for(ad, cm2=1, provider="demo")
    token = hold_token(hold)
    no_server_error(client.get(f"/nl/donations/thanks/{token}/?{query({'session_id': session_id})}"))
    no_server_error(post_form(client, f"/nl/donations/demo-checkout/{token}/", {"action": action}))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
event_like = st.fixed_dictionaries(
    {"object": st.just("event")},
    optional={
        "id": json_values | st.just("evt_1"),
        "type": json_values | st.sampled_from(["checkout.session.completed", "charge.refunded"]),
        "created": json_values | st.integers(min_value=-(10**30), max_value=10**30),
        "data": json_values | st.fixed_dictionaries({"object": json_values}),
        "livemode": json_values,
    },
)


@hostile
@given(body=json_values | event_like)
def test_a_signed_webhook_body_of_any_shape(client, db, body):
    payload = json.dumps(body)
    header = stripe.WebhookSignature.generate_signature_header(payload, WEBHOOK_SECRET)
    before = StripeEvent.objects.count()
    response = no_server_error(
        client.post(WEBHOOK_URL, data=payload, content_type="application/json", headers={"Stripe-Signature": header}),
        payload,
    )
    if response.status_code != 200:
        assert StripeEvent.objects.count() == before


@hostile
@given(body=hostile_bytes, header=hostile_bytes)
def test_an_unsigned_webhook_body_of_any_bytes(client, db, body, header):
    response = client.generic(
        "POST", WEBHOOK_URL, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header.decode("latin-1")
    )
    assert no_server_error(response).status_code == 400
    assert not StripeEvent.objects.exists()


@pytest.mark.parametrize("content_type, body", WRONG_BODIES)
def test_the_webhook_with_a_wrong_content_type(client, db, content_type, body):
    assert no_server_error(client.generic("POST", WEBHOOK_URL, body, content_type=content_type)).status_code == 400
