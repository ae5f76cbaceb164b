"""The production shape, rehearsed on loopback (`make rehearse`): a publish, a killed app server and a
Redis outage while visitors read and sign through Varnish.

Started here, each on a free loopback port and stopped again at the end: Varnish (deploy/varnish.vcl
with these ports) in front of two gunicorns (deploy/gunicorn.conf.py), a db_worker and the scheduler,
production settings (`benchmarks/rehearse_settings.py`), a database of its own on the PostgreSQL server
at 127.0.0.1:5432 (copied from a migrated and seeded template kept between runs) and a Redis server of
its own (stopping the shared one would break whatever else uses it). Then, while viewers (campaign page
in both languages, count.json) and signers (with duplicate addresses) come at fixed rates:

1. an editor publishes a change to the campaign page in Dutch and English (`publish()`, what the admin
   calls): it must be visible through the proxy in both languages within 2 s;
2. one gunicorn is SIGKILLed (its whole process group) and restarted after 5 s;
3. Redis is stopped for 10 s and started again;
4. this run's database refuses connections for 5 s (the open ones are cut): an uncached page is the
   bilingual 503, workers and scheduler that exit are restarted as systemd would, all recovers.

Asserted and printed: the publish's visibility, every signer whose POST succeeded has exactly one row,
no errors outside the fault windows (errors inside them are counted per fault), p99 latency outside
them, and cached-page throughput through the proxy vs one gunicorn alone. Written to
benchmarks/results/rehearsal-<date>.json and .md.
"""

import argparse
import datetime
import hashlib
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
RESULTS = ROOT / "benchmarks" / "results"
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
VISIBLE_WITHIN = 2.0  # seconds, the bound for a publish seen through the proxy
STARTED = []  # (name, Popen) of every process started here, stopped in reverse order at the end


