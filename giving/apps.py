from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GivingConfig(AppConfig):
    name = "giving"
    verbose_name = _("Giving")

    def ready(self):
        from donations import webhooks as donation_webhooks
        from website import seeding

        from . import webhooks

        # Donations verifies and deduplicates Stripe's events; giving's are routed here.
        donation_webhooks.register_router(webhooks.route)
        seeding.register_demo("giving.demo.seed")
