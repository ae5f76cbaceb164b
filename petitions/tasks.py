"""Background work for petitions, named for what it does (run by `manage.py db_worker`)."""

import datetime
import logging

from django.conf import settings
from django.db.models import F
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation

from website.mail import send_templated

from . import counting
from .abuse import unusual_signing
from .models import Petition, PetitionSettings, Signature, SignatureStatus
from .tokens import confirmation_token

logger = logging.getLogger(__name__)


def petition_in(petition_key, language):
    """The petition's copy in `language`, else any copy (emails go out in the signer's language)."""
    copies = {p.locale.language_code: p for p in Petition.objects.filter(translation_key=petition_key)
              .select_related("locale")}
    return copies.get(language) or copies.get(settings.LANGUAGE_CODE) or next(iter(copies.values()), None)


def confirmation_url(signature):
    with translation.override(signature.language):
        path = reverse("petitions:confirm", args=[confirmation_token(signature)])
    return settings.SITE_URL + path


@task()
def send_confirmation_email(signature_id, reminder=False):
    signature = Signature.objects.filter(pk=signature_id, status=SignatureStatus.PENDING).first()
    if signature is None:  # confirmed or deleted meanwhile: nothing to send
        return
    petition = petition_in(signature.petition_key, signature.language)
    send_templated("petitions/email/confirm", signature.email, {
        "signature": signature, "petition": petition, "confirm_url": confirmation_url(signature),
        "reminder": reminder,
    }, signature.language)


@task()
def send_already_signed_email(petition_key, email, language):
    petition = petition_in(petition_key, language)
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
    due = (Signature.objects.filter(status=SignatureStatus.PENDING, reminders_sent=0, created_at__lt=first)
           | Signature.objects.filter(status=SignatureStatus.PENDING, reminders_sent=1, created_at__lt=second))
    due = due.exclude(suspect_reasons__contains="honeypot")
    reminded = 0
    for signature_id in due.values_list("pk", flat=True)[:5000]:
        # Count the reminder before queueing it: a crash afterwards means one reminder fewer, never a third.
        if Signature.objects.filter(pk=signature_id, reminders_sent__lt=2).update(
                reminders_sent=F("reminders_sent") + 1):
            send_confirmation_email.enqueue(signature_id, reminder=True)
            reminded += 1
    expired, _ = Signature.objects.filter(
        status=SignatureStatus.PENDING,
        created_at__lt=now - datetime.timedelta(days=limits.pending_expiry_days)).delete()
    return {"reminded": reminded, "deleted": expired}


@task()
def anonymise_closed_petitions():
    """Remove names, emails, postcodes, comments and IPs a set time after a petition closed.

    Kept: status, municipality and dates, so counts per municipality and per day survive.
    """
    from .privacy import anonymise_signatures

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
    return {"ips": [{**row, "petition_key": str(row["petition_key"])} for row in by_ip],
            "domains": unusual_domains}


@task()
def notify_response_change(response_id):
    """Email the signers from a municipality who asked to hear when its response changes."""
    from .models import TargetResponse

    response = TargetResponse.objects.select_related("municipality").filter(pk=response_id).first()
    if response is None:
        return 0
    signers = (Signature.objects.filter(petition_key=response.petition_key, municipality=response.municipality,
                                        status=SignatureStatus.CONFIRMED, notify_on_response=True)
               .exclude(email="").values_list("email", "language", "name"))
    sent = 0
    for email, language, name in signers.iterator():
        petition = petition_in(response.petition_key, language)
        with translation.override(language):
            status_label = str(response.get_status_display())
        send_templated("petitions/email/response_changed", email, {
            "petition": petition, "response": response, "status_label": status_label, "name": name,
            "note": response.note_en if language == "en" and response.note_en else response.note_nl,
        }, language)
        sent += 1
    return sent
