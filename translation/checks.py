"""`manage.py check` (and every start-up under runserver) refuses a glossary file with errors."""

from django.conf import settings
from django.core import checks

from . import glossary


@checks.register()
def check_glossary(app_configs=None, **kwargs):
    path = getattr(settings, "TRANSLATION_GLOSSARY", None)
    if path is None:
        return []
    try:
        glossary.load(path)
    except glossary.GlossaryError as error:
        return [
            checks.Error(
                f"The machine translation glossary {path} has errors: {message}",
                hint="Each line is “Dutch<TAB>English”; fix or remove the line.",
                id="translation.E001",
            )
            for message in error.errors
        ]
    return []
