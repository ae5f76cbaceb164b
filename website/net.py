import ipaddress

from django.conf import settings


def client_ip(request):
    """The visitor's IP: REMOTE_ADDR, or the address our own proxies put in X-Forwarded-For.

    Only the last NUM_PROXIES entries are ours; anything before them is the client's say-so. An entry
    that is not an IP address (a misconfigured proxy, a forged header) falls back to the socket address.
    """
    proxies = settings.NUM_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",") if part.strip()]
        if len(forwarded) >= proxies and (address := ip_or_none(forwarded[-proxies])):
            return address
    return ip_or_none(request.META.get("REMOTE_ADDR"))


def ip_or_none(value):
    """The address in its standard spelling, or None when `value` is not an IP address."""
    try:
        address = ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None
    return None if getattr(address, "scope_id", None) else str(address)  # "fe80::1%eth0" fits no database column
