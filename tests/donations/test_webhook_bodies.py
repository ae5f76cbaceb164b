"""Webhook bodies with a valid signature that are not a Stripe event: a 400 with a reason, nothing written."""

import pytest

from donations.models import Donation, StripeEvent

from .fakestripe import event

pytestmark = pytest.mark.django_db


def well_formed(**changes):
    body = event("checkout.session.completed", {"id": "cs_test_1", "object": "checkout.session"})
    body.update(changes)
    return {key: value for key, value in body.items() if value is not ...}


@pytest.mark.parametrize(
    "body",
    [
        [],
        None,
        42,
        "evt_1",
        {},
        well_formed(id=...),
        well_formed(id=["evt_1"]),
        well_formed(data="not an object"),
        well_formed(data={"object": 42}),
        well_formed(data=[]),
        well_formed(type=["checkout.session.completed"]),
        well_formed(created=10**30),
        well_formed(created=-(10**30)),
        well_formed(created="yesterday"),
    ],
    ids=[
        "list",
        "null",
        "number",
        "string",
        "empty-object",
        "no-id",
        "list-id",
        "string-data",
        "number-object",
        "list-data",
        "list-type",
        "huge-created",
        "huge-negative-created",
        "text-created",
    ],
)
def test_a_signed_body_that_is_not_an_event_gets_400_and_writes_nothing(post_event, body):
    response = post_event(body)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "not a Stripe event" in response.content.decode()
    assert not StripeEvent.objects.exists() and not Donation.objects.exists()


def test_a_signed_body_that_is_not_json_gets_400(client, db):
    from .conftest import WEBHOOK_SECRET, WEBHOOK_URL
    from .fakestripe import signature

    payload = "\xff{not json"
    response = client.post(
        WEBHOOK_URL,
        data=payload,
        content_type="application/json",
        headers={"Stripe-Signature": signature(payload, WEBHOOK_SECRET)},
    )
    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_a_well_formed_event_of_another_type_is_still_recorded(post_event):
    response = post_event(well_formed(type="customer.created", data={"object": {"id": "cus_1"}}))
    assert response.status_code == 200
    assert StripeEvent.objects.get().object_id == "cus_1"
