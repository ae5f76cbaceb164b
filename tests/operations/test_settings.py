"""The production wiring read from the environment (website/settings/base.py run with a given environment)."""

import runpy
from pathlib import Path

import pytest

BASE = Path(__file__).resolve().parents[2] / "website" / "settings" / "base.py"
VARIABLES = ["CDN_PURGE_URL", "CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ZONE_ID", "CLOUDFRONT_DISTRIBUTION_ID", "REDIS_URL"]


@pytest.fixture
def settings_with(monkeypatch):
    def load(**environment):
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(BASE))

    return load


def test_no_cdn_is_configured_by_default(settings_with):
    assert settings_with()["WAGTAILFRONTENDCACHE"] == {}


def test_each_cdn_in_the_environment_is_purged(settings_with):
    cdns = settings_with(
        CDN_PURGE_URL="http://127.0.0.1:6081",
        CLOUDFLARE_API_TOKEN="token",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFRONT_DISTRIBUTION_ID="E123",
    )["WAGTAILFRONTENDCACHE"]
    assert cdns["varnish"] == {"BACKEND": "operations.cdn.VarnishBackend", "LOCATION": "http://127.0.0.1:6081"}
    assert cdns["cloudflare"]["BEARER_TOKEN"] == "token" and cdns["cloudflare"]["ZONEID"] == "zone"
    assert cdns["cloudfront"]["DISTRIBUTION_ID"] == "E123"


def test_a_redis_outage_does_not_fail_requests(settings_with):
    cache = settings_with(REDIS_URL="redis://127.0.0.1:6379/3")["CACHES"]["default"]
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True and cache["OPTIONS"]["SOCKET_TIMEOUT"] <= 1
