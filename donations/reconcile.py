"""Checking the books: the ledgers against the donations and holds, and the donations against Stripe.

- `reconcile_ledgers` recomputes each ad's funded and held area, donors and amount from the rows
  and repairs drift (nightly, like the petition counts).
- `compare_with_stripe` lists the paid Checkout Sessions at Stripe in a period and reports every
  difference with the donations we recorded: a paid session we never credited (with `fix`, it is
  credited now, through the one fulfilment function), a different amount, or a donation Stripe does
  not list as paid.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from .fulfilment import fulfil_checkout_session
from .holds import lock_ledger
from .models import HOLDING, AdLedger, Donation, Hold

logger = logging.getLogger(__name__)
FIELDS = ("funded_units", "held_units", "donors", "raised_cents")


def exact_figures(ad_key):
    donations = Donation.objects.filter(ad_key=ad_key).aggregate(
        funded=Sum(F("credited_units") - F("returned_units")),
        raised=Sum(F("amount_cents") - F("refunded_cents")),
        donors=Count("pk", filter=Q(refunded_cents__lt=F("amount_cents"))),
    )
    held = Hold.objects.filter(ad_key=ad_key, status__in=HOLDING).aggregate(units=Sum("units"))["units"]
    return {
        "funded_units": donations["funded"] or 0,
        "held_units": held or 0,
        "donors": donations["donors"] or 0,
        "raised_cents": donations["raised"] or 0,
    }


def reconcile_ledgers(fix=False):
    """{ad_key: {field: exact - recorded}} for every ledger that drifted; repaired when `fix`."""
    drift = {}
    for ad_key in AdLedger.objects.values_list("ad_key", flat=True):
        with transaction.atomic():
            ledger = lock_ledger(ad_key)
            exact = exact_figures(ad_key)
            differences = {
                name: exact[name] - getattr(ledger, name) for name in FIELDS if exact[name] != getattr(ledger, name)
            }
            if differences:
                drift[ad_key] = differences
                logger.warning("donation ledger %s drifted: %s%s", ad_key, differences, " (repaired)" if fix else "")
                if fix:
                    AdLedger.objects.filter(pk=ledger.pk).update(**exact, updated_at=timezone.now())
    return drift


@dataclass
class StripeComparison:
    checked: int = 0
    foreign: int = 0
    missing: list = field(default_factory=list)  # paid at Stripe, no donation here
    credited_now: list = field(default_factory=list)  # of those, credited by `fix`
    amount_differs: list = field(default_factory=list)  # (session id, Stripe's amount, ours)
    not_paid_at_stripe: list = field(default_factory=list)  # donations Stripe does not list as paid

    @property
    def clean(self):
        return not (self.missing or self.amount_differs or self.not_paid_at_stripe)


def compare_with_stripe(provider, since, until=None, fix=False):
    """Compare the paid sessions created since `since` with our donations from that period."""
    until = until or timezone.now()
    result = StripeComparison()
    seen = set()
    for session in provider.paid_sessions(since):
        metadata = session.get("metadata") or {}
        if not metadata.get("hold"):
            result.foreign += 1  # another product on the same Stripe account
            continue
        result.checked += 1
        seen.add(session["id"])
        donation = Donation.objects.filter(checkout_session_id=session["id"]).first()
        if donation is None:
            result.missing.append(session["id"])
            if fix and fulfil_checkout_session(session).outcome == "credited":
                result.credited_now.append(session["id"])
        elif donation.amount_cents != session.get("amount_total"):
            result.amount_differs.append((session["id"], session.get("amount_total"), donation.amount_cents))
    ours = Donation.objects.filter(
        hold__created_at__gte=since, hold__created_at__lte=until, hold__provider=getattr(provider, "name", "stripe")
    ).values_list("checkout_session_id", flat=True)
    result.not_paid_at_stripe = sorted(set(ours) - seen)
    return result
