"""Petitions under load: signing, the bare-insert baseline, count.json, and the count afterwards.

One command, everything on 127.0.0.1, every step bounded in time:

    .venv/bin/python benchmarks/petitions_load.py            # 20 s per saturation test, 60 s fixed rate
    .venv/bin/python benchmarks/petitions_load.py --quick    # 5 s / 15 s

What it does:
 1. creates a PostgreSQL database bench_<timestamp> (127.0.0.1:5432, user postgres) and migrates it
    with `benchmarks.bench_settings` (production settings on loopback, Redis db 14), runs
    collectstatic once into /tmp (the production static storage needs its manifest);
 2. syncs the municipalities, creates one open petition (petitions.models directly), its consent
    version, and the plain table of the bare-insert view (`benchmarks/bench_urls.py`);
 3. starts gunicorn (default 4 sync workers, as README's deployment) on a free port;
 4. measures with wrk (closed loop, saturation): robots.txt (the Django stack's floor: no SQL), the
    bare insert, signing, count.json, and a hello-world WSGI app in the same gunicorn set-up (the
    server's ceiling, `benchmarks/hello_wsgi.py`); then signing at a fixed offered rate with an
    open-loop asyncio client (`benchmarks/fixed_rate.py`). Before each test it waits (bounded) for
    other processes on the machine to go quiet, and repeats a test they disturbed (--attempts);
 5. waits until the server has drained, confirms every signature with one UPDATE, runs
    petitions.counting.update_counts until it has nothing left, and checks PetitionCount == distinct
    addresses in the table == rows == what count.json shows, and that the clients sent that many
    addresses (wrk may have built up to one per connection it never sent);
 6. stops gunicorn, drops the database, deletes its Redis keys, prints the summary and writes it to
    benchmarks/results/petitions-<date>[-quick][-<name>].md (and .json).

CPU per process group (app workers, PostgreSQL, Redis, load client, anything else) is read from
/proc before and after each test: on a 2-core machine the client and the server share the cores.
"""

import argparse
import asyncio
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
RESULTS = BENCH / "results"
VENV_BIN = Path(sys.executable).parent
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
TARGETS = {"ratio": 0.5, "fixed_p99_ms": 250, "fixed_errors": 0, "count_rps": 2000}
CLK_TCK = os.sysconf("SC_CLK_TCK")
DISTURBED = 0.3  # cores used by processes outside the benchmark above which a measurement is not trusted

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from fixed_rate import SignBodies, run_fixed_rate  # noqa: E402


def log(message):
    print(f"[{datetime.datetime.now(datetime.UTC):%H:%M:%S}Z] {message}", flush=True)


# --- processes and CPU ---------------------------------------------------------------------------


def read_procs():
    """{pid: (comm, ppid, cpu_ticks)} for every process we may read."""
    procs = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                data = handle.read()
        except OSError:
            continue
        close = data.rindex(")")
        comm = data[data.index("(") + 1 : close]
        fields = data[close + 2 :].split()
        procs[int(entry)] = (comm, int(fields[1]), int(fields[11]) + int(fields[12]))
    return procs


def machine_ticks():
    with open("/proc/stat") as handle:
        values = [int(value) for value in handle.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values[:8]) - idle, sum(values[:8])


class CpuMeter:
    """CPU per group between start() and stop(), in cores busy on average.

    Groups: the app (gunicorn master and workers), PostgreSQL (background processes and the backends
    of the bench database), Redis, the load client (this process and wrk), and "other": the machine's
    busy time (/proc/stat) minus all of those, i.e. everything else that ran meanwhile, including
    other databases' backends and processes that ended during the test.
    """

    def __init__(self, app_master_pid, database=None):
        self.app_master = app_master_pid
        self.database = database
        self.client_pids = {os.getpid()}

    def group(self, pid, comm, ppid):
        if pid == self.app_master or ppid == self.app_master:
            return "app"
        if pid in self.client_pids or comm == "wrk":
            return "client"
        if comm == "postgres":
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as handle:
                    cmdline = handle.read().decode(errors="replace")
            except OSError:
                return "postgres"
            if "(" in cmdline and (self.database is None or f" {self.database} " not in cmdline):
                return "other"  # a backend of another database (someone else's tests)
            return "postgres"
        if comm.startswith("redis"):
            return "redis"
        return "other"

    def snapshot(self):
        return {pid: (self.group(pid, comm, ppid), ticks) for pid, (comm, ppid, ticks) in read_procs().items()}

    def start(self):
        self.begin = self.snapshot()
        self.machine_begin = machine_ticks()
        self.time_begin = time.monotonic()

    def stop(self, client_cpu_seconds=0.0):
        """client_cpu_seconds: CPU of client processes that have exited meanwhile (wrk, from rusage)."""
        end = self.snapshot()
        busy_end, total_end = machine_ticks()
        elapsed = time.monotonic() - self.time_begin
        ticks = Counter()
        for pid, (group, value) in end.items():
            ticks[group] += value - self.begin.get(pid, (group, 0))[1]
        cores = {group: round(ticks[group] / CLK_TCK / elapsed, 2) for group in ("app", "postgres", "redis", "client")}
        cores["client"] = round(cores["client"] + client_cpu_seconds / elapsed, 2)
        busy = busy_end - self.machine_begin[0]
        total = total_end - self.machine_begin[1]
        machine_cores = busy / CLK_TCK / elapsed
        cores["other"] = round(
            max(0.0, machine_cores - sum(cores[group] for group in ("app", "postgres", "redis", "client"))), 2
        )
        cores["machine_busy_pct"] = round(100 * busy / total, 1) if total else None
        return cores

    def wait_for_quiet(self, max_wait, threshold=0.3, window=2.0):
        """Wait (at most max_wait s) until processes that are not ours use < threshold cores.

        Returns the last measured load of those other processes, in cores.
        """
        deadline = time.monotonic() + max_wait
        while True:
            self.start()
            time.sleep(window)
            other = self.stop()["other"]
            if other < threshold or time.monotonic() >= deadline:
                return other
            log(
                f"other processes use {other:.2f} cores: waiting for a quieter machine "
                f"({deadline - time.monotonic():.0f} s left)"
            )


