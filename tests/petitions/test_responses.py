from django.core import mail
from django.utils import translation

from petitions.consent import current_consent
from petitions.models import ResponseNote, ResponseStatus, Signature, SignatureStatus, TargetResponse
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
        petition_key=petition.petition_key, municipality=amsterdam, status=ResponseStatus.SAID_YES
    )
    with django_capture_on_commit_callbacks(execute=True):
        save_response(response, notes={"nl": "De raad stemde in.", "en": "The council agreed."})
    assert [message.to for message in mail.outbox] == [["s0@example.org"]]
    assert "Said yes" in mail.outbox[0].subject
    assert "The council agreed." in mail.outbox[0].body


def test_saving_without_a_status_change_sends_nothing(petition, amsterdam, django_capture_on_commit_callbacks):
    response = TargetResponse.objects.create(
        petition_key=petition.petition_key, municipality=amsterdam, status=ResponseStatus.DEBATED
    )
    with django_capture_on_commit_callbacks(execute=True):
        save_response(response, notes={"nl": "Correctie", "en": ""})
    assert mail.outbox == []
    assert response.note_in("nl") == "Correctie"


def test_a_note_is_one_translation_group_with_a_row_per_language(petition, amsterdam):
    response = save_response(
        TargetResponse(petition_key=petition.petition_key, municipality=amsterdam),
        notes={"nl": "Aangenomen", "en": "Passed"},
    )
    dutch, english = (response.notes.get(locale__language_code=code) for code in ("nl", "en"))
    assert dutch.translation_key == english.translation_key
    assert dutch.get_translation(english.locale) == english
    with translation.override("en"):
        assert response.note_in() == "Passed"
    assert response.note_in("nl") == "Aangenomen"

    # An emptied translation is removed: the note shows in the language it was written in.
    save_response(response, notes={"nl": "Aangenomen", "en": ""})
    assert TargetResponse.objects.with_notes().get().note_in("en") == "Aangenomen"
    assert ResponseNote.objects.count() == 1
    save_response(response, notes={"nl": "Aangenomen!", "en": "Passed!"})
    assert {note.text for note in ResponseNote.objects.all()} == {"Aangenomen!", "Passed!"}
    assert len({note.translation_key for note in ResponseNote.objects.all()}) == 1


def test_the_email_carries_the_note_in_the_signers_language(petition, amsterdam, django_capture_on_commit_callbacks):
    consent = current_consent(petition)
    for language in ("nl", "en"):
        Signature.objects.create(
            petition_key=petition.petition_key,
            name=language,
            email=f"{language}@example.org",
            email_normalised=f"{language}@example.org",
            language=language,
            consent=consent,
            municipality=amsterdam,
            status=SignatureStatus.CONFIRMED,
            notify_on_response=True,
        )
    with django_capture_on_commit_callbacks(execute=True):
        save_response(
            TargetResponse(petition_key=petition.petition_key, municipality=amsterdam, status=ResponseStatus.ACTED),
            notes={"nl": "De raad voert het uit.", "en": "The council acts on it."},
        )
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "De raad voert het uit." in bodies["nl@example.org"]
    assert "The council acts on it." not in bodies["nl@example.org"]
    assert "The council acts on it." in bodies["en@example.org"]
