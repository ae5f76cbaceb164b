from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def confirmations_due():
    from .tasks import confirmations_due

    return confirmations_due()


def counting_interval():
    from .lookups import petition_settings

    return petition_settings().counting_interval


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from website import schedule, seeding
        from website.caching import purge_on_save

        from . import lookups
        from .models import Municipality, Petition, PetitionSettings, TargetResponse

        purge_on_save(Petition, also=lookups.forget)
        purge_on_save(Municipality, also=lookups.forget)
        purge_on_save(PetitionSettings, pages=False, also=lookups.forget)
        purge_on_save(TargetResponse)

        seeding.register_demo("petitions.demo.seed")
        schedule.every("petitions.tasks.update_signature_counts", counting_interval)
        schedule.every("petitions.tasks.send_due_confirmations", 2, when=confirmations_due)
        schedule.every("petitions.tasks.remind_and_expire_pending_signatures", 600)
        schedule.every("petitions.tasks.report_unusual_signing", 3600)
        schedule.daily("petitions.tasks.reconcile_signature_counts", hour=3)
        schedule.daily("petitions.tasks.anonymise_closed_petitions", hour=4)
