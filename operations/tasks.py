"""The CDN purge as a background task: batched by each backend, retried with growing delays."""

import datetime
import logging

from django.tasks import task, task_backends
from django.utils import timezone

from . import cdn

logger = logging.getLogger(__name__)

# Seconds before each retry: a CDN outage of up to about 20 minutes is bridged.
RETRY_DELAYS = [10, 60, 300, 900]


@task()
def purge_cdn_urls(urls, backend_names=None, attempt=1):
    """Purge `urls` from every configured CDN (or those named); queue what failed again, per backend."""
    for name, backend in cdn.backends().items():
        if backend_names is not None and name not in backend_names:
            continue
        wanted = [url for url in urls if backend.invalidates_hostname(_host(url))]
        if not wanted:
            continue
        try:
            backend.purge_batch(wanted)
        except cdn.PurgeFailed as error:
            retry(name, error, attempt)
        else:
            logger.info("cdn purge: %s purged %d URL(s)", name, len(wanted))


def retry(name, error, attempt):
    if attempt > len(RETRY_DELAYS):
        logger.error("cdn purge: %s gave up after %d attempts: %s", name, attempt, error)
        return
    delay = RETRY_DELAYS[attempt - 1]
    logger.warning("cdn purge: %s failed (attempt %d), again in %d s: %s", name, attempt, delay, error)
    scheduled = purge_cdn_urls
    if task_backends[purge_cdn_urls.backend].supports_defer:
        scheduled = purge_cdn_urls.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    scheduled.enqueue(error.urls, [name], attempt + 1)


def _host(url):
    from urllib.parse import urlsplit

    return urlsplit(url).netloc
