"""The confirmation email outbox: signing writes one row, `send_due_confirmations` sends the emails."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from petitions import tasks
from petitions.consent import current_consent
from petitions.models import Signature, SignatureStatus
from petitions.tasks import MAX_EMAIL_FAILURES, remind_and_expire_pending_signatures, send_due_confirmations

from .test_signing import form_data, sign_url


@pytest.fixture
def pending(new_signature):
    return lambda name, **fields: new_signature(name, confirmation_due=True, **fields)


def test_signing_writes_one_row_and_sends_nothing_in_the_request(client, petition, amsterdam):
    current_consent(petition)
    client.post(sign_url(petition), form_data(petition, email="warm@example.org"))  # fills the cached lookups
    with CaptureQueriesContext(connection) as queries:
        response = client.post(sign_url(petition), form_data(petition))
    assert response.status_code == 302
    statements = [q["sql"] for q in queries.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    assert len(statements) == 1 and statements[0].startswith('INSERT INTO "petitions_signature"')
    assert mail.outbox == []
    assert Signature.objects.get(email="fatima@example.org").confirmation_due


def test_the_sender_mails_each_due_signature_once_in_its_language(pending):
    pending("Anna")
    pending("Ben", language="en")
    assert send_due_confirmations.call() == 2
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["anna@example.org"].startswith("Bevestig")
    assert subjects["ben@example.org"].startswith("Confirm your signature")
    assert not Signature.objects.filter(confirmation_due=True).exists()
    assert send_due_confirmations.call() == 0
    assert len(mail.outbox) == 2


def test_a_signature_confirmed_or_invalidated_meanwhile_gets_no_email(pending):
    pending("Done", status=SignatureStatus.CONFIRMED, confirmed_at=timezone.now())
    pending("Gone", status=SignatureStatus.INVALIDATED)
    assert send_due_confirmations.call() == 0
    assert mail.outbox == []
    assert not Signature.objects.filter(confirmation_due=True).exists()


def test_a_reminder_goes_through_the_same_outbox_and_says_it_is_a_reminder(pending):
    pending("Late", reminders_sent=1)
    send_due_confirmations.call()
    assert mail.outbox[0].subject.startswith(("Herinnering", "Reminder"))


def test_many_due_signatures_go_out_in_batches(pending, monkeypatch):
    monkeypatch.setattr(tasks, "CONFIRMATION_BATCH", 3)
    for number in range(8):
        pending(f"Signer{number}")
    assert send_due_confirmations.call() == 8
    assert sorted(message.to[0] for message in mail.outbox) == sorted(f"signer{n}@example.org" for n in range(8))


def test_a_worker_killed_mid_batch_loses_no_email(pending, monkeypatch):
    """The flags are cleared in the batch's transaction: a crash leaves the batch due, the next run sends it."""
    for name in ("Anna", "Ben", "Cas"):
        pending(name)
    real_send = tasks.send_batch

    def send_then_die(messages):
        real_send(dict(list(messages.items())[:2]))
        raise SystemExit("worker killed")

    monkeypatch.setattr(tasks, "send_batch", send_then_die)
    with pytest.raises(SystemExit):
        send_due_confirmations.call()
    assert Signature.objects.filter(confirmation_due=True).count() == 3
    monkeypatch.setattr(tasks, "send_batch", real_send)
    assert send_due_confirmations.call() == 3
    delivered = {message.to[0] for message in mail.outbox}
    assert delivered == {"anna@example.org", "ben@example.org", "cas@example.org"}  # two of them twice: never none


