"""Pages under gunicorn: uncached and cached pages against the bare view, and a publish under load.

One command, everything on 127.0.0.1, every step bounded in time (run through `benchmarks/pages.py`):

    .venv/bin/python benchmarks/pages.py --stampede            # 10 s per wrk test, 30 s at 200 req/s
    .venv/bin/python benchmarks/pages.py --stampede --quick    # 5 s / 16 s

What it does:
 1. creates a PostgreSQL database bench_pages_<timestamp> (127.0.0.1:5432, user postgres), migrates it
    with `benchmarks.bench_settings` (production settings on loopback) and Redis db 13 with a per-run key
    prefix, collects the static files once into /tmp, and seeds the demo (`seed_demo`, media in /tmp);
 2. starts gunicorn (4 sync workers, as README's deployment) on a free port;
 3. with wrk (closed loop, 8 connections, accepting gzip as browsers do), each for --duration seconds:
    the bare view (`/bench/bare` in benchmarks/bench_urls.py: every middleware, no query, no template);
    the home page, the finished #500kinderen campaign page and the live example campaign (petition form,
    tracker and ad) cold (`?cold=1`: the content version moves on before
    each request, so nothing kept serves: the first render of a page after a publish), uncached (a query
    string: the page cache never answers, so every request renders; the routes, menu, footer and page parts
    come from the per-version cache, as for every render but the first after a change, e.g. when a page's
    cache time is up); and both from the page cache;
 4. the stampede: the live campaign page at a fixed offered rate (--rate, default 200 req/s, open loop:
    `benchmarks/fixed_rate.py`) for --stampede-duration seconds; halfway through, this process publishes
    a change to the page (a new title, `save_revision().publish()`, as an editor does) while a poller
    asks for the page every 20 ms: p99 and errors of the offered load, and the seconds from the publish
    until the new title is served;
 5. stops gunicorn, drops the database and deletes its Redis keys (also after a failure), prints the
    summary and writes it to benchmarks/results/pages-<date>[-quick].md (and .json).

The machine may be shared: the load average before and after each test is in the results.
"""

import asyncio
import datetime
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import petitions_load as shared  # noqa: E402  (database, gunicorn and machine helpers)
from fixed_rate import run_fixed_rate  # noqa: E402

ROOT = shared.ROOT
REDIS_URL = "redis://127.0.0.1:6379/13"  # 14: the petitions benchmarks; 15: the tests
HOME, CAMPAIGN, BARE = "/nl/", "/nl/campagnes/500kinderen/", "/bench/bare"
# The demo's live campaign: an open petition with its form and tracker, and an ad taking gifts.
LIVE_CAMPAIGN = "/nl/campagnes/voorbeeldcampagne/"
GZIP = "Accept-Encoding: gzip"


class Settings:
    """What `shared.start_gunicorn` reads from its argparse namespace."""

    workers = 4
    worker_class = "sync"
    threads = 1


def log(message):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def load():
    return round(os.getloadavg()[0], 1)


def wrk(url, duration, connections):
    """wrk's throughput and latency for GETs of `url` (accepting gzip), and the machine's load around it."""
    before = load()
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s"]
    command += ["-s", str(BENCH / "petitions_get.lua"), "-H", GZIP, url]
    output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 30).stdout
    for line in output.splitlines():
        if line.startswith("BENCHJSON "):
            result = shared.with_ms(json.loads(line[len("BENCHJSON ") :]))
            result["rps"] = round(result["requests"] / (result["duration_us"] / 1e6), 1)
            result["errors_total"] = sum(result["errors"].values()) + result["s4xx"] + result["s5xx"]
            result["load"] = f"{before} → {load()}"
            return result
    raise RuntimeError(f"wrk printed no result:\n{output}")


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def publish_title(path, title):
    """An editor's publish: a new revision of the page with a new title, published."""
    from wagtail.models import Page

    slug = path.rstrip("/").rsplit("/", 1)[-1]
    page = Page.objects.get(slug=slug, locale__language_code=path.split("/")[1]).specific
    page.title = title
    page.save_revision().publish()


def stampede(base, rate, duration):
    """The live campaign page at `rate` req/s for `duration` s; a publish halfway; seconds until it is served."""
    marker = f"Voorbeeld {datetime.datetime.now():%H%M%S}"
    outcome = {}

    def editor():
        time.sleep(duration / 2)
        start = time.monotonic()
        publish_title(LIVE_CAMPAIGN, marker)
        published = time.monotonic()
        outcome["publish_s"] = round(published - start, 3)
        polls = 0
        while time.monotonic() - published < 30:
            polls += 1
            status, text = fetch(base + LIVE_CAMPAIGN)
            if status == 200 and marker in text:
                outcome["new_version_after_s"] = round(time.monotonic() - published, 3)
                break
            time.sleep(0.02)
        outcome["polls"] = polls

    thread = threading.Thread(target=editor)
    before = load()
    thread.start()
    result = asyncio.run(
        run_fixed_rate(
            base + LIVE_CAMPAIGN, rate, duration, None, method="GET", ok_statuses=(200,), headers=f"{GZIP}\r\n"
        )
    )
    thread.join(60)
    result.update(outcome, load=f"{before} → {load()}")
    return result


def seed_demo():
    from django.core.management import call_command

    start = time.perf_counter()
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    log(f"demo seeded in {time.perf_counter() - start:.1f} s")


