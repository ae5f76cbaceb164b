"""A system check that the site's URLs include elections.urls (the voting guide's result without JavaScript)."""

from django.core.checks import Warning, register
from django.urls import NoReverseMatch, reverse


@register()
def guide_result_url_installed(app_configs, **kwargs):
    try:
        reverse("elections:guide_result", args=[1])
    except NoReverseMatch:
        return [
            Warning(
                "elections.urls is not included in the site's URLs.",
                hint='Add path("elections/", include("elections.urls")) to i18n_patterns in website/urls.py, before '
                "Wagtail's catch-all: without it the voting guide shows no result when JavaScript is off.",
                id="elections.W001",
            )
        ]
    return []
