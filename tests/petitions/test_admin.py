import datetime
import json

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from petitions.admin_views import SIGNATURES
from petitions.consent import current_consent
from petitions.models import (
    Invalidation,
    Municipality,
    PaperSignatures,
    ResponseStatus,
    Signature,
    SignatureStatus,
    TargetResponse,
)
from petitions.responses import save_response
from petitions.tasks import report_unusual_signing
from website.roles import declared_roles

DASHBOARD_QUERY_BUDGET = 20


@pytest.fixture
def sign(petition, amsterdam):
    consent = current_consent(petition)

    def make(number, start=0, **fields):
        Signature.objects.bulk_create(
            [
                Signature(
                    **{
                        "petition_key": petition.petition_key,
                        "name": f"Signer {i}",
                        "email": f"s{i}@example.org",
                        "email_normalised": f"s{i}@example.org",
                        "language": "nl",
                        "consent": consent,
                        "status": SignatureStatus.CONFIRMED,
                        "confirmed_at": timezone.now(),
                        "municipality": amsterdam,
                        **fields,
                    }
                )
                for i in range(start, start + number)
            ]
        )

    return make


def login(client, group, username=None, language="en"):
    user = User.objects.create_user(username or group.lower().replace(" ", "-"), password="not-used")
    user.groups.add(Group.objects.get(name=group))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    client.force_login(user)
    return user


@pytest.fixture
def staff_client(client, db):
    login(client, "Campaign staff")
    return client


def dashboard_url(petition):
    return f"/admin/petitions/{petition.petition_key}/"


