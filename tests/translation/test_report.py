"""The translation report and dashboard panel: English that is missing, out of date or machine-made."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import StringTranslation

from translation import status
from website.models import SiteIdentity

REPORT = "/admin/reports/translations/"


def rows(user, state=None):
    return [(row.state, row.title) for row in status.report_rows(user, state)]


@pytest.fixture
def admin(admin_user):
    return admin_user


def test_a_dutch_page_without_english_is_missing_with_a_link_to_translate_it(admin_client, admin, home, dutch_page):
    assert ("missing", "Vrijwilligerswerk") in rows(admin)
    response = admin_client.get(REPORT + "?state=missing")
    assert response.status_code == 200
    assert reverse("wagtail_localize:submit_page_translation", args=[dutch_page.pk]) in response.content.decode()


def test_a_dutch_snippet_without_english_is_missing(admin, db, locales):
    SiteIdentity.objects.create(organisation_name="Alleen Nederlands", locale=locales["nl"])
    assert ("missing", "Alleen Nederlands (nl)") in rows(admin, "missing")


def test_a_translated_and_current_page_is_not_listed(admin, about):
    assert not [row for row in rows(admin) if row[1] in ("Over ons", "About us")]


def test_a_dutch_change_after_the_translation_makes_the_english_out_of_date_since_then(admin, about, locales):
    before = timezone.now()
    about.intro = "Wie wij nu zijn."
    about.save_revision().publish()
    (row,) = [row for row in status.report_rows(admin, "outdated") if row.title == "Over ons"]
    assert before <= row.since <= timezone.now()
    english = about.get_translation(locales["en"])
    assert row.edit_url == reverse("wagtailadmin_pages:edit", args=[english.pk])


def test_untranslated_strings_make_a_translation_out_of_date(admin, english_draft):
    (row,) = [row for row in status.report_rows(admin, "outdated") if row.title == "Vrijwilligerswerk"]
    assert row.since == english_draft.source.last_updated_at
    assert "3 of 3" in row.detail


def test_machine_text_is_listed_until_a_person_saves_it(admin_client, admin, english_draft):
    url = reverse("wagtail_localize:machine_translate", args=[english_draft.pk])
    admin_client.post(url)
    assert ("machine", "Vrijwilligerswerk") in rows(admin, "machine")
    assert ("outdated", "Vrijwilligerswerk") not in rows(admin)
    StringTranslation.objects.filter(context__object=english_draft.source.object).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, tool_name=""
    )
    assert ("machine", "Vrijwilligerswerk") not in rows(admin)


def test_the_report_links_each_row_to_its_translation_editor(admin_client, english_draft):
    english = english_draft.get_target_instance()
    page = admin_client.get(REPORT).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[english.pk]) in page
    assert "English out of date" in page


def test_an_unknown_filter_is_refused_with_a_message(admin_client, db):
    response = admin_client.get(REPORT + "?state=<script>")
    assert response.status_code == 400
    assert "Unknown filter" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_the_report_needs_the_translation_permission(client, django_user_model, db):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(REPORT).status_code == 403


def test_the_dashboard_panel_counts_and_links_to_the_report(admin_client, dutch_page):
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "English behind Dutch" in page
    assert f"{REPORT}?state=missing" in page


def test_the_report_is_listed_in_the_reports_menu(admin_client, db):
    assert REPORT in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_rows_come_missing_first_then_the_oldest_change(admin, english_draft, about, dutch_page):
    dutch_page.intro = "Nieuwe tekst."
    dutch_page.save_revision().publish()
    about.intro = "Wie wij nu zijn."
    about.save_revision().publish()
    listed = [(row.state, row.title) for row in status.report_rows(admin) if row.state != "machine"]
    assert listed[-2:] == [("outdated", "Vrijwilligerswerk"), ("outdated", "Over ons")]
    assert {state for state, _title in listed[:-2]} <= {"missing"}, listed


def test_the_reports_queries_do_not_grow_with_the_number_of_translated_snippets(admin, seeder):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add(number):
        seeder.snippet(
            SiteIdentity,
            lambda t: {"organisation_name": t(f"Stichting {number}", f"Foundation {number}")},
            {"organisation_name": f"Stichting {number}"},
        )

    add(1)
    with CaptureQueriesContext(connection) as one:
        status.report_rows(admin)
    for number in range(2, 7):
        add(number)
    with CaptureQueriesContext(connection) as six:
        status.report_rows(admin)
    assert len(six) == len(one)


def test_after_the_offline_translator_the_machine_filter_and_the_dashboard_list_the_page(admin_client, english_draft):
    from django.core.cache import cache

    cache.delete("translation:dashboard-counts")  # the panel keeps its counts a minute
    english = english_draft.get_target_instance()
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[english_draft.pk]))
    page = admin_client.get(REPORT + "?state=machine").content.decode()
    assert page.count("translation-report__row--machine") == 1
    assert "translation-report__row--outdated" not in page and "translation-report__row--missing" not in page
    assert '<td lang="nl">Vrijwilligerswerk</td>' in page
    assert reverse("wagtailadmin_pages:edit", args=[english.pk]) in page
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'<a href="{REPORT}?state=machine">Machine translation not checked: <strong>1</strong></a>' in dashboard
