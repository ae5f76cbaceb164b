from django.conf import settings


def client_ip(request):
    """The visitor's IP: REMOTE_ADDR, or the address our own proxies put in X-Forwarded-For.

    Only the last NUM_PROXIES entries are ours; anything before them is the client's say-so.
    """
    proxies = settings.NUM_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None
