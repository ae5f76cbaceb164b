"""Stripe webhook events, after their signature was verified (views.stripe_webhook).

Each event is recorded by its id (`StripeEvent`): a redelivery of a processed event is answered
without doing anything. Two deliveries of the same event at the same moment may both run its
handler; every handler is idempotent (fulfilment.py), so the effect is still applied once. Events
may come in any order: each handler looks at the hold's and the donation's state, never at which
event came before.
"""

import datetime
import logging

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


def _created(event):
    try:
        return datetime.datetime.fromtimestamp(int(event["created"]), tz=datetime.UTC)
    except (KeyError, TypeError, ValueError):
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
    handler = HANDLERS.get(event.get("type"))
    outcome = handler((event.get("data") or {}).get("object") or {}) if handler else "ignored"
    StripeEvent.objects.filter(pk=row.pk, processed_at__isnull=True).update(
        processed_at=timezone.now(), outcome=outcome[:40]
    )
    return outcome
