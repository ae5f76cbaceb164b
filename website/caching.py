"""Page HTML served from the cache: a petition's biggest day is mostly people reloading its page.

Pages hold no per-visitor data (the signing form carries no CSRF token, see README), so the same
HTML serves every anonymous visitor. Page models opt in with `CachedPageMixin`; the middleware
answers repeat requests before Wagtail routes anything (no database query). Rather than tracking
which pages show what (menus, footers and snippets appear everywhere), any publish or content
change bumps one version number that every entry is checked against: the cache turns over at once.
So that a publish on a busy day does not send every viewer to the database at the same moment, one
request renders each page while the others get its previous rendering for a few seconds
(`RENDER_LOCK_SECONDS`); on a cold page (no previous rendering) they wait for that one render, at most
`COLD_WAIT_SECONDS`.

Each app says which of its models show on pages with `purge_on_save` (from its `AppConfig.ready`).
A purge also sends `content_changed` with the object: the place for a CDN purge to hook in
(`website.references.pages_showing` names the pages that show it).
"""

import gzip
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

VERSION_KEY = "pagecache:version"
SKIPPED_HEADERS = {"set-cookie", "content-length", "content-encoding"}


def content_version():
    return cache.get_or_set(VERSION_KEY, 1, None)


# Sent after the page cache turned over because `instance` (shown on pages) was saved or deleted.
content_changed = Signal()
# {model: whether it shows on pages}, for every model `purge_on_save` watches.
WATCHED = {}


def purge_all(**kwargs):
    _next_version()
    # Again once the change is committed: a render that read the new version before the commit (and so the
    # old rows) would otherwise keep old content under the new version until its time is up.
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_next_version)


def _next_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def purge_on_save(model, *, pages=True, also=None):
    """Saving or deleting a `model` object turns the page cache over (unless `pages` is false: it
    shows on no page) and then calls `also(instance)`, for the app's own cached reads of it.

    One call per model (a second one is ignored: the receivers are keyed by the model).
    """

    def changed(sender, instance, **kwargs):
        if pages:
            purge_all()
            content_changed.send(sender=sender, instance=instance)
        if also is not None:
            also(instance)

    WATCHED.setdefault(model, pages)
    label = model._meta.label_lower
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"purge-on-save:{label}")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"purge-on-delete:{label}")


def request_version(request):
    """The content version, read once per request (the page cache middleware has read it already); without a
    request, from the cache each time."""
    if request is None:
        return content_version()
    found = getattr(request, "content_version", None)
    if found is None:
        found = request.content_version = content_version()
    return found


def per_version(request, key, compute, timeout=3600):
    """`compute()` once per content version, shared by all processes: what every page shows around its
    content (menu, footer links). Whatever turns the page cache over makes it compute again."""
    versioned = f"pageparts:{request_version(request)}:{key}"
    found = cache.get(versioned)
    if found is None:
        found = (compute(),)  # a tuple, so that None is remembered too
        cache.set(versioned, found, timeout)
    return found[0]


# Query parameters that newsletters, ads and social networks add to links for their own statistics: no page
# reads them, so a visitor arriving from a campaign mail (`?utm_source=…`) gets the cached page like anyone.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga"})


def tracking_only(query):
    return all(name.startswith("utm_") or name in TRACKING_PARAMETERS for name in query)


def cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and tracking_only(request.GET)
        and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    )


def cache_key(request):
    # Not versioned: an entry carries the content version it was rendered for, so that after a change
    # the previous rendering is still there to serve while one request renders the new one.
    return f"pagecache:entry:{request.get_host()}:{request.path}"


def share(request, response, seconds=300):
    """Mark an anonymous 200 response as the same for everyone: kept by the page cache and CDNs."""
    if response.status_code == 200 and cacheable(request) and not getattr(request, "is_preview", False):
        patch_cache_control(response, public=True, max_age=60, s_maxage=seconds)
        response.page_cache_seconds = seconds
    return response


class CachedPageMixin:
    """For Page models: mark live, anonymous responses as shareable by the page cache and CDNs."""

    cache_seconds = 300

    def get_view_restrictions(self):
        """Wagtail's check before serving costs two queries on every render, with no restriction on most sites: which
        restrictions apply is kept per content version (saving or deleting one moves the version on, website/apps.py),
        and none is a queryset that asks the database nothing."""
        from wagtail.models import PageViewRestriction

        restrictions = super().get_view_restrictions
        ids = per_version(
            None, f"view-restrictions:{self.pk}", lambda: list(restrictions().values_list("pk", flat=True))
        )
        return PageViewRestriction.objects.filter(pk__in=ids)

    def serve(self, request, *args, **kwargs):
        return share(request, super().serve(request, *args, **kwargs), self.cache_seconds)


