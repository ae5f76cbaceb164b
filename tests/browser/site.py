"""The browser tests' site: built once per run (migrate, seed_demo, the search index), served by a copy.

Building takes about a minute, so it starts as soon as the run knows it has browser tests: in the
pytest process itself, or with pytest-xdist in the controlling process while the workers collect.
Each process that runs browser tests then serves its own copy of the built database and media on a
port of its own, so two workers can run browser tests side by side without seeing each other's
signatures and gifts. Nothing here touches pytest-django's test database or the developer's
db.sqlite3.
"""

import os
import shlex
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
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
    """Starts building the site in `directory`; `status` is written there when it has finished."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        # The search index is filled by background tasks (`make run` starts a db_worker): drain the
        # queue once after seeding, or search would find nothing.
        worker = ["db_worker", "--batch", "--queue-name", "*", "--no-reload", "--no-startup-delay", "-v0"]
        steps = [MANAGE + command for command in (["migrate", "--noinput", "-v0"], ["seed_demo"], worker)]
        status, written = (shlex.quote(str(self.directory / name)) for name in ("status", "status.tmp"))
        script = f"{' && '.join(shlex.join(step) for step in steps)}; echo $? > {written} && mv {written} {status}"
        self.log = open(self.directory / "prepare.log", "wb")  # closed by discard()
        self.process = subprocess.Popen(
            ["/bin/sh", "-c", script],
            cwd=REPO,
            env=site_env(self.directory, BUILD_URL),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def discard(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log.close()
        shutil.rmtree(self.directory, ignore_errors=True)


def wait_for_build(directory, timeout=900):
    """None when the build in `directory` succeeded, else the end of its log."""
    directory = Path(directory)
    deadline = time.monotonic() + timeout
    while not (directory / "status").exists():
        if time.monotonic() > deadline:
            return f"the browser site was not built within {timeout} s"
        time.sleep(0.2)
    if (directory / "status").read_text().strip() == "0":
        return None
    return (directory / "prepare.log").read_text(errors="replace")[-3000:]


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
        # SQLite's backup API: a consistent copy whatever journal the build left.
        with (
            sqlite3.connect(Path(built) / "browser.sqlite3") as source,
            sqlite3.connect(self.directory / "browser.sqlite3") as target,
        ):
            source.backup(target)
            # Full URLs (sitemap, emails) come from the Site record, as seed_demo sets it from SITE_URL.
            target.execute(
                "UPDATE wagtailcore_site SET hostname = '127.0.0.1', port = ? WHERE is_default_site", [self.port]
            )
        source.close()
        target.close()
        if (Path(built) / "media").exists():
            shutil.copytree(Path(built) / "media", self.directory / "media")
        self.env = site_env(self.directory, self.url)

    def discard(self):
        shutil.rmtree(self.directory, ignore_errors=True)
