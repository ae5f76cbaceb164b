"""The browser tests' site: built once per run (migrate, seed_demo, the search index), served by a copy.

Building takes about a minute, so it starts as soon as the run knows it has browser tests: in the
pytest process itself, or with pytest-xdist in the controlling process while the workers collect.
Each process that runs browser tests then serves its own copy of the built database and media on a
port of its own, so two workers can run browser tests side by side without seeing each other's
signatures and gifts. Nothing here touches pytest-django's test database or the developer's
db.sqlite3.
"""

import os
import shutil
import socket
import sqlite3
import sys
import tempfile
from pathlib import Path

from ..background import Job, wait_for
from ..databases import SQLITE, copy_sqlite, sqlite_copy_steps

CHROMIUM = "/usr/bin/chromium"
MANAGE = [sys.executable, "manage.py"]
# The built site's own URL; each copy is told its real one (`SiteCopy`).
BUILD_URL = "http://127.0.0.1:8000"


def site_env(directory, url):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{directory}/browser.sqlite3",
        "MEDIA_ROOT": str(directory / "media"),
        "REDIS_URL": "",
        "SITE_URL": url,
    }


class SiteBuild:
    """Builds the site in `directory` in the background (`wait_for_build` awaits it from any process).

    `template`: a migrated SQLite database to start from (tests/databases.py), instead of migrating.
    """

    def __init__(self, directory, template=None):
        self.directory = Path(directory)
        database = self.directory / "browser.sqlite3"
        steps = sqlite_copy_steps(template, database) if template and template["engine"] == SQLITE else []
        # The search index is filled by background tasks (`make run` starts a db_worker): drain the
        # queue once after seeding, or search would find nothing.
        worker = ["db_worker", "--batch", "--queue-name", "*", "--no-reload", "--no-startup-delay", "-v0"]
        steps += [MANAGE + command for command in (["migrate", "--noinput", "-v0"], ["seed_demo"], worker)]
        self.job = Job(self.directory, "site", steps, site_env(self.directory, BUILD_URL))

    def discard(self):
        self.job.discard()
        shutil.rmtree(self.directory, ignore_errors=True)


def wait_for_build(directory):
    """None when the build in `directory` succeeded, else the end of its log."""
    return wait_for(directory, "site")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteCopy:
    """This process's own copy of the built site (database and media), told the URL it is served at."""

    def __init__(self, built):
        self.directory = Path(tempfile.mkdtemp(prefix="browser-site-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        copy_sqlite(Path(built) / "browser.sqlite3", self.directory / "browser.sqlite3")
        with sqlite3.connect(self.directory / "browser.sqlite3") as database:
            # Full URLs (sitemap, emails) come from the Site record, as seed_demo sets it from SITE_URL.
            database.execute(
                "UPDATE wagtailcore_site SET hostname = '127.0.0.1', port = ? WHERE is_default_site", [self.port]
            )
        database.close()
        if (Path(built) / "media").exists():
            shutil.copytree(Path(built) / "media", self.directory / "media")
        self.env = site_env(self.directory, self.url)

    def discard(self):
        shutil.rmtree(self.directory, ignore_errors=True)
