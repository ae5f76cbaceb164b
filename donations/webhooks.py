"""Stripe webhook events, after their signature was verified (views.stripe_webhook).

Each event is recorded by its id (`StripeEvent`): a redelivery of a processed event is answered
without doing anything. Two deliveries of the same event at the same moment may both run its
handler; every handler is idempotent (fulfilment.py), so the effect is still applied once. Events
may come in any order: each handler looks at the hold's and the donation's state, never at which
event came before.
"""

import datetime
import json
import logging

import stripe
from django.db import IntegrityError
from django.db.models import F
from django.utils import timezone

from . import fulfilment
from .models import StripeEvent

logger = logging.getLogger(__name__)


def checkout_completed(session):
    # Paid now (card, iDEAL) → credited; completed but unpaid (an async method) → kept on hold.
    return fulfilment.fulfil_checkout_session(session).outcome


def async_payment_succeeded(session):
    return fulfilment.fulfil_checkout_session(session).outcome


def async_payment_failed(session):
    return fulfilment.fail_checkout_session(session)


def checkout_expired(session):
    return fulfilment.expire_checkout_session(session)


def charge_refunded(charge):
    return fulfilment.record_refund(charge.get("payment_intent") or "", int(charge.get("amount_refunded") or 0))


HANDLERS = {
    "checkout.session.completed": checkout_completed,
    "checkout.session.async_payment_succeeded": async_payment_succeeded,
    "checkout.session.async_payment_failed": async_payment_failed,
    "checkout.session.expired": checkout_expired,
    "charge.refunded": charge_refunded,
}


# Other apps' events (giving's gifts and subscriptions): a router registered from an AppConfig.ready takes the
# whole event and returns an outcome, or None for an event that is not its own. Routers are asked first.
ROUTERS = []


def register_router(router):
    if router not in ROUTERS:
        ROUTERS.append(router)


class NotAnEvent(ValueError):
    """A body with a valid signature that is not a Stripe event: answered 400 with this reason."""


def verified_event(payload, header, secret):
    """The event in a webhook body, as a dict of Stripe's shape, once its signature is checked (5 minutes'
    tolerance). Raises stripe.SignatureVerificationError (or ValueError) for a bad signature, and NotAnEvent
    for a signed body that is not an event, before anything is written."""
    stripe.WebhookSignature.verify_header(payload, header, secret, stripe.Webhook.DEFAULT_TOLERANCE)
    try:
        event = json.loads(payload)
    except ValueError as error:
        raise NotAnEvent("the body is not JSON") from error
    if not isinstance(event, dict) or event.get("object") != "event":
        raise NotAnEvent("the body is not an event object")
    if not isinstance(event.get("id"), str) or not event["id"]:
        raise NotAnEvent("the event has no id")
    if not isinstance(event.get("type"), str):
        raise NotAnEvent("the event has no type")
    if not isinstance(event.get("data"), dict) or not isinstance(event["data"].get("object"), dict):
        raise NotAnEvent("the event's data is not an object")
    if "created" in event and _created(event) is None:
        raise NotAnEvent("the event's creation time is not a timestamp")
    return event


def _created(event):
    created = event.get("created")
    if not isinstance(created, int) or isinstance(created, bool):
        return None
    try:
        return datetime.datetime.fromtimestamp(created, tz=datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def record(event):
    """The event's row, created on first delivery; (row, first delivery?)."""
    obj = (event.get("data") or {}).get("object") or {}
    defaults = {
        "type": str(event.get("type", ""))[:100],
        "object_id": str(obj.get("id", ""))[:255],
        "livemode": bool(event.get("livemode")),
        "created": _created(event),
    }
    try:
        row, created = StripeEvent.objects.get_or_create(event_id=event["id"], defaults=defaults)
    except IntegrityError:  # a concurrent first delivery inserted it
        row, created = StripeEvent.objects.get(event_id=event["id"]), False
    if not created:
        StripeEvent.objects.filter(pk=row.pk).update(deliveries=F("deliveries") + 1)
    return row, created


def handle_event(event):
    """Process one verified event (a dict of Stripe's shape); returns the outcome as a short word."""
    row, _first = record(event)
    if row.processed_at is not None:
        return "duplicate"
    outcome = next((outcome for router in ROUTERS if (outcome := router(event)) is not None), None)
    if outcome is None:
        handler = HANDLERS.get(event.get("type"))
        outcome = handler((event.get("data") or {}).get("object") or {}) if handler else "ignored"
    StripeEvent.objects.filter(pk=row.pk, processed_at__isnull=True).update(
        processed_at=timezone.now(), outcome=outcome[:40]
    )
    return outcome
