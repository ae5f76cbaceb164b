"""Checkout for gifts beyond the ad: the same two providers as the ad (donations/payments.py), extended.

One-off: Checkout `mode=payment`, iDEAL first. Monthly: `mode=subscription` at a price per amount, looked
up by its lookup key or created once (idempotency key), paid first by iDEAL, Bancontact or card; the first
two leave a SEPA Direct Debit mandate for the months after. Both in the donor's language. The demo
provider answers with Stripe-shaped dicts that the same fulfilment functions read.
"""

import hashlib

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from donations.payments import (
    CURRENCY,
    PaymentError,
    PaymentUnavailable,
    StripeProvider,
    demo_payments_allowed,
    stripe_client,
)

from .tokens import return_token

ONE_OFF_METHODS = ["ideal", "card", "bancontact"]
MONTHLY_METHODS = ["ideal", "bancontact", "sepa_debit", "card"]

__all__ = ["PaymentError", "PaymentUnavailable", "checkout_provider", "provider_for"]


def checkout_provider():
    if settings.STRIPE_SECRET_KEY:
        return StripeGiving()
    if demo_payments_allowed():
        return DemoGiving()
    raise PaymentUnavailable("no STRIPE_SECRET_KEY and demo payments are not allowed")


def provider_for(row):
    return DemoGiving() if row.provider == DemoGiving.name else StripeGiving()


def return_urls(row):
    with translation.override(row.language):
        success = reverse("giving:thanks", args=[return_token(row)])
        cancel = reverse("giving:cancelled", args=[return_token(row)])
    return f"{settings.SITE_URL}{success}", f"{settings.SITE_URL}{cancel}"


def price_lookup_key(amount_cents):
    return f"giving-monthly-{CURRENCY}-{amount_cents}"


def product_name(language, monthly):
    with translation.override(language):
        return translation.gettext("Monthly gift") if monthly else translation.gettext("Gift")


class StripeGiving(StripeProvider):
    name = "stripe"

    def create_gift_session(self, gift):
        success_url, cancel_url = return_urls(gift)
        metadata = {"gift": str(gift.token)}
        params = {
            "mode": "payment",
            "submit_type": "donate",
            "payment_method_types": ONE_OFF_METHODS,
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": CURRENCY,
                        "unit_amount": gift.amount_cents,
                        "product_data": {"name": product_name(gift.language, False)},
                    },
                }
            ],
            # A customer, so that "make it monthly" can start a subscription for the same donor.
            "customer_creation": "always",
            "customer_email": gift.email,
            "client_reference_id": str(gift.token),
            "metadata": metadata,
            "payment_intent_data": {"metadata": metadata},
            "locale": gift.language,
            "success_url": success_url,
            "cancel_url": cancel_url,
        }
        create = stripe_client().v1.checkout.sessions.create
        return self._call(create, params, {"idempotency_key": f"gift-{gift.token}"}).to_dict()

    def monthly_price(self, amount_cents, language):
        """The id of the monthly price for this amount: found by its lookup key, or created once."""
        key = price_lookup_key(amount_cents)
        client = stripe_client()
        found = self._call(client.v1.prices.list, {"lookup_keys": [key], "active": True, "limit": 1}).to_dict()
        if found.get("data"):
            return found["data"][0]["id"]
        params = {
            "currency": CURRENCY,
            "unit_amount": amount_cents,
            "recurring": {"interval": "month"},
            "lookup_key": key,
            "product_data": {"name": product_name("nl", True)},
        }
        return self._call(client.v1.prices.create, params, {"idempotency_key": f"price-{key}"}).to_dict()["id"]

    def create_monthly_session(self, monthly):
        success_url, cancel_url = return_urls(monthly)
        metadata = {"monthly_gift": str(monthly.token)}
        params = {
            "mode": "subscription",
            "payment_method_types": MONTHLY_METHODS,
            "line_items": [{"price": self.monthly_price(monthly.amount_cents, monthly.language), "quantity": 1}],
            "client_reference_id": str(monthly.token),
            "metadata": metadata,
            "subscription_data": {"metadata": metadata},
            "locale": monthly.language,
            "success_url": success_url,
            "cancel_url": cancel_url,
        }
        if monthly.customer_id:  # "make it monthly": the donor of the one-off gift
            params["customer"] = monthly.customer_id
        else:
            params["customer_email"] = monthly.email
        create = stripe_client().v1.checkout.sessions.create
        return self._call(create, params, {"idempotency_key": f"monthly-{monthly.token}"}).to_dict()

    def portal_url(self, customer_id, language, return_url):
        params = {"customer": customer_id, "locale": language, "return_url": return_url}
        return self._call(stripe_client().v1.billing_portal.sessions.create, params).to_dict()["url"]


class DemoGiving:
    """The local stand-in: checkout and the customer portal are clearly labelled pages on this site."""

    name = "demo"

    def create_gift_session(self, gift):
        return {"id": f"cs_demo_{gift.token.hex}", "url": self._checkout_url(gift)}

    def create_monthly_session(self, monthly):
        return {"id": f"cs_demo_{monthly.token.hex}", "url": self._checkout_url(monthly)}

    @staticmethod
    def _checkout_url(row):
        with translation.override(row.language):
            return reverse("giving:demo_checkout", args=[return_token(row)])

    @staticmethod
    def customer_id(email):
        return "cus_demo_" + hashlib.sha256(email.lower().encode()).hexdigest()[:16]

    def portal_url(self, customer_id, language, return_url):
        from .tokens import manage_token

        with translation.override(language):
            return reverse("giving:demo_portal", args=[manage_token(customer_id)])
