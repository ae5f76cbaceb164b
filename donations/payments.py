"""The payment providers: Stripe Checkout, and a local demo that stands in for it in development.

Both hand back Checkout Sessions as plain dicts of Stripe's shape, so fulfilment cannot tell them
apart. Stripe is reached only through stripe-python's `StripeClient`; tests replace its HTTP layer
(`HTTP_CLIENT`) with fixtures shaped like Stripe's responses, so no test opens a socket.

The demo provider is used only when no Stripe key is set *and* the settings allow it
(`DEMO_PAYMENTS_ALLOWED`, on in dev); production settings refuse to start without a Stripe key.
"""

import logging

import stripe
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .area import format_cm2
from .tokens import hold_token

logger = logging.getLogger(__name__)

# iDEAL first (most Dutch donors pay with it), then cards and Bancontact; all settle immediately or
# within minutes, so no hold waits days for a bank (SEPA Direct Debit would).
PAYMENT_METHOD_TYPES = ["ideal", "card", "bancontact"]
CURRENCY = "eur"
# Tests put a fake transport here; None means stripe-python's own HTTP client.
HTTP_CLIENT = None
MAX_NETWORK_RETRIES = 2  # safe: every create carries an idempotency key
LIST_PAGE_SIZE = 100  # Stripe's maximum


class PaymentError(Exception):
    """The payment provider could not be reached or refused the request."""


class PaymentUnavailable(PaymentError):
    """No provider is configured (no Stripe key, demo payments not allowed)."""


def is_paid(session):
    return session.get("payment_status") in ("paid", "no_payment_required")


def demo_payments_allowed():
    return not settings.STRIPE_SECRET_KEY and getattr(settings, "DEMO_PAYMENTS_ALLOWED", False)


def checkout_provider():
    """The provider new checkouts go to."""
    if settings.STRIPE_SECRET_KEY:
        return StripeProvider()
    if demo_payments_allowed():
        return DemoProvider()
    raise PaymentUnavailable("no STRIPE_SECRET_KEY and demo payments are not allowed")


def provider_for(hold):
    """The provider that holds this hold's checkout (a demo hold stays a demo hold)."""
    return DemoProvider() if hold.provider == DemoProvider.name else StripeProvider()


def return_urls(hold):
    """Absolute success and cancel URLs in the donor's language."""
    token = hold_token(hold)
    with translation.override(hold.language):
        success = reverse("donations:thanks", args=[token])
        cancel = reverse("donations:cancelled", args=[token])
    # {CHECKOUT_SESSION_ID} is filled in by Stripe; the thanks page checks it belongs to the hold.
    return f"{settings.SITE_URL}{success}?session_id={{CHECKOUT_SESSION_ID}}", f"{settings.SITE_URL}{cancel}"


def line_item_name(hold, ad):
    with translation.override(hold.language):
        return translation.gettext("%(title)s: %(cm2)s cm²") % {"title": ad.title, "cm2": format_cm2(hold.units)}


def hold_metadata(hold):
    return {"hold": str(hold.token), "ad_key": str(hold.ad_key), "units": str(hold.units)}


def stripe_client():
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY, http_client=HTTP_CLIENT, max_network_retries=MAX_NETWORK_RETRIES
    )


