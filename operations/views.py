"""The operators' views: the staff's status page (in the Wagtail admin) and the Prometheus endpoint."""

import hmac

from django.conf import settings
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from website.admin_views import StaffTemplateView

from . import cdn, metrics


class StatusView(StaffTemplateView):
    """The figures of `metrics`, the CDNs purged and whether errors are reported: staff only (others get
    the admin's 403 page)."""

    template_name = "operations/status.html"
    page_title = gettext_lazy("Site status")
    header_icon = "pulse"
    permission_required = "staff"  # checked below: staff status, not a model permission

    def user_has_permission(self, permission):
        return self.request.user.is_staff

    @method_decorator(never_cache)
    def get(self, request):
        return self.render(
            figures=metrics.figures(),
            cdn_backends=sorted(cdn.backends()),
            error_reporting=bool(settings.SENTRY_DSN),
        )


@never_cache
@require_GET
def prometheus(request):
    """Prometheus text format, for a bearer token (METRICS_TOKEN) or a staff session; 401/403 otherwise."""
    refusal = refuse_metrics(request)
    if refusal is not None:
        return refusal
    return HttpResponse(
        metrics.prometheus_text(metrics.figures()), content_type="text/plain; version=0.0.4; charset=utf-8"
    )


def refuse_metrics(request):
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _space, given = header.partition(" ")
        token = settings.METRICS_TOKEN
        if scheme.lower() == "bearer" and token and hmac.compare_digest(given.strip().encode(), token.encode()):
            return None
        return HttpResponse("Wrong token.\n", status=403, content_type="text/plain")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None if user.is_staff else HttpResponse("Staff only.\n", status=403, content_type="text/plain")
    response = HttpResponse("A bearer token or a staff login is required.\n", status=401, content_type="text/plain")
    response["WWW-Authenticate"] = 'Bearer realm="metrics"'
    return response
