"""Counting share-link clicks: one tally row per petition, channel and day, incremented in the database."""

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import ShareClick


def count_click(petition_key, channel):
    day = timezone.localdate()
    tally = ShareClick.objects.filter(petition_key=petition_key, channel=channel, day=day)
    if tally.update(clicks=F("clicks") + 1):
        return
    try:
        with transaction.atomic():
            ShareClick.objects.create(petition_key=petition_key, channel=channel, day=day, clicks=1)
    except IntegrityError:  # another click made today's row first
        tally.update(clicks=F("clicks") + 1)


def clicks_by_channel(petition_keys):
    """{petition_key: {channel: clicks}} over all days."""
    totals = {}
    rows = (
        ShareClick.objects.filter(petition_key__in=petition_keys)
        .values_list("petition_key", "channel")
        .annotate(total=Sum("clicks"))
    )
    for petition_key, channel, total in rows:
        totals.setdefault(petition_key, {})[channel] = total
    return totals
