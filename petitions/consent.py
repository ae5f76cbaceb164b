"""Versioned consent texts: every change to a petition's consent text in a language is a new
version, and a signature points at the version its signer was shown."""

import hashlib

from django.db import IntegrityError, transaction

from . import lookups
from .models import ConsentVersion


def current_consent(petition):
    """The latest version for this petition copy's language, created if the text changed (cached)."""
    text_hash = hashlib.sha1(petition.consent_text.encode()).hexdigest()
    key = f"petitions:consent:{petition.petition_key}:{petition.locale_id}:{text_hash}"
    return lookups.remember(key, 3600, lambda: _current_consent(petition))


def _current_consent(petition):
    language = petition.locale.language_code
    latest = (
        ConsentVersion.objects.filter(petition_key=petition.petition_key, language=language)
        .order_by("-version")
        .first()
    )
    if latest and latest.text == petition.consent_text:
        return latest
    try:
        with transaction.atomic():
            return ConsentVersion.objects.create(
                petition_key=petition.petition_key,
                language=language,
                version=(latest.version + 1) if latest else 1,
                text=petition.consent_text,
            )
    except IntegrityError:  # another request made the same version first
        return _current_consent(petition)
