"""Render every page in the sitemap; print queries and median/p95 time: uncached (right after a change),
a miss with the shared page parts cached (`miss`), and from the page cache; and the HTML's size, as
is and as sent gzip-compressed.

Run against the demo database (after `make run` or `manage.py seed_demo`):
    .venv/bin/python benchmarks/pages.py [--repeat 50]

Under gunicorn with PostgreSQL and Redis, against the bare view, and a publish under load (its own
database and demo; see benchmarks/pages_load.py):
    .venv/bin/python benchmarks/pages.py --stampede [--quick]
"""

import argparse
import functools
import gzip
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def setup():
    """The in-process measurements: dev settings with DEBUG off, the demo database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    os.environ.setdefault("DEBUG", "false")
    import django

    django.setup()
    global cache, connection, Client, RequestFactory, CaptureQueriesContext, cache_key, purge_all
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext

    from website.caching import cache_key, purge_all


def drop_page(path):
    """Drop one page's cache entry only: a miss while the parts every page shares (menu, footer) stay
    cached, as for every page but the first after a publish, or when a page's own time is up."""
    cache.delete(cache_key(RequestFactory().get(path, HTTP_HOST="127.0.0.1")))


def timed(client, path, repeat, purge):
    """Median and p95 ms of `repeat` requests (as a browser: accepting gzip), and the median CPU ms of this
    process (less disturbed than wall time when other jobs share the cores)."""
    timings, cpu = [], []
    for _ in range(repeat):
        if purge:
            purge()
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(path, HTTP_ACCEPT_ENCODING="gzip")
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)], statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--only", default="", help="only paths containing this text")
    parser.add_argument("--server", action="store_true", help="under gunicorn: uncached and cached against bare")
    parser.add_argument("--stampede", action="store_true", help="--server, and a publish under a fixed load")
    parser.add_argument("--quick", action="store_true", help="--server: 5 s per test, 16 s of fixed load")
    parser.add_argument("--duration", type=int, default=10, help="--server: seconds per wrk test")
    parser.add_argument("--connections", type=int, default=8, help="--server: wrk connections")
    parser.add_argument("--rate", type=int, default=200, help="--stampede: requests per second offered")
    parser.add_argument("--stampede-duration", type=int, default=30, help="--stampede: seconds of fixed load")
    args = parser.parse_args()
    if args.server or args.stampede:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import pages_load

        return pages_load.main(args)
    setup()
    client = Client(HTTP_HOST="127.0.0.1")
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [urlsplit(loc.split("</loc>")[0]).path for loc in sitemap.split("<loc>")[1:]]
    paths += ["/nl/search/?query=vluchtelingen", "/healthz"]
    paths = [path for path in paths if args.only in path]
    print(
        f"{'path':48} {'status':>6} {'queries':>7} {'uncached ms':>11} {'p95':>6} {'cpu ms':>6} {'miss q':>6} {'miss ms':>7} {'cached q':>8} {'cached ms':>9} {'KB':>5} {'sent KB':>7}"
    )
    for path in paths:
        client.get(path)  # warm Python-level caches
        purge_all()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
            status = response.status_code
        uncached_queries = len(queries)  # read now: every request clears the query log
        sent = len(response.content)
        size = len(gzip.decompress(response.content)) if response.get("Content-Encoding") == "gzip" else sent
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        cached_queries = len(queries)
        client.get(path)
        drop_page(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path, HTTP_ACCEPT_ENCODING="gzip")
        miss_queries = len(queries)
        median, p95, cpu = timed(client, path, args.repeat, purge=purge_all)
        miss_median, _, _ = timed(client, path, args.repeat, purge=functools.partial(drop_page, path))
        cached_median, _, _ = timed(client, path, args.repeat, purge=None)
        print(
            f"{path:48} {status:>6} {uncached_queries:>7} {median:>11.1f} {p95:>6.1f} {cpu:>6.1f} {miss_queries:>6} {miss_median:>7.1f} {cached_queries:>8} "
            f"{cached_median:>9.2f} {size / 1000:>5.0f} {sent / 1000:>7.0f}"
        )


if __name__ == "__main__":
    main()
