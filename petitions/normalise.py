"""Email addresses folded to one identity per person, by the rules of the big mail providers."""

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
