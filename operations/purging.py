"""Purging the CDN when content changes: a page's URLs in both languages and the pages that show it.

Publishing or unpublishing a page, or saving something pages show (`website.caching.purge_on_save`),
computes the URLs inside the editor's transaction and queues `tasks.purge_cdn_urls` once it commits:
the editor never waits for the CDN, and a CDN outage is retried by the task, never an error.
"""

import logging
from functools import partial
from types import SimpleNamespace

from django.db import transaction
from wagtail.models import Page

from website.references import pages_showing

from . import cdn

logger = logging.getLogger(__name__)

# Shown on every page (the footer), named by no page's content: a change purges every live page.
SITE_WIDE = {"website.siteidentity"}


def pages_for_page(page):
    """The page, its translations, and what lists it: its parent (an index) and its language's home page
    (cards), plus any page that links to it in its content."""
    pages = {page.pk: page}
    for translation in page.get_translations(inclusive=True):
        pages[translation.pk] = translation
        for ancestor in translation.get_ancestors().filter(depth__gte=2).live():
            if ancestor.depth == 2 or ancestor.depth == translation.depth - 1:
                pages[ancestor.pk] = ancestor
        for showing in pages_showing(translation, all_languages=True):
            pages[showing.pk] = showing
    return list(pages.values())


def pages_for_object(obj):
    """The live pages that show a snippet (or image), in every language."""
    if obj._meta.label_lower in SITE_WIDE:
        return list(Page.objects.live().filter(depth__gte=2))
    pages = {}
    for page in pages_showing(obj, all_languages=True):
        for translation in page.get_translations(inclusive=True).live():
            pages[translation.pk] = translation
    return list(pages.values())


def urls_for_pages(pages):
    """Full URLs (with each page's `get_cached_paths`), shared site-root lookups across pages."""
    lookups = SimpleNamespace()  # Wagtail caches the site root paths on whatever object it is given
    urls = set()
    for page in pages:
        url = page.get_full_url(lookups)
        if url:
            urls.update(url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths())
    return sorted(urls)


def queue_after_commit(urls, changed):
    if urls and cdn.configured():
        logger.info("cdn purge queued: %d URL(s) for %s %s", len(urls), changed._meta.label, changed.pk)
        transaction.on_commit(partial(queue, urls))


def queue(urls, backend_names=None, attempt=1):
    from .tasks import purge_cdn_urls

    return purge_cdn_urls.enqueue(list(urls), backend_names, attempt)


def page_changed(sender, instance, **kwargs):
    if cdn.configured():
        queue_after_commit(urls_for_pages(pages_for_page(instance)), instance)


def content_changed(sender, instance, **kwargs):
    if cdn.configured():
        queue_after_commit(urls_for_pages(pages_for_object(instance)), instance)
