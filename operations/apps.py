from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site in production: CDN purges, figures for the operators, error reporting."""

    name = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from django.apps import apps
        from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purge
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from website.caching import content_changed

        from . import errors, purging

        errors.init_sentry()

        # Wagtail's own handlers purge a page's URL with its language prefix swapped (wrong for translated
        # slugs), miss the pages that list it and give up on the first error: ours replace them.
        for model in apps.get_models():
            if issubclass(model, Page):
                page_published.disconnect(wagtail_purge.page_published_signal_handler, sender=model)
                page_unpublished.disconnect(wagtail_purge.page_unpublished_signal_handler, sender=model)
        page_published.connect(purging.page_changed, dispatch_uid="cdn-purge-published")
        page_unpublished.connect(purging.page_changed, dispatch_uid="cdn-purge-unpublished")
        content_changed.connect(purging.content_changed, dispatch_uid="cdn-purge-content")
