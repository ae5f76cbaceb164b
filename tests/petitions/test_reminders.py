import datetime

import pytest
from django.core import mail
from django.utils import timezone

from petitions.models import Signature, SignatureStatus
from petitions.tasks import remind_and_expire_pending_signatures


@pytest.fixture
def pending_since(new_signature):
    def make(hours, name="Ada", **fields):
        return new_signature(name, created_at=timezone.now() - datetime.timedelta(hours=hours), **fields)

    return make


def test_unconfirmed_signature_gets_a_reminder_after_a_day(pending_since):
    pending_since(25)
    remind_and_expire_pending_signatures.enqueue()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith(("Herinnering", "Reminder"))
    assert Signature.objects.get().reminders_sent == 1


def test_no_more_than_two_reminders(pending_since):
    pending_since(100)
    for _ in range(4):
        remind_and_expire_pending_signatures.enqueue()
    assert len(mail.outbox) == 2
    assert Signature.objects.get().reminders_sent == 2


def test_fresh_and_confirmed_signatures_get_no_reminder(pending_since):
    pending_since(1, name="Fresh")
    pending_since(30, name="Done", status=SignatureStatus.CONFIRMED, confirmed_at=timezone.now())
    remind_and_expire_pending_signatures.enqueue()
    assert mail.outbox == []


def test_unconfirmed_signatures_are_deleted_after_the_set_time(pending_since):
    pending_since(24 * 8, name="Old")
    pending_since(24 * 2, name="Recent")
    result = remind_and_expire_pending_signatures.call()
    assert result["deleted"] == 1
    assert list(Signature.objects.values_list("name", flat=True)) == ["Recent"]


def test_a_lost_confirmation_email_is_made_good_by_the_reminder(pending_since):
    """If the email worker died before sending, the signature is still pending and gets a new link."""
    pending_since(25)
    remind_and_expire_pending_signatures.enqueue()
    assert "/nl/petitions/confirm/" in mail.outbox[0].body