# --- database ------------------------------------------------------------------------------------


def admin_connection():
    import psycopg

    return psycopg.connect(dbname="postgres", autocommit=True, **PG)


def create_database(name):
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(name):
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def delete_cache_keys(redis_url, prefix):
    import redis

    client = redis.Redis.from_url(redis_url)
    deleted = 0
    for key in client.scan_iter(f"{prefix}:*", count=1000):
        deleted += client.delete(key)
    return deleted


# --- gunicorn ------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(args, port, env, log_path, app="website.wsgi", chdir=ROOT):
    command = [
        str(VENV_BIN / "gunicorn"),
        app,
        "--chdir",
        str(chdir),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        args.worker_class,
        "--timeout",
        "30",
        "--graceful-timeout",
        "5",
        "--error-logfile",
        str(log_path),
        "--log-level",
        "warning",
    ]
    if args.worker_class == "gthread":
        command += ["--threads", str(args.threads)]
    log("starting " + " ".join(command[1:]))
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    ready = 0
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log_path}")
        try:
            path = "/healthz" if app == "website.wsgi" else "/"
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
                if response.status == 200:
                    ready += 1
                    if ready >= args.workers * 2:  # every worker has imported Django, most likely
                        return process
                    continue
        except OSError:
            pass
        time.sleep(0.3)
    stop_gunicorn(process)
    raise RuntimeError(f"gunicorn did not answer /healthz within 60 s; see {log_path}")


def children_of(pid):
    return [child for child, (_comm, ppid, _ticks) in read_procs().items() if ppid == pid]


def stop_gunicorn(process):
    if process is None or process.poll() is not None:
        return
    workers = children_of(process.pid)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        for pid in [process.pid, *workers]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        process.wait(timeout=5)


# --- load ----------------------------------------------------------------------------------------


def run_wrk(args, url, script, duration, script_args=()):
    command = [
        "wrk",
        "-t",
        str(args.wrk_threads),
        "-c",
        str(args.connections),
        "-d",
        f"{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
    ]
    if script_args:
        command += ["--", *[str(arg) for arg in script_args]]
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = process.communicate(timeout=duration + 30)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        raise RuntimeError("wrk did not stop in time") from None
    usage_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wrk_cpu = (usage_after.ru_utime + usage_after.ru_stime) - (usage_before.ru_utime + usage_before.ru_stime)
    for line in stdout.splitlines():
        if line.startswith("BENCHJSON "):
            result = json.loads(line[len("BENCHJSON ") :])
            result["rps"] = round(result["requests"] / (result["duration_us"] / 1e6), 1)
            result["wrk_cpu_s"] = round(wrk_cpu, 2)
            result["error_count"] = sum(result["errors"].values()) + result["s4xx"] + result["s5xx"]
            return result
    raise RuntimeError(f"wrk printed no result:\n{stdout}\n{stderr}")


def measured(meter, args, label, function):
    """Run one test; again (up to --attempts) while other processes disturbed it; keep the quietest."""
    best = None
    for attempt in range(1, args.attempts + 1):
        other = meter.wait_for_quiet(args.wait_quiet) if args.wait_quiet else None
        meter.start()
        result = function()
        result["cpu"] = meter.stop(result.get("wrk_cpu_s", 0.0))
        result["other_before"] = other
        result["attempt"] = attempt
        log(
            f"{label} (attempt {attempt}): "
            + ", ".join(f"{key}={result[key]}" for key in ("rps", "p50_ms", "p99_ms", "error_count") if key in result)
            + f"; cpu {result['cpu']}"
        )
        if best is None or result["cpu"]["other"] < best["cpu"]["other"]:
            best = result
        if result["cpu"]["other"] <= DISTURBED:
            break
    return best


