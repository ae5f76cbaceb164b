"""What people type, made comparable and safe to keep: email addresses folded to one identity per
person (by the rules of the big mail providers), free text without control characters."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

GMAIL = {"gmail.com", "googlemail.com"}
PLUS_TAG_DOMAINS = GMAIL | {
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "outlook.nl",
    "hotmail.nl",
    "live.nl",
    "icloud.com",
    "me.com",
    "mac.com",
    "protonmail.com",
    "proton.me",
    "fastmail.com",
    "ziggo.nl",
    "kpnmail.nl",
}
DASH_TAG_DOMAINS = {"yahoo.com", "yahoo.nl", "ymail.com"}


def normalise_email(address):
    """`Jan.Jansen+petitie@GoogleMail.com` → `janjansen@gmail.com`."""
    address = address.strip().lower()
    local, _at, domain = address.rpartition("@")
    if not local:
        return address
    if domain in PLUS_TAG_DOMAINS:
        local = local.split("+", 1)[0]
    if domain in DASH_TAG_DOMAINS:
        local = local.split("-", 1)[0]
    if domain in GMAIL:
        local = local.replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


def clean_text(value, field_label):
    """Strip and reject control characters (a name is shown and exported; NUL and friends break both)."""
    value = unicodedata.normalize("NFC", value).strip()
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise forms.ValidationError(_("%(field)s contains characters that cannot be used.") % {"field": field_label})
    return value
