from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Machine translation, the translation dashboard and the bilingual publish gate (wagtail-localize)."""

    name = "translation"
    verbose_name = _("Translation")

    def ready(self):
        from django.db.models.signals import post_save

        from . import checks  # noqa: F401 (registers the glossary check)
        from .permissions import grant_on_new_english_home

        # Any model's save: Page subclasses send their own class as the sender.
        post_save.connect(grant_on_new_english_home, dispatch_uid="translation.grant_on_new_english_home")
