"""Translators edit and publish English translations, never the Dutch source (pages and snippets)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import GroupPagePermission, Page
from wagtail.users.models import UserProfile

from translation import roles as translation_roles
from translation.status import translatable_snippet_models
from website.models import SiteIdentity
from website.roles import declared_roles


def member(django_user_model, *groups):
    user = django_user_model.objects.create_user(username="-".join(groups).lower(), password="x")
    user.groups.set(Group.objects.filter(name__in=groups))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


@pytest.fixture
def translator(client, django_user_model, db):
    client.force_login(member(django_user_model, "Translators"))
    return client


def test_translators_may_edit_and_publish_in_the_english_tree_only(home, english_home):
    granted = GroupPagePermission.objects.filter(group__name="Translators")
    assert {(p.page_id, p.permission.codename) for p in granted} == {
        (english_home.pk, "change_page"),
        (english_home.pk, "publish_page"),
    }


def test_translators_may_change_every_translatable_snippet():
    translators = set(declared_roles()["Translators"]["permissions"])
    for model in translatable_snippet_models():
        assert f"{model._meta.app_label}.change_{model._meta.model_name}" in translators, model
    assert set(translation_roles.ROLES["Translators"]) <= translators


def test_a_translator_publishes_an_english_page_translation(
    translator, english_draft, django_capture_on_commit_callbacks
):
    english = Page.objects.get(pk=english_draft.get_target_instance().pk)
    assert not english.live
    edit = reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert translator.get(edit).status_code == 200  # wagtail-localize's editor
    translator.post(reverse("wagtail_localize:machine_translate", args=[english_draft.pk]), {"next": edit})
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(edit, {"action": "publish"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live
    assert english.title == "[EN] Vrijwilligerswerk"


def test_a_translator_may_not_edit_or_publish_the_dutch_source(translator, english_draft, dutch_page):
    edit = reverse("wagtailadmin_pages:edit", args=[dutch_page.pk])
    response = translator.get(edit)
    # Wagtail's own refusal: back to the dashboard with its "no access" message.
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert len(response.wsgi_request._messages) == 1
    response = translator.post(edit, {"title": "Overschreven", "slug": "overschreven", "action-publish": "1"})
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    dutch_page.refresh_from_db()
    assert dutch_page.title == "Vrijwilligerswerk"
    assert dutch_page.latest_revision.content["title"] == "Vrijwilligerswerk"


def identity_values(t):
    return {"organisation_name": t("Stichting", "Foundation")}


@pytest.fixture
def identity(seeder):
    return seeder.snippet(SiteIdentity, identity_values, {})


def test_a_translator_opening_a_dutch_snippet_is_sent_to_its_english_copy(translator, identity, locales):
    english = identity.get_translation(locales["en"])
    finder = AdminURLFinder()
    response = translator.get(finder.get_edit_url(identity))
    assert response.status_code == 302
    assert response.url == finder.get_edit_url(english)
    page = translator.get(response.url)
    assert page.status_code == 200
    assert "the Dutch text of “Stichting (nl)” is for editors" in page.content.decode()


def test_a_translator_posting_a_dutch_snippet_changes_nothing(translator, identity):
    response = translator.post(AdminURLFinder().get_edit_url(identity), {"organisation_name": "Overschreven"})
    assert response.status_code == 302
    identity.refresh_from_db()
    assert identity.organisation_name == "Stichting"


def test_a_translator_edits_a_snippets_english_translation(translator, identity, locales):
    english = identity.get_translation(locales["en"])
    response = translator.get(AdminURLFinder().get_edit_url(english))
    assert response.status_code == 200
    assert "Stichting" in response.content.decode()  # the source beside the translation


def test_an_editor_who_also_translates_keeps_editing_dutch_snippets(client, django_user_model, identity):
    client.force_login(member(django_user_model, "Editors", "Translators"))
    response = client.get(AdminURLFinder().get_edit_url(identity))
    assert response.status_code == 200


def test_the_migration_moves_translators_from_the_root_to_the_english_tree_and_back(home, english_home):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("translation.migrations.0001_translators")

    def granted():
        return set(
            GroupPagePermission.objects.filter(group__name="Translators").values_list("page_id", "permission__codename")
        )

    migration.whole_tree_again(apps, None)
    assert granted() == {(Page.get_first_root_node().pk, "change_page")}
    migration.english_tree_only(apps, None)
    assert granted() == {
        (english_home.pk, "change_page"),
        (english_home.pk, "publish_page"),
    }


def test_a_translator_translates_and_publishes_a_snippets_english_copy(translator, identity, locales):
    from urllib.parse import urlencode

    from wagtail_localize.models import StringSegment, Translation

    english = identity.get_translation(locales["en"])
    translation = Translation.objects.get(source__object_id=identity.translation_key, target_locale=locales["en"])
    segment = StringSegment.objects.get(source=translation.source, context__path="organisation_name")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = translator.put(url, urlencode({"value": "The Foundation"}), "application/x-www-form-urlencoded")
    assert response.status_code in (200, 201)
    response = translator.post(AdminURLFinder().get_edit_url(english), {"action": "publish"})
    assert response.status_code == 302
    english.refresh_from_db()
    identity.refresh_from_db()
    assert (identity.organisation_name, english.organisation_name) == ("Stichting", "The Foundation")
