import os
import re

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, REDIS_URL

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run inline in tests, so a test sees their effect without a worker.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True
DEMO_CONTENT_ALLOWED = True
SENTRY_DSN = ""  # nothing is ever reported from the tests
METRICS_TOKEN = "test-metrics-token"

# Parallel test workers (pytest-xdist) share one Redis server: each empties only a database of its own.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker.startswith("gw") and REDIS_URL:
    CACHES["default"]["LOCATION"] = re.sub(
        r"(/\d*)?$", f"/{15 - int(_worker[2:]) % 16}", REDIS_URL.rstrip("/"), count=1
    )
