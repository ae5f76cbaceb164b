"""Browser tests: the real site in a subprocess, driven by Debian's Chromium through Playwright.

The site is built once per run and each process serves its own copy (tests/browser/site.py), so
these tests never touch pytest-django's test database (nor the developer's db.sqlite3).
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..background import REPO
from .site import CHROMIUM, MANAGE, SiteBuild, SiteCopy, wait_for_build

HERE = Path(__file__).resolve().parent
SCREENSHOTS = REPO / "test-results" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    # This hook sees every collected item, not only ours: mark just the ones under tests/browser.
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _chromium_available():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("BROWSER_TESTS_REQUIRED") == "1":
            pytest.fail(f"{CHROMIUM} is missing and BROWSER_TESTS_REQUIRED=1: run `make browser-deps`")
        pytest.skip("chromium not installed: run `make browser-deps` (apt-get install chromium)")


SITE_ENV = {}
# Runs code sent as JSON lines in the site's Django; `result` goes back as one marked JSON line.
SHELL_LOOP = """
import json, sys, traceback
import django
django.setup()
from django.core import mail
for line in sys.stdin:
    scope = {"mail": mail}
    try:
        exec(json.loads(line), scope)
        answer = {"result": scope.get("result")}
    except Exception:
        answer = {"error": traceback.format_exc()}
    print("\\x00" + json.dumps(answer, default=str), flush=True)
"""


class SiteShell:
    """Python in the site server's own Django (its database and settings), where the tests do what
    the task worker and the scheduler would: emails go to `mail.outbox`, not to the console."""

    def __init__(self, env):
        env = {**env, "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-c", SHELL_LOOP],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    def run(self, code):
        """Run `code` (it may set `result`, anything JSON can carry) and return `result`."""
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        for line in self.process.stdout:
            if line.startswith("\x00"):
                answer = json.loads(line[1:])
                if "error" in answer:
                    pytest.fail(f"in the site's Django:\n{answer['error']}", pytrace=False)
                return answer["result"]
        raise RuntimeError(f"the site shell exited with code {self.process.wait()}")

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def site_shell(site_url):
    shell = SiteShell(SITE_ENV)
    yield shell
    shell.close()


def _wait_for_health(url, server, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"runserver exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url}/healthz did not answer 200 within {timeout} s")


BUILD = pytest.StashKey()


def pytest_collection_finish(session):
    # With pytest-xdist the controlling process starts the build (tests/conftest.py); without, this one.
    config = session.config
    if config.option.collectonly or not os.path.exists(CHROMIUM) or hasattr(config, "workerinput"):
        return
    if any(HERE in Path(str(item.path)).resolve().parents for item in session.items):
        build = config.stash[BUILD] = SiteBuild(tempfile.mkdtemp(prefix="browser-build-"))
        config.add_cleanup(build.discard)


def _built_site(config):
    if hasattr(config, "workerinput"):
        return config.workerinput["browser_site"]
    if BUILD not in config.stash:  # e.g. a browser test chosen by keyword after collection
        build = config.stash[BUILD] = SiteBuild(tempfile.mkdtemp(prefix="browser-build-"))
        config.add_cleanup(build.discard)
    return config.stash[BUILD].directory


@pytest.fixture(scope="session")
def site_url(request, _chromium_available):
    built = _built_site(request.config)
    if problem := wait_for_build(built):
        pytest.fail(f"migrate, seed_demo or db_worker failed for the browser site:\n{problem}", pytrace=False)
    site = SiteCopy(built)
    SITE_ENV.update(site.env)  # for site_shell: the worker's and the scheduler's view of the same site
    # --insecure: runserver serves static files even with DEBUG off (as production-like as we get).
    log = open(site.directory / "runserver.log", "wb")  # closed below, once the server has stopped
    server = subprocess.Popen(
        MANAGE + ["runserver", f"127.0.0.1:{site.port}", "--noreload", "--insecure"],
        cwd=REPO,
        env=site.env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        try:
            _wait_for_health(site.url, server)
        except RuntimeError as error:  # show why: the server's own output
            log.flush()
            output = (site.directory / "runserver.log").read_text(errors="replace")[-3000:]
            pytest.fail(f"{error}\n{output}", pytrace=False)
        yield site.url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        site.discard()


@pytest.fixture(scope="session")
def browser(_chromium_available):
    from playwright.sync_api import sync_playwright

    # Never `playwright install`: the system Chromium is the one we test with.
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", base_url=site_url)
    page = context.new_page()
    requested, refused = [], []
    page.on("request", lambda request: requested.append(request.url))
    # Chromium reports what the Content Security Policy blocked (an inline script, a handler) on the console.
    page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    yield page
    context.close()
    if refused:
        pytest.fail(f"the Content Security Policy refused: {refused}", pytrace=False)
    # The site promises visitors that nothing is fetched from third parties (CSP says the same).
    origin = urlsplit(site_url).netloc
    foreign = [
        url for url in requested if not url.startswith(("data:", "about:", "blob:")) and urlsplit(url).netloc != origin
    ]
    if foreign:
        pytest.fail(f"requests left the site's origin: {foreign}", pytrace=False)


def check_accessibility(page, name):
    """Fail on serious or critical axe-core violations; axe is injected from disk, not a CDN."""
    import axe_playwright_python

    source = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
    # Evaluated through the DevTools protocol: an inline <script> would be refused by the site's CSP.
    page.evaluate(f"{source}\n;true")
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    problems = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    nodes: {[node['target'] for node in v['nodes']]}"
        for v in problems
    )
    if problems:
        pytest.fail(f"axe violations on {name} ({page.url}):\n{report}", pytrace=False)


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
