"""Production settings for the petition benchmarks, on loopback.

Everything comes from `website.settings.production` (same middleware, same cache backend, same
static storage, DEBUG off); only what a loopback run needs differs:

- SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT=false (no TLS proxy in front);
- DATABASE_URL = the throw-away bench database (BENCH_DATABASE_URL, set by the driver);
- REDIS_URL = redis://127.0.0.1:6379/14 with a per-run key prefix (BENCH_CACHE_PREFIX);
- NUM_PROXIES=1, so the load scripts can spread signers over many IP addresses through
  X-Forwarded-For as a proxy in front of the app would (the rate limits key on the client IP);
- ROOT_URLCONF adds benchmark-only views and MIDDLEWARE one benchmark-only middleware (`benchmarks/bench_urls.py`);
- STATIC_ROOT in /tmp (collectstatic output is kept between runs, never in the work tree);
- email never leaves the process (the locmem mailer), should anything try to send.

Use: DJANGO_SETTINGS_MODULE=benchmarks.bench_settings with /work/main on sys.path.
"""

import os

if not os.environ.get("BENCH_DATABASE_URL"):
    raise RuntimeError("BENCH_DATABASE_URL is not set: run the benchmarks through benchmarks/petitions_load.py")

os.environ["SECRET_KEY"] = os.environ.get(
    "BENCH_SECRET_KEY", "bench-7Qv2k9Xc4mZp1Rt8Ls6Jw3Hy5Nb0Fd7Gq2Ve9Ku4Ao1Ei6Tr3Yx8"
)
os.environ["ALLOWED_HOSTS"] = "127.0.0.1"
os.environ["SITE_URL"] = "http://127.0.0.1"
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
os.environ["CACHE_KEY_PREFIX"] = os.environ.get("BENCH_CACHE_PREFIX", "bench")
os.environ["NUM_PROXIES"] = "1"
os.environ.setdefault("STRIPE_SECRET_KEY", "sk_test_bench")
os.environ.setdefault("STRIPE_WEBHOOK_SECRET", "whsec_bench")
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
os.environ.setdefault("LOG_LEVEL", "WARNING")  # 4xx/5xx still logged; no per-request chatter

from website.settings.production import *  # noqa: E402,F403

ROOT_URLCONF = "benchmarks.bench_urls"
MIDDLEWARE = ["benchmarks.bench_urls.cold_renders", *MIDDLEWARE]  # noqa: F405 (`?cold=1`: see bench_urls)
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", "/tmp/campaign-bench-staticfiles")
