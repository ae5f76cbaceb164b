"""Keeping translations of elections data in step with the default language, through wagtail-localize."""

from wagtail_localize.models import Translation, TranslationSource


def sync_translations(objects, user=None):
    """Update the existing translations of changed default-language objects.

    Stances, quotes, links and answers are synchronised fields, so the other language never shows
    stale facts; changed texts show in the default language until a translator translates them.
    """
    for obj in objects:
        if not obj.get_translations().exists():
            continue
        source, _created = TranslationSource.update_or_create_from_instance(obj)
        for translation in Translation.objects.filter(source=source, enabled=True):
            translation.save_target(user=user, publish=True)
