from django.core import mail

from petitions.consent import current_consent
from petitions.models import ResponseStatus, Signature, SignatureStatus, TargetResponse
from petitions.responses import save_response


def test_signers_who_asked_hear_when_their_municipality_responds(
    petition, amsterdam, django_capture_on_commit_callbacks
):
    consent = current_consent(petition)
    for number, wants in enumerate([True, False]):
        Signature.objects.create(
            petition_key=petition.petition_key,
            name=f"S{number}",
            email=f"s{number}@example.org",
            email_normalised=f"s{number}@example.org",
            language="en",
            consent=consent,
            municipality=amsterdam,
            status=SignatureStatus.CONFIRMED,
            notify_on_response=wants,
        )
    response = TargetResponse(
        petition_key=petition.petition_key,
        municipality=amsterdam,
        status=ResponseStatus.SAID_YES,
        note_en="The council agreed.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        save_response(response)
    assert [message.to for message in mail.outbox] == [["s0@example.org"]]
    assert "Said yes" in mail.outbox[0].subject
    assert "The council agreed." in mail.outbox[0].body


def test_saving_without_a_status_change_sends_nothing(petition, amsterdam, django_capture_on_commit_callbacks):
    response = TargetResponse.objects.create(
        petition_key=petition.petition_key, municipality=amsterdam, status=ResponseStatus.DEBATED
    )
    response.note_nl = "Correctie"
    with django_capture_on_commit_callbacks(execute=True):
        save_response(response)
    assert mail.outbox == []
