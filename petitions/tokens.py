"""Signed, single-purpose, expiring tokens for email links (no token table to look up or leak)."""

from django.core import signing

CONFIRM_SALT = "petitions.confirm-signature"
CONFIRM_MAX_AGE = 14 * 24 * 3600


def confirmation_token(signature):
    return signing.dumps({"s": signature.pk, "p": str(signature.petition_key)}, salt=CONFIRM_SALT, compress=True)


def read_confirmation_token(token):
    """(signature id, petition key) or None for a forged, altered, foreign or expired token."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
        return int(data["s"]), data["p"]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
