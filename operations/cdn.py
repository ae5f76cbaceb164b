"""The CDN backends, as Wagtail's frontend cache app configures them (settings.WAGTAILFRONTENDCACHE).

Wagtail's backends log a failed purge and carry on, so nothing could retry it. These subclasses raise
`PurgeFailed` with the URLs that did not go through; `tasks.purge_cdn_urls` queues those again.
"""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

import requests
from django.conf import settings
from wagtail.contrib.frontend_cache.backends import CloudflareBackend, CloudfrontBackend, HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends


class PurgeFailed(Exception):
    def __init__(self, urls, reason):
        super().__init__(f"{len(urls)} URL(s) not purged: {reason}")
        self.urls = list(urls)


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def backends():
    """{name: backend} from settings; empty when no CDN is configured (then nothing is purged)."""
    return get_backends()


class VarnishBackend(HTTPBackend):
    """HTTP `PURGE` to a Varnish (or nginx) in front of the app servers."""

    def purge_batch(self, urls):
        failed, reasons = [], set()
        for url in urls:
            try:
                self.purge(url)
            except PurgeFailed as error:
                failed.append(url)
                reasons.add(str(error.__cause__ or error))
        if failed:
            raise PurgeFailed(failed, "; ".join(sorted(reasons)))

    def purge(self, url):
        # HTTPBackend.purge logs errors away; the request it builds is what we send ourselves.
        from urllib.request import urlopen

        from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

        parsed = urlsplit(url)
        host = parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        request = PurgeRequest(
            url=f"{self.cache_scheme}://{self.cache_netloc}{parsed.path}"
            + (f"?{parsed.query}" if parsed.query else ""),
            headers={"Host": host, "User-Agent": "campaign-platform-purge"},
        )
        try:
            with urlopen(request, timeout=5):  # noqa: S310 - the scheme is the configured LOCATION's
                pass
        except (HTTPError, URLError, OSError) as error:
            raise PurgeFailed([url], error) from error


class CloudflarePurgeBackend(CloudflareBackend):
    """Cloudflare's purge API, 30 URLs a call (its limit: `CHUNK_SIZE`)."""

    def purge_batch(self, urls):
        failed, reasons = [], set()
        for start in range(0, len(urls), self.CHUNK_SIZE):
            chunk = urls[start : start + self.CHUNK_SIZE]
            try:
                self._purge_urls(chunk)
            except PurgeFailed as error:
                failed += chunk
                reasons.add(str(error.__cause__ or error))
        if failed:
            raise PurgeFailed(failed, "; ".join(sorted(reasons)))

    def _purge_urls(self, urls):
        headers = {"Authorization": f"Bearer {self.cloudflare_token}"}
        if not self.cloudflare_token:
            headers = {"X-Auth-Email": self.cloudflare_email, "X-Auth-Key": self.cloudflare_api_key}
        try:
            response = requests.post(
                self.cloudflare_purge_endpoint_url, json={"files": urls}, headers=headers, timeout=10
            )
            answer = response.json()
        except (requests.RequestException, ValueError) as error:
            raise PurgeFailed(urls, error) from error
        if response.status_code != 200 or not answer.get("success"):
            errors = ", ".join(str(err.get("message")) for err in answer.get("errors") or [])
            raise PurgeFailed(urls, f"Cloudflare {response.status_code}: {errors}")


class CloudfrontPurgeBackend(CloudfrontBackend):
    """One CloudFront invalidation per batch (needs boto3: `pip install boto3`)."""

    def purge_batch(self, urls):
        try:
            super().purge_batch(urls)
        except PurgeFailed as error:
            raise PurgeFailed(urls, error.__cause__) from error.__cause__

    def _create_invalidation(self, distribution_id, paths):
        import uuid

        import botocore.exceptions

        try:
            self.client.create_invalidation(
                DistributionId=distribution_id,
                InvalidationBatch={
                    "Paths": {"Quantity": len(paths), "Items": paths},
                    "CallerReference": str(uuid.uuid4()),
                },
            )
        except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as error:
            raise PurgeFailed(paths, error) from error