def log(message):
    print(f"[rehearse {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- processes -----------------------------------------------------------------------------------


def start(name, command, env, log_dir):
    """A process in its own process group (so a SIGKILL takes its children too), output to a log file."""
    output = open(log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
    )
    STARTED.append((name, process))
    return process


class Supervisor:
    """Restarts the workers and the scheduler when they exit (a database outage ends them), as systemd's
    `Restart=always` does in production (deploy/systemd/)."""

    def __init__(self, commands, env, log_dir):
        self.commands, self.env, self.log_dir = commands, env, log_dir
        self.restarts = dict.fromkeys(commands, 0)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def start(self):
        for name, command in self.commands.items():
            start(name, command, self.env, self.log_dir)
        self.thread.start()

    def run(self):
        while not self.stopping.wait(0.5):
            for name, process in list(STARTED):
                if name in self.commands and process.poll() is not None and not self.stopping.is_set():
                    STARTED.remove((name, process))
                    time.sleep(1)  # systemd's RestartSec, shortened
                    start(name, self.commands[name], self.env, self.log_dir)
                    self.restarts[name] += 1

    def stop(self):
        self.stopping.set()
        self.thread.join()


def kill_group(process, sig=signal.SIGKILL):
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


def stop_all():
    for _name, process in reversed(STARTED):
        if process.poll() is None:
            kill_group(process, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for name, process in reversed(STARTED):
        try:
            process.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            log(f"{name} did not stop: SIGKILL")
            kill_group(process)
            process.wait(timeout=5)
    STARTED.clear()


def wait_until(check, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return time.monotonic()
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what}: not within {timeout} s")


def http_get(port, path, host=None, timeout=5, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": host or f"127.0.0.1:{port}", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


def http_post(port, path, body, host, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            "POST",
            path,
            body=body,
            headers={
                "Host": host,
                "Content-Type": "application/x-www-form-urlencoded",
                "Sec-Fetch-Site": "same-origin",
            },
        )
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


# --- database, Redis, static files --------------------------------------------------------------


def psql(sql):
    import psycopg

    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as connection:
        cursor = connection.execute(sql)
        return cursor.fetchall() if cursor.description else None


def template_name():
    """A migrated and seeded database, reused while the migrations and demo content stay the same."""
    digest = hashlib.sha1()
    for path in sorted([*ROOT.glob("*/migrations/*.py"), *ROOT.glob("*/demo.py"), ROOT / "website" / "seeding.py"]):
        digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return f"rehearse_tpl_{digest.hexdigest()[:12]}"


def prepare_database(env, name, log_dir):
    template = template_name()
    media = Path(tempfile.gettempdir()) / f"campaign-rehearse-media-{template}"
    env["MEDIA_ROOT"] = str(media)
    if not psql(f"SELECT 1 FROM pg_database WHERE datname = '{template}'"):
        log(f"building the template database {template} (migrate + seed_demo, once per migration set)")
        for (old,) in psql("SELECT datname FROM pg_database WHERE datname LIKE 'rehearse_tpl_%'"):
            psql(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
            shutil.rmtree(Path(tempfile.gettempdir()) / f"campaign-rehearse-media-{old}", ignore_errors=True)
        psql(f'CREATE DATABASE "{template}"')
        # No CDN while seeding, and the tasks seeding queued are run here: copies start with an empty queue.
        build_env = {**env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{template}", "CDN_PURGE_URL": ""}
        try:
            for command in (["migrate", "--noinput"], ["seed_demo"], ["db_worker", "--batch", "--queue-name", "*"]):
                subprocess.run(
                    [str(BIN / "python"), "manage.py", *command],
                    cwd=ROOT,
                    env=build_env,
                    check=True,
                    stdout=open(log_dir / "template.log", "ab"),  # noqa: SIM115
                    stderr=subprocess.STDOUT,
                )
        except subprocess.CalledProcessError:
            psql(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
            raise
    psql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def collect_static(env, log_dir):
    static_root = Path(env["REHEARSAL_STATIC_ROOT"])
    if (static_root / "staticfiles.json").exists() and os.environ.get("REHEARSAL_COLLECTSTATIC") != "1":
        newest_source = max(path.stat().st_mtime for path in (ROOT / "static").rglob("*") if path.is_file())
        if (static_root / "staticfiles.json").stat().st_mtime > newest_source:
            return
    log("collectstatic (kept between runs in " + str(static_root) + ")")
    subprocess.run(
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=open(log_dir / "collectstatic.log", "ab"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )


def start_redis(port, log_dir, env):
    process = start(
        "redis",
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        env,
        log_dir,
    )
    wait_until(lambda: _redis_ping(port), 10, "redis")
    return process


def _redis_ping(port):
    with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")


# --- Varnish and gunicorn ------------------------------------------------------------------------


def render_vcl(app_ports, work):
    """deploy/varnish.vcl with this run's app server ports (the file lists 8001 and 8002)."""
    vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
    for default, port in zip(("8001", "8002"), app_ports, strict=True):
        vcl = vcl.replace(f'.port = "{default}"', f'.port = "{port}"')
    vcl = vcl.replace('"Host: campagnes.example.org"', '"Host: 127.0.0.1"')
    path = work / "rehearse.vcl"
    path.write_text(vcl)
    return path


def start_varnish(port, vcl, work, env, log_dir):
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    workdir = work / "varnish"
    workdir.mkdir(exist_ok=True)
    os.chmod(work, 0o755)
    os.chmod(workdir, 0o755)
    process = start(
        "varnish",
        [
            varnishd,
            "-F",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,128m",
            "-n",
            str(workdir),
            "-T",
            "127.0.0.1:0",
            "-p",
            "default_grace=0",
        ],
        env,
        log_dir,
    )
    return process


def start_gunicorn(index, port, env, log_dir):
    app_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2", "GUNICORN_ACCESS_LOG": "-"}
    return start(
        f"gunicorn{index}", [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "website.wsgi"], app_env, log_dir
    )


def healthy(port, host):
    status, _body, _headers = http_get(port, "/healthz", host=host, timeout=2)
    return status == 200


# --- the site's content, read and changed in this process (what the admin calls) -----------------


class FormReader(HTMLParser):
    """The signing form of a campaign page: its action and the fields a visitor's browser would send."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self.selects, self.required_checkboxes = None, {}, {}, []
        self._in_form, self._select = False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "/sign/" in (attrs.get("action") or "") and self.action is None:
            self.action, self._in_form = attrs["action"], True
        elif self._in_form and tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind == "checkbox":
                if "required" in attrs:
                    self.required_checkboxes.append(attrs["name"])
            elif kind != "submit":
                self.fields.setdefault(attrs["name"], attrs.get("value") or "")
        elif self._in_form and tag == "select":
            self._select = attrs.get("name")
        elif self._in_form and tag == "option" and self._select and attrs.get("value"):
            self.selects.setdefault(self._select, attrs["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None


def find_campaign():
    """The demo's live campaign page with a petition (Dutch, and its English translation)."""
    from wagtail.models import Locale

    from campaigns.models import CampaignPage

    english = Locale.objects.get(language_code="en")
    for page in CampaignPage.objects.live().filter(locale__language_code="nl").order_by("-pk"):
        for block in page.body:
            petition = block.value["petition"] if block.block_type == "petition" else None
            translation = page.get_translation_or_none(english)
            if petition is not None and petition.is_open() and translation is not None and translation.live:
                return page, translation, petition
    raise RuntimeError("no live campaign page with an open petition in the demo content")


def publish_change(page, marker):
    """What the admin's Publish does: a new revision with the change, published."""
    page = type(page).objects.get(pk=page.pk)
    page.ask = f"{page.ask.split(' [')[0]} [{marker}]"[: page._meta.get_field("ask").max_length]
    page.save_revision().publish()
    return page.ask


# --- load ----------------------------------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []  # (kind, due, latency_s, status or error)

    def add(self, kind, due, latency, outcome):
        with self.lock:
            self.rows.append((kind, due, latency, outcome))


class Load:
    """Viewers and signers at fixed rates; latency is counted from when a request was due (open loop)."""

    def __init__(self, proxy_port, host, pages, sign_path, form, recorder, view_rate, sign_rate):
        self.proxy_port, self.host, self.pages, self.sign_path = proxy_port, host, pages, sign_path
        self.form, self.recorder = form, recorder
        self.view_rate, self.sign_rate = view_rate, sign_rate
        self.pool = ThreadPoolExecutor(max_workers=48)
        self.stop_event = threading.Event()
        self.signers = {}  # email -> successful POSTs
        self.signer_lock = threading.Lock()
        self.sequence = 0
        self.thread = threading.Thread(target=self.run, daemon=True)

    def start(self):
        self.started = time.monotonic()
        self.thread.start()

    def stop(self):
        self.stop_event.set()
        self.thread.join()
        self.pool.shutdown(wait=True)

    def run(self):
        rng = random.Random(13)
        next_view = next_sign = time.monotonic()
        while not self.stop_event.is_set():
            now = time.monotonic()
            if now >= next_view:
                self.pool.submit(self.view, next_view, rng.choice(self.pages))
                next_view += 1 / self.view_rate
            if now >= next_sign:
                self.pool.submit(self.sign, next_sign, rng)
                next_sign += 1 / self.sign_rate
            time.sleep(max(min(next_view, next_sign) - time.monotonic(), 0))

    def view(self, due, path):
        kind = "count" if path.endswith("count.json") else "page"
        try:
            status, _body, _headers = http_get(self.proxy_port, path, host=self.host, timeout=10)
            self.recorder.add(kind, due, time.monotonic() - due, status)
        except OSError as error:
            self.recorder.add(kind, due, time.monotonic() - due, type(error).__name__)

    def sign(self, due, rng):
        with self.signer_lock:
            self.sequence += 1
            # One signer in five tries again with an address already used: still one row.
            if self.sequence % 5 == 0 and self.signers:
                email = rng.choice(sorted(self.signers))
            else:
                email = f"signer{self.sequence}-{os.getpid()}@rehearsal.example.org"
        body = urlencode({**self.form, "name": "Rehearsal Signer", "email": email})
        try:
            status = http_post(self.proxy_port, self.sign_path, body, self.host)
        except OSError as error:
            self.recorder.add("sign", due, time.monotonic() - due, type(error).__name__)
            return
        self.recorder.add("sign", due, time.monotonic() - due, status)
        if status in (200, 302, 303):
            with self.signer_lock:
                self.signers[email] = self.signers.get(email, 0) + 1


def ok(outcome):
    return isinstance(outcome, int) and outcome < 400


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(int(len(ordered) * fraction), len(ordered) - 1)]


def throughput(port, host, path, seconds=3.0, threads=8):
    """Closed loop: requests per second for `path` (a cached page), new connection per request."""
    done = [0] * threads
    deadline = time.monotonic() + seconds

    def worker(index):
        while time.monotonic() < deadline:
            status, _body, _headers = http_get(port, path, host=host, headers={"Accept-Encoding": "gzip"})
            if status == 200:
                done[index] += 1

    pool = [threading.Thread(target=worker, args=(index,)) for index in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return round(sum(done) / seconds, 1)


# --- the rehearsal -------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--view-rate", type=float, default=30, help="page and count.json requests per second")
    parser.add_argument("--sign-rate", type=float, default=8, help="signatures per second")
    parser.add_argument("--keep", action="store_true", help="keep the run's database (for a look afterwards)")
    args = parser.parse_args()

    run_id = f"rehearse_{int(time.time())}_{os.getpid()}"
    work = Path(tempfile.mkdtemp(prefix="campaign-rehearse-"))
    log_dir = work / "logs"
    log_dir.mkdir()
    proxy_port, redis_port = free_port(), free_port()
    app_ports = [free_port(), free_port()]
    host = f"127.0.0.1:{proxy_port}"
    env = {
        **os.environ,
        "REHEARSAL": "1",
        "DJANGO_SETTINGS_MODULE": "benchmarks.rehearse_settings",
        "PYTHONPATH": str(ROOT),
        "SECRET_KEY": "rehearsal-" + hashlib.sha256(run_id.encode()).hexdigest(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://{host}",
        "SECURE_SSL_REDIRECT": "false",
        "DEMO_CONTENT_ALLOWED": "true",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/3",
        "CACHE_KEY_PREFIX": run_id,
        "CDN_PURGE_URL": f"http://{host}",
        "NUM_PROXIES": "1",
        "LOG_LEVEL": "INFO",
        "REHEARSAL_STATIC_ROOT": os.environ.get("REHEARSAL_STATIC_ROOT", "/tmp/campaign-rehearse-staticfiles"),
        "SENTRY_DSN": "",
    }
    figures = {"run": run_id, "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")}
    began = time.monotonic()
    failures = []
    try:
        start_redis(redis_port, log_dir, env)
        env["DATABASE_URL"] = prepare_database(env, run_id, log_dir)
        collect_static(env, log_dir)
        figures["setup_database_s"] = round(time.monotonic() - began, 1)

        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from wagtail.models import Site

        # The template was seeded for another port: full URLs (purges) must name this run's proxy.
        Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=proxy_port)
        nl_page, en_page, petition = find_campaign()
        nl_path, en_path = urlsplit(nl_page.url).path, urlsplit(en_page.url).path
        from django.db.models import Count

        from petitions.models import Signature

        count_path = f"/petitions/{petition.petition_key}/count.json"
        log(f"campaign {nl_path} / {en_path}, petition {petition.petition_key}")

        for index, port in enumerate(app_ports, 1):
            start_gunicorn(index, port, env, log_dir)
        worker = [str(BIN / "python"), "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2"]
        supervisor = Supervisor(
            {"worker1": worker, "worker2": worker, "scheduler": [str(BIN / "python"), "manage.py", "run_schedule"]},
            env,
            log_dir,
        )
        supervisor.start()
        for port in app_ports:
            wait_until(lambda port=port: healthy(port, "127.0.0.1"), 60, f"gunicorn on {port}")
        start_varnish(proxy_port, render_vcl(app_ports, work), work, env, log_dir)
        wait_until(lambda: http_get(proxy_port, nl_path, host=host)[0] == 200, 30, "varnish")
        figures["startup_s"] = round(time.monotonic() - began, 1)
        log(f"up after {figures['startup_s']} s: varnish :{proxy_port} -> gunicorn :{app_ports[0]}, :{app_ports[1]}")

        # The form a visitor's browser would send, read from the page itself.
        reader = FormReader()
        reader.feed(http_get(proxy_port, nl_path, host=host)[1].decode())
        if reader.action is None:
            raise RuntimeError("the campaign page has no signing form")
        form = {**reader.fields, **reader.selects, **dict.fromkeys(reader.required_checkboxes, "on")}
        form.update({"postcode": "1012AB", "form_ms": "9000", "website": ""})
        load = Load(
            proxy_port,
            host,
            [nl_path, en_path, count_path],
            urlsplit(reader.action).path,
            form,
            Recorder(),
            args.view_rate,
            args.sign_rate,
        )
        windows = {}
        load.start()
        time.sleep(8)

        # 1. A publish, seen through the proxy in both languages.
        marker = f"rehearsal {int(time.time())}"
        published = time.monotonic()
        nl_text, en_text = publish_change(nl_page, marker), publish_change(en_page, marker)
        publish_took = time.monotonic() - published
        visible = {}
        for language, path, text in (("nl", nl_path, nl_text), ("en", en_path, en_text)):
            seen = wait_until(
                lambda path=path, text=text: (
                    text.encode() in http_get(proxy_port, path, host=host)[1]
                    or text.replace("[", "&#x5B;").encode() in http_get(proxy_port, path, host=host)[1]
                ),
                15,
                f"the change in {language}",
            )
            visible[language] = round(seen - published, 2)
        figures["publish"] = {"publish_calls_s": round(publish_took, 2), "visible_after_s": visible}
        log(f"publish visible through the proxy after {visible} s (both publishes took {publish_took:.2f} s)")
        if max(visible.values()) > VISIBLE_WITHIN:
            failures.append(f"publish visible after {visible} s, more than {VISIBLE_WITHIN} s")
        time.sleep(4)

        # 2. An app server killed (master and workers), restarted after 5 s.
        name, victim = next((name, process) for name, process in STARTED if name == "gunicorn1")
        start_kill = time.monotonic()
        kill_group(victim)
        victim.wait()
        time.sleep(5)
        STARTED.remove((name, victim))
        start_gunicorn(1, app_ports[0], env, log_dir)
        wait_until(lambda: healthy(app_ports[0], "127.0.0.1"), 60, "the restarted gunicorn")
        windows["app_server_killed"] = (start_kill, time.monotonic() + 3)
        log(f"gunicorn 1 killed and back after {time.monotonic() - start_kill:.1f} s")
        time.sleep(6)

        # 3. Redis stopped for 10 s.
        redis = next(process for name, process in STARTED if name == "redis")
        start_redis_stop = time.monotonic()
        kill_group(redis, signal.SIGTERM)
        redis.wait()
        STARTED.remove(("redis", redis))
        time.sleep(2)
        status, body, _headers = http_get(app_ports[1], "/healthz", host="127.0.0.1")
        figures["healthz_during_redis_outage"] = {"status": status, "body": json.loads(body or b"{}")}
        time.sleep(8)
        start_redis(redis_port, log_dir, env)
        windows["redis_stopped"] = (start_redis_stop, time.monotonic() + 3)
        log(f"redis stopped for {time.monotonic() - start_redis_stop:.1f} s; healthz then said {status} {body[:80]!r}")
        time.sleep(8)

        # 4. PostgreSQL gone for 5 s, for this run's database only (the server is shared): connections
        # refused and the open ones cut, as a restart would.
        outage = time.monotonic()
        psql(f'ALTER DATABASE "{run_id}" ALLOW_CONNECTIONS false')
        psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{run_id}'")
        time.sleep(1.5)
        status, body, _headers = http_get(app_ports[1], nl_path + "?uncached=1", host=host)
        text = body.decode(errors="replace")
        figures["uncached_page_during_database_outage"] = {
            "status": status,
            "bilingual": "Zo terug" in text and "Back in a moment" in text,
            "traceback": "Traceback" in text or "OperationalError" in text,
        }
        if status != 503 or not figures["uncached_page_during_database_outage"]["bilingual"]:
            failures.append(f"database outage: an uncached page answered {status}, not the bilingual 503")
        time.sleep(3.5)
        psql(f'ALTER DATABASE "{run_id}" ALLOW_CONNECTIONS true')
        windows["database_stopped"] = (outage, time.monotonic() + 3)
        log(f"database refused connections for {time.monotonic() - outage:.1f} s; an uncached page then: {status}")
        time.sleep(8)
        load.stop()
        load_seconds = time.monotonic() - load.started
        supervisor.stop()
        figures["restarted_after_exit"] = supervisor.restarts
        from django.db import connections

        connections.close_all()  # this process's connection was cut too

        # Figures.
        rows = load.recorder.rows

        def window_of(row):
            """The fault a request was in flight during: from when it was due to its answer (a request due
            just before a fault but sent late, on a busy machine, meets the fault all the same)."""
            _kind, due, latency, _outcome = row
            return next((name for name, (begin, end) in windows.items() if due <= end and due + latency >= begin), None)

        outside = [row for row in rows if window_of(row) is None]
        errors_outside = [row for row in outside if not ok(row[3])]
        per_fault = {
            name: {
                "requests": sum(1 for row in rows if window_of(row) == name),
                "errors": sum(1 for row in rows if window_of(row) == name and not ok(row[3])),
                "error_kinds": sorted(
                    {f"{row[0]} {row[3]}" for row in rows if window_of(row) == name and not ok(row[3])}
                ),
                "seconds": round(end - begin, 1),
            }
            for name, (begin, end) in windows.items()
        }
        latency = {}
        for kind in ("page", "count", "sign"):
            values = [row[2] * 1000 for row in outside if row[0] == kind and ok(row[3])]
            latency[kind] = {
                "requests": len(values),
                "p50_ms": round(statistics.median(values), 1) if values else None,
                "p99_ms": round(percentile(values, 0.99), 1) if values else None,
            }
        figures["load"] = {
            "seconds": round(load_seconds, 1),
            "offered_views_per_s": args.view_rate,
            "offered_signatures_per_s": args.sign_rate,
            "requests": len(rows),
            "errors_outside_faults": len(errors_outside),
            "error_kinds_outside_faults": sorted({str(row[3]) for row in errors_outside}),
            "latency_outside_faults": latency,
            "faults": per_fault,
        }
        if errors_outside:
            failures.append(
                f"{len(errors_outside)} errors outside the fault windows: {figures['load']['error_kinds_outside_faults']}"
            )

        rows_per_email = dict(
            Signature.objects.filter(petition_key=petition.petition_key, email__endswith="@rehearsal.example.org")
            .values_list("email")
            .annotate(n=Count("pk"))
        )
        wrong = {email: rows_per_email.get(email, 0) for email in load.signers if rows_per_email.get(email, 0) != 1}
        figures["signing"] = {
            "signers_with_a_successful_post": len(load.signers),
            "successful_posts": sum(load.signers.values()),
            "rows": sum(rows_per_email.values()),
            "signers_without_exactly_one_row": len(wrong),
        }
        if wrong or not load.signers:
            failures.append(f"signers without exactly one row: {len(wrong)} of {len(load.signers)}")

        http_get(proxy_port, nl_path, host=host)  # cached again in Varnish and in the page cache
        figures["cached_page_req_per_s"] = {
            "through_varnish": throughput(proxy_port, host, nl_path),
            "gunicorn_alone": throughput(app_ports[1], host, nl_path),
        }
        figures["total_s"] = round(time.monotonic() - began, 1)
    except Exception as error:
        failures.append(f"{type(error).__name__}: {error}")
        raise
    finally:
        stop_all()
        if not args.keep:
            try:
                from django.db import connections

                connections.close_all()
            except Exception:  # Django may not be set up yet
                pass
            psql(f'DROP DATABASE IF EXISTS "{run_id}" WITH (FORCE)')
        figures["failures"] = failures
        figures["logs"] = str(log_dir)
        report(figures)
    if failures:
        log("FAILED: " + "; ".join(failures))
        sys.exit(1)
    shutil.rmtree(work, ignore_errors=True)
    log(f"passed in {figures['total_s']} s")


def report(figures):
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.date.today().isoformat()
    (RESULTS / f"rehearsal-{stamp}.json").write_text(json.dumps(figures, indent=2) + "\n")
    lines = [f"# Rehearsal {figures['date']}", "", "```json", json.dumps(figures, indent=2), "```", ""]
    (RESULTS / f"rehearsal-{stamp}.md").write_text("\n".join(lines))
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
