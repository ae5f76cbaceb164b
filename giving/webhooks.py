"""Giving's share of Stripe's webhook: donations verifies, records and deduplicates every event by id
(donations/webhooks.py) and asks this router first; None leaves the event to donations (the ad's)."""

from . import fulfilment


def route(event):
    obj = (event.get("data") or {}).get("object") or {}
    kind = event.get("type")
    if kind in ("checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.expired"):
        metadata = obj.get("metadata") or {}
        if "gift" in metadata:
            if kind == "checkout.session.expired":
                return fulfilment.expire_gift_session(obj)
            return fulfilment.fulfil_gift_session(obj)
        if "monthly_gift" in metadata:
            return "ignored" if kind == "checkout.session.expired" else fulfilment.start_subscription(obj)
        return None
    if kind == "invoice.paid":
        return fulfilment.record_invoice_paid(obj)
    if kind == "invoice.payment_failed":
        return fulfilment.record_payment_failed(obj)
    if kind == "customer.subscription.updated":
        return fulfilment.update_subscription(obj, event.get("created"))
    if kind == "customer.subscription.deleted":
        return fulfilment.update_subscription(obj, event.get("created"), deleted=True)
    if kind == "charge.refunded":
        return fulfilment.record_refund(obj)
    return None
