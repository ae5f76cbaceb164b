"""The embedded SQLite default holds up under its own worker: two read-then-write transactions queue up."""

import threading
import time

import pytest
from django.conf import settings
from django.db import transaction
from django.db.utils import ConnectionHandler

from website.settings.base import SQLITE_OPTIONS


@pytest.fixture
def two_workers(tmp_path, django_db_blocker):
    """`two_workers(options)`: run two read-then-write transactions at once on a new SQLite file opened with
    `options`; returns (errors, rows written, journal mode)."""
    from django.db import connections

    def run(options, together=False):
        configured = ConnectionHandler(
            {
                "default": {
                    "ENGINE": "django.db.backends.sqlite3",
                    "NAME": str(tmp_path / "demo.sqlite3"),
                    "OPTIONS": options,
                }
            }
        ).settings["default"]
        connections.settings["demo"] = configured
        try:
            with django_db_blocker.unblock():
                return in_own_thread(two_transactions, connections, together)
        finally:
            del connections.settings["demo"]  # each thread's wrapper went with its thread

    return run


def in_own_thread(function, *args):
    """Run `function` in a new thread: the browser tests leave Playwright's event loop running in the
    main thread, where Django refuses database calls."""
    outcome = {}

    def target():
        try:
            outcome["value"] = function(*args)
        except Exception as error:
            outcome["error"] = error

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def read_then_write(connections, errors, pause, read=None):
    """What the worker and a request both do: read rows, think, write (each in its own thread and connection).

    `read`: a barrier both threads meet at once they have read, so neither writes before the other has
    read, however the threads are scheduled on a busy machine."""
    try:
        with transaction.atomic(using="demo"), connections["demo"].cursor() as cursor:
            cursor.execute("SELECT count(*) FROM outbox")
            cursor.fetchone()
            if read is not None:
                read.wait(timeout=10)
            time.sleep(pause)
            cursor.execute("INSERT INTO outbox (note) VALUES ('sent')")
    except Exception as error:  # the test reports what went wrong
        errors.append(error)
    finally:
        connections["demo"].close()


def two_transactions(connections, together):
    with connections["demo"].cursor() as cursor:
        cursor.execute("CREATE TABLE outbox (id integer primary key, note text)")
    errors = []
    read = threading.Barrier(2) if together else None
    threads = [threading.Thread(target=read_then_write, args=(connections, errors, 0.3, read)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with connections["demo"].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM outbox")
        rows = cursor.fetchone()[0]
        cursor.execute("PRAGMA journal_mode")
        mode = cursor.fetchone()[0]
    connections["demo"].close()
    return errors, rows, mode


def test_two_read_then_write_transactions_queue_up_instead_of_failing(two_workers):
    errors, rows, mode = two_workers(SQLITE_OPTIONS)
    assert errors == [] and rows == 2
    assert mode == "wal"


def test_without_those_options_one_of_them_fails_with_database_is_locked(two_workers):
    """The defect this guards against, shown with SQLite's defaults (deferred transactions)."""
    errors, rows, _mode = two_workers({}, together=True)
    assert rows == 1 and "database is locked" in str(errors[0])


@pytest.mark.skipif(settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="SQLite only")
def test_the_sqlite_default_uses_them():
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in settings.DATABASES["default"]["OPTIONS"]["init_command"]
