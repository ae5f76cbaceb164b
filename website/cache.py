"""Django's Redis cache, keeping one redis client per connection pool.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` for every cache call, and
redis-py's constructor fills a table of ~170 response callbacks each time: with eight cache calls
that was the largest single CPU cost of a petition signature. A redis client is thread-safe and
its pool reconnects after a fork, so one client per pool is enough.

`incr_in_window` adds the one batched operation the rate limits need: several fixed-window
counters counted in a single round trip.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def incr_in_window(self, counters):
        """Count one hit on each `(key, ttl_seconds)`; the counts after it, in one round trip.

        `SET NX EX` starts a counter with its expiry only when it does not exist yet, and `INCR`
        keeps that expiry, so a window ends on time whatever the traffic.
        """
        pipeline = self._cache.get_client(write=True).pipeline(transaction=False)
        for key, ttl in counters:
            key = self.make_and_validate_key(key)
            pipeline.set(key, 0, ex=ttl, nx=True)
            pipeline.incr(key)
        replies = pipeline.execute()
        return replies[1::2]
