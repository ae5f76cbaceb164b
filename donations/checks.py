"""A system check that the site's URLs include the donation routes (giving, return pages, webhook, canvas)."""

from django.core.checks import Warning, register
from django.urls import NoReverseMatch, reverse


@register()
def donation_urls_installed(app_configs, **kwargs):
    problems = []
    try:
        reverse("donations:give", args=["x"])
    except NoReverseMatch:
        problems.append(
            Warning(
                "donations.urls is not included in the site's URLs.",
                hint='Add path("donations/", include("donations.urls")) to i18n_patterns in website/urls.py, before '
                "Wagtail's catch-all: without it nobody can give.",
                id="donations.W001",
            )
        )
    try:
        reverse("stripe_webhook")
    except NoReverseMatch:
        problems.append(
            Warning(
                "donations.webhook_urls is not included in the site's URLs.",
                hint='Add path("donations/", include("donations.webhook_urls")) to website/urls.py outside '
                "i18n_patterns: Stripe's webhook and the canvas JSON have no language prefix.",
                id="donations.W002",
            )
        )
    return problems