def test_campaign_staff_have_the_petition_permissions_after_migrating(db):
    group = Group.objects.get(name="Campaign staff")
    granted = {
        f"{app}.{codename}" for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    assert set(declared_roles()["Campaign staff"]["permissions"]) <= granted
    assert "petitions.export_signatures" in granted and "petitions.delete_signature" not in granted


def test_editors_may_edit_petitions_but_not_see_signatures(db):
    editor = User.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    assert editor.has_perms(["petitions.add_petition", "petitions.change_petition"])
    assert not editor.has_perm("petitions.view_signature")


def test_export_permission_exists_on_signature(db):
    assert Permission.objects.filter(content_type__app_label="petitions", codename="export_signatures").exists()


def test_petitions_are_listed_as_snippets_with_a_dashboard_link(staff_client, petition):
    response = staff_client.get("/admin/snippets/petitions/petition/")
    content = response.content.decode()
    assert response.status_code == 200
    assert petition.title in content and dashboard_url(petition) in content


def test_the_petitions_menu_groups_the_petition_admin(staff_client, petition):
    content = staff_client.get("/admin/").content.decode()
    for label in (
        "Municipality responses",
        "Paper signatures",
        "Municipalities",
        "Unusual signing",
        "Privacy requests",
    ):
        assert label in content


def test_a_response_recorded_in_the_admin_notifies_signers_who_asked(
    staff_client, petition, amsterdam, sign, django_capture_on_commit_callbacks
):
    sign(1, notify_on_response=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/petitions/responses/new/",
            {
                "petition_key": str(petition.petition_key),
                "municipality": amsterdam.pk,
                "status": "said_yes",
                "responded_on": "2025-03-01",
                "source_url": "",
                "note_nl": "Ja!",
                "note_en": "Yes!",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert TargetResponse.objects.get().status == "said_yes"
    assert [message.to for message in mail.outbox] == [["s0@example.org"]]
    recorded = TargetResponse.objects.with_notes().get()
    assert (recorded.note_in("nl"), recorded.note_in("en")) == ("Ja!", "Yes!")
    edit = staff_client.get(f"/admin/petitions/responses/edit/{recorded.pk}/").content.decode()
    assert 'value="Ja!"' in edit and 'value="Yes!"' in edit


def test_the_response_form_offers_petitions_by_title(staff_client, petition):
    content = staff_client.get("/admin/petitions/responses/new/").content.decode()
    assert f'value="{petition.petition_key}"' in content and petition.title in content


def edit_form_data(page):
    """What the edit view's form sends back unchanged, as a browser would post it."""
    form = page.context["form"]
    values = {name: form[name].value() for name in form.fields}
    return {name: str(value) for name, value in values.items() if value is not None}


def test_a_response_corrected_in_the_admin_notifies_signers_once_in_their_language(
    staff_client, petition, amsterdam, sign, django_capture_on_commit_callbacks
):
    sign(1, notify_on_response=True)
    sign(1, start=1, language="en", notify_on_response=True)
    sign(1, start=2, language="en", notify_on_response=False)
    recorded = save_response(
        TargetResponse(petition_key=petition.petition_key, municipality=amsterdam, status=ResponseStatus.DEBATED),
        notes={"nl": "Besproken", "en": "Debated"},
    )
    url = f"/admin/petitions/responses/edit/{recorded.pk}/"
    page = staff_client.get(url)
    assert page.status_code == 200
    data = edit_form_data(page)
    assert data["petition_key"] == str(petition.petition_key) and data["note_nl"] == "Besproken"

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {**data, "status": "said_yes", "note_en": "The council agreed."})
    assert response.status_code == 302, response.content.decode()[:2000]
    recorded = TargetResponse.objects.with_notes().get()
    assert (recorded.status, recorded.note_in("nl"), recorded.note_in("en")) == (
        "said_yes",
        "Besproken",
        "The council agreed.",
    )
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert len(mail.outbox) == 2 and set(subjects) == {"s0@example.org", "s1@example.org"}
    assert "Zei ja" in subjects["s0@example.org"] and "Said yes" in subjects["s1@example.org"]
    assert "The council agreed." in next(m.body for m in mail.outbox if m.to == ["s1@example.org"])

    # Saved again without a new status (a corrected note): nobody hears twice.
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {**edit_form_data(staff_client.get(url)), "note_nl": "Aangenomen"})
    assert response.status_code == 302 and len(mail.outbox) == 2
    assert TargetResponse.objects.with_notes().get().note_in("nl") == "Aangenomen"


def test_paper_signatures_can_be_corrected_in_the_admin(staff_client, petition, amsterdam):
    other = User.objects.create_user("volunteer")
    paper = PaperSignatures.objects.create(
        petition_key=petition.petition_key, count=120, municipality=amsterdam, note="Markt", added_by=other
    )
    url = f"/admin/petitions/paper/edit/{paper.pk}/"
    page = staff_client.get(url)
    assert page.status_code == 200
    response = staff_client.post(url, {**edit_form_data(page), "count": "125"})
    assert response.status_code == 302, response.content.decode()[:2000]
    paper.refresh_from_db()
    assert (paper.count, paper.petition_key, paper.note, paper.added_by) == (125, petition.petition_key, "Markt", other)


def test_paper_signatures_record_who_added_them(staff_client, petition, amsterdam):
    response = staff_client.post(
        "/admin/petitions/paper/new/",
        {
            "petition_key": str(petition.petition_key),
            "count": "120",
            "municipality": amsterdam.pk,
            "note": "Markt, 3 mei",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    paper = PaperSignatures.objects.get()
    assert (paper.count, paper.petition_key, paper.added_by.username) == (120, petition.petition_key, "campaign-staff")


def test_municipalities_are_a_read_only_list_with_search(staff_client):
    response = staff_client.get("/admin/petitions/municipalities/", {"q": "Amsterdam"})
    assert response.status_code == 200 and "GM0363" in response.content.decode()
    assert staff_client.get("/admin/petitions/municipalities/new/", follow=True).status_code == 404


def test_dashboard_shows_totals_chart_table_and_municipalities(staff_client, petition, sign):
    sign(3)
    sign(2, start=10, status=SignatureStatus.PENDING, confirmed_at=None, suspect_reasons="too fast")
    PaperSignatures.objects.create(petition_key=petition.petition_key, count=40, note="Markt")
    content = staff_client.get(dashboard_url(petition)).content.decode()
    assert 'role="img"' in content and '<title id="chart-title">' in content and "<details>" in content
    assert "<dt>Confirmed</dt><dd>3</dd>" in content and "<dt>Suspect</dt><dd>2</dd>" in content
    assert "<dt>On paper</dt><dd>40</dd>" in content
    assert "/handover/GM0363.pdf" in content and "/handover/GM0363.csv" in content


def test_the_dashboard_writes_dates_in_the_staff_members_style(client, petition, sign):
    march = timezone.make_aware(datetime.datetime(2026, 3, 23, 12))
    sign(1, created_at=march, confirmed_at=march)
    login(client, "Campaign staff", language="nl")
    content = client.get(dashboard_url(petition)).content.decode()
    assert ">23 mrt 2026</text>" in content and "23 maart 2026" in content and "Mrt" not in content


def test_dashboard_lists_municipalities_with_the_most_confirmed_first(staff_client, petition, sign):
    sign(1, municipality=Municipality.objects.get(cbs_code="GM0344"))
    sign(3, start=10)
    content = staff_client.get(dashboard_url(petition)).content.decode()
    table = content[content.index('id="municipalities"') :]
    assert table.index("Amsterdam") < table.index("Utrecht")


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_dashboard_query_count_does_not_grow_with_the_signatures_shown(staff_client, petition, sign):
    sign(5, created_at=timezone.now() - datetime.timedelta(days=3))
    staff_client.get(dashboard_url(petition))  # warm the caches (site, count)
    with_five = queries_for(staff_client, dashboard_url(petition))
    sign(45, start=100, municipality=Municipality.objects.get(cbs_code="GM0344"), suspect_reasons="same ip")
    with_fifty = queries_for(staff_client, dashboard_url(petition))
    assert with_five == with_fifty <= DASHBOARD_QUERY_BUDGET


def test_dashboard_searches_by_name_or_email(staff_client, petition, sign):
    sign(12)
    content = staff_client.get(dashboard_url(petition), {"q": "s11@"}).content.decode()
    assert "Signer 11" in content and "Signer 10" not in content


def test_dashboard_filters_by_status_suspect_and_municipality(staff_client, petition, sign):
    sign(2)
    sign(
        1,
        start=10,
        status=SignatureStatus.PENDING,
        confirmed_at=None,
        suspect_reasons="too fast",
        municipality=Municipality.objects.get(cbs_code="GM0344"),
    )
    for params in ({"status": "pending"}, {"suspect": "yes"}, {"municipality": "GM0344"}):
        content = staff_client.get(dashboard_url(petition), params).content.decode()
        assert "Signer 10" in content and "Signer 0" not in content, params


def test_dashboard_with_a_bad_filter_answers_400(staff_client, petition):
    response = staff_client.get(dashboard_url(petition), {"status": "maybe"})
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()


def test_dashboard_page_beyond_the_last_is_a_404(staff_client, petition, sign):
    sign(3)
    # LocaleMiddleware sends a 404 under /admin/ on to /nl/admin/…, where it is still a 404.
    assert staff_client.get(dashboard_url(petition), {"p": "9"}, follow=True).status_code == 404


def test_dashboard_of_an_unknown_petition_is_a_404(staff_client, db):
    response = staff_client.get("/admin/petitions/00000000-0000-0000-0000-000000000000/", follow=True)
    assert response.status_code == 404


def test_dashboard_is_forbidden_without_the_signature_permission(client, petition):
    login(client, "Editors")
    assert client.get(dashboard_url(petition)).status_code == 403


def test_a_refusal_says_why_and_tells_nothing_about_the_petition(client, petition):
    login(client, "Editors")
    for url in (dashboard_url(petition), "/admin/petitions/00000000-0000-0000-0000-000000000000/"):
        response = client.get(url)
        content = response.content.decode()
        assert response.status_code == 403 and "You do not have permission" in content
        assert petition.title not in content


def test_the_staff_menu_entries_are_shown_only_with_their_permission(client, petition):
    login(client, "Editors")
    content = client.get("/admin/").content.decode()
    assert "Unusual signing" not in content and "/admin/petitions/privacy/" not in content


def test_the_audit_log_says_what_an_export_did(staff_client, petition, sign):
    sign(2)
    staff_client.get(f"/admin/petitions/{petition.petition_key}/export/", {"profile": "handover", "format": "csv"})
    entry = ModelLogEntry.objects.get(action="petitions.export")
    with translation.override("en"):
        assert entry.message == "Exported 2 signatures (handover, csv)"
        # An entry without the figures is shown by its label.
        assert ModelLogEntry(action="petitions.export", data={}).message == "Export signatures"


def test_abuse_report_lists_an_ip_that_signed_unusually_often(staff_client, petition, sign):
    sign(25, ip_address="203.0.113.9")
    content = staff_client.get("/admin/petitions/abuse/").content.decode()
    assert "203.0.113.9" in content and petition.title in content
    assert f"/admin/petitions/{petition.petition_key}/invalidate/?ip=203.0.113.9" in content


def test_hourly_report_flags_an_ip_that_signed_one_petition_often(petition, sign):
    sign(25, ip_address="203.0.113.9")
    result = report_unusual_signing.enqueue().return_value
    assert result["ips"] == [{"petition_key": str(petition.petition_key), "ip_address": "203.0.113.9", "n": 25}]


def test_hourly_report_flags_a_domain_with_most_of_the_signatures(petition, sign):
    sign(60, email="x@spam.example")
    sign(5, start=100)
    for number in range(60):
        Signature.objects.filter(name=f"Signer {number}").update(email_normalised=f"x{number}@spam.example")
    assert report_unusual_signing.enqueue().return_value["domains"] == [["spam.example", 60]]


def test_hourly_report_ignores_anonymised_signatures(petition, sign):
    sign(60, email="", email_normalised="", anonymised_at=timezone.now())
    assert report_unusual_signing.enqueue().return_value["domains"] == []


@pytest.fixture
def noor(petition, amsterdam):
    return Signature.objects.create(
        petition_key=petition.petition_key,
        name="Noor",
        email="Noor.B@gmail.com",
        email_normalised="noorb@gmail.com",
        language="nl",
        consent=current_consent(petition),
        municipality=amsterdam,
        status=SignatureStatus.CONFIRMED,
        confirmed_at=timezone.now(),
        ip_address="192.0.2.7",
    )


def noor_petition_title(signature):
    from petitions.models import Petition

    return Petition.objects.get(translation_key=signature.petition_key, locale__language_code="nl").title


def test_privacy_lookup_shows_what_is_held_and_logs_only_a_hash(staff_client, noor):
    response = staff_client.post("/admin/petitions/privacy/", {"email": "noorb+x@googlemail.com"})
    content = response.content.decode()
    assert response.status_code == 200 and "Noor" in content and "192.0.2.7" in content
    assert f"<caption>{noor_petition_title(noor)}</caption>" in content  # one table per petition
    entry = ModelLogEntry.objects.get(action="petitions.privacy_access")
    assert entry.data == {"email_hash": SIGNATURES.email_hash("noorb@gmail.com"), "signatures": 1, "download": False}
    assert "noor" not in json.dumps(entry.data).lower()


def test_privacy_audit_hashes_the_normalised_address_with_the_apps_key():
    # The same hash as the entries written before: requests stay matchable across the history.
    expected = salted_hmac("petitions.privacy", "noorb@gmail.com", algorithm="sha256").hexdigest()
    assert SIGNATURES.email_hash("Noor.B+x@googlemail.com") == expected


def test_privacy_lookup_downloads_as_json(staff_client, noor):
    response = staff_client.post("/admin/petitions/privacy/", {"email": "noorb@gmail.com", "action": "download"})
    assert response["Content-Disposition"].startswith("attachment")
    assert json.loads(response.content)[0]["ip_address"] == "192.0.2.7"


def test_privacy_erasure_asks_for_confirmation_first(staff_client, noor):
    response = staff_client.post("/admin/petitions/privacy/", {"email": "noorb@gmail.com", "action": "confirm_erase"})
    assert response.status_code == 200 and "Yes, erase" in response.content.decode()
    assert Signature.objects.get().name == "Noor"


def test_privacy_erasure_erases_and_is_logged_without_the_address(staff_client, noor):
    response = staff_client.post("/admin/petitions/privacy/", {"email": "noorb@gmail.com", "action": "erase"})
    assert response.status_code == 302
    signature = Signature.objects.get()
    assert (signature.name, signature.email, signature.status) == ("—", "", SignatureStatus.INVALIDATED)
    entry = ModelLogEntry.objects.get(action="petitions.privacy_erasure")
    assert entry.data == {"email_hash": SIGNATURES.email_hash("noorb@gmail.com"), "signatures": 1}


def test_privacy_requests_with_a_bad_address_answer_400(staff_client, db):
    response = staff_client.post("/admin/petitions/privacy/", {"email": "not an address"})
    assert response.status_code == 400 and "Enter a valid email address" in response.content.decode()


def test_privacy_requests_are_forbidden_without_the_export_permission(client, noor):
    login(client, "Editors")
    assert client.post("/admin/petitions/privacy/", {"email": "noorb@gmail.com", "action": "erase"}).status_code == 403
    assert Signature.objects.get().name == "Noor"


def test_the_privacy_view_shows_labels_not_field_names(client, noor):
    login(client, "Campaign staff")
    content = client.post("/admin/petitions/privacy/", {"email": "noorb@gmail.com"}).content.decode()
    for label in ("Name", "Signed at", "Confirmed at", "IP address", "Newsletter opt-in"):
        assert f'<th scope="row">{label}</th>' in content
    assert "<td>Confirmed</td>" in content and "<td>no</td>" in content
    for key in ("name", "signed_at", "confirmed_at", "ip_address", "newsletter_opt_in", "status"):
        assert f'<th scope="row">{key}</th>' not in content

    client.logout()
    login(client, "Campaign staff", username="dutch-staff", language="nl")
    content = client.post("/admin/petitions/privacy/", {"email": "noorb@gmail.com"}).content.decode()
    assert '<th scope="row">Naam</th>' in content and '<th scope="row">Getekend op</th>' in content
    assert "<td>Bevestigd</td>" in content and "<td>nee</td>" in content


def flashed(response):
    from django.contrib.messages import get_messages

    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(
    ("number", "language", "invalidated", "restored", "logged"),
    [
        (1, "nl", "1 handtekening ongeldig gemaakt.", "1 handtekening hersteld.", "1 handtekening ongeldig gemaakt"),
        (
            2,
            "nl",
            "2 handtekeningen ongeldig gemaakt.",
            "2 handtekeningen hersteld.",
            "2 handtekeningen ongeldig gemaakt",
        ),
        (1, "en", "1 signature invalidated.", "1 signature restored.", "Invalidated 1 signature"),
        (2, "en", "2 signatures invalidated.", "2 signatures restored.", "Invalidated 2 signatures"),
    ],
)
def test_counts_shown_to_staff_are_singular_for_one(
    client, petition, sign, number, language, invalidated, restored, logged
):
    sign(number, ip_address="203.0.113.9")
    login(client, "Campaign staff", language=language)
    url = f"/admin/petitions/{petition.petition_key}/invalidate/"
    response = client.post(url, {"ip": "203.0.113.9", "reason": "bot", "confirm": "1"})
    assert flashed(response)[0].startswith(invalidated)
    done = Invalidation.objects.get()
    response = client.post(f"/admin/petitions/{petition.petition_key}/invalidations/{done.pk}/undo/")
    assert flashed(response)[-1].strip() == restored
    with translation.override(language):
        assert ModelLogEntry.objects.get(action="petitions.invalidate").message == logged


def test_an_erasure_says_how_many_signatures_in_the_right_number(client, noor):
    login(client, "Campaign staff", language="nl")
    response = client.post("/admin/petitions/privacy/", {"email": "noorb@gmail.com", "action": "erase"})
    assert [message.strip() for message in flashed(response)] == ["1 handtekening gewist."]