def with_ms(result):
    for key in ("p50", "p90", "p99", "max"):
        if f"{key}_us" in result:
            result[f"{key}_ms"] = round(result[f"{key}_us"] / 1000, 2)
    return result


# --- Django side (seeding, counting) -------------------------------------------------------------


def seed(bare_table):
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Locale

    from petitions.consent import current_consent
    from petitions.models import Municipality, Petition, PetitionSettings, PetitionStatus

    call_command("sync_municipalities", verbosity=0)
    locale, _created = Locale.objects.get_or_create(language_code="nl")
    petition = Petition.objects.create(
        locale=locale,
        title="Benchmarkpetitie",
        demand="Een petitie om de site te meten.",
        addressed_to="De benchmark",
        goal=1_000_000,
        milestones="1000, 100000",
        opens_at=timezone.now() - datetime.timedelta(days=1),
        status=PetitionStatus.OPEN,
        thank_you_text="Dank je wel.",
        consent_text="Ik geef toestemming mijn gegevens te bewaren voor deze petitie.",
        ask_municipality=True,
    )
    consent = current_consent(petition)
    PetitionSettings.load()
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {bare_table} (id bigserial PRIMARY KEY, email text NOT NULL, "
            "name text NOT NULL, municipality text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
        )
    codes = list(Municipality.objects.filter(active=True).values_list("cbs_code", flat=True))
    return petition, consent, codes


def per_request_costs(sign_path, count_path, consent_version, municipality):
    """SQL statements and Redis commands of one warm request to each endpoint (Django's test client)."""
    import redis
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1")
    commands = []
    original = redis.Redis.execute_command
    original_pipeline = redis.client.Pipeline.execute

    def counting_execute(self, *args, **options):
        commands.append(args[0])
        return original(self, *args, **options)

    def counting_pipeline(self, *args, **options):  # one round trip: shown as [SET INCR …]
        commands.append("[" + " ".join(str(command[0][0]) for command in self.command_stack) + "]")
        return original_pipeline(self, *args, **options)

    def form(email):
        return {
            "name": "Probe",
            "email": email,
            "municipality": municipality,
            "consent": "on",
            "consent_version": str(consent_version),
            "form_ms": "9000",
            "website": "",
        }

    def post(path, email):
        from urllib.parse import urlencode

        return client.post(path, urlencode(form(email)), content_type="application/x-www-form-urlencoded")

    costs = {}
    redis.Redis.execute_command = counting_execute
    redis.client.Pipeline.execute = counting_pipeline
    try:
        for label, call in (
            ("sign", lambda n: post(sign_path, f"probe-{n}@bench.example.org")),
            ("bare", lambda n: post("/bench/bare-insert", f"probe-{n}@bench.example.org")),
            ("count", lambda n: client.get(count_path)),
            ("floor", lambda n: client.get("/robots.txt")),
        ):
            call(0)  # warm: the cached lookups are filled
            commands.clear()
            with CaptureQueriesContext(connection) as queries:
                response = call(1)
            costs[label] = {
                "status": response.status_code,
                "sql": len(queries),
                "redis": len(commands),
                "redis_commands": " ".join(commands),
            }
    finally:
        redis.Redis.execute_command = original
        redis.client.Pipeline.execute = original_pipeline
    return costs


def wait_for_drain(port, petition_key, max_wait=120):
    """After an overload the listen backlog still holds requests: wait until they are done (bounded)."""
    from petitions.models import Signature

    deadline = time.monotonic() + max_wait
    last = None
    while time.monotonic() < deadline:
        rows = Signature.objects.filter(petition_key=petition_key).count()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                healthy = response.status == 200
        except OSError:
            healthy = False
        if healthy and rows == last:
            return True
        last = rows
        time.sleep(1)
    return False


