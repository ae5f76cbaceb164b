"""An in-memory Stripe behind stripe-python's HTTP layer: no test opens a socket to Stripe.

`FakeStripe` is a `stripe.HTTPClient`: stripe-python builds and signs requests as usual and hands them
here instead of to the network. It answers the calls the app makes (create, retrieve, expire and list
Checkout Sessions; retrieve a PaymentIntent) with JSON in the shape of Stripe's API responses, keeps
the state a real account would (idempotency keys included), and records every request so tests can
look at what was sent. Helpers build Events in Stripe's shape for webhook tests.
"""

import itertools
import json
import secrets
import threading
import time
from urllib.parse import parse_qsl, urlsplit

import stripe

API_VERSION = stripe.api_version


def _error(status, message, code=None, param=None, error_type="invalid_request_error"):
    body = {"error": {"message": message, "type": error_type}}
    if code:
        body["error"]["code"] = code
    if param:
        body["error"]["param"] = param
    return status, body


def nested(pairs):
    """Stripe's form encoding (`metadata[hold]=…`, `line_items[0][price_data][currency]=eur`) as dicts/lists."""
    root = {}
    for key, value in pairs:
        parts = key.replace("]", "").split("[")
        node = root
        for part, following in zip(parts, parts[1:] + [None], strict=True):
            if following is None:
                node[part] = value
            else:
                node = node.setdefault(part, {})
    return _lists(root)


def _lists(node):
    if isinstance(node, dict):
        if node and all(key.isdigit() for key in node):
            return [_lists(node[key]) for key in sorted(node, key=int)]
        return {key: _lists(value) for key, value in node.items()}
    return node


