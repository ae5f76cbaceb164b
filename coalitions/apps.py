from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CoalitionsConfig(AppConfig):
    """Coalition partners of petitions, the sign → share → give journey, the embeddable counters."""

    name = "coalitions"
    verbose_name = _("Coalitions and sharing")

    def ready(self):
        from donations.models import Donation
        from petitions.forms import SIGNING_EXTENSIONS
        from petitions.privacy import PRIVACY_EXTENSIONS
        from projects.models import PartnerOrganisation
        from website import seeding
        from website.caching import purge_on_save

        from . import partners
        from .models import CoalitionPartner
        from .origins import on_donation_saved
        from .privacy import PartnerOptInPrivacy, forget_deleted_partner
        from .signing import PartnerOptIns

        if not any(isinstance(extension, PartnerOptIns) for extension in SIGNING_EXTENSIONS):
            SIGNING_EXTENSIONS.append(PartnerOptIns())
        if not any(isinstance(extension, PartnerOptInPrivacy) for extension in PRIVACY_EXTENSIONS):
            PRIVACY_EXTENSIONS.append(PartnerOptInPrivacy())
        purge_on_save(CoalitionPartner, also=partners.forget)
        # Organisations are projects' snippets: our cached partner lists show their names and logos too.
        post_save.connect(
            lambda sender, instance, **kwargs: partners.forget(instance),
            sender=PartnerOrganisation,
            weak=False,
            dispatch_uid="coalitions:forget-organisation",
        )
        post_save.connect(on_donation_saved, sender=Donation, dispatch_uid="coalitions:donation-origin")
        post_save.connect(
            lambda sender, instance, created, raw=False, **kwargs: created and not raw and instance.export_permission(),
            sender=CoalitionPartner,
            weak=False,
            dispatch_uid="coalitions:export-permission",
        )
        post_delete.connect(forget_deleted_partner, sender=CoalitionPartner, dispatch_uid="coalitions:forget-partner")
        seeding.register_demo("coalitions.demo.seed")
