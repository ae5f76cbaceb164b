from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.csp import csp_override
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import views
from .sitemap import MultilingualSitemap

handler500 = "website.views.server_error"

urlpatterns = [
    path("admin/", include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, csp_override(settings.ADMIN_CSP)))),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path("metrics", include("operations.urls")),  # Prometheus text, for a token or staff
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Outside the language prefix: count.json and canvas JSON have one URL (one cache entry); Stripe's webhook.
    path("petitions/", include("petitions.count_urls")),
    path("donations/", include("donations.webhook_urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})
    )

# "/" has no pattern of its own: LocaleMiddleware redirects it to /nl/ or /en/ by Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("petitions/", include("petitions.urls")),
    path("elections/", include("elections.urls")),
    path("donations/", include("donations.urls")),
    path("giving/", include("giving.urls")),
    path("", include("coalitions.urls")),
    path("", include(wagtail_urls)),
)
