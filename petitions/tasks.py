"""Background work for petitions, named for what it does (run by `manage.py db_worker`)."""

import datetime
import logging
import time

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation

from website.mail import render_templated, send_batch, send_templated
from website.translation import in_language

from . import counting, screening
from .abuse import unusual_signing
from .models import Petition, PetitionSettings, Signature, SignatureStatus, TargetResponse
from .privacy import anonymise_signatures
from .tokens import confirmation_token

logger = logging.getLogger(__name__)


def confirmation_url(signature):
    with translation.override(signature.language):
        path = reverse("petitions:confirm", args=[confirmation_token(signature)])
    return settings.SITE_URL + path


CONFIRMATION_BATCH = 50
MAX_EMAIL_FAILURES = 3


def confirmations_due():
    """Whether any confirmation email waits (the scheduler asks before queueing the sender)."""
    return Signature.objects.filter(confirmation_due=True, email_failures__lt=MAX_EMAIL_FAILURES).exists()


@task()
def send_due_confirmations(max_seconds=50):
    """Screen new signatures against the rate limits and send the confirmation emails (first ones
    and reminders) of signatures flagged `confirmation_due`.

    The signature row is the outbox: signing writes nothing else. Batches are claimed with
    SELECT … FOR UPDATE SKIP LOCKED, so several workers share a peak without sending anything twice,
    and go out over one mailer connection. The flags are cleared in the batch's transaction: a worker
    killed mid-batch leaves the whole batch due, and it is sent again (an email twice, never none).
    A message the mailer refuses is tried again on the next runs; after `MAX_EMAIL_FAILURES` it
    waits for the reminder job, which gives it new tries every few minutes (an ESP outage delays
    emails, it never loses them).
    """
    deadline = time.monotonic() + max_seconds
    sent, failed_now = 0, set()
    while time.monotonic() < deadline:
        with transaction.atomic():
            batch = list(
                Signature.objects.select_for_update(skip_locked=True)
                .filter(confirmation_due=True, email_failures__lt=MAX_EMAIL_FAILURES)
                .exclude(pk__in=failed_now)  # once per run
                .order_by("created_at")[:CONFIRMATION_BATCH]
            )
            if not batch:
                break
            # First pass through the outbox (not a reminder, not a retry): count against the rate limits.
            screening.screen([s for s in batch if s.reminders_sent == 0 and s.email_failures == 0])
            # Claimed before anything is sent: a second worker that read the same rows where rows cannot be
            # locked (SQLite) fails on this write and sends nothing, so an email never goes out twice.
            Signature.objects.filter(pk__in=[s.pk for s in batch]).update(confirmation_due=False)
            # Sent while the batch's rows are locked: whoever writes one of them meanwhile (a signer who
            # confirms, a staff invalidation) waits for the commit, a second or so with small batches.
            messages = confirmation_messages([s for s in batch if s.status == SignatureStatus.PENDING and s.email])
            done, failed = send_batch(messages)
            failed_now.update(failed)
            Signature.objects.filter(
                pk__in=[s.pk for s in batch if s.pk not in failed_now and s.email_failures]
            ).update(email_failures=0)
            if failed:
                Signature.objects.filter(pk__in=failed).update(
                    confirmation_due=True, email_failures=F("email_failures") + 1
                )
            sent += len(done)
    return sent


def confirmation_messages(signatures):
    """{signature id: email} in each signer's language."""
    petitions = {}
    messages = {}
    for signature in signatures:
        key = (signature.petition_key, signature.language)
        if key not in petitions:
            petitions[key] = in_language(*key, model=Petition)  # the signer's language
        messages[signature.pk] = render_templated(
            "petitions/email/confirm",
            signature.email,
            {
                "signature": signature,
                "petition": petitions[key],
                "confirm_url": confirmation_url(signature),
                "reminder": signature.reminders_sent > 0,
            },
            signature.language,
        )
    return messages


@task()
def send_already_signed_email(petition_key, email, language):
    petition = in_language(petition_key, language, model=Petition)
    send_templated("petitions/email/already_signed", email, {"petition": petition}, language)


@task()
def update_signature_counts():
    return counting.update_counts()


@task()
def reconcile_signature_counts():
    return {str(key): value for key, value in counting.reconcile().items()}


@task()
def remind_and_expire_pending_signatures():
    """At most two reminders for unconfirmed signatures, then deletion after the set time."""
    limits = PetitionSettings.load()
    now = timezone.now()
    first = now - datetime.timedelta(hours=limits.reminder_after_hours)
    second = now - datetime.timedelta(hours=limits.reminder_after_hours * 3)
    pending = Signature.objects.filter(status=SignatureStatus.PENDING).exclude(suspect_reasons__contains="honeypot")
    # The second reminder first, so that a signature reminded now is not reminded twice in one run.
    reminded = pending.filter(reminders_sent=1, created_at__lt=second).update(
        reminders_sent=2, confirmation_due=True, email_failures=0
    )
    reminded += pending.filter(reminders_sent=0, created_at__lt=first).update(
        reminders_sent=1, confirmation_due=True, email_failures=0
    )
    # Emails that failed a few times (mailer outage, refused address) get new tries.
    retried = Signature.objects.filter(confirmation_due=True, email_failures__gte=MAX_EMAIL_FAILURES).update(
        email_failures=0
    )
    if reminded or retried:
        send_due_confirmations.enqueue()
    expired, _ = Signature.objects.filter(
        status=SignatureStatus.PENDING, created_at__lt=now - datetime.timedelta(days=limits.pending_expiry_days)
    ).delete()
    return {"reminded": reminded, "deleted": expired}


@task()
def anonymise_closed_petitions():
    """Remove names, emails, postcodes, comments and IPs a set time after a petition closed.

    Kept: status, municipality and dates, so counts per municipality and per day survive.
    """
    now = timezone.now()
    done = 0
    for petition in Petition.objects.filter(closes_at__isnull=False, locale__language_code=settings.LANGUAGE_CODE):
        if petition.closes_at + datetime.timedelta(days=petition.anonymise_after_days) <= now:
            done += anonymise_signatures(Signature.objects.filter(petition_key=petition.petition_key))
    return done


@task()
def report_unusual_signing():
    """Hourly: IP addresses and email domains that signed unusually often in the last hour."""
    found = unusual_signing(datetime.timedelta(hours=1))
    by_ip, unusual_domains = found["ips"], found["domains"]
    if by_ip or unusual_domains:
        logger.warning("unusual signing in the last hour: ips=%s domains=%s", by_ip, unusual_domains)
    return {"ips": [{**row, "petition_key": str(row["petition_key"])} for row in by_ip], "domains": unusual_domains}


@task()
def notify_response_change(response_id):
    """Email the signers from a municipality who asked to hear when its response changes."""
    response = TargetResponse.objects.select_related("municipality").with_notes().filter(pk=response_id).first()
    if response is None:
        return 0
    signers = (
        Signature.objects.filter(
            petition_key=response.petition_key,
            municipality=response.municipality,
            status=SignatureStatus.CONFIRMED,
            notify_on_response=True,
        )
        .exclude(email="")
        .values_list("email", "language", "name")
    )
    sent = 0
    for email, language, name in signers.iterator():
        petition = in_language(response.petition_key, language, model=Petition)
        with translation.override(language):
            status_label = str(response.get_status_display())
        send_templated(
            "petitions/email/response_changed",
            email,
            {
                "petition": petition,
                "response": response,
                "status_label": status_label,
                "name": name,
                "note": response.note_in(language),
            },
            language,
        )
        sent += 1
    return sent
