"""Rate-limit screening of new signatures, run by the confirmation sender rather than the request.

The limits (per IP per minute and per hour, per petition per minute; set in *Petition settings*)
only ever mark signatures as suspect, silently, so nothing about them has to happen while the
signer waits: counting them on the worker keeps the signing request at a single INSERT, with no
round trip to the cache. Each signature is counted in the fixed windows of the moment it was
signed, in signing order, once (on its first pass through the outbox), for a whole batch in one
round trip. A worker killed after counting may count a batch twice: that can only flag more.
"""

from website import ratelimit

from .lookups import petition_settings
from .models import Signature

LIMITS = (  # reason, counter scope, window in seconds, key, limit
    ("ip-burst", "sign-ip-minute", 60, lambda s: s.ip_address, lambda limits: limits.ip_burst_limit),
    ("ip-sustained", "sign-ip-hour", 3600, lambda s: s.ip_address, lambda limits: limits.ip_sustained_limit),
    (
        "petition-burst",
        "sign-petition-minute",
        60,
        lambda s: str(s.petition_key),
        lambda limits: limits.petition_burst_limit,
    ),
)


def screen(signatures):
    """Count `signatures` (oldest first) against the limits; store and return {id: reasons} of those over."""
    limits = petition_settings()
    checks, moments, owners = [], [], []
    for signature in sorted(signatures, key=lambda s: (s.created_at, s.pk)):
        for reason, scope, window, key, limit in LIMITS:
            if key(signature):
                checks.append((scope, key(signature), limit(limits), window))
                moments.append(signature.created_at.timestamp())
                owners.append((signature, reason))
    flagged = {}
    for (signature, reason), over in zip(owners, ratelimit.hit_many(checks, at=moments), strict=True):
        if over:
            flagged.setdefault(signature, []).append(reason)
    by_reasons = {}  # one UPDATE per combination of reasons, not per signature (a flood flags them all)
    for signature, reasons in flagged.items():
        known = [reason for reason in signature.suspect_reasons.split(",") if reason]
        signature.suspect_reasons = ",".join(known + [r for r in reasons if r not in known])
        by_reasons.setdefault(signature.suspect_reasons, []).append(signature.pk)
    for suspect_reasons, ids in by_reasons.items():
        Signature.objects.filter(pk__in=ids).update(suspect_reasons=suspect_reasons)
    return {signature.pk: signature.suspect_reasons for signature in flagged}
