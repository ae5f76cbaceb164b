"""Signed, expiring hold tokens for the donor's return links (success, cancel, demo checkout).

The hold's own UUID is already unguessable; signing it as well means an altered link is refused before
any lookup, and a link stops working after a week.
"""

import uuid

from django.core import signing

SALT = "donations.hold"
MAX_AGE = 7 * 24 * 3600


def hold_token(hold):
    return signing.dumps(str(hold.token), salt=SALT)


def read_hold_token(token):
    """The hold's UUID, or None for a forged, altered or expired token."""
    try:
        return uuid.UUID(signing.loads(token, salt=SALT, max_age=MAX_AGE))
    except (signing.BadSignature, TypeError, ValueError, AttributeError):
        return None
