"""The checkout workflow around a hold: start it at the payment provider, and settle it when it ends
without a payment event (expiry, the donor's "back" button).

Settling never trusts the clock alone: before a hold is released, the checkout's real state is
fetched from the provider. Paid → fulfilled; completed but not yet paid (a bank app still working)
→ kept on hold; still open → expired at Stripe first, so it cannot be paid after we let go.
"""

import datetime
import logging

from django.utils import timezone

from .fulfilment import fulfil_checkout_session
from .holds import end_hold, mark_processing
from .models import Hold, HoldStatus
from .payments import PaymentError, is_paid, provider_for

logger = logging.getLogger(__name__)


def start_checkout(hold, ad, provider):
    """Create the hold's Checkout Session; returns the URL to send the donor to.

    Raises PaymentError after releasing the hold, so a failed checkout never keeps area reserved.
    """
    try:
        session = provider.create_checkout_session(hold, ad)
    except PaymentError:
        end_hold(hold.pk, HoldStatus.CANCELLED)
        raise
    Hold.objects.filter(pk=hold.pk).update(checkout_session_id=session["id"], checkout_url=session["url"] or "")
    hold.checkout_session_id, hold.checkout_url = session["id"], session["url"] or ""
    return hold.checkout_url


def settle_hold(hold_id, status=HoldStatus.EXPIRED):
    """End a hold unless its checkout was paid or is still being paid; returns what happened."""
    hold = Hold.objects.filter(pk=hold_id).first()
    if hold is None or not hold.is_holding:
        return "already_ended"
    if not hold.checkout_session_id:
        return "released" if end_hold(hold.pk, status) else "already_ended"
    provider = provider_for(hold)
    session = provider.retrieve_session(hold.checkout_session_id)
    if session.get("status") == "open":
        try:
            session = provider.expire_session(hold.checkout_session_id)
        except PaymentError:  # completed in the meantime: look again
            session = provider.retrieve_session(hold.checkout_session_id)
    if is_paid(session):
        return fulfil_checkout_session(session).outcome
    if session.get("status") == "complete":
        mark_processing(hold.pk)
        if hold.expires_at < timezone.now() - datetime.timedelta(days=3):
            logger.warning("hold %s: payment still processing after three days", hold.token)
        return "processing"
    return "released" if end_hold(hold.pk, status) else "already_ended"
