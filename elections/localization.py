"""Keeping translations of elections data in step with the default language, through wagtail-localize."""

from wagtail_localize.models import Translation, TranslationSource


def sync_translations(objects, user=None):
    """Give every changed default-language object a translation source and update its translations.

    The source is what wagtail-localize's translation editor works from, so imported positions and
    statements reach translators through the same workflow as pages (and the translation report lists
    the untranslated ones). Stances, quotes, links and answers are synchronised fields, so the other
    language never shows stale facts; changed texts show in the default language, marked "not yet
    translated" on the page (elections/comparison.py), until a translator translates them.
    """
    for obj in objects:
        source, _created = TranslationSource.update_or_create_from_instance(obj)
        for translation in Translation.objects.filter(source=source, enabled=True):
            translation.save_target(user=user, publish=True)
