"""Versioned consent texts: every change to a petition's consent text in a language is a new
version, and a signature points at the version its signer was shown."""

import hashlib

from website.i18n import language_code_of
from website.versions import current_version

from . import lookups
from .models import ConsentVersion


def current_consent(petition):
    """The latest version for this petition copy's language, created if the text changed (cached)."""
    text_hash = hashlib.sha1(petition.consent_text.encode()).hexdigest()
    key = f"petitions:consent:{petition.petition_key}:{petition.locale_id}:{text_hash}"
    return lookups.remember(key, 3600, lambda: _current_consent(petition))


def _current_consent(petition):
    return current_version(
        ConsentVersion,
        petition.consent_text,
        petition_key=petition.petition_key,
        language=language_code_of(petition),
    )
