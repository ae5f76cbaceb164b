"""The figures of a donation ad on the staff dashboard: the ledger checked against the donations,
progress, totals per payment method, names waiting for a check and gifts larger than the space left.
A fixed number of aggregate and GROUP BY queries, however many donations there are."""

from django.db.models import Count, F, Sum

from .models import AdLedger, Donation, NameStatus
from .reconcile import exact_figures


def ad_figures(ad_key, total_units):
    ledger = AdLedger.objects.filter(ad_key=ad_key).first()
    exact = exact_figures(ad_key)
    donations = Donation.objects.filter(ad_key=ad_key)
    return {
        "ledger": ledger,
        "exact": exact,
        "drift": bool(ledger) and any(getattr(ledger, key) != value for key, value in exact.items()),
        "total_units": total_units,
        "percent": round(100 * exact["funded_units"] / total_units, 1) if total_units else 0,
        "methods": donations.values("method")
        .annotate(count=Count("pk"), amount=Sum("amount_cents"))
        .order_by("-count"),
        "pending_names": donations.filter(name_status=NameStatus.PENDING).count(),
        "overflow": donations.filter(credited_units__lt=F("units")).count(),
    }
