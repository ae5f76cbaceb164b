"""The site's rate-limit helper and the Redis cache it batches on (the Redis parts run in .ci/run's
PostgreSQL + Redis pass, where REDIS_URL is set)."""

import time

import pytest
from django.conf import settings
from django.core.cache import cache

from website import ratelimit

needs_redis = pytest.mark.skipif(
    "redis" not in settings.CACHES["default"]["BACKEND"].lower(), reason="needs Redis: .ci/run runs this against it"
)


def test_hits_over_the_limit_are_reported_per_key():
    results = [ratelimit.hit("test", "203.0.113.1", 3, 60) for _ in range(5)]
    assert results == [False, False, False, True, True]
    assert ratelimit.hit("test", "203.0.113.2", 3, 60) is False


def test_several_counters_at_once_in_order_and_a_zero_limit_never_counts():
    checks = [("a", "k", 1, 60), ("b", "k", 0, 60), ("c", "k", 2, 3600)]
    assert ratelimit.hit_many(checks) == [False, False, False]
    assert ratelimit.hit_many(checks) == [True, False, False]
    assert ratelimit.hit_many(checks) == [True, False, True]


def test_hits_at_past_moments_count_in_their_own_windows():
    minute = (int(time.time()) // 60 - 30) * 60  # half an hour ago, on a minute boundary
    moments = [minute + 1, minute + 30, minute + 61, minute + 62]
    checks = [("past", "k", 1, 60)] * 4
    assert ratelimit.hit_many(checks, at=moments) == [False, True, False, True]


@needs_redis
def test_the_redis_cache_keeps_one_client_per_pool():
    from django_redis import get_redis_connection

    client = get_redis_connection("default", write=True)
    assert get_redis_connection("default", write=True) is client
    cache.set("one-client", 1)
    assert cache.get("one-client") == 1
    cache.set("one-client", {"a": [1]})
    assert cache.get("one-client") == {"a": [1]}
    assert get_redis_connection("default", write=True) is client


@needs_redis
def test_redis_counters_expire_with_their_window_and_read_as_numbers():
    counts = cache.incr_in_window([("window-a", 5), ("window-a", 5), ("window-b", 60)])
    assert counts == [1, 2, 1]
    from django_redis import get_redis_connection

    raw = get_redis_connection("default").ttl(cache.make_key("window-a"))
    assert 0 < raw <= 5
    assert cache.get("window-a") == 2  # django-redis stores integers as numbers
    assert cache.incr("window-a") == 3
