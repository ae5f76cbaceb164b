"""English pages get English slugs: the slug is a segment of the translation, and a changed one keeps a redirect."""

from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail_localize.models import StringSegment, StringTranslation


def translate_slug(translation, slug, capture):
    segment = StringSegment.objects.get(source=translation.source, context__path="slug")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": slug, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
    )
    with capture(execute=True):
        translation.save_target(publish=True)
    return translation.get_target_instance()


def test_the_slug_is_a_segment_that_translators_translate(english_draft, client, django_capture_on_commit_callbacks):
    english = translate_slug(english_draft, "volunteering", django_capture_on_commit_callbacks)
    assert english.slug == "volunteering"
    assert english.url == "/en/volunteering/"
    assert client.get("/en/volunteering/").status_code == 200


def test_a_changed_english_slug_keeps_a_redirect_from_the_old_address(
    english_draft, client, django_capture_on_commit_callbacks
):
    translate_slug(english_draft, "volunteering", django_capture_on_commit_callbacks)
    english = translate_slug(english_draft, "volunteers", django_capture_on_commit_callbacks)
    assert english.url == "/en/volunteers/"
    assert Redirect.objects.filter(redirect_page=english).exists()
    response = client.get("/en/volunteering/")
    assert response.status_code in (301, 302) and response["Location"].endswith("/en/volunteers/")


def test_the_offline_translator_gives_a_marked_but_valid_slug(
    admin_client, english_draft, django_capture_on_commit_callbacks
):
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[english_draft.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        english_draft.save_target(publish=True)
    english = english_draft.get_target_instance()
    assert english.slug == "en-vrijwilligerswerk"
    assert english.title == "[EN] Vrijwilligerswerk"