def report(context, results):
    uncached, cached, bare = results["uncached"], results["cached"], results["bare"]["rps"]
    lines = [
        f"# Pages under gunicorn — {context['date']}",
        "",
        f"- machine: {context['machine']} (shared: load average {context['load']} at the start)",
        f"- {context['versions']}; {context['code']}",
        f"- gunicorn {Settings.workers} sync workers, production settings (`benchmarks/bench_settings.py`), "
        f"PostgreSQL, Redis db 13; wrk 2 threads × {context['connections']} connections, "
        f"{context['duration']} s per test, accepting gzip",
        f"- command: `{context['command']}`",
        "",
        "| test | req/s | × bare | p50 ms | p99 ms | errors | load before → after |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]

    def row(label, result):
        lines.append(
            f"| {label} | {result['rps']:,.1f} | {result['rps'] / bare:.2f} | {result['p50_ms']} | "
            f"{result['p99_ms']} | {result['errors_total']} | {result['load']} |"
        )

    row("bare view (`/bench/bare`: middleware, no query)", results["bare"])
    pages = (
        ("home", HOME),
        ("finished campaign page with petition result and tracker", CAMPAIGN),
        ("live campaign page with petition form, tracker and ad", LIVE_CAMPAIGN),
    )
    for name, path in pages:
        row(
            f"cold {name} (`{path}?cold=1`: the content version moves on first, nothing kept serves)",
            results["cold"][path],
        )
        row(f"uncached {name} (`{path}?uncached=1`: renders every time, from the kept parts)", uncached[path])
        row(f"cached {name} (`{path}`)", cached[path])
    crowd = results.get("stampede")
    if crowd:
        lines += [
            "",
            f"**Publish under load**: `{LIVE_CAMPAIGN}` at {crowd['offered_rate']} req/s offered for "
            f"{crowd['duration_s']} s (open loop, gzip), a new title published after {crowd['duration_s'] / 2:.0f} s.",
            "",
            "| requests | completed/s | p50 ms | p99 ms | max ms | errors | publish s | new version served after s | load |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
            f"| {crowd['requests']} | {crowd['completed_rate']} | {crowd['p50_ms']} | {crowd['p99_ms']} | "
            f"{crowd['max_ms']} | {crowd['error_count']} {crowd['errors'] or ''} | {crowd.get('publish_s')} | "
            f"{crowd.get('new_version_after_s', 'not within 30 s')} | {crowd['load']} |",
            "",
            "Targets (issue 12): p99 < 250 ms, 0 errors, the new version within 2 s.",
        ]
    return "\n".join(lines) + "\n"


def main(args):
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: `apt-get install -y wrk` (Debian/Ubuntu; needs root) and run again.")
    stamp = datetime.datetime.now().strftime("%Y%m%d_%H%M%S")
    db_name = prefix = f"bench_pages_{stamp}"
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="benchmarks.bench_settings",
        BENCH_DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{db_name}",
        BENCH_REDIS_URL=REDIS_URL,
        BENCH_CACHE_PREFIX=prefix,
        DEMO_CONTENT_ALLOWED="true",
        MEDIA_ROOT=f"/tmp/{db_name}-media",
        PYTHONPATH=str(ROOT),
    )
    os.environ.update(env)
    duration = 5 if args.quick else args.duration
    crowd_duration = 16 if args.quick else args.stampede_duration
    context = {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": shared.machine_description(),
        "load": " / ".join(f"{value:.1f}" for value in os.getloadavg()),
        "connections": args.connections,
        "duration": duration,
        "command": "python benchmarks/pages.py " + " ".join(sys.argv[1:]),
    }
    results, server, created = {}, None, False
    try:
        log(f"creating database {db_name}")
        shared.create_database(db_name)
        created = True
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connections

        call_command("migrate", interactive=False, verbosity=0)
        if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
            call_command("collectstatic", interactive=False, verbosity=0)
        seed_demo()
        connections.close_all()
        context["versions"] = shared.versions()
        context["code"] = shared.code_state()

        port = shared.free_port()
        server = shared.start_gunicorn(Settings, port, env, Path(f"/tmp/{db_name}-gunicorn.log"))
        base = f"http://127.0.0.1:{port}"
        for path in (HOME, CAMPAIGN, LIVE_CAMPAIGN, BARE):  # every worker imports and warms up
            for _ in range(2 * Settings.workers):
                assert fetch(base + path)[0] == 200, path
        log("bare view")
        results["bare"] = wrk(base + BARE, duration, args.connections)
        results["uncached"], results["cached"], results["cold"] = {}, {}, {}
        for path in (HOME, CAMPAIGN, LIVE_CAMPAIGN):
            log(f"cold {path}")
            results["cold"][path] = wrk(f"{base}{path}?cold=1", duration, args.connections)
            log(f"uncached {path}")
            results["uncached"][path] = wrk(f"{base}{path}?uncached=1", duration, args.connections)
            log(f"cached {path}")
            results["cached"][path] = wrk(base + path, duration, args.connections)
        if args.stampede:
            log(f"publish under load: {args.rate} req/s for {crowd_duration} s")
            results["stampede"] = stampede(base, args.rate, crowd_duration)
        connections.close_all()
    finally:
        shared.stop_gunicorn(server)
        if created:
            from django.db import connections

            connections.close_all()
            shared.drop_database(db_name)
            shared.delete_cache_keys(REDIS_URL, prefix)
        shutil.rmtree(f"/tmp/{db_name}-media", ignore_errors=True)
    text = report(context, results)
    print("\n" + text)
    name = f"pages-{datetime.date.today()}{'-quick' if args.quick else ''}"
    shared.RESULTS.mkdir(exist_ok=True)
    (shared.RESULTS / f"{name}.md").write_text(text)
    (shared.RESULTS / f"{name}.json").write_text(json.dumps({"context": context, "results": results}, indent=2))
    log(f"written to benchmarks/results/{name}.md")
