"""The figures operators watch on a petition's biggest day, read straight from the database.

Each is one indexed query: signatures of the last minute (`signature_timeline`), the confirmation outbox
(the partial index `signature_confirmation_due`), the counting backlog (`signature_counting`), the task
queue and the donation holds.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from donations.models import HOLDING, Hold
from petitions.models import Signature, SignatureStatus


@dataclass
class Figure:
    name: str  # Prometheus metric name
    help: str  # for Prometheus, in English
    value: float
    label: str = ""  # for the staff's status page, translated


def figures(now=None):
    now = now or timezone.now()
    minute_ago = now - timedelta(minutes=1)
    signing = Signature.objects.aggregate(
        last_minute=Count("pk", filter=Q(created_at__gte=minute_ago)),
    )
    outbox = Signature.objects.filter(confirmation_due=True).aggregate(waiting=Count("pk"), oldest=Min("created_at"))
    uncounted = Signature.objects.filter(status=SignatureStatus.CONFIRMED, counted=False).aggregate(
        waiting=Count("pk"), oldest=Min("confirmed_at")
    )
    queue = DBTaskResult.objects.ready().aggregate(depth=Count("pk"), oldest=Min("enqueued_at"))
    values = [
        Figure(
            "campaigns_signatures_per_minute", "Signatures received in the last 60 seconds.", signing["last_minute"]
        ),
        Figure("campaigns_confirmation_emails_waiting", "Confirmation emails not sent yet.", outbox["waiting"]),
        Figure(
            "campaigns_confirmation_email_oldest_age_seconds",
            "Age of the oldest confirmation email waiting (0: none waits).",
            age(now, outbox["oldest"]),
        ),
        Figure(
            "campaigns_uncounted_signatures", "Confirmed signatures not in the public count yet.", uncounted["waiting"]
        ),
        Figure(
            "campaigns_counting_lag_seconds",
            "Time since the oldest confirmed signature still outside the public count was confirmed.",
            age(now, uncounted["oldest"]),
        ),
        Figure("campaigns_task_queue_depth", "Background tasks due and waiting for a worker.", queue["depth"]),
        Figure("campaigns_task_queue_oldest_age_seconds", "Age of the oldest task waiting.", age(now, queue["oldest"])),
        Figure(
            "campaigns_donation_holds_open",
            "Donation holds reserving area.",
            Hold.objects.filter(status__in=HOLDING).count(),
        ),
    ]
    for figure in values:
        figure.label = LABELS[figure.name]
    return values


LABELS = {
    "campaigns_signatures_per_minute": _("Signatures in the last minute"),
    "campaigns_confirmation_emails_waiting": _("Confirmation emails waiting"),
    "campaigns_confirmation_email_oldest_age_seconds": _("Oldest waiting confirmation email (seconds)"),
    "campaigns_uncounted_signatures": _("Confirmed signatures not counted yet"),
    "campaigns_counting_lag_seconds": _("Counting lag (seconds)"),
    "campaigns_task_queue_depth": _("Background tasks waiting"),
    "campaigns_task_queue_oldest_age_seconds": _("Oldest waiting task (seconds)"),
    "campaigns_donation_holds_open": _("Open donation holds"),
}


def age(now, moment):
    return round(max((now - moment).total_seconds(), 0.0), 1) if moment else 0.0


def prometheus_text(values):
    lines = []
    for figure in values:
        lines += [
            f"# HELP {figure.name} {figure.help}",
            f"# TYPE {figure.name} gauge",
            f"{figure.name} {figure.value:g}",
        ]
    return "\n".join(lines) + "\n"
