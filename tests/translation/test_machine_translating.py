"""Machine-translating a page in the admin: the button's view, what it writes, and what a failure leaves."""

import pytest
import requests
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from tests.translation.conftest import translate_answer


def machine_translate(client, translation, next_url="/admin/"):
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    return client.post(f"{url}?next={next_url}")


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def made(translation):
    """The English strings of this page (the home page's English comes from the fixtures)."""
    return StringTranslation.objects.filter(locale=translation.target_locale, context__object=translation.source.object)


def texts(translation):
    return dict(made(translation).values_list("translation_of__data", "data"))


def test_the_offline_translator_fills_every_segment_marked_as_machine_made(admin_client, english_draft):
    response = machine_translate(admin_client, english_draft)
    assert response.status_code == 302
    assert texts(english_draft)["Help asielzoekers in uw gemeente."] == "[EN] Help asielzoekers in uw gemeente."
    rows = made(english_draft)
    assert {row.translation_type for row in rows} == {StringTranslation.TRANSLATION_TYPE_MACHINE}
    assert all("unchecked" in row.get_comment() for row in rows)  # what the editor shows beside each segment
    assert "Check each segment" in messages_of(response)[0]


def test_deepl_fills_the_segments_through_the_fake_transport(admin_client, english_draft, deepl_settings):
    transport = deepl_settings(
        {
            "GET /v2/glossaries": (200, {"glossaries": []}),
            "POST /v2/glossaries": (201, {"glossary_id": "g-1"}),
            "POST /v2/translate": translate_answer(
                "Volunteering", "volunteering", "Help asylum seekers in your municipality."
            ),
        }
    )
    machine_translate(admin_client, english_draft)
    assert texts(english_draft)["Help asielzoekers in uw gemeente."] == "Help asylum seekers in your municipality."
    assert len(transport.sent) == 3


@pytest.mark.parametrize(
    "answer",
    [(456, {"message": "Quota exceeded"}), requests.ConnectionError("down")],
    ids=["quota", "network"],
)
def test_a_failed_translation_leaves_everything_as_it_was_and_tells_the_editor(
    admin_client, english_draft, deepl_settings, answer
):
    deepl_settings({"GET /v2/glossaries": (200, {"glossaries": []}), "POST /v2/glossaries": answer})
    english = english_draft.get_target_instance()
    response = machine_translate(admin_client, english_draft, next_url="/admin/pages/")
    assert response.status_code == 302 and response.url == "/admin/pages/"
    assert texts(english_draft) == {}
    english.refresh_from_db()
    assert english.intro == "Help asielzoekers in uw gemeente."  # the draft as it was
    assert "Machine translation failed" in messages_of(response)[0]
    assert "Nothing was changed" in messages_of(response)[0]


def test_an_unknown_translation_is_404_and_a_get_is_refused(admin_client, english_draft):
    assert admin_client.post(reverse("wagtail_localize:machine_translate", args=[987654])).status_code == 404
    assert admin_client.get(reverse("wagtail_localize:machine_translate", args=[english_draft.pk])).status_code == 405


def test_without_a_translator_the_view_is_404(admin_client, english_draft, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    assert machine_translate(admin_client, english_draft).status_code == 404


def test_a_foreign_next_url_is_not_followed(admin_client, english_draft):
    response = machine_translate(admin_client, english_draft, next_url="https://evil.example/")
    assert response.url == reverse("wagtailadmin_home")


def test_an_editor_saving_a_segment_marks_it_checked(admin_client, english_draft):
    machine_translate(admin_client, english_draft)
    segment = english_draft.source.stringsegment_set.get(string__data="Help asielzoekers in uw gemeente.")
    url = reverse("wagtail_localize:edit_string_translation", args=[english_draft.pk, segment.pk])
    response = admin_client.put(url, "value=Help+asylum+seekers.", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    checked = StringTranslation.objects.get(translation_of=segment.string, locale=english_draft.target_locale)
    assert checked.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
