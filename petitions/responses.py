"""Recording a municipality's response; signers who asked are told when it changes."""

import uuid

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import ResponseNote, TargetResponse


def note_field_name(language_code):
    return f"note_{language_code}"


class NoteFieldsBase(forms.Form):
    """The base of ResponseNoteFields: fills the note fields in from the instance's notes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, text in notes_of(getattr(self, "instance", None)).items():
            self.initial.setdefault(note_field_name(code), text)

    @property
    def notes(self):
        """{language code: text} as submitted."""
        return {
            code: self.cleaned_data.get(note_field_name(code), "").strip()
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        }


# Mixed into the TargetResponse model form: a note field per content language ("note_nl", "note_en"), each the
# response's note in that language; the form passes `notes` to save_response.
ResponseNoteFields = type(
    "ResponseNoteFields",
    (NoteFieldsBase,),
    {
        note_field_name(code): forms.CharField(
            label=format_lazy("{} ({})", _("note"), get_language_info(code)["name_translated"]),
            max_length=500,
            required=False,
        )
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    },
)


def note_field_names():
    return [note_field_name(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def notes_of(response):
    """{language code: text} of a saved response's notes."""
    if response is None or response.pk is None:
        return {}
    return {note.locale.language_code: note.text for note in response.notes.select_related("locale")}


def save_response(response, notes=None):
    """Save a TargetResponse (and its notes, {language code: text}, when given); queue the notification when its
    status changed."""
    previous = (
        TargetResponse.objects.filter(pk=response.pk).values_list("status", flat=True).first() if response.pk else None
    )
    response.save()
    if notes is not None:
        save_notes(response, notes)
    if previous != response.status:
        from .tasks import notify_response_change

        transaction.on_commit(lambda: notify_response_change.enqueue(response.pk))
    return response


def save_notes(response, notes):
    """One ResponseNote per language with text, all in one translation group; an emptied note is deleted, so the
    note in another language shows instead."""
    existing = {note.locale.language_code: note for note in response.notes.select_related("locale")}
    key = next(iter(existing.values())).translation_key if existing else uuid.uuid4()
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=notes)}
    for code, text in notes.items():
        note = existing.get(code)
        if not text:
            if note is not None:
                note.delete()
        elif note is None:
            ResponseNote.objects.create(response=response, locale=locales[code], translation_key=key, text=text)
        elif note.text != text:
            note.text = text
            note.save(update_fields=["text"])
