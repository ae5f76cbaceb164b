"""The bilingual publish gate, through the page editor as a browser would post it."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import StringSegment, TranslationSource

from campaigns.models import CampaignPage
from translation import status
from translation.gate import is_gated
from website.models import SiteIdentity, StandardPage


class FormFields(HTMLParser):
    """The values a browser would submit from the form with id `form_id` (no button pressed)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None


def edit_form(client, page, **changes):
    parser = FormFields("page-edit-form")
    parser.feed(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode())
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in changes.items()})
    # The StreamField editor is drawn by JavaScript from JSON: post its blocks as the browser would.
    blocks = [(block.block_type, rich_text(block.value.source)) for block in page.body]
    body = nested_form_data({"body": streamfield(blocks)})
    body.update({f"body-{index}-id": block.id for index, block in enumerate(page.body)})  # as the editor keeps them
    data.update({name: [value] for name, value in body.items()})
    return data


@pytest.fixture
def gated(settings):
    settings.TRANSLATION_PUBLISH_GATE = ["website.StandardPage"]


def publish(client, page, data, **extra):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {**data, "action-publish": "action-publish", **extra}
    )


def test_campaign_pages_are_gated_by_default(db):
    assert is_gated(CampaignPage())
    assert not is_gated(StandardPage())


def test_publishing_dutch_with_an_english_translation_asks_first_and_publishes_nothing(gated, admin_client, about):
    data = edit_form(admin_client, about, intro="Wie wij nu zijn.")
    response = publish(admin_client, about, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The English translation is behind" in page
    assert 'name="translation_gate" value="sync"' in page and 'value="dutch_only"' in page
    about.refresh_from_db()
    assert about.intro == "Wie wij zijn."


def test_publishing_the_dutch_alone_is_recorded_in_the_history(gated, admin_client, about):
    data = edit_form(admin_client, about, intro="Wie wij nu zijn.")
    response = publish(admin_client, about, data, translation_gate="dutch_only")
    assert response.status_code == 302
    about.refresh_from_db()
    assert about.intro == "Wie wij nu zijn."
    assert PageLogEntry.objects.filter(page=about, action="translation.publish_dutch_only").exists()
    english = about.get_translations().get()
    assert english.intro == "Who we are."


def test_publishing_with_sync_takes_the_new_dutch_into_the_translation(gated, admin_client, admin_user, about):
    data = edit_form(admin_client, about, intro="Wie wij nu zijn.")
    response = publish(admin_client, about, data, translation_gate="sync")
    assert response.status_code == 302
    assert PageLogEntry.objects.filter(page=about, action="translation.publish_and_sync").exists()
    source = TranslationSource.objects.get(object_id=about.translation_key, locale=about.locale)
    assert StringSegment.objects.filter(source=source, string__data="Wie wij nu zijn.").exists()
    english = about.get_translations().get()
    assert english.intro == "Who we are."  # the English page waits for its translator
    with translation.override("en"):  # the request left Dutch active
        (row,) = [row for row in status.report_rows(admin_user, "outdated") if row.title == "Over ons"]
    assert "1 of" in row.detail
    history = admin_client.get(reverse("wagtailadmin_pages:history", args=[about.pk])).content.decode()
    assert "Published with the English synced" in history


def test_an_unknown_answer_is_refused_and_publishes_nothing(gated, admin_client, about):
    data = edit_form(admin_client, about, intro="Wie wij nu zijn.")
    response = publish(admin_client, about, data, translation_gate="both")
    assert response.status_code == 400
    assert "Choose one of the two ways to publish." in response.content.decode()
    about.refresh_from_db()
    assert about.intro == "Wie wij zijn."


def test_saving_a_draft_or_an_ungated_page_type_is_not_asked(settings, admin_client, about):
    data = edit_form(admin_client, about, intro="Wie wij nu zijn.")
    assert admin_client.post(reverse("wagtailadmin_pages:edit", args=[about.pk]), data).status_code == 302
    settings.TRANSLATION_PUBLISH_GATE = []
    assert publish(admin_client, about, data).status_code == 302
    about.refresh_from_db()
    assert about.intro == "Wie wij nu zijn."


def test_publishing_the_english_copy_is_not_asked(gated, admin_client, about):
    english = about.get_translations().get()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert response.status_code == 200
    assert "The English translation is behind" not in response.content.decode()


# Snippets have no drafts: saving a gated one is publishing it.


def identity_values(t):
    return {"organisation_name": t("Stichting", "Foundation")}


@pytest.fixture
def identity(seeder, settings):
    settings.TRANSLATION_PUBLISH_GATE = ["website.SiteIdentity"]
    return seeder.snippet(SiteIdentity, identity_values, {})


def snippet_form(client, url, **changes):
    parser = FormFields("w-editor-form")
    parser.feed(client.get(url).content.decode())
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in changes.items()})
    return data


def test_saving_a_gated_snippet_with_an_english_translation_asks_first(admin_client, identity):
    url = AdminURLFinder().get_edit_url(identity)
    data = snippet_form(admin_client, url, organisation_name="Stichting Vluchteling")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "The English translation is behind" in response.content.decode()
    identity.refresh_from_db()
    assert identity.organisation_name == "Stichting"
    response = admin_client.post(url, {**data, "translation_gate": "dutch_only"})
    assert response.status_code == 302
    identity.refresh_from_db()
    assert identity.organisation_name == "Stichting Vluchteling"
    assert ModelLogEntry.objects.filter(object_id=str(identity.pk), action="translation.publish_dutch_only").exists()


def test_petitions_and_ads_are_gated_by_default(settings):
    assert {"petitions.Petition", "donations.DonationAd"} <= set(settings.TRANSLATION_PUBLISH_GATE)
