import datetime

import pytest
from django.utils import timezone

from petitions import counting, privacy
from petitions.consent import current_consent
from petitions.models import Petition, Signature, SignatureStatus


@pytest.fixture
def signature(petition, amsterdam):
    return Signature.objects.create(
        petition_key=petition.petition_key,
        name="Noor",
        email="Noor.B@gmail.com",
        email_normalised="noorb@gmail.com",
        language="nl",
        consent=current_consent(petition),
        municipality=amsterdam,
        status=SignatureStatus.CONFIRMED,
        ip_address="192.0.2.7",
        comment="Omdat het moet",
    )


def test_access_request_lists_everything_held_about_a_person(signature):
    rows = privacy.export_person("noorb+x@googlemail.com")
    assert len(rows) == 1
    assert rows[0]["name"] == "Noor" and rows[0]["ip_address"] == "192.0.2.7"
    assert rows[0]["consent_text"] == "Ik geef toestemming om mijn gegevens te bewaren."


def test_erasure_removes_personal_data_and_the_signature_from_the_count(signature, petition):
    counting.update_counts()
    assert privacy.erase_person("noorb@gmail.com") == 1
    counting.update_counts()
    row = Signature.objects.get()
    assert (row.name, row.email, row.ip_address, row.comment) == (privacy.ANONYMOUS, "", None, "")
    assert counting.get_count(petition.petition_key)["confirmed"] == 0


def test_closed_petitions_are_anonymised_on_schedule_keeping_aggregates(signature, petition):
    from petitions.tasks import anonymise_closed_petitions

    Petition.objects.filter(translation_key=petition.translation_key).update(
        closes_at=timezone.now() - datetime.timedelta(days=100), anonymise_after_days=90
    )
    anonymise_closed_petitions.enqueue()
    row = Signature.objects.get()
    assert row.name == privacy.ANONYMOUS and row.email == "" and row.anonymised_at
    assert row.status == SignatureStatus.CONFIRMED and row.municipality.cbs_code == "GM0363"


def test_open_petitions_are_not_anonymised(signature):
    from petitions.tasks import anonymise_closed_petitions

    anonymise_closed_petitions.enqueue()
    assert Signature.objects.get().name == "Noor"
