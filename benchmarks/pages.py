"""Render every page in the sitemap N times; print queries and median/p95 time per page.

Run against the demo database (after `make run` or `manage.py seed_demo`):
    .venv/bin/python benchmarks/pages.py [--repeat 50]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [urlsplit(loc.split("</loc>")[0]).path for loc in sitemap.split("<loc>")[1:]]
    paths += ["/nl/search/?query=vluchtelingen", "/healthz"]
    print(f"{'path':45} {'status':>6} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
    for path in paths:
        client.get(path)  # warm caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        status = response.status_code
        query_count = len(queries)  # read now: every request clears the query log
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"{path:45} {status:>6} {query_count:>7} {statistics.median(timings):>9.1f} {p95:>7.1f}")


if __name__ == "__main__":
    main()
