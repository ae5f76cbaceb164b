import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from . import i18n
from .filtering import page_or_first

logger = logging.getLogger(__name__)

SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    # A NUL cannot be part of a database query (PostgreSQL refuses it): it is dropped, like surrounding spaces.
    query = request.GET.get("query", "").replace("\x00", "").strip()
    notices = []
    if len(query) > SEARCH_QUERY_MAX_LENGTH:
        query = query[:SEARCH_QUERY_MAX_LENGTH]
        notices.append(_("Your search was shortened to %(count)s characters.") % {"count": SEARCH_QUERY_MAX_LENGTH})
    results = Page.objects.none()
    # Wagtail's SQLite index puts each word in double quotes without escaping one inside it: a '"' would be
    # a syntax error there. Words are what is searched for, so quotes separate words on every database.
    terms = query.replace('"', " ").strip()
    if terms:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=i18n.active_locale(request), depth__gt=1)
            .specific()
            .search(terms)
        )
    # A page that does not exist shows the first page and says so, as the indexes do.
    page_obj, page_notices = page_or_first(results, SEARCH_RESULTS_PER_PAGE, request.GET.get("page"))
    return TemplateResponse(
        request,
        "website/search.html",
        {
            "query": query,
            "page_obj": page_obj,
            "notices": notices + page_notices,
        },
    )


@never_cache
@require_GET
def healthz(request):
    """200 when the database and the cache answer, 503 when either does not."""
    state = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        state["database"] = "ok"
    except Exception as error:  # any failure means "down"; the reason goes to the log
        logger.error("healthz: database unavailable: %s", error)
        state["database"] = "unavailable"
    try:
        key = f"healthz:{uuid.uuid4().hex}"
        cache.set(key, "1", 10)
        state["cache"] = "ok" if cache.get(key) == "1" else "unavailable"
        cache.delete(key)
    except Exception as error:
        logger.error("healthz: cache unavailable: %s", error)
        state["cache"] = "unavailable"
    healthy = all(value == "ok" for value in state.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", **state}, status=200 if healthy else 503)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /nl/search/",
        "Disallow: /en/search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page in the language of the URL, with no database access (it may be what failed)."""
    language = translation.get_language_from_path(request.path) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            html = loader.get_template("500.html").render({"LANGUAGE_CODE": language})
        except Exception:
            html = "<h1>Server error / Serverfout</h1>"
    return HttpResponseServerError(html)
