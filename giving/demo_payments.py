"""The demo provider's "Pay" and "Stop": Stripe-shaped objects handed to the same functions as the webhook."""

import time

from .fulfilment import fulfil_gift_session, record_invoice_paid, start_subscription, update_subscription
from .models import CURRENCY
from .payments import DemoGiving


def pay_gift(gift):
    session = {
        "id": gift.checkout_session_id,
        "object": "checkout.session",
        "mode": "payment",
        "status": "complete",
        "payment_status": "paid",
        "amount_total": gift.amount_cents,
        "currency": CURRENCY,
        "metadata": {"gift": str(gift.token)},
        "payment_intent": f"pi_demo_{gift.token.hex}",
        "customer": gift.customer_id or DemoGiving.customer_id(gift.email),
    }
    return fulfil_gift_session(session)


def pay_monthly(monthly):
    subscription = f"sub_demo_{monthly.token.hex}"
    customer = monthly.customer_id or DemoGiving.customer_id(monthly.email)
    metadata = {"monthly_gift": str(monthly.token)}
    start_subscription(
        {
            "id": monthly.checkout_session_id,
            "object": "checkout.session",
            "mode": "subscription",
            "status": "complete",
            "payment_status": "paid",
            "metadata": metadata,
            "subscription": subscription,
            "customer": customer,
        }
    )
    return record_invoice_paid(
        {
            "id": f"in_demo_{monthly.token.hex}_1",
            "object": "invoice",
            "amount_paid": monthly.amount_cents,
            "currency": CURRENCY,
            "customer": customer,
            "parent": {"subscription_details": {"subscription": subscription, "metadata": metadata}},
            "status_transitions": {"paid_at": int(time.time())},
        }
    )


def stop(monthly):
    now = int(time.time())
    subscription = {
        "id": monthly.subscription_id,
        "object": "subscription",
        "status": "canceled",
        "canceled_at": now,
        "customer": monthly.customer_id,
        "metadata": {"monthly_gift": str(monthly.token)},
    }
    return update_subscription(subscription, now, deleted=True)
