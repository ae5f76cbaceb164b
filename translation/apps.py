from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Machine translation, the translation dashboard and the bilingual publish gate (wagtail-localize)."""

    name = "translation"
    verbose_name = _("Translation")

    def ready(self):
        from . import checks  # noqa: F401 (registers the glossary check)
