"""One rate-limit helper for the whole site: fixed-window counters in the cache.

With the site's Redis cache (`website.cache.RedisCache`) all counters of a request are counted in
one pipelined round trip; with other caches `cache.add` + `cache.incr`, which are atomic in the
local-memory cache too, so concurrent requests never lose a hit. Callers decide what "over the
limit" means (petitions flag silently).
"""

import time

from django.core.cache import cache


def hit(scope, key, limit, window_seconds):
    """Count one hit for `key` in the current window; True when it goes over `limit`."""
    return hit_many([(scope, key, limit, window_seconds)])[0]


def hit_many(checks):
    """`hit` for several `(scope, key, limit, window_seconds)` at once; one True/False per check."""
    now = time.time()
    counted = [(f"ratelimit:{scope}:{key}:{window}:{int(now // window)}", window, limit)
               for scope, key, limit, window in checks if limit > 0]
    if not counted:
        return [False] * len(checks)
    if hasattr(cache, "incr_in_window"):
        counts = cache.incr_in_window([(cache_key, window) for cache_key, window, _limit in counted])
    else:
        counts = [_incr(cache_key, window) for cache_key, window, _limit in counted]
    over = iter(count > limit for count, (_key, _window, limit) in zip(counts, counted, strict=True))
    return [next(over) if check[2] > 0 else False for check in checks]


def _incr(cache_key, window_seconds):
    if cache.add(cache_key, 1, window_seconds + 1):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, window_seconds + 1)
        return 1
