from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def counting_interval():
    from .models import PetitionSettings

    return PetitionSettings.load().counting_interval


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from website import schedule

        schedule.every("petitions.tasks.update_signature_counts", counting_interval)
        schedule.every("petitions.tasks.remind_and_expire_pending_signatures", 600)
        schedule.every("petitions.tasks.report_unusual_signing", 3600)
        schedule.daily("petitions.tasks.reconcile_signature_counts", hour=3)
        schedule.daily("petitions.tasks.anonymise_closed_petitions", hour=4)
