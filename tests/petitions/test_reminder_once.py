"""A reminder goes out once, even when a second worker looks at the outbox while the first is sending."""

import datetime

from django.core import mail
from django.utils import timezone

from petitions import tasks
from petitions.models import Signature


def test_a_second_worker_looking_while_the_first_sends_finds_nothing_to_send(new_signature, monkeypatch):
    new_signature("Ada", created_at=timezone.now() - datetime.timedelta(hours=25))
    send_batch, second_worker = tasks.send_batch, []

    def sending(messages):
        if not second_worker:  # the first worker is about to send: a second one runs now
            second_worker.append(tasks.send_due_confirmations.call())
        return send_batch(messages)

    monkeypatch.setattr(tasks, "send_batch", sending)
    tasks.remind_and_expire_pending_signatures.enqueue()
    assert second_worker == [0]
    assert len(mail.outbox) == 1 and mail.outbox[0].subject.startswith(("Herinnering", "Reminder"))
    signature = Signature.objects.get()
    assert (signature.reminders_sent, signature.confirmation_due) == (1, False)


def test_running_the_reminder_job_twice_reminds_once(new_signature):
    new_signature("Ada", created_at=timezone.now() - datetime.timedelta(hours=25))
    tasks.remind_and_expire_pending_signatures.enqueue()
    tasks.remind_and_expire_pending_signatures.enqueue()
    tasks.send_due_confirmations.call()
    assert len(mail.outbox) == 1


def test_a_refused_reminder_stays_due_and_counts_a_failure(new_signature, monkeypatch):
    new_signature("Ada", created_at=timezone.now() - datetime.timedelta(hours=25), email_failures=0)
    monkeypatch.setattr(tasks, "send_batch", lambda messages: ([], list(messages)))
    tasks.remind_and_expire_pending_signatures.enqueue()
    signature = Signature.objects.get()
    assert (signature.confirmation_due, signature.email_failures) == (True, 1)
