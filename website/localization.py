"""Translating objects in code through wagtail-localize, as a translator would in its editor.

Used by the demo content: the Dutch object is the source, and an unsaved copy carrying the
English values (same structure, other strings) supplies the translation of every segment.
The result is an ordinary wagtail-localize translation that editors can keep working on.
"""

from django.db import transaction
from wagtail.fields import StreamField
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class TranslationMismatch(ValueError):
    """The translated copy does not have the same shape as the source."""


def _with_block_ids(instance):
    """Give an unsaved object's StreamField blocks their ids, as saving would."""
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            value = field.value_from_object(instance)
            setattr(instance, field.name, field.to_python(field.get_prep_value(value)))
    return instance


def _strings(instance):
    _with_block_ids(instance)
    return [segment.string.data for segment in extract_segments(instance) if isinstance(segment, StringSegmentValue)]


def string_pairs(source_instance, translated_instance):
    """{source string: translated string} for every translatable string, matched by position."""
    source_strings, translated_strings = _strings(source_instance), _strings(translated_instance)
    if len(source_strings) != len(translated_strings):
        raise TranslationMismatch(
            f"{source_instance!r}: {len(source_strings)} source strings, {len(translated_strings)} translated"
        )
    return dict(zip(source_strings, translated_strings, strict=True))


def translate_object(source_instance, locale, translated_instance, user=None):
    """Create or update the `locale` translation of `source_instance` and publish it.

    Returns the translated object. Strings missing from `translated_instance` keep the source text.
    """
    pairs = string_pairs(source_instance, translated_instance)
    # One transaction per object: translating a parent and a child together can leave the
    # child unroutable (wagtail-localize#773).
    with transaction.atomic():
        source, _created = TranslationSource.get_or_create_from_instance(source_instance)
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = pairs.get(segment.string.data)
            if text is None:
                continue
            # A string that stays the same in English (a name, the slug "home") is recorded too, as a
            # translator would confirm it: otherwise the translation report counts it as untranslated.
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.save_target(user=user, publish=True)
    return source_instance.get_translation(locale)