def count_check(petition, port, client_unique, client_duplicates, unsent_allowance=0):
    from django.core.mail.backends.dummy import EmailBackend as DummyMailer
    from django.db.models import Count
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from petitions import counting
    from petitions.models import PetitionCount, Signature
    from petitions.tasks import send_due_confirmations

    key = petition.petition_key
    signatures = Signature.objects.filter(petition_key=key)
    rows = signatures.count()
    distinct = signatures.values("email_normalised").distinct().count()
    tasks = dict(DBTaskResult.objects.values_list("task_path").annotate(n=Count("pk")))
    # The confirmation emails wait in the signature rows (the outbox): render and hand them all to a
    # mailer that delivers nothing, as `send_due_confirmations` does on the worker.
    due = signatures.filter(confirmation_due=True).count()
    start = time.perf_counter()
    with mock.patch("website.mail.mailers", mock.Mock(default=DummyMailer())):
        emailed = send_due_confirmations.call(max_seconds=600)
    emails_s = time.perf_counter() - start
    # After the sender: it is what screens signatures against the rate limits.
    suspects = dict(
        signatures.exclude(suspect_reasons="").values_list("suspect_reasons").annotate(n=Count("pk")).order_by("-n")[:5]
    )
    start = time.perf_counter()
    confirmed_now = signatures.filter(status="pending").update(status="confirmed", confirmed_at=timezone.now())
    confirm_s = time.perf_counter() - start
    start = time.perf_counter()
    moved = runs = 0
    while True:
        batch = counting.update_counts()
        runs += 1
        moved += batch
        if batch == 0 or runs > 1000:
            break
    counting_s = time.perf_counter() - start
    counted = PetitionCount.objects.get(petition_key=key).confirmed
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/petitions/{key}/count.json", timeout=10) as response:
        public = json.load(response)
    # Server side must agree exactly; the clients' tally may exceed it by addresses wrk built but never sent.
    ok = (
        counted == distinct == rows == public["confirmed"] == due == emailed
        and 0 <= client_unique - rows <= unsent_allowance
    )
    return {
        "client_unique": client_unique,
        "client_duplicates": client_duplicates,
        "unsent_allowance": unsent_allowance,
        "rows": rows,
        "emails_due": due,
        "emails_sent": emailed,
        "emails_s": round(emails_s, 2),
        "emails_per_s": round(emailed / emails_s) if emails_s else None,
        "distinct_emails": distinct,
        "confirmed_by_update": confirmed_now,
        "confirm_s": round(confirm_s, 2),
        "moved": moved,
        "update_counts_calls": runs,
        "counting_s": round(counting_s, 2),
        "counting_rows_per_s": round(moved / counting_s) if counting_s else None,
        "petition_count": counted,
        "count_json": public["confirmed"],
        "ok": ok,
        "suspect_reasons": suspects,
        "tasks_queued": tasks,
    }


# --- report --------------------------------------------------------------------------------------


def machine_description():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


def versions():
    import django
    import gunicorn
    import wagtail

    with admin_connection() as conn:
        pg = conn.execute("SHOW server_version").fetchone()[0]
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0].split(" [")[0]
    return (
        f"Python {platform.python_version()}, Django {django.__version__}, Wagtail {wagtail.__version__}, "
        f"gunicorn {gunicorn.__version__}, PostgreSQL {pg}, {wrk}"
    )


