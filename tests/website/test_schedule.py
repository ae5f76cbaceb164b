"""The scheduler: jobs are queued when due, not when their condition says there is nothing to do,
and never again while their last run is still waiting for a worker."""

import datetime

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone

from website import schedule


class FakeResult:
    def __init__(self, status):
        self.status = status
        self.refreshed = 0

    def refresh(self):
        self.refreshed += 1


class FakeTask:
    def __init__(self):
        self.results = []

    def enqueue(self):
        self.results.append(FakeResult(TaskResultStatus.READY))
        return self.results[-1]


@pytest.fixture
def job(monkeypatch):
    task = FakeTask()
    monkeypatch.setattr(schedule, "JOBS", [])
    monkeypatch.setattr(schedule, "import_string", lambda path: task)
    state = {"due": True}
    schedule.every("tests.job", 2, when=lambda: state["due"])
    return task, state


def ticks(count, start=None):
    start = start or timezone.now()
    return [start + datetime.timedelta(seconds=2 * n) for n in range(count)]


def test_an_interval_job_is_queued_when_due_and_its_condition_holds(job):
    task, state = job
    first, second, third = ticks(3)
    assert schedule.run_due_jobs(first) == ["tests.job"]
    task.results[-1].status = TaskResultStatus.SUCCESSFUL
    state["due"] = False
    assert schedule.run_due_jobs(second) == []
    state["due"] = True
    assert schedule.run_due_jobs(third) == ["tests.job"]
    assert len(task.results) == 2


def test_a_job_whose_last_run_has_not_started_is_not_queued_again(job):
    task, _state = job
    times = ticks(4)
    schedule.run_due_jobs(times[0])
    assert schedule.run_due_jobs(times[1]) == []  # the busy worker has not picked the first one up
    assert schedule.run_due_jobs(times[2]) == []
    assert task.results[0].refreshed == 2
    task.results[0].status = TaskResultStatus.RUNNING
    assert schedule.run_due_jobs(times[3]) == ["tests.job"]  # running: the next one may wait behind it
