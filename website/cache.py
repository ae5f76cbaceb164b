"""The site's Redis cache: django-redis, with one batched operation added for the rate limits.

django-redis keeps one redis client per server. Django's own `RedisCache` built a new `redis.Redis`
for every cache call, and redis-py's constructor fills a table of ~170 response callbacks each time:
with eight cache calls that was the largest single CPU cost of a petition signature.

`incr_in_window` counts several fixed-window counters in a single round trip.
"""

from django_redis.cache import RedisCache as BaseRedisCache


class RedisCache(BaseRedisCache):
    def incr_in_window(self, counters):
        """Count one hit on each `(key, ttl_seconds)`; the counts after it, in one round trip.

        `SET NX EX` starts a counter with its expiry only when it does not exist yet, and `INCR`
        keeps that expiry, so a window ends on time whatever the traffic.
        """
        pipeline = self.client.get_client(write=True).pipeline(transaction=False)
        for key, ttl in counters:
            pipeline.set(self.make_and_validate_key(key), 0, ex=ttl, nx=True)
            pipeline.incr(self.make_and_validate_key(key))
        replies = pipeline.execute()
        return replies[1::2]
