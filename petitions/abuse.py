"""Spotting unusual signing: many signatures from one IP address or one email domain in a short time.

Used by the hourly `report_unusual_signing` job and by the staff abuse report. Both counts are
GROUP BY queries, so the cost does not depend on how many signatures came in.
"""

import datetime

from django.db.models import Count, Value
from django.db.models.functions import StrIndex, Substr
from django.utils import timezone

from .models import Signature

# Per window: at least this many signatures from one IP (per petition), and from one email
# domain when that domain is also more than DOMAIN_SHARE of everything signed in the window.
THRESHOLDS = {
    datetime.timedelta(hours=1): {"per_ip": 20, "per_domain": 50},
    datetime.timedelta(hours=24): {"per_ip": 100, "per_domain": 500},
}
DOMAIN_SHARE = 0.2
LIMIT = 50


def email_domain():
    """The part after the @ of the normalised email, as a database expression."""
    return Substr("email_normalised", StrIndex("email_normalised", Value("@")) + 1)


def unusual_signing(window=datetime.timedelta(hours=1), now=None, per_ip=None, per_domain=None):
    """{"ips": [{petition_key, ip_address, n}], "domains": [(domain, n)]} for the last `window`."""
    limits = THRESHOLDS.get(window, THRESHOLDS[datetime.timedelta(hours=1)])
    per_ip = limits["per_ip"] if per_ip is None else per_ip
    per_domain = limits["per_domain"] if per_domain is None else per_domain
    since = (now or timezone.now()) - window
    recent = Signature.objects.filter(created_at__gte=since)
    ips = list(
        recent.exclude(ip_address=None)
        .values("petition_key", "ip_address")
        .annotate(n=Count("pk"))
        .filter(n__gte=per_ip)
        .order_by("-n")[:LIMIT]
    )
    with_email = recent.exclude(email_normalised="")
    total = with_email.count() or 1
    domains = [
        (row["domain"], row["n"])
        for row in with_email.annotate(domain=email_domain())
        .values("domain")
        .annotate(n=Count("pk"))
        .filter(n__gte=per_domain)
        .order_by("-n", "domain")[:LIMIT]
        if row["n"] / total > DOMAIN_SHARE
    ]
    return {"ips": ips, "domains": domains}