class FakeStripe(stripe.HTTPClient):
    name = "fake-stripe"

    def __init__(self):
        super().__init__()
        self._lock = threading.RLock()
        self._counter = itertools.count(1)
        self.requests = []
        self.sessions = {}
        self.payment_intents = {}
        self.idempotent = {}
        self.fail_with = None  # (status, message): the next request gets this error
        self.unreachable = False  # every request fails as if the network were down

    # --- transport ----------------------------------------------------------------------------------

    def request(self, method, url, headers, post_data=None, *, _usage=None):
        if self.unreachable:
            raise stripe.APIConnectionError("Could not connect to Stripe (fake network down)")
        parts = urlsplit(url)
        params = nested(parse_qsl(post_data or parts.query, keep_blank_values=True))
        with self._lock:
            self.requests.append({"method": method, "path": parts.path, "params": params, "headers": dict(headers)})
            if self.fail_with:
                status, message = self.fail_with
                self.fail_with = None
                status, body = _error(
                    status, message, error_type="api_error" if status >= 500 else "invalid_request_error"
                )
            else:
                key = headers.get("Idempotency-Key")
                if method == "post" and key and key in self.idempotent:
                    status, body = self.idempotent[key]
                else:
                    status, body = self.route(method, parts.path, params)
                    if method == "post" and key:
                        self.idempotent[key] = (status, body)
        return json.dumps(body), status, {"request-id": f"req_{secrets.token_hex(7)}"}

    def close(self):
        pass

    def route(self, method, path, params):
        segments = path.strip("/").split("/")[1:]  # drop "v1"
        if segments == ["checkout", "sessions"]:
            return (200, self.create_session(params)) if method == "post" else (200, self.list_sessions(params))
        if segments[:2] == ["checkout", "sessions"] and len(segments) == 3 and method == "get":
            session = self.sessions.get(segments[2])
            return (
                (200, session)
                if session
                else _error(404, f"No such checkout.session: '{segments[2]}'", "resource_missing", "session")
            )
        if segments[:2] == ["checkout", "sessions"] and segments[3:] == ["expire"]:
            return self.expire_session(segments[2])
        if segments[:1] == ["payment_intents"] and len(segments) == 2:
            intent = self.payment_intents.get(segments[1])
            if intent is None:
                return _error(404, f"No such payment_intent: '{segments[1]}'", "resource_missing", "intent")
            public = self.public(intent)
            if "payment_method" in (params.get("expand") or []):
                public["payment_method"] = self.payment_method(intent)
            return 200, public
        return _error(404, f"Unrecognized request URL ({method.upper()}: {path}).")

    # --- objects ------------------------------------------------------------------------------------

    def _id(self, prefix):
        return f"{prefix}_test_{next(self._counter):04d}{secrets.token_hex(12)}"

    def create_session(self, params):
        item = params["line_items"][0]
        amount = int(item["price_data"]["unit_amount"]) * int(item.get("quantity", 1))
        session_id = self._id("cs")
        session = {
            "id": session_id,
            "object": "checkout.session",
            "adaptive_pricing": None,
            "after_expiration": None,
            "allow_promotion_codes": None,
            "amount_subtotal": amount,
            "amount_total": amount,
            "automatic_tax": {"enabled": False, "liability": None, "status": None},
            "billing_address_collection": None,
            "cancel_url": params.get("cancel_url"),
            "client_reference_id": params.get("client_reference_id"),
            "client_secret": None,
            "consent": None,
            "consent_collection": None,
            "created": int(time.time()),
            "currency": item["price_data"]["currency"],
            "custom_fields": [],
            "custom_text": {
                "after_submit": None,
                "shipping_address": None,
                "submit": None,
                "terms_of_service_acceptance": None,
            },
            "customer": None,
            "customer_creation": "if_required",
            "customer_details": None,
            "customer_email": params.get("customer_email"),
            "expires_at": int(params["expires_at"]),
            "invoice": None,
            "invoice_creation": {"enabled": False, "invoice_data": {}},
            "livemode": False,
            "locale": params.get("locale"),
            "metadata": params.get("metadata", {}),
            "mode": params.get("mode", "payment"),
            "payment_intent": None,
            "payment_link": None,
            "payment_method_collection": "if_required",
            "payment_method_options": {},
            "payment_method_types": params.get("payment_method_types", ["card"]),
            "payment_status": "unpaid",
            "phone_number_collection": {"enabled": False},
            "recovered_from": None,
            "setup_intent": None,
            "shipping_address_collection": None,
            "shipping_cost": None,
            "shipping_options": [],
            "status": "open",
            "submit_type": params.get("submit_type"),
            "subscription": None,
            "success_url": params.get("success_url"),
            "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
            "ui_mode": "hosted",
            "url": f"https://checkout.stripe.com/c/pay/{session_id}#fidkdWxOYHwnPyd1blpxYHZxWjA0",
            "_payment_intent_data": params.get("payment_intent_data", {}),
        }
        self.sessions[session_id] = session
        return self.public(session)

    @staticmethod
    def public(session):
        return {key: value for key, value in session.items() if not key.startswith("_")}

    def list_sessions(self, params):
        since = int((params.get("created") or {}).get("gte", 0))
        wanted = params.get("status")
        found = [
            self.public(s)
            for s in sorted(self.sessions.values(), key=lambda s: s["created"], reverse=True)
            if s["created"] >= since and (not wanted or s["status"] == wanted)
        ]
        start = 0
        if params.get("starting_after"):
            ids = [s["id"] for s in found]
            start = ids.index(params["starting_after"]) + 1
        limit = int(params.get("limit", 10))
        page = found[start : start + limit]
        return {"object": "list", "data": page, "has_more": start + limit < len(found), "url": "/v1/checkout/sessions"}

    def expire_session(self, session_id):
        session = self.sessions.get(session_id)
        if session is None:
            return _error(404, f"No such checkout.session: '{session_id}'", "resource_missing", "session")
        if session["status"] != "open":
            return _error(
                400,
                'Only Checkout Sessions with a status in ["open"] can be expired.',
                "checkout_session_expire_not_open",
            )
        session.update(status="expired")
        return 200, self.public(session)

    def payment_method(self, intent):
        method_type = intent["_method_type"]
        details = {
            "ideal": {"bank": "ing", "bic": "INGBNL2A"},
            "card": {"brand": "visa", "country": "NL", "exp_month": 12, "exp_year": 2030, "last4": "4242"},
            "bancontact": {},
        }.get(method_type, {})
        return {
            "id": intent["_method_id"],
            "object": "payment_method",
            "allow_redisplay": "unspecified",
            "billing_details": {"address": None, "email": None, "name": None, "phone": None},
            "created": intent["created"],
            "customer": None,
            "livemode": False,
            "metadata": {},
            "type": method_type,
            method_type: details,
        }

    # --- what happens at Stripe while the donor pays (test helpers) ----------------------------------

    def pay(self, session_id, method="ideal", paid=True):
        """The donor completes checkout: a PaymentIntent is created; paid now, or later (async methods)."""
        with self._lock:
            session = self.sessions[session_id]
            intent_id = self._id("pi")
            amount = session["amount_total"]
            self.payment_intents[intent_id] = {
                "id": intent_id,
                "object": "payment_intent",
                "amount": amount,
                "amount_capturable": 0,
                "amount_details": {"tip": {}},
                "amount_received": amount if paid else 0,
                "application": None,
                "automatic_payment_methods": None,
                "canceled_at": None,
                "cancellation_reason": None,
                "capture_method": "automatic",
                "client_secret": f"{intent_id}_secret_{secrets.token_hex(8)}",
                "confirmation_method": "automatic",
                "created": int(time.time()),
                "currency": session["currency"],
                "customer": None,
                "description": session["_payment_intent_data"].get("description"),
                "last_payment_error": None,
                "latest_charge": self._id("ch") if paid else None,
                "livemode": False,
                "metadata": session["_payment_intent_data"].get("metadata", {}),
                "next_action": None,
                "payment_method": f"pm_{secrets.token_hex(12)}",
                "payment_method_types": [method],
                "status": "succeeded" if paid else "processing",
                "_method_type": method,
                "_method_id": None,
            }
            self.payment_intents[intent_id]["_method_id"] = self.payment_intents[intent_id]["payment_method"]
            session.update(
                status="complete",
                payment_status="paid" if paid else "unpaid",
                payment_intent=intent_id,
                customer_details={
                    "address": {"country": "NL"},
                    "email": session["customer_email"],
                    "name": None,
                    "phone": None,
                    "tax_exempt": "none",
                    "tax_ids": [],
                },
            )
            return self.public(session)

    def settle(self, session_id, paid=True):
        """An async payment (completed unpaid) succeeds or fails at the bank."""
        with self._lock:
            session = self.sessions[session_id]
            session.update(payment_status="paid" if paid else "unpaid")
            intent = self.payment_intents[session["payment_intent"]]
            intent.update(
                status="succeeded" if paid else "requires_payment_method",
                amount_received=intent["amount"] if paid else 0,
            )
            return self.public(session)

    def charge(self, session_id, amount_refunded=0):
        """The Charge behind a paid session, as `charge.refunded` carries it."""
        session = self.sessions[session_id]
        intent = self.payment_intents[session["payment_intent"]]
        amount = intent["amount"]
        return {
            "id": intent["latest_charge"],
            "object": "charge",
            "amount": amount,
            "amount_captured": amount,
            "amount_refunded": amount_refunded,
            "balance_transaction": f"txn_{secrets.token_hex(12)}",
            "captured": True,
            "created": intent["created"],
            "currency": intent["currency"],
            "disputed": False,
            "livemode": False,
            "metadata": {},
            "paid": True,
            "payment_intent": intent["id"],
            "payment_method": intent["payment_method"],
            "refunded": amount_refunded >= amount,
            "status": "succeeded",
        }


def event(event_type, obj, event_id=None, created=None):
    """An Event in Stripe's shape around `obj` (a session or a charge dict)."""
    return {
        "id": event_id or f"evt_{secrets.token_hex(12)}",
        "object": "event",
        "api_version": API_VERSION,
        "created": created or int(time.time()),
        "data": {"object": obj},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": event_type,
    }


def signature(payload, secret, timestamp=None):
    """The Stripe-Signature header for a body, made by stripe-python's own helper."""
    return stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=timestamp)
