"""An object's copy in a language: one rule for the whole site.

Translatable objects come in groups that share Wagtail's `translation_key`, one copy per locale.
Wherever a copy is shown (a page, an email, an export, a staff screen) it is the copy in the
language asked for, else the default language's, else any: an untranslated petition or ad still
shows, in the language it was written in.
"""

import uuid

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import translation
from wagtail.models import TranslatableMixin


def by_language(queryset):
    """{language code: object} of a translation group (or any set of copies), in one query."""
    return {obj.locale.language_code: obj for obj in queryset.select_related("locale")}


def choose(copies, language=None):
    """From {language code: copy}: the copy in `language` (the active language when None), else the
    default language's, else any; None when there are none."""
    if language is None:
        language = translation.get_language()
    return copies.get(language) or copies.get(settings.LANGUAGE_CODE) or next(iter(copies.values()), None)


def in_language(obj_or_key, language=None, *, model=None, copies=None):
    """The copy of a translatable object in `language` (see `choose`); None when there is none.

    `obj_or_key` is one of:
    - a translatable object: its group is Wagtail's `get_translations(inclusive=True)`;
    - a translation key, read from `model`, or through `copies` (a function of the key returning
      {language code: copy}, e.g. a cached read on a hot path);
    - a queryset holding the copies (e.g. a snippet kept once per language).
    """
    if copies is not None:
        found = copies(obj_or_key)
    elif isinstance(obj_or_key, TranslatableMixin):
        found = by_language(obj_or_key.get_translations(inclusive=True))
    elif isinstance(obj_or_key, QuerySet):
        found = by_language(obj_or_key)
    else:
        found = by_language(model._default_manager.filter(translation_key=obj_or_key))
    return choose(found, language)


def in_language_or_404(key, language=None, *, model=None, copies=None):
    """`in_language` for a translation key from a URL: 404 for a malformed or unknown key."""
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        raise Http404("Unknown translation key") from None
    found = in_language(key, language, model=model, copies=copies)
    if found is None:
        raise Http404("Nothing with this translation key")
    return found
