"""Page HTML served from the cache: a petition's biggest day is mostly people reloading its page.

Pages hold no per-visitor data (the signing form carries no CSRF token, see README), so the same
HTML serves every anonymous visitor. Page models opt in with `CachedPageMixin`; the middleware
answers repeat requests before Wagtail routes anything (no database query). Rather than tracking
which pages show what (menus, footers and snippets appear everywhere), any publish or content
change bumps one version number that is part of every key: the cache turns over at once.

Each app says which of its models show on pages with `purge_on_save` (from its `AppConfig.ready`).
A purge also sends `content_changed` with the object: the place for a CDN purge to hook in
(`website.references.pages_showing` names the pages that show it).
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

VERSION_KEY = "pagecache:version"
SKIPPED_HEADERS = {"set-cookie", "content-length"}


def content_version():
    return cache.get_or_set(VERSION_KEY, 1, None)


# Sent after the page cache turned over because `instance` (shown on pages) was saved or deleted.
content_changed = Signal()
# {model: whether it shows on pages}, for every model `purge_on_save` watches.
WATCHED = {}


def purge_all(**kwargs):
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


def cacheable(request):
    return (
        request.method in ("GET", "HEAD") and not request.GET and not request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    )


def cache_key(request):
    return f"pagecache:{content_version()}:{request.get_host()}:{request.path}"


def share(request, response, seconds=300):
    """Mark an anonymous 200 response as the same for everyone: kept by the page cache and CDNs."""
    if response.status_code == 200 and cacheable(request) and not getattr(request, "is_preview", False):
        patch_cache_control(response, public=True, max_age=60, s_maxage=seconds)
        response.page_cache_seconds = seconds
    return response


class CachedPageMixin:
    """For Page models: mark live, anonymous responses as shareable by the page cache and CDNs."""

    cache_seconds = 300

    def serve(self, request, *args, **kwargs):
        return share(request, super().serve(request, *args, **kwargs), self.cache_seconds)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable(request):
            return self.get_response(request)
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        seconds = getattr(response, "page_cache_seconds", None)
        if seconds and response.status_code == 200 and not response.streaming:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS]
            cache.set(key, (response.content, headers), seconds)
        return response
