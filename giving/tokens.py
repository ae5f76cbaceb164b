"""Signed links: the donor's return pages (a week), and the link to manage a monthly gift (two days).

An altered link is refused before any lookup; an expired one says so, so the donor can ask for a new one.
"""

from django.core import signing

RETURN_SALT, RETURN_MAX_AGE = "giving.return", 7 * 24 * 3600
MANAGE_SALT, MANAGE_MAX_AGE = "giving.manage", 2 * 24 * 3600


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def return_token(row):
    return signing.dumps({"kind": type(row).__name__, "token": str(row.token)}, salt=RETURN_SALT)


def read_return_token(token):
    """(kind, token) of a gift or monthly gift, or None for a forged, altered or expired link."""
    try:
        value = signing.loads(token, salt=RETURN_SALT, max_age=RETURN_MAX_AGE)
        return value["kind"], value["token"]
    except (signing.BadSignature, TypeError, KeyError, ValueError):
        return None


def manage_token(customer_id):
    return signing.dumps(customer_id, salt=MANAGE_SALT)


def read_manage_token(token):
    """The Stripe customer a manage link is for. Raises LinkExpired or LinkInvalid."""
    try:
        value = signing.loads(token, salt=MANAGE_SALT, max_age=MANAGE_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise LinkInvalid from error
    if not isinstance(value, str) or not value:
        raise LinkInvalid
    return value
