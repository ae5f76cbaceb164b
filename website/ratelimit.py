"""One rate-limit helper for the whole site: fixed-window counters in the cache.

`cache.add` + `cache.incr` are atomic in Redis and in the local-memory cache, so concurrent
requests never lose a hit. Callers decide what "over the limit" means (petitions flag silently).
"""

import time

from django.core.cache import cache


def hit(scope, key, limit, window_seconds):
    """Count one hit for `key` in the current window; True when it goes over `limit`."""
    if limit <= 0:
        return False
    window = int(time.time() // window_seconds)
    cache_key = f"ratelimit:{scope}:{key}:{window_seconds}:{window}"
    if cache.add(cache_key, 1, window_seconds + 1):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.add(cache_key, 1, window_seconds + 1)
            count = 1
    return count > limit
