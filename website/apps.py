from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import schedule, seeding
        from .caching import purge_all, purge_on_save
        from .models import CustomImage, SiteIdentity

        # Pages show menus and each other's titles: any publish turns the page cache over.
        page_published.connect(purge_all, dispatch_uid="pagecache-published")
        page_unpublished.connect(purge_all, dispatch_uid="pagecache-unpublished")
        purge_on_save(SiteIdentity)
        purge_on_save(CustomImage)
        seeding.register_demo("website.demo.seed")
        schedule.every("website.tasks.fail_lost_tasks", 300)
