from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GivingConfig(AppConfig):
    name = "giving"
    verbose_name = _("Giving")

    def ready(self):
        from donations import webhooks as donation_webhooks
        from website import schedule, seeding

        from . import tasks, webhooks
        from .fulfilment import gift_paid, payment_failed

        # Donations verifies and deduplicates Stripe's events; giving's are routed here.
        donation_webhooks.register_router(webhooks.route)
        gift_paid.connect(tasks.after_payment, dispatch_uid="giving-after-payment")
        payment_failed.connect(tasks.after_failure, dispatch_uid="giving-after-failure")
        seeding.register_demo("giving.demo.seed")
        schedule.daily("giving.tasks.reconcile_monthly_gifts", hour=3)
