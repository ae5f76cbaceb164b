from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "elections"
    verbose_name = _("Elections")

    def ready(self):
        from website import seeding
        from website.caching import purge_on_save

        from .models import Correction, Election, Party, Position, Statement, StatementAnswer, Theme

        # Everything a comparison page shows.
        for model in (Election, Party, Theme, Position, Correction, Statement, StatementAnswer):
            purge_on_save(model)
        seeding.register_demo("elections.demo.seed")
