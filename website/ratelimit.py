"""One rate-limit helper for the whole site: fixed-window counters in the cache.

With the site's Redis cache (`website.cache.RedisCache`) all counters of a call are counted in one
pipelined round trip; with other caches `cache.add` + `cache.incr`, which are atomic in the
local-memory cache too, so concurrent callers never lose a hit. Callers decide what "over the
limit" means (petitions flag silently).
"""

import time

from django.core.cache import cache

# Counters for past moments (`at`) live this much longer than their window, so a worker that
# counts a little late still finds its window's counter.
LATE_GRACE_SECONDS = 600


def hit(scope, key, limit, window_seconds):
    """Count one hit for `key` in the current window; True when it goes over `limit`."""
    return hit_many([(scope, key, limit, window_seconds)])[0]


def hit_many(checks, at=None):
    """`hit` for several `(scope, key, limit, window_seconds)` at once, in order; one True/False each.

    `at` (a timestamp, or one per check) counts the hits in the windows of that moment instead of
    now: for counting events after the fact, such as signatures screened by a background job.
    """
    now = time.time()
    moments = at if isinstance(at, list | tuple) else [at] * len(checks)
    counted = []
    for (scope, key, limit, window), moment in zip(checks, moments, strict=True):
        if limit > 0:
            ttl = window + 1 if moment is None else window + LATE_GRACE_SECONDS
            window_index = int((now if moment is None else moment) // window)
            counted.append((f"ratelimit:{scope}:{key}:{window}:{window_index}", ttl, limit))
    if not counted:
        return [False] * len(checks)
    if hasattr(cache, "incr_in_window"):
        counts = cache.incr_in_window([(cache_key, ttl) for cache_key, ttl, _limit in counted])
    else:
        counts = [_incr(cache_key, ttl) for cache_key, ttl, _limit in counted]
    over = iter(count > limit for count, (_key, _ttl, limit) in zip(counts, counted, strict=True))
    return [next(over) if check[2] > 0 else False for check in checks]


def _incr(cache_key, ttl):
    if cache.add(cache_key, 1, ttl):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, ttl)
        return 1
