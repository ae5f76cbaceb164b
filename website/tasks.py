"""Background work of the core (run by `manage.py db_worker`, queued by website.schedule)."""

import datetime
import logging
import traceback

from django.conf import settings
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


class TaskLost(Exception):
    """A task still marked running long after it started: its worker stopped before the task finished."""


def fail_lost_task_results(timeout=None, now=None):
    """Mark task results RUNNING for longer than `timeout` (settings.TASK_RUNNING_TIMEOUT seconds) as FAILED;
    returns how many.

    A worker that is killed (a deploy, out of memory, SIGKILL) leaves its task RUNNING forever (django-tasks
    issue #46): the admin's list of jobs would show it running for ever. One conditional UPDATE, so a task
    that finishes meanwhile keeps its own outcome.
    """
    timeout = datetime.timedelta(seconds=settings.TASK_RUNNING_TIMEOUT if timeout is None else timeout)
    now = now or timezone.now()
    lost = TaskLost(
        f"Still running {int(timeout.total_seconds() // 60)} minutes after it started: its worker stopped "
        "(killed, restarted or out of memory) before the task finished. Marked failed by "
        "website.tasks.fail_lost_tasks; run the task again if its work is still needed."
    )
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=now - timeout)
    paths = sorted(set(stale.values_list("task_path", flat=True)))
    failed = stale.update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        return_value=None,
        exception_class_path=f"{TaskLost.__module__}.{TaskLost.__qualname__}",
        traceback="".join(traceback.format_exception_only(lost)),
    )
    if failed:
        logger.warning("marked %s lost task result(s) failed: %s", failed, ", ".join(paths))
    return failed


@task()
def fail_lost_tasks():
    """Every few minutes (website.apps): task results left RUNNING by a worker that died are marked failed."""
    return fail_lost_task_results()
