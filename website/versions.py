"""Versioned texts: a text a person agrees to (a consent, a partner's opt-in) is stored once per wording, and
what they agreed to points at that version, so a later edit never changes what was shown to them."""

from django.db import IntegrityError, transaction


def current_version(model, text, **identity):
    """The latest `model` row for `identity` (its `version` and `text` fields), or a new version when the text
    has changed since; two requests racing to create the same version end with the one row."""
    latest = model.objects.filter(**identity).order_by("-version").first()
    if latest and latest.text == text:
        return latest
    try:
        with transaction.atomic():
            return model.objects.create(**identity, version=(latest.version + 1) if latest else 1, text=text)
    except IntegrityError:  # another request made the same version first
        return current_version(model, text, **identity)
