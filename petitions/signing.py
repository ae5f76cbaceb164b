"""Signing a petition: one INSERT of a pending signature, which is also its confirmation email's
queue entry (sent within seconds by `tasks.send_due_confirmations`).

Nothing here updates a row that other signers also update (the count is the counting job's),
so a peak of signatures contends on nothing but the table's unique index, and a request makes one
round trip to the database and (the lookups being memoised per process) none to the cache.
"""

import logging
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from website.normalise import normalise_email

from . import lookups
from .forms import SIGNING_EXTENSIONS
from .models import Signature, SignatureStatus

logger = logging.getLogger(__name__)


@dataclass
class SigningResult:
    signature: Signature | None
    duplicate: bool = False


def request_signals(*, form_ms, honeypot, limits, timing_garbled=False):
    """What the request itself shows about automation: a filled honeypot, a form sent too fast, a
    form timing that no browser running our script sends.

    The rate limits are counted later, by the confirmation sender (`screening.py`), so that signing
    needs no round trip to the cache. Never told to the signer.
    """
    reasons = []
    if honeypot:
        reasons.append("honeypot")
    if form_ms is not None and form_ms < limits.minimum_form_seconds * 1000:
        reasons.append("fast")
    if timing_garbled:
        reasons.append("timing")
    return reasons


def sign(petition, data, *, consent, language, ip):
    """Record a pending signature and queue its confirmation email, or the "already signed" email."""
    from . import tasks

    reasons = request_signals(
        form_ms=data.get("form_ms"),
        honeypot=bool(data.get("website")),
        limits=lookups.petition_settings(),
        timing_garbled=bool(data.get("timing_garbled")),
    )
    signature = Signature(
        petition_key=petition.petition_key,
        name=data["name"],
        email=data["email"],
        email_normalised=normalise_email(data["email"]),
        municipality_id=data.get("municipality"),
        postcode=data.get("postcode", ""),
        comment=data.get("comment", ""),
        language=language,
        consent=consent,
        newsletter_opt_in=bool(data.get("newsletter")),
        notify_on_response=bool(data.get("notify_on_response")),
        suspect_reasons=",".join(reasons),
        ip_address=ip,
        form_seconds=(data["form_ms"] / 1000) if data.get("form_ms") is not None else None,
        created_at=timezone.now(),
        # The row is the email's queue entry (`tasks.send_due_confirmations`); a bot's honeypot
        # signature gets no email, so nobody can make us mail a stranger.
        confirmation_due="honeypot" not in reasons,
    )
    extensions = [extension for extension in SIGNING_EXTENSIONS if extension.applies(data)]
    try:
        # In autocommit the INSERT is its own transaction; a savepoint only when already inside one, or when an
        # extension (a partner's opt-in) writes rows that must go in with the signature or not at all.
        with transaction.atomic() if connection.in_atomic_block or extensions else nullcontext():
            signature.save()
            for extension in extensions:
                extension.save(signature, data)
    except IntegrityError:
        # Same person again: tell them by email, answer exactly as for a first signature.
        transaction.on_commit(
            lambda: tasks.send_already_signed_email.enqueue(str(petition.petition_key), data["email"], language)
        )
        return SigningResult(signature=None, duplicate=True)
    return SigningResult(signature=signature)


def confirm(signature_id, petition_key):
    """Confirm a pending signature. True when confirmed now or before; False when it is gone."""
    updated = Signature.objects.filter(
        pk=signature_id, petition_key=petition_key, status=SignatureStatus.PENDING
    ).update(status=SignatureStatus.CONFIRMED, confirmed_at=timezone.now(), confirmation_due=False)
    if updated:
        return True
    return Signature.objects.filter(pk=signature_id, petition_key=petition_key, confirmed_at__isnull=False).exists()
