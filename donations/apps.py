from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DonationsConfig(AppConfig):
    name = "donations"
    verbose_name = _("Donations")

    def ready(self):
        from website import schedule, seeding
        from website.caching import purge_on_save

        from . import canvas, tasks
        from .fulfilment import donation_credited
        from .models import DonationAd, DonationSettings

        # The ad's texts are on campaign pages; its canvas is cached on its own.
        purge_on_save(DonationAd, also=lambda ad: canvas.invalidate(ad.translation_key))
        purge_on_save(DonationSettings)  # the gift form on pages shows its limits
        donation_credited.connect(tasks.after_credit, dispatch_uid="donations-after-credit")
        seeding.register_demo("donations.demo.seed")
        schedule.every("donations.tasks.expire_holds", 60)
        schedule.daily("donations.tasks.reconcile_ledgers", hour=3)
        schedule.daily("donations.tasks.forget_ended_holds", hour=4)
