"""No stampede on a page's first miss either (issue 12): while one request renders a page, concurrent requests
for it get the previous rendering (stale) or wait briefly for that render (cold), in threads, against the
local-memory cache and Redis (skipped when no Redis answers on 127.0.0.1:6379)."""

import threading
import time
import uuid

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.utils.cache import patch_cache_control

from website import caching
from website.caching import PageCacheMiddleware, purge_all

from .test_page_cache import WAIT, View, body, get

REDIS_LOCATION = "redis://127.0.0.1:6379/12"  # a database of its own: 14 and 15 are the other tests' and benchmarks'
THREADS = 6


def redis_cache():
    import redis

    from website.cache import RedisCache

    try:
        redis.Redis.from_url(REDIS_LOCATION, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {REDIS_LOCATION}")
    return RedisCache(REDIS_LOCATION, {"KEY_PREFIX": f"test-stampede-{uuid.uuid4().hex}"})


@pytest.fixture(params=["locmem", "redis"])
def backend(request, monkeypatch):
    """The page cache's backend for one test (the middleware reads `website.caching.cache`)."""
    store = LocMemCache(f"stampede-{uuid.uuid4().hex}", {}) if request.param == "locmem" else redis_cache()
    monkeypatch.setattr(caching, "cache", store)
    yield store
    store.clear() if request.param == "locmem" else store.delete_pattern("*")


def concurrently(function, count=THREADS):
    """`count` threads calling `function` at once; their results, in no particular order."""
    results, barrier = [], threading.Barrier(count)

    def run():
        barrier.wait(WAIT)
        results.append(function())

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    return threads, results


def join(threads):
    for thread in threads:
        thread.join(WAIT)
        assert not thread.is_alive()


def start_held_render(middleware, view):
    """One request rendering the page, held inside the view until `view.release()`."""
    view.hold()
    rendering = {}
    thread = threading.Thread(target=lambda: rendering.setdefault("response", get(middleware)))
    thread.start()
    assert view.started.wait(WAIT)
    return thread, rendering


def test_on_a_cold_page_concurrent_requests_wait_for_the_one_render(backend):
    view = View()
    middleware = PageCacheMiddleware(view)
    renderer, rendering = start_held_render(middleware, view)
    threads, results = concurrently(lambda: body(get(middleware, HTTP_ACCEPT_ENCODING="gzip")))
    time.sleep(0.3)  # the others are waiting now
    view.release()
    join([renderer, *threads])
    assert view.renders == 1
    assert body(rendering["response"]) == "version 1"
    assert results == ["version 1"] * THREADS


def test_on_a_cold_page_a_request_renders_itself_when_the_wait_runs_out(backend, monkeypatch):
    monkeypatch.setattr(caching, "COLD_WAIT_SECONDS", 0.3)
    view = View()
    middleware = PageCacheMiddleware(view)
    renderer, _rendering = start_held_render(middleware, view)
    started = time.monotonic()
    waiter = threading.Thread(target=lambda: get(middleware))
    waiter.start()
    try:
        while view.renders < 2 and time.monotonic() - started < WAIT:
            time.sleep(0.01)
        waited = time.monotonic() - started
    finally:
        view.release()
        join([renderer, waiter])
    assert view.renders == 2  # the first render still held: the waiter rendered on its own
    assert 0.3 <= waited < 2


def test_on_a_cold_page_waiting_ends_when_the_render_stores_nothing(backend):
    view = View(status=404)  # not a shared page: nothing to wait for
    middleware = PageCacheMiddleware(view)
    renderer, _rendering = start_held_render(middleware, view)
    threads, results = concurrently(lambda: (time.monotonic(), get(middleware).status_code, time.monotonic()))
    time.sleep(0.2)
    view.release()
    join([renderer, *threads])
    assert [status for _start, status, _end in results] == [404] * THREADS
    assert max(end - start for start, _status, end in results) < caching.COLD_WAIT_SECONDS


def test_after_a_change_concurrent_requests_get_the_previous_version_during_the_one_render(backend):
    view = View()
    middleware = PageCacheMiddleware(view)
    assert body(get(middleware)) == "version 1"
    purge_all()
    renderer, rendering = start_held_render(middleware, view)
    threads, results = concurrently(lambda: body(get(middleware, HTTP_ACCEPT_ENCODING="gzip")))
    try:
        join(threads)  # they do not wait for the render
    finally:
        view.release()
        join([renderer])
    assert results == ["version 1"] * THREADS
    assert body(rendering["response"]) == "version 2" and body(get(middleware)) == "version 2"
    assert view.renders == 2


class SharedView(View):
    """A page as `website.caching.share` marks it: kept by browsers a minute, by CDNs five."""

    def __call__(self, request):
        response = super().__call__(request)
        patch_cache_control(response, public=True, max_age=60, s_maxage=300)
        return response


def test_the_previous_version_served_during_a_render_is_kept_by_no_cdn_for_long(backend):
    view = SharedView()
    middleware = PageCacheMiddleware(view)
    get(middleware)
    purge_all()
    renderer, rendering = start_held_render(middleware, view)
    try:
        stale = get(middleware)
    finally:
        view.release()
        join([renderer])
    assert body(stale) == "version 1"
    assert directives(stale) == {"public", "max-age=0", f"s-maxage={caching.STALE_SHARED_SECONDS}"}
    assert directives(rendering["response"]) == {"public", "max-age=60", "s-maxage=300"}
    assert directives(get(middleware)) == {"public", "max-age=60", "s-maxage=300"}  # the new version, from the cache


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}
