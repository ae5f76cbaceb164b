"""One migrated database per test run, copied for each pytest-xdist worker.

Migrating an empty database runs about 250 migrations, most of them Wagtail's, in ~25 s of CPU. With
two workers and the browser tests' site that happened three times per run on two cores before a
single test ran. Instead the controlling process migrates a template once while the workers start
and collect; each worker then starts from a copy (SQLite: a file; PostgreSQL: CREATE DATABASE …
TEMPLATE) and Django's own `migrate` finds nothing left to do. Without pytest-xdist nothing changes:
pytest-django migrates its in-memory database as usual.
"""

import os
import sqlite3
import sys
from pathlib import Path

from .background import Job, awaited, wait_for

NAME = "template"
SQLITE = "django.db.backends.sqlite3"
POSTGRESQL = "django.db.backends.postgresql"


def _maintenance(db):
    import psycopg

    return psycopg.connect(
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


def _url(db, name):
    credentials = db.get("USER") or ""
    if db.get("PASSWORD"):
        credentials += f":{db['PASSWORD']}"
    return f"postgres://{credentials}@{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{name}"


class Template:
    """Started by the controlling process; `describe()` travels to the workers in `workerinput`."""

    def __init__(self, directory):
        from django.conf import settings

        db = settings.DATABASES["default"]
        self.engine, self.directory = db["ENGINE"], Path(directory)
        if self.engine == SQLITE:
            self.name = str(self.directory / "template.sqlite3")
            url = f"sqlite:///{self.name}"
        elif self.engine == POSTGRESQL:
            self.name = f"test_{db['NAME']}_template"
            with _maintenance(db) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{self.name}"')
            url = _url(db, self.name)
        else:
            raise ValueError(f"no template for {self.engine}")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test", "DATABASE_URL": url}
        self.job = Job(self.directory, NAME, [[sys.executable, "manage.py", "migrate", "--noinput", "-v0"]], env)

    def describe(self):
        return {"engine": self.engine, "name": self.name, "directory": str(self.directory)}

    def discard(self, workers):
        from django.conf import settings

        self.job.discard()
        if self.engine == POSTGRESQL:
            db = settings.DATABASES["default"]
            with _maintenance(db) as connection:
                for name in [self.name, *(f"test_{db['NAME']}_gw{number}" for number in range(workers))]:
                    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def supported():
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"] in (SQLITE, POSTGRESQL)


def copy_sqlite(source, target):
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    origin.close()
    copy.close()


def sqlite_copy_steps(template, target):
    """Shell steps for another process (the browser tests' site): wait for the template, copy it."""
    copy = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))"
    return [awaited(template["directory"], NAME), [sys.executable, "-c", copy, template["name"], str(target)]]


def start_from(template, worker):
    """In a worker, before pytest-django sets up its database: make that database a copy of the template."""
    from django.conf import settings

    if problem := wait_for(template["directory"], NAME):
        raise RuntimeError(f"migrating the template database failed:\n{problem}")
    db = settings.DATABASES["default"]
    if template["engine"] == SQLITE:
        path = Path(template["directory"]) / f"test_{worker}.sqlite3"
        copy_sqlite(template["name"], path)
        db.setdefault("TEST", {})["NAME"] = str(path)
    else:
        name = db["TEST"]["NAME"]  # test_<name>_gwN, from pytest-django's suffix
        with _maintenance(db) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template["name"]}"')
