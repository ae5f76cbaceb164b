"""The page cache's behaviour around a change: compressed bodies, and one render per page while the
others get the previous version (the middleware on its own, with a stand-in view)."""

import gzip
import threading

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from website.caching import PageCacheMiddleware, cache_key, content_version, per_version, purge_all, render_lock_key

WAIT = 30  # seconds a thread may take before the test gives up (a hang guard, not a measurement)


class View:
    """Renders "version <n>" and counts its renders; `hold()` makes the next render wait for `release()`."""

    def __init__(self, status=200):
        self.renders = 0
        self.status = status
        self.started = threading.Event()
        self.released = threading.Event()
        self.released.set()

    def hold(self):
        self.started.clear()
        self.released.clear()

    def release(self):
        self.released.set()

    def __call__(self, request):
        self.renders += 1
        number = self.renders
        self.started.set()
        assert self.released.wait(WAIT)
        response = HttpResponse(f"version {number}", status=self.status)
        if self.status == 200:
            response.page_cache_seconds = 300
        return response


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def get(middleware, **headers):
    return middleware(RequestFactory().get("/nl/campagne/", **headers))


def body(response):
    if response.get("Content-Encoding") == "gzip":
        return gzip.decompress(response.content).decode()
    return response.content.decode()


def test_a_cached_page_is_sent_compressed_to_clients_that_accept_gzip():
    middleware = PageCacheMiddleware(View())
    first = get(middleware, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    second = get(middleware, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    for response in (first, second):
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert body(response) == "version 1"


def test_the_compressed_response_of_a_render_says_its_own_length():
    def view(request):
        response = HttpResponse("x" * 1000, headers={"Content-Length": "1000"})
        response.page_cache_seconds = 300
        return response

    response = get(PageCacheMiddleware(view), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Length"] == str(len(response.content)) and body(response) == "x" * 1000


def test_clients_without_gzip_get_the_plain_body():
    middleware = PageCacheMiddleware(View())
    get(middleware, HTTP_ACCEPT_ENCODING="gzip")
    response = get(middleware)
    assert not response.has_header("Content-Encoding") and response.content == b"version 1"


def test_the_page_cache_stores_each_page_compressed():
    get(PageCacheMiddleware(View()))
    entry = cache.get(cache_key(RequestFactory().get("/nl/campagne/")))
    assert gzip.decompress(entry.body) == b"version 1"


def test_after_a_change_one_request_renders_while_the_others_get_the_previous_version():
    view = View()
    middleware = PageCacheMiddleware(view)
    assert body(get(middleware)) == "version 1"
    purge_all()
    view.hold()
    rendering = {}
    thread = threading.Thread(target=lambda: rendering.setdefault("response", get(middleware)))
    thread.start()
    try:
        assert view.started.wait(WAIT)
        others = [body(get(middleware, HTTP_ACCEPT_ENCODING="gzip")) for _ in range(5)]
    finally:
        view.release()
        thread.join(WAIT)
    assert others == ["version 1"] * 5
    assert body(rendering["response"]) == "version 2"
    assert body(get(middleware)) == "version 2"
    assert view.renders == 2


def test_when_the_render_lock_expires_the_next_request_renders_the_new_version():
    view = View()
    middleware = PageCacheMiddleware(view)
    get(middleware)
    purge_all()
    lock = render_lock_key(cache_key(RequestFactory().get("/nl/campagne/")), content_version())
    cache.add(lock, 1)  # a render in another process
    assert body(get(middleware)) == "version 1"
    cache.delete(lock)  # what its timeout does after RENDER_LOCK_SECONDS
    assert body(get(middleware)) == "version 2"


def test_a_page_that_is_no_longer_shared_is_not_served_from_its_previous_version():
    view = View()
    middleware = PageCacheMiddleware(view)
    get(middleware)
    purge_all()
    view.status = 404  # unpublished
    assert get(middleware).status_code == 404
    lock = render_lock_key(cache_key(RequestFactory().get("/nl/campagne/")), content_version())
    cache.add(lock, 1)
    assert get(middleware).status_code == 404


def test_shared_page_parts_are_computed_once_per_content_version():
    computed = []

    def compute():
        computed.append(1)
        return None  # remembered too

    request = RequestFactory().get("/")
    assert per_version(request, "part", compute) is None
    assert per_version(RequestFactory().get("/"), "part", compute) is None
    assert len(computed) == 1
    purge_all()
    per_version(RequestFactory().get("/"), "part", compute)
    assert len(computed) == 2


def test_a_head_request_that_is_refused_keeps_the_previous_version():
    view = View()
    middleware = PageCacheMiddleware(view)
    get(middleware)
    purge_all()
    view.status = 405
    assert middleware(RequestFactory().head("/nl/campagne/")).status_code == 405
    lock = render_lock_key(cache_key(RequestFactory().get("/nl/campagne/")), content_version())
    cache.add(lock, 1)  # a render in another process
    assert body(get(middleware)) == "version 1"


def test_a_link_with_only_tracking_parameters_gets_the_cached_page():
    view = View()
    middleware = PageCacheMiddleware(view)
    assert body(get(middleware)) == "version 1"
    for query in ("utm_source=nieuwsbrief&utm_medium=email", "fbclid=IwAR0abc", "mc_cid=1&mc_eid=2"):
        response = middleware(RequestFactory().get(f"/nl/campagne/?{query}"))
        assert body(response) == "version 1"
    assert view.renders == 1


def test_a_link_with_any_other_parameter_is_rendered_for_itself():
    view = View()
    middleware = PageCacheMiddleware(view)
    get(middleware)
    for query in ("theme=opvang", "utm_source=x&page=2", "uncached=1"):
        middleware(RequestFactory().get(f"/nl/campagne/?{query}"))
    assert view.renders == 4
