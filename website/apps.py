from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import schedule, seeding
        from .caching import purge_all, purge_on_save
        from .models import CustomImage, SiteIdentity

        # Pages show menus and each other's titles: any publish turns the page cache over.
        page_published.connect(purge_all, dispatch_uid="pagecache-published")
        page_unpublished.connect(purge_all, dispatch_uid="pagecache-unpublished")
        # A move changes URLs in menus and breadcrumbs; a deleted page leaves them too.
        post_page_move.connect(purge_all, dispatch_uid="pagecache-moved")
        post_delete.connect(purge_all, sender=Page, dispatch_uid="pagecache-deleted")
        # Privacy set on a page: its cached rendering must go now, and the kept restrictions with it.
        purge_on_save(PageViewRestriction)
        purge_on_save(SiteIdentity)
        purge_on_save(CustomImage)
        seeding.register_demo("website.demo.seed")
        schedule.every("website.tasks.fail_lost_tasks", 300)
