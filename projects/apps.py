from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from website import seeding
        from website.caching import purge_on_save

        from .models import Funder, PartnerOrganisation

        purge_on_save(PartnerOrganisation)
        purge_on_save(Funder)
        seeding.register_demo("projects.demo.seed")
