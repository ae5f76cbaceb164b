"""Finance's figures for giving: active monthly donors, monthly recurring revenue, new and stopped per
month, failed payments to follow up. Each figure is one aggregate query; no card data is involved."""

import datetime

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import FailedPayment, Gift, GiftStatus, MonthlyGift, MonthlyStatus

LIVE = [MonthlyStatus.ACTIVE, MonthlyStatus.PAST_DUE]


def active_monthly():
    """(donors, monthly recurring revenue in cents): active gifts, and those retrying a failed payment."""
    row = MonthlyGift.objects.filter(status__in=LIVE).aggregate(donors=Count("pk"), mrr=Sum("amount_cents"))
    return row["donors"], row["mrr"] or 0


def per_month(months=12, now=None):
    """[(first day of the month, new monthly gifts, stopped ones, one-off gifts' total in cents)], newest first."""
    now = now or timezone.now()
    first = (now.replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(
        day=1, hour=0, minute=0, second=0, microsecond=0
    )

    def counted(queryset, field, value=None):
        rows = queryset.filter(**{f"{field}__gte": first}).annotate(month=TruncMonth(field)).values("month")
        return {row["month"].date(): row["value"] for row in rows.annotate(value=value or Count("pk"))}

    started = counted(MonthlyGift.objects.all(), "started_at")
    stopped = counted(MonthlyGift.objects.filter(status=MonthlyStatus.CANCELLED), "cancelled_at")
    once = counted(
        Gift.objects.filter(frequency="one_off", status__in=[GiftStatus.PAID, GiftStatus.REFUNDED]),
        "paid_at",
        Sum("amount_cents"),
    )
    result, month = [], now.date().replace(day=1)
    for _ in range(months):
        result.append((month, started.get(month, 0), stopped.get(month, 0), once.get(month, 0)))
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return result


def failed_to_follow_up(limit=100):
    """Failed payments of gifts that are still past due: the latest attempt per gift first."""
    return (
        FailedPayment.objects.filter(monthly_gift__status=MonthlyStatus.PAST_DUE)
        .select_related("monthly_gift")
        .order_by("-failed_at")[:limit]
    )