class StripeProvider:
    name = "stripe"

    def _call(self, method, *args):
        try:
            result = method(*args)
        except stripe.StripeError as error:
            logger.warning("Stripe refused or failed: %s", error)
            raise PaymentError(str(error)) from error
        return result

    def create_checkout_session(self, hold, ad):
        success_url, cancel_url = return_urls(hold)
        name = line_item_name(hold, ad)
        params = {
            "mode": "payment",
            "submit_type": "donate",
            "payment_method_types": PAYMENT_METHOD_TYPES,
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": CURRENCY,
                        "unit_amount": hold.amount_cents,
                        "product_data": {"name": name},
                    },
                }
            ],
            "customer_email": hold.email,
            "client_reference_id": str(hold.token),
            "metadata": hold_metadata(hold),
            "payment_intent_data": {"metadata": hold_metadata(hold), "description": name},
            "locale": hold.language,
            "success_url": success_url,
            "cancel_url": cancel_url,
            "expires_at": int(hold.expires_at.timestamp()),
        }
        # The key is derived from the hold: a retried request (ours or stripe-python's) returns the
        # same session instead of a second one. The hold's UUID, not its row id, so that keys never
        # repeat across databases that share a Stripe account (test mode, a restored backup).
        session = self._call(
            stripe_client().v1.checkout.sessions.create, params, {"idempotency_key": f"hold-{hold.token}"}
        )
        return session.to_dict()

    def retrieve_session(self, session_id):
        return self._call(stripe_client().v1.checkout.sessions.retrieve, session_id).to_dict()

    def expire_session(self, session_id):
        return self._call(stripe_client().v1.checkout.sessions.expire, session_id).to_dict()

    def payment_method(self, payment_intent_id):
        intent = self._call(
            stripe_client().v1.payment_intents.retrieve, payment_intent_id, {"expand": ["payment_method"]}
        ).to_dict()
        method = intent.get("payment_method")
        if isinstance(method, dict):
            return method.get("type", "")
        types = intent.get("payment_method_types") or []
        return types[0] if len(types) == 1 else ""

    def paid_sessions(self, since):
        """Every paid Checkout Session created since `since` (auto-paginated)."""
        params = {"created": {"gte": int(since.timestamp())}, "status": "complete", "limit": LIST_PAGE_SIZE}
        sessions = self._call(stripe_client().v1.checkout.sessions.list, params)
        try:
            for session in sessions.auto_paging_iter():
                session = session.to_dict()
                if is_paid(session):
                    yield session
        except stripe.StripeError as error:
            raise PaymentError(str(error)) from error


class DemoProvider:
    """A local stand-in for Stripe Checkout: the "checkout" is a clearly labelled page on this site.

    Sessions are not stored anywhere of their own: their state is read from the hold (and its
    donation), in Stripe's shape, so the same fulfilment code runs as with Stripe.
    """

    name = "demo"

    def create_checkout_session(self, hold, ad):
        with translation.override(hold.language):
            url = reverse("donations:demo_checkout", args=[hold_token(hold)])
        return self.session(hold, status="open", payment_status="unpaid", url=url)

    def _hold(self, session_id):
        from .models import Hold

        hold = Hold.objects.filter(checkout_session_id=session_id).first()
        if hold is None:
            raise PaymentError(f"no such demo session: {session_id}")
        return hold

    def retrieve_session(self, session_id):
        from .models import Donation, HoldStatus

        hold = self._hold(session_id)
        if Donation.objects.filter(checkout_session_id=session_id).exists():
            return self.session(hold, status="complete", payment_status="paid")
        if hold.status in (HoldStatus.FAILED, HoldStatus.PROCESSING):
            return self.session(hold, status="complete", payment_status="unpaid")
        if hold.status in (HoldStatus.EXPIRED, HoldStatus.CANCELLED):
            return self.session(hold, status="expired", payment_status="unpaid")
        return self.session(hold, status="open", payment_status="unpaid")

    def expire_session(self, session_id):
        session = self.retrieve_session(session_id)
        if session["status"] != "open":
            raise PaymentError('Only Checkout Sessions with a status in ["open"] can be expired.')
        return {**session, "status": "expired"}

    def payment_method(self, payment_intent_id):
        return "demo"

    def paid_sessions(self, since):
        from .models import Donation, Hold

        for session_id in Donation.objects.filter(
            paid_at__gte=since, checkout_session_id__startswith="cs_demo_"
        ).values_list("checkout_session_id", flat=True):
            yield self.session(
                Hold.objects.get(checkout_session_id=session_id), status="complete", payment_status="paid"
            )

    @staticmethod
    def session_id(hold):
        return f"cs_demo_{hold.token.hex}"

    def session(self, hold, *, status, payment_status, url=None):
        complete = status == "complete"
        return {
            "id": hold.checkout_session_id or self.session_id(hold),
            "object": "checkout.session",
            "amount_subtotal": hold.amount_cents,
            "amount_total": hold.amount_cents,
            "client_reference_id": str(hold.token),
            "created": int(hold.created_at.timestamp()),
            "currency": CURRENCY,
            "customer_details": {"email": hold.email} if complete else None,
            "customer_email": hold.email,
            "expires_at": int(hold.expires_at.timestamp()),
            "livemode": False,
            "locale": hold.language,
            "metadata": hold_metadata(hold),
            "mode": "payment",
            "payment_intent": f"pi_demo_{hold.token.hex}" if complete else None,
            "payment_method_types": ["demo"],
            "payment_status": payment_status,
            "status": status,
            "url": url,
        }

    def paid_session(self, hold):
        """The session as Stripe would report it after a successful payment (the demo page's "Pay")."""
        return self.session(hold, status="complete", payment_status="paid")
