"""The site's URLs plus the donation routes, as website/urls.py will have them once integrated.

Tests use it with `settings.ROOT_URLCONF = "tests.donations.urls"` (see conftest.py).
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from website.urls import handler500  # noqa: F401 (read by Django)
from website.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("donations/", include("donations.webhook_urls")),
    *i18n_patterns(path("donations/", include("donations.urls"))),
    *site_urlpatterns,
]