def code_state():
    """The code under test: HEAD, and the files of petitions/ and website/ changed on top of it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "petitions", "website"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return "unknown (no git)"
    newest = max(
        (path.stat().st_mtime for folder in ("petitions", "website") for path in (ROOT / folder).glob("*.py")),
        default=0,
    )
    text = f"commit {head}"
    if changed:
        text += (
            f" + {len(changed)} changed/new files in petitions/ and website/ (newest .py modified "
            f"{datetime.datetime.fromtimestamp(newest):%Y-%m-%d %H:%M})"
        )
    return text


def verdict(passed, *measurements):
    text = "**met**" if passed else "**missed**"
    others = [m["cpu"]["other"] for m in measurements if m and m["cpu"]["other"] > DISTURBED]
    if others:
        text += f" (not valid: other processes used up to {max(others)} cores during the test)"
    return text


def report(context, results):
    sign, bare, count, fixed, check = (results.get(key) for key in ("sign", "bare", "count", "fixed", "check"))
    lines = [
        f"# Petitions load benchmark — {context['date']}",
        "",
        f"- machine: {context['machine']}",
        f"- software: {context['versions']}",
        f"- code: {context.get('code', 'unknown')}",
        f"- server: gunicorn {context['server']}, `benchmarks.bench_settings` (production settings, "
        "PostgreSQL and Redis on 127.0.0.1)",
        f"- saturation: wrk {context['wrk']}, {context['duration']} s per test after a "
        f"{context['warmup']} s warm-up; duplicates {context['duplicates']:.0%} of sign requests",
        f"- fixed rate: open-loop asyncio client, {context['rate']} req/s for {context['fixed_duration']} s, "
        "latency from each request's scheduled time",
        "- client and server share the same cores: the 'client' CPU column is taken from the server",
        f"- command: `{context['command']}`",
        "",
    ]
    lines += ["| measurement | result | target | |", "| --- | --- | --- | --- |"]
    if sign:
        lines.append(
            f"| sign, saturation | {sign['rps']:.0f} req/s, p50 {sign['p50_ms']:.1f} ms, "
            f"p99 {sign['p99_ms']:.1f} ms, {sign['error_count']} errors | | |"
        )
    if bare:
        lines.append(
            f"| bare insert, saturation | {bare['rps']:.0f} req/s, p50 {bare['p50_ms']:.1f} ms, "
            f"p99 {bare['p99_ms']:.1f} ms, {bare['error_count']} errors | | |"
        )
    if sign and bare:
        ratio = sign["rps"] / bare["rps"] if bare["rps"] else 0
        results["ratio"] = round(ratio, 3)
        lines.append(
            f"| sign / bare | {ratio:.2f} | ≥ {TARGETS['ratio']} | {verdict(ratio >= TARGETS['ratio'], sign, bare)} |"
        )
    if fixed:
        lines.append(
            f"| sign at {fixed['offered_rate']:.0f} req/s offered, p99 | {fixed['p99_ms']:.1f} ms "
            f"(p50 {fixed['p50_ms']:.1f}, max {fixed['max_ms']:.1f}) | < {TARGETS['fixed_p99_ms']} ms | "
            f"{verdict(fixed['p99_ms'] < TARGETS['fixed_p99_ms'], fixed)} |"
        )
        lines.append(
            f"| sign at {fixed['offered_rate']:.0f} req/s offered, errors | {fixed['error_count']} of "
            f"{fixed['requests']} {fixed['errors'] or ''} | {TARGETS['fixed_errors']} | "
            f"{verdict(fixed['error_count'] <= TARGETS['fixed_errors'], fixed)} |"
        )
    if results.get("ceiling"):
        ceiling = results["ceiling"]
        lines.append(
            f"| hello-world WSGI app, same gunicorn and wrk (no Django: the server's ceiling) | "
            f"{ceiling['rps']:.0f} req/s, p50 {ceiling['p50_ms']:.1f} ms, "
            f"p99 {ceiling['p99_ms']:.1f} ms | | |"
        )
    if results.get("floor"):
        floor = results["floor"]
        lines.append(
            f"| robots.txt, saturation (no database, no cache: the stack's floor) | {floor['rps']:.0f} req/s, "
            f"p50 {floor['p50_ms']:.1f} ms, p99 {floor['p99_ms']:.1f} ms | | |"
        )
    if count:
        lines.append(
            f"| count.json, saturation | {count['rps']:.0f} req/s, p50 {count['p50_ms']:.1f} ms, "
            f"p99 {count['p99_ms']:.1f} ms, {count['error_count']} errors | ≥ {TARGETS['count_rps']} req/s | "
            f"{verdict(count['rps'] >= TARGETS['count_rps'], count)} |"
        )
    if check:
        lines.append(
            f"| count after confirming all | PetitionCount {check['petition_count']}, distinct addresses "
            f"{check['distinct_emails']}, rows {check['rows']}, count.json {check['count_json']}; "
            f"clients sent {check['client_unique']} addresses | all equal (clients: up to "
            f"{check['unsent_allowance']} built but unsent) | {verdict(check['ok'])} |"
        )
    lines += [
        "",
        "CPU during each test, in cores busy on average ('other' = processes that are not part of the "
        "benchmark; 'other before' = their load just before the test started):",
        "",
        "| test | app workers | PostgreSQL | Redis | load client | other | other before | machine busy | "
        "server CPU per request |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, label in (
        ("ceiling", "hello-world WSGI"),
        ("floor", "robots.txt"),
        ("bare", "bare insert"),
        ("sign", "sign"),
        ("count", "count.json"),
        ("fixed", "sign, fixed rate"),
    ):
        if results.get(key):
            cpu = results[key]["cpu"]
            rate = results[key].get("rps") or results[key].get("completed_rate")
            server = cpu["app"] + cpu["postgres"] + cpu["redis"]
            results[key]["server_cpu_ms_per_request"] = round(1000 * server / rate, 2) if rate else None
            lines.append(
                f"| {label} | {cpu['app']} | {cpu['postgres']} | {cpu['redis']} | {cpu['client']} | "
                f"{cpu['other']} | {results[key].get('other_before')} | {cpu['machine_busy_pct']} % | "
                f"{results[key]['server_cpu_ms_per_request']} ms |"
            )
    if sign and bare and sign.get("server_cpu_ms_per_request") and bare.get("server_cpu_ms_per_request"):
        lines += [
            "",
            f"Server CPU per request (app + PostgreSQL + Redis), which other load on the machine disturbs "
            f"less than throughput: bare / sign = {bare['server_cpu_ms_per_request']} / "
            f"{sign['server_cpu_ms_per_request']} = "
            f"{bare['server_cpu_ms_per_request'] / sign['server_cpu_ms_per_request']:.2f} (the throughput "
            f"ratio sign/bare on CPU-bound cores).",
        ]
    if results.get("per_request"):
        lines += [
            "",
            "One warm request through Django's test client (same settings, no HTTP server):",
            "",
            "| endpoint | status | SQL statements | Redis commands |",
            "| --- | ---: | ---: | --- |",
        ]
        for key, cost in results["per_request"].items():
            lines.append(
                f"| {key} | {cost['status']} | {cost['sql']} | {cost['redis']} ({cost['redis_commands'] or '–'}) |"
            )
    if fixed:
        lines += [
            "",
            f"Fixed rate: sent at {fixed['achieved_send_rate']} req/s, completed at "
            f"{fixed['completed_rate']} req/s; service time p50 {fixed['service_p50_ms']} ms, p99 "
            f"{fixed['service_p99_ms']} ms; waiting for one of the client's {fixed['max_in_flight']} "
            f"connection slots p99 {fixed['slot_wait_p99_ms']} ms "
            f"(peak in flight {fixed['in_flight_peak']}); "
            f"the client's own lateness p99 {fixed['client_lag_p99_ms']} ms; statuses {fixed['statuses']}.",
        ]
    if check:
        lines += [
            "",
            f"Confirmation emails: {check['emails_due']} waiting in the outbox after the load; "
            f"send_due_confirmations rendered and handed {check['emails_sent']} to a do-nothing mailer in "
            f"{check['emails_s']} s ({check['emails_per_s']} emails/s on one worker).",
            "",
            f"Counting: {check['confirmed_by_update']} signatures confirmed by one UPDATE in "
            f"{check['confirm_s']} s; update_counts moved {check['moved']} in {check['counting_s']} s "
            f"({check['update_counts_calls']} calls, {check['counting_rows_per_s']} rows/s). "
            f"Duplicates sent: {check['client_duplicates']}. Tasks queued: {check['tasks_queued']}. "
            f"Most common suspect flags: {check['suspect_reasons']}.",
        ]
    if context.get("notes"):
        lines += ["", *context["notes"]]
    return "\n".join(lines) + "\n"


# --- main ----------------------------------------------------------------------------------------


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="5 s saturation tests, 15 s fixed rate, 1 s warm-up")
    parser.add_argument("--duration", type=int, default=20, help="seconds per saturation test (default 20)")
    parser.add_argument("--fixed-duration", type=int, default=60, help="seconds of fixed-rate signing (default 60)")
    parser.add_argument("--rate", type=float, default=200, help="offered sign requests/s (default 200)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up before each saturation test")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=4, help="threads per worker with gthread")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--duplicates", type=float, default=0.05, help="fraction of repeated signers (default 0.05)")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument(
        "--only",
        default="floor,bare,sign,count,fixed",
        help="tests to run, comma separated (default: floor,bare,sign,count,fixed)",
    )
    parser.add_argument(
        "--no-ceiling",
        dest="ceiling",
        action="store_false",
        help="skip the hello-world WSGI app in the same gunicorn set-up (the server's ceiling)",
    )
    parser.add_argument(
        "--attempts",
        type=int,
        default=2,
        help=f"run a test again (up to this many times in all) when processes outside the benchmark "
        f"used more than {DISTURBED} cores during it; the quietest attempt counts (default 2)",
    )
    parser.add_argument(
        "--wait-quiet",
        type=int,
        default=120,
        metavar="SECONDS",
        help="before each test wait up to this long for other processes to use < 0.3 cores "
        "(default 120; 0: do not wait)",
    )
    parser.add_argument(
        "--py-spy",
        metavar="SECONDS",
        type=int,
        default=0,
        help="record the app workers with py-spy for this many seconds of the sign saturation test",
    )
    parser.add_argument(
        "--py-spy-cpu-only",
        action="store_true",
        help="sample only frames on the CPU (without it, waiting for PostgreSQL or Redis counts too)",
    )
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database (for a look afterwards)")
    parser.add_argument("--no-write", action="store_true", help="print the summary only")
    parser.add_argument("--name", default="", help="suffix of the results file, e.g. rate100")
    args = parser.parse_args()
    if args.quick:
        args.duration, args.fixed_duration, args.warmup = 5, 15, 1
    return args


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: `apt-get install -y wrk` (Debian/Ubuntu; needs root) and run again.")
    if not (VENV_BIN / "gunicorn").exists():
        sys.exit(f"gunicorn is not in {VENV_BIN}: run `make install` (or `.venv/bin/pip install gunicorn`).")
    only = set(args.only.split(","))
    stamp = datetime.datetime.now().strftime("%Y%m%d_%H%M%S")
    db_name = f"bench_{stamp}"
    prefix = f"bench_{stamp}"
    redis_url = "redis://127.0.0.1:6379/14"
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="benchmarks.bench_settings",
        BENCH_DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{db_name}",
        BENCH_REDIS_URL=redis_url,
        BENCH_CACHE_PREFIX=prefix,
        PYTHONPATH=str(ROOT),
    )
    os.environ.update(env)
    server_log = Path(f"/tmp/{db_name}-gunicorn.log")
    context = {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": machine_description(),
        "server": f"{args.workers} {args.worker_class} workers"
        + (f" × {args.threads} threads" if args.worker_class == "gthread" else ""),
        "wrk": f"{args.wrk_threads} threads, {args.connections} connections",
        "duration": args.duration,
        "warmup": args.warmup,
        "rate": args.rate,
        "fixed_duration": args.fixed_duration,
        "duplicates": args.duplicates,
        "command": "python " + " ".join(["benchmarks/petitions_load.py", *sys.argv[1:]]),
        "notes": [],
    }
    results = {}
    server = None
    created = False
    try:
        log(f"creating database {db_name}")
        create_database(db_name)
        created = True
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        start = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0)
        log(f"migrated in {time.perf_counter() - start:.1f} s")
        if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
            start = time.perf_counter()
            call_command("collectstatic", interactive=False, verbosity=0)
            log(f"collectstatic into {settings.STATIC_ROOT} in {time.perf_counter() - start:.1f} s")
        from bench_urls import BARE_TABLE

        petition, consent, codes = seed(BARE_TABLE)
        key = petition.petition_key
        log(f"petition {key}, consent version {consent.pk}, {len(codes)} municipalities")
        sign_path = f"/nl/petitions/{key}/sign/"
        count_path = f"/petitions/{key}/count.json"
        results["per_request"] = per_request_costs(sign_path, count_path, consent.pk, codes[0])
        log(f"per request (SQL statements, Redis commands): {results['per_request']}")
        sent_unique = 2  # the two probe signatures of per_request_costs
        sent_duplicates = 0
        from django.db import connections

        connections.close_all()
        context["versions"] = versions()
        context["code"] = code_state()

        port = args.port or free_port()
        server = start_gunicorn(args, port, env, server_log)
        meter = CpuMeter(server.pid, db_name)
        base = f"http://127.0.0.1:{port}"
        sign_script = BENCH / "petitions_sign.lua"
        get_script = BENCH / "petitions_get.lua"
        municipality_arg = ",".join(codes)
        wrk_runs = sign_runs = 0

        def wrk_sign(label, path, duration):
            nonlocal sent_unique, sent_duplicates, wrk_runs, sign_runs
            wrk_runs += 1  # part of the address tag: a repeated attempt must not repeat the addresses
            result = with_ms(
                run_wrk(
                    args,
                    base,
                    sign_script,
                    duration,
                    [path, consent.pk, municipality_arg, args.duplicates, f"{prefix}-{label}{wrk_runs}"],
                )
            )
            if path == sign_path:
                sent_unique += result["unique"]
                sent_duplicates += result["duplicates"]
                sign_runs += 1
            return result

        def wrk_get(path, duration):
            return with_ms(run_wrk(args, base + path, get_script, duration))

        if "floor" in only:
            wrk_get("/robots.txt", args.warmup)
            results["floor"] = measured(
                meter, args, "robots.txt (floor)", lambda: wrk_get("/robots.txt", args.duration)
            )
        if "bare" in only:
            wrk_sign("bare-warm", "/bench/bare-insert", args.warmup)
            results["bare"] = measured(
                meter, args, "bare insert", lambda: wrk_sign("bare", "/bench/bare-insert", args.duration)
            )
        if "sign" in only:
            wrk_sign("sign-warm", sign_path, args.warmup)
            profiler = None
            if args.py_spy:
                profiler = start_py_spy(server.pid, min(args.py_spy, args.duration), stamp, args.py_spy_cpu_only)
            results["sign"] = measured(meter, args, "sign", lambda: wrk_sign("sign", sign_path, args.duration))
            if profiler:
                finish_py_spy(profiler, context, stamp)
            if results["sign"]["s3xx"] != results["sign"]["requests"]:
                context["notes"].append(
                    f"Sign saturation: {results['sign']['s3xx']} of {results['sign']['requests']} "
                    f"answers were the expected 302; 4xx {results['sign']['s4xx']}, "
                    f"5xx {results['sign']['s5xx']}."
                )
        if "count" in only:
            wrk_get(count_path, args.warmup)
            results["count"] = measured(meter, args, "count.json", lambda: wrk_get(count_path, args.duration))
        if args.ceiling:
            ceiling_port = free_port()
            ceiling = start_gunicorn(args, ceiling_port, env, server_log, app="hello_wsgi:application", chdir=BENCH)
            try:
                ceiling_meter = CpuMeter(ceiling.pid, db_name)
                ceiling_url = f"http://127.0.0.1:{ceiling_port}/"
                run_wrk(args, ceiling_url, get_script, args.warmup)
                results["ceiling"] = measured(
                    ceiling_meter,
                    args,
                    "hello-world WSGI (ceiling)",
                    lambda: with_ms(run_wrk(args, ceiling_url, get_script, args.duration)),
                )
            finally:
                stop_gunicorn(ceiling)
        if "fixed" in only:
            bodies = SignBodies(f"{prefix}-fixed", consent.pk, codes, args.duplicates, seed=stamp)
            log(f"fixed rate: {args.rate} req/s for {args.fixed_duration} s")
            results["fixed"] = measured(
                meter,
                args,
                "sign, fixed rate",
                lambda: asyncio.run(run_fixed_rate(base + sign_path, args.rate, args.fixed_duration, bodies)),
            )
            sent_unique += bodies.unique
            sent_duplicates += bodies.duplicates
        if {"sign", "fixed"} & only:
            # wrk builds the next request of each connection before it knows the test is over: up to
            # one generated-but-never-sent address per connection and run; a request the fixed-rate
            # client gave up on may or may not have been signed.
            if not wait_for_drain(port, key):
                context["notes"].append("The server had not drained its backlog 120 s after the load stopped.")
            fixed_errors = results["fixed"]["error_count"] if results.get("fixed") else 0
            results["check"] = count_check(
                petition,
                port,
                sent_unique,
                sent_duplicates,
                unsent_allowance=sign_runs * args.connections + fixed_errors,
            )
            log(f"count check: {results['check']}")
    finally:
        stop_gunicorn(server)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001 (Django may not be set up yet)
            pass
        if created and not args.keep_db:
            drop_database(db_name)
            log(f"dropped {db_name}")
        try:
            log(f"deleted {delete_cache_keys(redis_url, prefix)} Redis keys")
        except Exception as error:  # noqa: BLE001
            log(f"could not clean Redis keys: {error}")
    if server_log.exists():
        errors = [
            line
            for line in server_log.read_text(errors="replace").splitlines()
            if "Traceback" in line or "ERROR" in line or "CRITICAL" in line
        ]
        if errors:
            context["notes"].append(f"gunicorn log {server_log}: {len(errors)} error lines, first: `{errors[0][:200]}`")
    text = report(context, results)
    print()
    print(text)
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        suffix = ("-quick" if args.quick else "") + (f"-{args.name}" if args.name else "")
        path = RESULTS / f"petitions-{datetime.date.today().isoformat()}{suffix}.md"
        path.write_text(text)
        (RESULTS / f"petitions-{datetime.date.today().isoformat()}{suffix}.json").write_text(
            json.dumps({"context": context, "results": results}, indent=2, default=str)
        )
        log(f"written {path.relative_to(ROOT)}")
    check = results.get("check")
    return 0 if check is None or check["ok"] else 1


def start_py_spy(master_pid, seconds, stamp, cpu_only=False):
    """One `py-spy record` per app worker (folded stacks), for `seconds` of the test that follows."""
    py_spy = os.environ.get("PY_SPY") or shutil.which("py-spy") or str(VENV_BIN / "py-spy")
    if not Path(py_spy).exists():
        log(
            "py-spy not found (`pip install --target /tmp/pyspy py-spy`, then PY_SPY=/tmp/pyspy/bin/py-spy): no profile"
        )
        return None
    recorders = []
    for index, pid in enumerate(children_of(master_pid)):
        output = Path(f"/tmp/petitions-sign-{stamp}-{index}.folded")
        command = [
            py_spy,
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(seconds),
            "--rate",
            "100",
            *([] if cpu_only else ["--idle"]),
            "--format",
            "raw",
            "--output",
            str(output),
        ]
        recorders.append(
            (subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True), output)
        )
    log(f"profiling {len(recorders)} workers with py-spy for {seconds} s")
    return recorders


def finish_py_spy(recorders, context, stamp):
    merged = Path(f"/tmp/petitions-sign-{stamp}.folded")  # megabytes: kept out of the work tree
    errors = []
    with open(merged, "w") as out:
        for process, output in recorders:
            try:
                _out, err = process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                _out, err = process.communicate()
            if output.exists():
                out.write(output.read_text(errors="replace"))
                output.unlink()
            else:
                errors.append(err.strip()[:300])
    if merged.stat().st_size:
        context["notes"] += [
            f"py-spy profile of the sign test (folded stacks of all workers): "
            f"`{merged}` (py-spy slows the workers: the sign figures of a profiled "
            "run are not the headline ones). Share of the samples taken inside requests that "
            "include each frame (waiting for PostgreSQL or Redis included), and innermost frames:",
            "",
            "```",
            *summarise_folded(merged),
            "```",
        ]
    else:
        merged.unlink()
        context["notes"].append(f"py-spy failed: {errors[:1]}")


def summarise_folded(path, top=30):
    """Where request time goes: share of the samples taken inside a request (py-spy --idle, so waiting
    for PostgreSQL or Redis counts) that include each frame, and the innermost frames."""
    inclusive, leaf, total = Counter(), Counter(), 0
    for line in Path(path).read_text(errors="replace").splitlines():
        stack, _space, count = line.rpartition(" ")
        if not count.isdigit() or "WSGIHandler.__call__" not in stack:
            continue  # a worker waiting for a connection
        count = int(count)
        frames = []
        for frame in stack.split(";"):
            if " (" in frame:
                function, _paren, where = frame.partition(" (")
                where = where.split(":")[0].replace(str(ROOT) + "/", "")
                where = re.sub(r"^\.venv/lib/python[0-9.]+/site-packages/", "", where)
                frame = f"{function} ({where})"
            frames.append(frame)
        total += count
        for frame in set(frames):
            inclusive[frame] += count
        leaf[frames[-1]] += count
    if not total:
        return ["(no samples inside requests)"]
    wrappers = (
        "gunicorn",
        "django/core/handlers",
        "deprecation.py",
        "decorators/",
        "whitenoise/middleware",
        "<module>",
        "(process ",
    )
    lines = [f"{total} samples inside requests; inclusive (request-handling wrappers left out):"]
    lines += [
        f"{100 * n / total:5.1f}%  {frame}"
        for frame, n in inclusive.most_common()
        if not any(wrapper in frame for wrapper in wrappers)
    ][:top]
    lines += ["innermost frames:"]
    lines += [f"{100 * n / total:5.1f}%  {frame}" for frame, n in leaf.most_common(12)]
    return lines


if __name__ == "__main__":
    sys.exit(main())
