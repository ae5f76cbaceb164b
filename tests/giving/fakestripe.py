"""The ad's fake Stripe (tests/donations/fakestripe.py), extended with what monthly gifts use: prices
(looked up by lookup key, created once), subscription Checkout Sessions, the customer portal, and helpers
that build invoices and subscriptions in Stripe's shape as the webhook receives them."""

import secrets
import time

from tests.donations.fakestripe import FakeStripe, _error


class GivingFakeStripe(FakeStripe):
    def __init__(self):
        super().__init__()
        self.prices = {}
        self.portal_sessions = []
        self.subscriptions = {}
        self.invoices = {}

    def route(self, method, path, params):
        segments = path.strip("/").split("/")[1:]
        if segments == ["prices"]:
            return (200, self.create_price(params)) if method == "post" else (200, self.list_prices(params))
        if segments == ["billing_portal", "sessions"] and method == "post":
            return self.create_portal_session(params)
        if segments[:1] == ["subscriptions"] and len(segments) == 2 and method == "get":
            found = self.subscriptions.get(segments[1])
            if found is None:
                return _error(404, f"No such subscription: '{segments[1]}'", "resource_missing", "id")
            return 200, dict(found)
        if segments == ["invoices"] and method == "get":
            found = [
                i
                for i in self.invoices.values()
                if self._subscription_of(i) == params.get("subscription")
                and i["status"] == params.get("status", i["status"])
            ]
            return 200, {"object": "list", "data": found, "has_more": False, "url": "/v1/invoices"}
        return super().route(method, path, params)

    def create_price(self, params):
        if params.get("lookup_key") in {p["lookup_key"] for p in self.prices.values()}:
            return _error(400, "A price with this lookup_key already exists.", "lookup_key_exists")[1]
        price_id = self._id("price")
        self.prices[price_id] = {
            "id": price_id,
            "object": "price",
            "active": True,
            "currency": params["currency"],
            "unit_amount": int(params["unit_amount"]),
            "lookup_key": params.get("lookup_key"),
            "recurring": {"interval": params["recurring"]["interval"], "interval_count": 1},
            "product": self._id("prod"),
            "type": "recurring",
        }
        return self.prices[price_id]

    def list_prices(self, params):
        keys = params.get("lookup_keys") or []
        found = [p for p in self.prices.values() if p["lookup_key"] in keys and p["active"]]
        return {"object": "list", "data": found, "has_more": False, "url": "/v1/prices"}

    def create_session(self, params):
        fake = {"expires_at": int(time.time()) + 86400, **params}  # Stripe's default: 24 hours
        if params.get("mode") == "subscription":
            price = self.prices[params["line_items"][0]["price"]]
            fake["line_items"] = [
                {"quantity": 1, "price_data": {"currency": price["currency"], "unit_amount": price["unit_amount"]}}
            ]
        session = super().create_session(fake)
        self.sessions[session["id"]].update(
            customer=params.get("customer"),
            customer_creation=params.get("customer_creation", "if_required"),
            _subscription_data=params.get("subscription_data") or {},
        )
        return self.public(self.sessions[session["id"]])

    def pay(self, session_id, method="ideal", paid=True):
        """As the ad's, and the customer Stripe creates when the session asked for one."""
        session = self.sessions[session_id]
        if session["customer_creation"] == "always" and not session["customer"]:
            session["customer"] = self._id("cus")
        return super().pay(session_id, method=method, paid=paid)

    def create_portal_session(self, params):
        if params.get("customer", "").startswith("cus_") is False:
            return _error(400, "No such customer", "resource_missing", "customer")
        session = {
            "id": self._id("bps"),
            "object": "billing_portal.session",
            "customer": params["customer"],
            "locale": params.get("locale"),
            "return_url": params.get("return_url"),
            "url": f"https://billing.stripe.com/p/session/test_{secrets.token_hex(10)}",
        }
        self.portal_sessions.append(session)
        return 200, session

    # --- what happens at Stripe after a subscription checkout (test helpers) ---------------------------

    def subscribe(self, session_id):
        """The donor completes a subscription checkout: a customer and an active subscription."""
        session = self.sessions[session_id]
        subscription_id = self._id("sub")
        customer = session.get("customer") or self._id("cus")
        self.subscriptions[subscription_id] = {
            "id": subscription_id,
            "object": "subscription",
            "customer": customer,
            "status": "active",
            "metadata": dict((session.get("_subscription_data") or {}).get("metadata") or session["metadata"]),
            "items": {
                "object": "list",
                "data": [{"price": {"unit_amount": session["amount_total"], "currency": "eur"}, "quantity": 1}],
            },
            "canceled_at": None,
        }
        session.update(status="complete", payment_status="paid", subscription=subscription_id, customer=customer)
        return self.public(session)

    def invoice(self, subscription_id, amount=None, attempt=1, paid=True):
        subscription = self.subscriptions[subscription_id]
        amount = amount if amount is not None else subscription["items"]["data"][0]["price"]["unit_amount"]
        invoice = {
            "id": self._id("in"),
            "object": "invoice",
            "amount_due": amount,
            "amount_paid": amount if paid else 0,
            "attempt_count": attempt,
            "currency": "eur",
            "customer": subscription["customer"],
            "parent": {
                "type": "subscription_details",
                "subscription_details": {"subscription": subscription_id, "metadata": subscription["metadata"]},
            },
            "payments": {"data": [{"payment": {"type": "payment_intent", "payment_intent": self._id("pi")}}]},
            "status": "paid" if paid else "open",
            "status_transitions": {"paid_at": int(time.time()) if paid else None},
        }
        self.invoices[invoice["id"]] = invoice
        return dict(invoice)

    @staticmethod
    def _subscription_of(invoice):
        return invoice["parent"]["subscription_details"]["subscription"]

    def subscription(self, subscription_id, **changes):
        subscription = self.subscriptions[subscription_id]
        subscription.update(changes)
        return dict(subscription)
