"""The site's URLs plus two benchmark-only views: the "bare insert" and the "bare page" baselines, and one
benchmark-only middleware: `cold_renders`.

`GET /bench/bare` answers a few bytes of HTML through every middleware, with no database query and no
template: the Django stack's ceiling for a page (benchmarks/pages_load.py compares pages with it).

`POST /bench/bare-insert` parses the same form body as a signature and inserts one row into a plain
table (`bench_bare_insert`, created by the driver; no index but the primary key) with one raw
INSERT, through the same middleware, worker and connection settings. It is what one
request that writes one row costs on this stack, so sign/bare shows what signing adds on top.

`?cold=1` on any URL moves the content version on before the request (`cold_renders`, first in the middleware):
nothing kept for the previous version serves it (routes, menus, page parts), as for the first render of a page
right after a publish.
"""

from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from website.urls import handler500  # noqa: F401 (handler500 is read by Django)
from website.urls import urlpatterns as site_urlpatterns

BARE_TABLE = "bench_bare_insert"


@csrf_exempt
@require_POST
def bare_insert(request):
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BARE_TABLE} (email, name, municipality) VALUES (%s, %s, %s)",
            [request.POST.get("email", ""), request.POST.get("name", ""), request.POST.get("municipality", "")],
        )
    return HttpResponse(status=204)


def cold_renders(get_response):
    from website.caching import purge_all

    def middleware(request):
        if "cold" in request.GET:
            purge_all()
        return get_response(request)

    return middleware


def bare_page(request):
    return HttpResponse("<!doctype html><title>bare</title><p>bare</p>")


urlpatterns = [
    path("bench/bare-insert", bare_insert, name="bench_bare_insert"),
    path("bench/bare", bare_page, name="bench_bare_page"),
    *site_urlpatterns,
]