class RefusingBackend:
    """A mailer that refuses one address and delivers the rest into mail.outbox."""

    refused = "ben@example.org"

    def __init__(self, *args, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_messages(self, messages):
        for message in messages:
            if self.refused in message.to:
                raise ConnectionError("550 mailbox unavailable")
            mail.outbox.append(message)
        return len(messages)


def test_an_address_the_mailer_refuses_does_not_hold_up_the_others(pending, monkeypatch):
    pending("Anna")
    pending("Ben")
    monkeypatch.setattr("website.mail.mailers", mock.Mock(default=RefusingBackend()))
    assert send_due_confirmations.call() == 1
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    ben = Signature.objects.get(name="Ben")
    assert ben.confirmation_due and ben.email_failures == 1
    for _ in range(MAX_EMAIL_FAILURES):
        send_due_confirmations.call()
    ben.refresh_from_db()
    assert ben.confirmation_due and ben.email_failures == MAX_EMAIL_FAILURES  # given up for now
    assert not tasks.confirmations_due()  # so the scheduler stops queueing the sender for it
    # The reminder job gives it new tries (an outage delays emails, it does not lose them).
    monkeypatch.setattr(
        "website.mail.mailers",
        mock.Mock(
            default=mock.MagicMock(
                __enter__=lambda self: self,
                send_messages=lambda messages: mail.outbox.extend(messages) or len(messages),
            )
        ),
    )
    remind_and_expire_pending_signatures.call()
    assert "ben@example.org" in [message.to[0] for message in mail.outbox]
    assert not Signature.objects.filter(confirmation_due=True).exists()


def test_a_mailer_that_cannot_connect_leaves_everything_due(pending, monkeypatch):
    pending("Anna")
    broken = mock.MagicMock()
    broken.__enter__.side_effect = ConnectionRefusedError("SMTP server down")
    monkeypatch.setattr("website.mail.mailers", mock.Mock(default=broken))
    with pytest.raises(ConnectionRefusedError):
        send_due_confirmations.call()
    anna = Signature.objects.get()
    assert anna.confirmation_due and anna.email_failures == 0


def test_confirming_clears_the_flag(pending):
    from petitions.signing import confirm

    anna = pending("Anna", reminders_sent=1)
    assert confirm(anna.pk, anna.petition_key)
    anna.refresh_from_db()
    assert anna.status == SignatureStatus.CONFIRMED and not anna.confirmation_due


def test_the_scheduler_queues_the_sender_only_when_something_is_due(pending):
    assert not tasks.confirmations_due()
    pending("Anna", created_at=timezone.now() - datetime.timedelta(seconds=5))
    assert tasks.confirmations_due()


def test_screening_counts_each_signature_once_in_the_window_it_was_signed(pending):
    from petitions.models import PetitionSettings

    limits = PetitionSettings.load()
    limits.ip_burst_limit, limits.ip_sustained_limit, limits.petition_burst_limit = 2, 4, 5
    limits.save()
    # Two hours ago, five minutes into the hour: both minutes fall in the same hour window.
    start = timezone.now().replace(minute=5, second=0, microsecond=0) - datetime.timedelta(hours=2)
    # One address signs 3 times in one minute and 3 times in the next; five others sign in the first minute.
    for minute in range(2):
        for second in range(3):
            pending(
                f"Bot{minute}{second}",
                ip_address="203.0.113.9",
                created_at=start + datetime.timedelta(minutes=minute, seconds=10 * second),
            )
    for number in range(5):
        pending(
            f"Person{number}",
            ip_address=f"198.51.100.{number + 1}",
            created_at=start + datetime.timedelta(seconds=45 + number),
        )
    send_due_confirmations.call()
    reasons = dict(Signature.objects.values_list("name", "suspect_reasons"))
    assert reasons["Bot00"] == reasons["Bot01"] == reasons["Bot10"] == ""
    assert reasons["Bot02"] == "ip-burst"  # third in its minute
    assert reasons["Bot11"] == "ip-sustained"  # fifth in its hour
    assert reasons["Bot12"] == "ip-burst,ip-sustained"  # third in its minute, sixth in its hour
    # The petition's sixth and later signatures in the first minute: Person2..Person4 (after Bot00-02, Person0-1).
    assert [reasons[f"Person{n}"] for n in range(5)] == ["", "", "petition-burst", "petition-burst", "petition-burst"]
    assert len(mail.outbox) == 11  # flagged, never refused

    # A reminder or a retry goes through the outbox again, but is not counted again.
    Signature.objects.update(confirmation_due=True, reminders_sent=1)
    send_due_confirmations.call()
    assert dict(Signature.objects.values_list("name", "suspect_reasons")) == reasons


def test_screening_keeps_the_signals_the_request_saw(pending):
    from petitions.models import PetitionSettings

    limits = PetitionSettings.load()
    limits.ip_burst_limit = 1
    limits.save()
    pending("First", ip_address="203.0.113.7")
    pending("Second", ip_address="203.0.113.7", suspect_reasons="fast")
    send_due_confirmations.call()
    assert Signature.objects.get(name="Second").suspect_reasons == "fast,ip-burst"
