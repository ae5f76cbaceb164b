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


# Task results a dead worker left RUNNING ---------------------------------------------------------------


def task_result(status, started_minutes_ago=None, path="petitions.tasks.update_signature_counts"):
    from django_tasks_db.models import DBTaskResult, get_date_max

    result = DBTaskResult.objects.create(
        task_path=path, args_kwargs={"args": [], "kwargs": {}}, backend_name="default", run_after=get_date_max()
    )
    if status != TaskResultStatus.READY:
        result.claim("worker-1")  # as db_worker does when it picks the task up
    if started_minutes_ago is not None:
        result.started_at = timezone.now() - datetime.timedelta(minutes=started_minutes_ago)
    if status in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED):
        result.status = status
        result.finished_at = timezone.now()
    result.save()
    return result


def test_the_core_schedules_the_clean_up_of_lost_tasks():
    from django.tasks import Task
    from django.utils.module_loading import import_string

    paths = [job.task_path for job in schedule.JOBS]
    assert "website.tasks.fail_lost_tasks" in paths
    assert isinstance(import_string("website.tasks.fail_lost_tasks"), Task)


def test_a_task_left_running_by_a_killed_worker_is_marked_failed_after_the_timeout(db, settings):
    from website.tasks import fail_lost_tasks

    settings.TASK_RUNNING_TIMEOUT = 30 * 60
    lost = task_result(TaskResultStatus.RUNNING, started_minutes_ago=31)
    busy = task_result(TaskResultStatus.RUNNING, started_minutes_ago=29)
    waiting = task_result(TaskResultStatus.READY)
    done = task_result(TaskResultStatus.SUCCESSFUL, started_minutes_ago=120)

    assert fail_lost_tasks.enqueue().return_value == 1
    for row in (lost, busy, waiting, done):
        row.refresh_from_db()
    assert (lost.status, busy.status, waiting.status, done.status) == ("FAILED", "RUNNING", "READY", "SUCCESSFUL")
    assert lost.finished_at is not None and lost.exception_class_path == "website.tasks.TaskLost"
    # What the admin and the task API show: a failed task, and why.
    [error] = lost.task_result.errors
    assert error.exception_class_path == "website.tasks.TaskLost"
    assert "Still running 30 minutes after it started: its worker stopped" in error.traceback
    assert fail_lost_tasks.enqueue().return_value == 0  # once
