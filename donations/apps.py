from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def ad_saved(sender, instance, **kwargs):
    from website.caching import purge_all

    from . import canvas

    purge_all()  # the ad's texts are on campaign pages
    canvas.invalidate(instance.translation_key)


class DonationsConfig(AppConfig):
    name = "donations"
    verbose_name = _("Donations")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from website import schedule

        from .models import DonationAd

        post_save.connect(ad_saved, sender=DonationAd, dispatch_uid="donations-ad-saved")
        post_delete.connect(ad_saved, sender=DonationAd, dispatch_uid="donations-ad-deleted")
        schedule.every("donations.tasks.expire_holds", 60)
        schedule.daily("donations.tasks.reconcile_ledgers", hour=3)
        schedule.daily("donations.tasks.forget_ended_holds", hour=4)
