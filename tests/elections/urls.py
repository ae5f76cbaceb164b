"""The site's URLs plus elections.urls, as website/urls.py will include them (see tests/elections/conftest.py)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from website.urls import handler500  # noqa: F401
from website.urls import urlpatterns as site_urlpatterns

urlpatterns = i18n_patterns(path("elections/", include("elections.urls"))) + list(site_urlpatterns)
