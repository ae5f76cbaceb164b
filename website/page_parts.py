"""Parts of a page's HTML kept between renders: what a miss costs is mostly rendering the same blocks again.

The page cache (`website.caching`) keeps whole pages for a few minutes. When a page's entry is gone (its time is
up, it was evicted, or the request has a query string) the page renders again, and most of what it renders has
not changed: the header, the stream's blocks, a petition's tracker map. Those parts are kept here, keyed by the
content version (any publish or content change moves it on, so a part is never older than what it shows), the
code (a deploy starts afresh), the date, the language, the URL (without its query) and the page. What changes without a publish (a petition's count, an ad's funded squares,
whether a petition is still open) stays outside the parts: such blocks say so with `Meta.live = True` and keep
their costly, publish-only pieces in `{% pagepart %}` fragments of their own.

Nothing is kept for previews, for other methods than GET/HEAD, or outside a page (no `page` in the context).
"""

import functools
import hashlib
import os
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import get_language

from . import caching

# Keyed by the content version, so a part never outlives what it shows; the time only frees the memory of
# the versions before.
SECONDS = 3600


# Not the site's own: libraries, tests, data, build output. Static files count: parts link to their hashed names.
CODE_SUFFIXES = (".py", ".html", ".mo", ".css", ".js", ".svg")
SKIPPED_DIRECTORIES = {"node_modules", "tests", "benchmarks", "media", "staticfiles", "deploy"}


@functools.cache
def code_version():
    """A digest of the site's code, templates, translations and static files (and Django's and Wagtail's
    versions), once per process: after a deploy that changes how anything renders, no part kept by the previous
    code is served."""
    digest = hashlib.md5(f"{django.__version__}:{wagtail.__version__}".encode(), usedforsecurity=False)
    root = Path(settings.BASE_DIR)
    paths = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [
            d
            for d in subdirectories
            if not d.startswith(".")
            and d not in SKIPPED_DIRECTORIES
            and not Path(directory, d, "pyvenv.cfg").exists()  # a virtualenv inside the checkout
        ]
        paths += [Path(directory, name) for name in files if name.endswith(CODE_SUFFIXES)]
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def base_key(context):
    """The part of every key that says which rendering this is; None where nothing may be kept."""
    request, page = context.get("request"), context.get("page")
    if (
        request is None
        or getattr(page, "pk", None) is None
        or request.method not in ("GET", "HEAD")
        or getattr(request, "is_preview", False)
    ):
        return None
    # The path too: a routable page's sub-pages (a comparison's voting guide) render with the same `page`; the
    # date, for what turns over with it without a publish (a project's status once its end date has passed).
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    return (
        f"{code_version()}:{caching.request_version(request)}:{timezone.localdate()}:{get_language()}:{url}:{page.pk}"
    )


def key(base, name, vary=()):
    digest = hashlib.md5(":".join([base, name, *map(str, vary)]).encode(), usedforsecurity=False).hexdigest()
    return f"pagepart:{digest}"


def fetch(context, name, vary, render):
    """The part `name` (varying on `vary`) from the cache, else `render()`'s, kept for the next render."""
    base = base_key(context)
    if base is None:
        return render()
    part_key = key(base, name, vary)
    html = cache.get(part_key)
    if html is None:
        html = render()
        cache.set(part_key, html, SECONDS)
    return html


def render_stream(context, stream):
    """A StreamField's HTML as `{% include_block %}` renders it, each block's from the cache when it was rendered
    before for this content version; blocks marked `live` render every time. On a full hit no block value is
    even converted (no snippet or image is fetched)."""
    context = context.flatten()
    base = base_key(context)
    if base is None or getattr(stream.stream_block.meta, "template", None):  # a stream with its own template: as is
        return stream.render_as_block(context=context)
    children = stream.stream_block.child_blocks
    raw = stream.raw_data
    keys = {
        index: key(base, "block", [item["id"]])
        for index, item in enumerate(raw)
        if item.get("id") and not getattr(children[item["type"]].meta, "live", False)
    }
    found = cache.get_many(list(keys.values())) if keys else {}
    rendered, missing = [], {}
    for index, item in enumerate(raw):
        html = found.get(keys.get(index))
        if html is None:
            html = stream[index].render(context=context)
            if index in keys:
                missing[keys[index]] = html
        rendered.append((html, item["type"]))
    if missing:
        cache.set_many(missing, SECONDS)
    # The same wrapper as Wagtail's StreamBlock.render_basic.
    return format_html_join("\n", '<div class="w-block-{1} block-{1}">{0}</div>', rendered)
