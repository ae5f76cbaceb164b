"""Periodic background jobs: `manage.py run_schedule` enqueues each job when it is due.

Django's task framework has no scheduler. One scheduler process is enough; jobs that must never
run twice at once (counting) take their own lock, so a second scheduler would be harmless.
"""

import datetime
from dataclasses import dataclass, field

from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.module_loading import import_string

JOBS = []


@dataclass
class Job:
    task_path: str
    every: object  # seconds (int) or a callable returning seconds, read each time (runtime settings)
    at_hour: int | None = None  # daily jobs: run once a day at this local hour
    when: object = None  # optional callable: enqueue only when it returns true (no empty runs every few seconds)
    next_run: datetime.datetime | None = field(default=None, repr=False)
    queued: object = field(default=None, repr=False)  # the TaskResult of the last enqueue

    def still_waiting(self):
        """Whether the last run has not even started: a busy worker must not find a pile of them."""
        if self.queued is None or self.queued.status != TaskResultStatus.READY:
            return False
        try:
            self.queued.refresh()
        except Exception:  # the result is gone (pruned) or the backend cannot tell: do not block the job
            return False
        return self.queued.status == TaskResultStatus.READY

    def interval(self):
        return self.every() if callable(self.every) else self.every

    def due(self, now):
        return self.next_run is None or now >= self.next_run

    def schedule_next(self, now):
        if self.at_hour is not None:
            local = timezone.localtime(now)
            nxt = local.replace(hour=self.at_hour, minute=0, second=0, microsecond=0)
            if nxt <= local:
                nxt += datetime.timedelta(days=1)
            self.next_run = nxt
        else:
            self.next_run = now + datetime.timedelta(seconds=self.interval())


def every(task_path, seconds, when=None):
    JOBS.append(Job(task_path, seconds, when=when))


def daily(task_path, hour):
    JOBS.append(Job(task_path, 86400, at_hour=hour))


def run_due_jobs(now=None):
    """Enqueue every job that is due; returns the task paths enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in JOBS:
        if job.due(now):
            if (
                (job.next_run is not None or job.at_hour is None)
                and not job.still_waiting()
                and (job.when is None or job.when())
            ):
                job.queued = import_string(job.task_path).enqueue()
                enqueued.append(job.task_path)
            job.schedule_next(now)
    return enqueued
