"""Monthly gifts checked against Stripe: a missed or lost webhook must not leave a gift wrong for long.

For every monthly gift that has a Stripe subscription and is not stopped here, the subscription is fetched
and its paid invoices listed; differences are reported and, with `fix`, repaired through the same
functions as the webhook (so a repair is as idempotent as an event).
"""

import logging
from dataclasses import dataclass, field

import stripe

from donations.payments import LIST_PAGE_SIZE, PaymentError, stripe_client

from . import fulfilment
from .models import Gift, MonthlyGift, MonthlyStatus

logger = logging.getLogger(__name__)


@dataclass
class Result:
    checked: int = 0
    status_differs: list = field(default_factory=list)  # (subscription id, ours, Stripe's)
    missing_invoices: list = field(default_factory=list)  # invoice ids paid at Stripe, not here
    repaired: int = 0


def reconcile_subscriptions(fix=False):
    result = Result()
    client = stripe_client()
    gifts = MonthlyGift.objects.filter(provider="stripe").exclude(subscription_id=None)
    for monthly in gifts.exclude(status=MonthlyStatus.CANCELLED).iterator():
        result.checked += 1
        try:
            subscription = client.v1.subscriptions.retrieve(monthly.subscription_id).to_dict()
            invoices = client.v1.invoices.list(
                {"subscription": monthly.subscription_id, "status": "paid", "limit": LIST_PAGE_SIZE}
            )
            paid = [invoice.to_dict() for invoice in invoices.auto_paging_iter()]
        except stripe.StripeError as error:
            raise PaymentError(str(error)) from error
        theirs = fulfilment.SUBSCRIPTION_STATUS.get(subscription.get("status"))
        if theirs and theirs != monthly.status:
            result.status_differs.append((monthly.subscription_id, monthly.status, theirs))
            if fix:
                deleted = theirs == MonthlyStatus.CANCELLED
                fulfilment.update_subscription(subscription, None, deleted=deleted)
                result.repaired += 1
        known = set(Gift.objects.filter(monthly_gift=monthly).values_list("invoice_id", flat=True))
        for invoice in paid:
            if invoice["id"] not in known:
                result.missing_invoices.append(invoice["id"])
                if fix and fulfilment.record_invoice_paid(invoice) == "credited":
                    result.repaired += 1
    return result