# After a change (or when an entry's time is up) one request renders the page while the others get the
# previous rendering, for at most this many seconds: the render's lock expires then, and the next request
# renders too. It bounds how stale a page can be after a publish (plus one render's time).
RENDER_LOCK_SECONDS = 10
# A cold page (no previous rendering: never rendered, or evicted) is rendered by one request too; the others
# wait for that rendering, polling the cache, for at most this long before they render it themselves.
COLD_WAIT_SECONDS = 2
COLD_POLL_SECONDS = 0.02
# How long a CDN may keep a previous version served during a render (then it asks again).
STALE_SHARED_SECONDS = 2
# How long a rendering is kept after its own time is up, as the previous version to serve during a render.
STALE_SECONDS = 3600
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Measured on the 86 KB project index: level 4 takes 2 ms and sends 29 KB, level 9 (the default) 27 ms for 27 KB.
GZIP_LEVEL = 4


@dataclass
class Entry:
    version: int
    fresh_until: float  # time.time()
    body: bytes  # gzip-compressed once, when stored
    headers: list


class PageCacheMiddleware:
    """Answers anonymous GET/HEAD requests for shared pages from the cache, before Wagtail routes anything.

    Bodies are stored gzip-compressed and sent as they are to clients that accept gzip. Compression is safe
    from BREACH-style attacks here because only shared responses are stored: the same bytes for every visitor,
    with no CSRF token and nothing else secret (the signing form carries no token, see README). Pages with a
    token (confirmation, admin) never pass through this cache and are not compressed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable(request):
            return self.get_response(request)
        key = cache_key(request)
        found = cache.get_many([VERSION_KEY, key])
        version = request.content_version = found.get(VERSION_KEY) or content_version()
        entry = found.get(key)
        if entry is not None and entry.version == version and entry.fresh_until > time.time():
            return self.respond(request, entry)
        lock = render_lock_key(key, version)
        locked = cache.add(lock, 1, RENDER_LOCK_SECONDS)
        if not locked:
            # Another request is rendering this version: its previous rendering meanwhile, else (a cold page)
            # that request's rendering, when it comes within COLD_WAIT_SECONDS.
            if entry is None:
                entry = wait_for_render(key, lock, version)
            if entry is not None:
                return self.respond(request, entry, current=entry.version == version)
        try:
            return self.render(request, key, version)
        finally:
            if locked:
                cache.delete(lock)

    def render(self, request, key, version):
        response = self.get_response(request)
        seconds = getattr(response, "page_cache_seconds", None)
        if not (seconds and response.status_code == 200 and not response.streaming):
            if request.method == "GET" and response.status_code < 500:
                cache.delete(key)  # unpublished, moved or private now: no previous version to serve either
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        headers = [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS]
        entry = Entry(
            version, time.time() + seconds, gzip.compress(response.content, compresslevel=GZIP_LEVEL, mtime=0), headers
        )
        cache.set(key, entry, seconds + STALE_SECONDS)
        if accepts_gzip(request):
            response.content = entry.body
            response["Content-Encoding"] = "gzip"
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(entry.body))
        patch_vary_headers(response, ("Accept-Encoding",))
        return response

    def respond(self, request, entry, current=True):
        if accepts_gzip(request):
            response = HttpResponse(entry.body)
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(gzip.decompress(entry.body))
        for name, value in entry.headers:
            response[name] = value
        if not current:
            # The previous version, served while the new one renders: a CDN or browser must not keep it
            # for the page's usual lifetime, or the publish would stay invisible behind them.
            patch_cache_control(response, max_age=0, s_maxage=STALE_SHARED_SECONDS)
        patch_vary_headers(response, ("Accept-Encoding",))
        return response


def wait_for_render(key, lock, version):
    """The entry another request is rendering for `version`, once it is stored; None when that render
    ends without storing one (the page is not shared), or after COLD_WAIT_SECONDS: then render yourself."""
    deadline = time.monotonic() + COLD_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(COLD_POLL_SECONDS)
        found = cache.get_many([key, lock])
        entry = found.get(key)
        if entry is not None and entry.version == version:
            return entry
        if lock not in found:
            return None
    return None


def render_lock_key(key, version):
    return f"pagecache:rendering:{version}:{key}"


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))
