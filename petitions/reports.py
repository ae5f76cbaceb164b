"""The figures of a petition on the staff dashboard: totals, signatures per day (and the geometry of
their chart) and signatures per municipality. Each is one GROUP BY or aggregate query, however many
signatures there are."""

import datetime

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from .models import PaperSignatures, Signature, SignatureStatus, TargetResponse

CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 720, 180, 16


def signature_totals(petition_key):
    """Pending, confirmed, suspect and invalidated signatures in one aggregate query."""
    return Signature.objects.filter(petition_key=petition_key).aggregate(
        pending=Count("pk", filter=Q(status=SignatureStatus.PENDING)),
        confirmed=Count("pk", filter=Q(status=SignatureStatus.CONFIRMED)),
        suspect=Count("pk", filter=~Q(suspect_reasons="")),
        invalidated=Count("pk", filter=Q(status=SignatureStatus.INVALIDATED)),
    )


def paper_total(petition_key):
    return PaperSignatures.objects.filter(petition_key=petition_key).aggregate(total=Sum("count"))["total"] or 0


def signatures_per_day(petition_key, today=None):
    """[(date, signatures)] for every day from the first signature to the last (or today), zeros included."""
    counts = dict(
        Signature.objects.filter(petition_key=petition_key)
        .annotate(day=TruncDate("created_at"))
        .values_list("day")
        .annotate(n=Count("pk"))
    )
    if not counts:
        return []
    first, last = min(counts), max(max(counts), today or timezone.localdate())
    return [
        (first + datetime.timedelta(days=offset), counts.get(first + datetime.timedelta(days=offset), 0))
        for offset in range((last - first).days + 1)
    ]


def day_chart(days):
    """Bar geometry for an inline SVG of signatures per day (drawn in the template, no JavaScript)."""
    if not days:
        return None
    peak = max(n for _day, n in days) or 1
    step = CHART_WIDTH / len(days)
    usable = CHART_HEIGHT - CHART_TOP
    bars = []
    for index, (day, n) in enumerate(days):
        bar_height = round(n / peak * usable, 2)
        bars.append(
            {
                "day": day,
                "n": n,
                "x": round(index * step + step * 0.1, 2),
                "width": round(max(step * 0.8, 0.5), 2),
                "y": round(CHART_HEIGHT - bar_height, 2),
                "height": bar_height,
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "full_height": CHART_HEIGHT + 20,
        "peak": peak,
        "bars": bars,
        "first": days[0][0],
        "last": days[-1][0],
        "label_y": CHART_HEIGHT + 15,
    }


def municipality_table(petition_key):
    """Every municipality with signatures: confirmed and all, with its response; most confirmed first."""
    rows = list(
        Signature.objects.filter(petition_key=petition_key, municipality__isnull=False)
        .values("municipality__cbs_code", "municipality__name")
        .annotate(confirmed=Count("pk", filter=Q(status=SignatureStatus.CONFIRMED)), signatures=Count("pk"))
        .order_by("-confirmed", "municipality__name")
    )
    responses = dict(
        TargetResponse.objects.filter(petition_key=petition_key).values_list("municipality__cbs_code", "status")
    )
    labels = dict(TargetResponse._meta.get_field("status").choices)
    for row in rows:
        status = responses.get(row["municipality__cbs_code"])
        row["response"] = labels.get(status, "") if status else ""
    return rows
