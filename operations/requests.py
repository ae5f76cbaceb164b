"""Request ids and the database-down page, as middleware (first in MIDDLEWARE: they wrap everything).

The id comes from the proxy (`X-Request-ID`, if it looks like one) or is made here; it is sent back in
the response and added to every log line written while the request runs (`logging.RequestIdFilter`), so
one visitor's trouble can be followed from Varnish's log through gunicorn's to the app's.
"""

import contextvars
import re
import uuid

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext

request_id = contextvars.ContextVar("request_id", default="-")
VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# What a database that is down or restarting raises (connection refused, server closed the connection).
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.id = given if VALID_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


def remember_exception(sender, request=None, **kwargs):
    """Django turns an exception into a 500 response before any middleware sees it; note what it was."""
    import sys

    if request is not None:
        request.uncaught_exception = sys.exc_info()[1]


got_request_exception.connect(remember_exception, dispatch_uid="operations-remember-exception")


class DatabaseUnavailableMiddleware:
    """A database that does not answer gives visitors a calm bilingual 503, never a traceback or a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and isinstance(getattr(request, "uncaught_exception", None), DATABASE_DOWN):
            return database_unavailable(request)
        return response


def database_unavailable(request):
    """The 503 page in the URL's language first and the other one below; it reads nothing from the database."""
    from django.conf import settings

    first = translation.get_language_from_path(request.path) or settings.LANGUAGE_CODE
    languages = [first] + [code for code, _name in settings.LANGUAGES if code != first]
    messages = []
    for code in languages:
        with translation.override(code):
            messages.append(
                {
                    "language": code,
                    "title": gettext("Back in a moment"),
                    "text": gettext("The site cannot reach its database right now. Please try again in a minute."),
                    "home": gettext("Home page"),
                }
            )
    try:
        html = loader.get_template("operations/database_unavailable.html").render({"messages": messages})
    except Exception:  # the page must not fail itself
        html = "<h1>Zo terug / Back in a moment</h1>"
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
