import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from petitions.consent import current_consent
from petitions.exports import PROFILES, export_rows
from petitions.models import Municipality, Signature, SignatureStatus
from website.exports import neutralise, stream_csv, xlsx_response


@pytest.fixture
def sign(petition, amsterdam):
    consent = current_consent(petition)

    def make(name, email, **fields):
        values = {
            "petition_key": petition.petition_key,
            "name": name,
            "email": email,
            "email_normalised": email.lower(),
            "language": "nl",
            "consent": consent,
            "status": SignatureStatus.CONFIRMED,
            "confirmed_at": timezone.now(),
            "municipality": amsterdam,
            **fields,
        }
        return Signature.objects.create(**values)

    return make


@pytest.fixture
def utrecht(db):
    return Municipality.objects.get(cbs_code="GM0344")


@pytest.fixture(autouse=True)
def _english():
    """export_rows writes yes/no and statuses in the active language: these tests read them in English (the
    admin's views run in the staff member's language)."""
    with translation.override("en"):
        yield


def client_for(client, group, language="en"):
    """A client logged in as a member of `group`, with the admin in English (or `language`)."""
    user = User.objects.create_user(group.lower().replace(" ", "-"), password="not-used")
    user.groups.add(Group.objects.get(name=group))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    client.force_login(user)
    return client


@pytest.fixture
def staff_client(client, db):
    return client_for(client, "Campaign staff")


def export_url(petition):
    return f"/admin/petitions/{petition.petition_key}/export/"


def body(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6 12345678", "'+31 6 12345678"),
        ("-x", "'-x"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tcalc", "'\tcalc"),
        ("\rcalc", "'\rcalc"),
        ("No\x00or", "Noor"),
        ("\x00=cmd", "'=cmd"),
        ("Noor Bakker", "Noor Bakker"),
        (None, ""),
        (42, "42"),
    ],
)
def test_neutralise_defuses_cells_a_spreadsheet_would_read_as_a_formula(value, expected):
    assert neutralise(value) == expected


def test_csv_is_streamed_lazily_from_a_generator():
    def rows():
        for number in range(1000):
            yield (f"Signer {number}", "Amsterdam")
        raise AssertionError("the whole export was read before sending")

    response = stream_csv("signatures.csv", ["Name", "Municipality"], rows())
    assert response.streaming
    first = next(iter(response.streaming_content)).decode("utf-8")
    assert first.startswith("\ufeffName,Municipality")


def test_csv_starts_with_a_bom_and_neutralises_every_cell():
    response = stream_csv("x.csv", ["=Name"], [('=HYPERLINK("http://evil")',), ("Noor",)])
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == ["'=Name", '"\'=HYPERLINK(""http://evil"")"', "Noor"]
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'


def test_xlsx_opens_with_openpyxl_and_cells_are_neutralised():
    response = xlsx_response("x.xlsx", ["Name", "Note"], iter([("=1+1", "@SUM(A1)"), ("Noor\x01", None)]))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows == [("Name", "Note"), ("'=1+1", "'@SUM(A1)"), ("Noor", None)]


def test_handover_profile_has_names_and_municipality_and_no_email(petition, sign):
    sign("Noor", "noor@example.org")
    assert PROFILES["handover"].fields == ["name", "municipality__name"]
    assert list(export_rows(petition.petition_key, "handover", {})) == [("Noor", "Amsterdam")]


def test_handover_profile_leaves_out_unconfirmed_signatures(petition, sign):
    sign("Noor", "noor@example.org")
    sign("Pending Piet", "piet@example.org", status=SignatureStatus.PENDING, confirmed_at=None)
    assert [row[0] for row in export_rows(petition.petition_key, "handover", {})] == ["Noor"]


def test_crm_profile_holds_confirmed_newsletter_opt_ins_only_and_skips_anonymised(petition, sign):
    sign("Noor", "noor@example.org", newsletter_opt_in=True)
    sign("Sam", "sam@example.org", newsletter_opt_in=False)
    sign("—", "", email_normalised="", newsletter_opt_in=True, anonymised_at=timezone.now())
    rows = list(export_rows(petition.petition_key, "crm", {}))
    assert len(rows) == 1
    name, email, language, opt_in, consent_version, confirmed_at = rows[0]
    assert (name, email, language, opt_in, consent_version) == ("Noor", "noor@example.org", "nl", "yes", 1)
    assert confirmed_at.startswith(str(timezone.localdate().year))


def test_fraud_profile_shows_the_email_domain_and_never_the_address(petition, sign):
    signature = sign("Noor", "noor@example.org", ip_address="192.0.2.7", form_seconds=1.25, suspect_reasons="too fast")
    (row,) = export_rows(petition.petition_key, "fraud", {})
    assert row[0] == signature.pk and row[-1] == "example.org"
    assert "192.0.2.7" in row and "too fast" in row and "1.2" in row
    assert not any("noor@" in str(cell) for cell in row)


def test_export_filters_by_status(petition, sign):
    sign("Noor", "noor@example.org")
    sign("Piet", "piet@example.org", status=SignatureStatus.PENDING)
    rows = list(export_rows(petition.petition_key, "fraud", {"status": SignatureStatus.PENDING}))
    assert [row[3] for row in rows] == ["pending"]


def test_export_filters_by_date_range_including_the_last_day(petition, sign):
    today = timezone.localdate()
    sign("Old", "old@example.org", created_at=timezone.now() - datetime.timedelta(days=10))
    sign("New", "new@example.org")
    filters = {"date_from": today - datetime.timedelta(days=1), "date_to": today}
    assert [row[0] for row in export_rows(petition.petition_key, "handover", filters)] == ["New"]


def test_export_filters_by_municipality(petition, sign, utrecht):
    sign("Noor", "noor@example.org")
    sign("Daan", "daan@example.org", municipality=utrecht)
    assert list(export_rows(petition.petition_key, "handover", {"municipality": "GM0344"})) == [("Daan", "Utrecht")]


def test_export_filters_by_newsletter_opt_in(petition, sign):
    sign("Noor", "noor@example.org", newsletter_opt_in=True)
    sign("Sam", "sam@example.org")
    assert [row[0] for row in export_rows(petition.petition_key, "handover", {"newsletter": False})] == ["Sam"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "31-02-2025"}, "Enter a valid date"),
        ({"status": "maybe"}, "Select a valid choice"),
        ({"municipality": "GM9999"}, "Select a valid choice"),
        ({"date_from": "2025-05-02", "date_to": "2025-05-01"}, "The end date is before the start date"),
        ({"profile": "everything"}, "Select a valid choice"),
    ],
)
def test_export_with_bad_filters_answers_400_with_a_message(staff_client, petition, params, message):
    response = staff_client.get(export_url(petition), {"profile": "handover", "format": "csv", **params})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_export_form_renders_for_campaign_staff(staff_client, petition):
    response = staff_client.get(export_url(petition))
    assert response.status_code == 200
    assert "Handover" in response.content.decode()


def test_export_by_a_user_without_the_export_permission_is_forbidden(client, petition, sign):
    sign("Noor", "noor@example.org")
    response = client_for(client, "Editors").get(export_url(petition), {"profile": "handover", "format": "csv"})
    assert response.status_code == 403


def test_export_by_campaign_staff_streams_the_csv(staff_client, petition, sign):
    sign("Noor", "noor@example.org")
    response = staff_client.get(export_url(petition), {"profile": "handover", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert body(response).splitlines() == ["Name,Municipality", "Noor,Amsterdam"]


def test_xlsx_export_through_the_view_opens_in_openpyxl(staff_client, petition, sign):
    sign("=Noor", "noor@example.org", newsletter_opt_in=True)
    response = staff_client.get(export_url(petition), {"profile": "crm", "format": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[1][:2] == ("'=Noor", "noor@example.org")


def test_every_export_writes_an_audit_log_entry_with_the_row_count(staff_client, petition, sign):
    sign("Noor", "noor@example.org")
    sign("Sam", "sam@example.org")
    sign("Piet", "piet@example.org", status=SignatureStatus.PENDING)
    response = staff_client.get(export_url(petition), {"profile": "fraud", "format": "csv", "status": "confirmed"})
    body(response)
    entry = ModelLogEntry.objects.get(action="petitions.export")
    assert entry.data == {"profile": "fraud", "format": "csv", "filters": {"status": "confirmed"}, "rows": 2}
    assert entry.user.username == "campaign-staff" and entry.object_id == str(petition.pk)


def test_handover_csv_has_names_and_town_and_no_emails(staff_client, petition, sign, utrecht):
    sign("Noor", "noor@example.org")
    sign("Daan", "daan@example.org", municipality=utrecht)
    response = staff_client.get(f"/admin/petitions/{petition.petition_key}/handover/GM0363.csv")
    content = body(response)
    assert content.splitlines() == ["Name,Municipality", "Noor,Amsterdam"]
    assert "@" not in content


def test_handover_pdf_is_a_pdf_and_is_logged(staff_client, petition, sign):
    for number in range(300):
        sign(f"Ondertekenaar {number} Émile", f"s{number}@example.org")
    response = staff_client.get(f"/admin/petitions/{petition.petition_key}/handover/GM0363.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert ModelLogEntry.objects.get(action="petitions.export").data["rows"] == 300


def test_handover_for_an_unknown_municipality_is_a_404(staff_client, petition):
    response = staff_client.get(f"/admin/petitions/{petition.petition_key}/handover/GM9999.pdf", follow=True)
    assert response.status_code == 404


def test_fraud_export_writes_moments_in_dutch_time_to_the_second_and_seconds_on_the_form(sign):
    utc = datetime.UTC
    sign(
        "Winter",
        "winter@example.org",
        created_at=datetime.datetime(2025, 1, 15, 11, 0, 5, 900000, tzinfo=utc),
        confirmed_at=datetime.datetime(2025, 1, 15, 23, 30, tzinfo=utc),
        form_seconds=12.345,
        ip_address="192.0.2.1",
    )
    sign(
        "Summer",
        "summer@example.org",
        created_at=datetime.datetime(2025, 7, 1, 12, 0, tzinfo=utc),
        confirmed_at=None,
        status=SignatureStatus.PENDING,
    )
    rows = {row[0]: row for row in export_rows(sign("x", "x@example.org").petition_key, "fraud", {})}
    winter, summer = (
        rows[s.pk] for s in Signature.objects.filter(name__in=["Winter", "Summer"]).order_by("name").reverse()
    )
    assert winter[1:4] == ["2025-01-15 12:00:05", "2025-01-16 00:30:00", "confirmed"]  # CET, next day
    assert winter[5:8] == ["192.0.2.1", "12.3", "example.org"]
    assert summer[1:3] == ["2025-07-01 14:00:00", None]  # CEST; not confirmed: an empty cell
    assert summer[6] == ""


def test_crm_export_writes_opt_in_as_yes(sign):
    sign(
        "Ada",
        "ada@example.org",
        newsletter_opt_in=True,
        confirmed_at=datetime.datetime(2025, 3, 1, 8, 0, tzinfo=datetime.UTC),
    )
    [row] = list(export_rows(Signature.objects.get().petition_key, "crm", {}))
    assert list(row) == ["Ada", "ada@example.org", "nl", "yes", 1, "2025-03-01 09:00:00"]


ENGLISH_CELLS = {"yes", "no", "pending", "confirmed", "invalidated"}


def test_a_dutch_export_has_dutch_cell_values(client, petition, sign):
    sign("Noor", "noor@example.org", newsletter_opt_in=True)
    sign("Piet", "piet@example.org", status=SignatureStatus.PENDING, confirmed_at=None)
    client_for(client, "Campaign staff", language="nl")
    crm = list(csv.reader(io.StringIO(body(client.get(export_url(petition), {"profile": "crm", "format": "csv"})))))
    assert crm[0][:2] == ["Naam", "E-mail"] and crm[1][3] == "ja"
    fraud = list(csv.reader(io.StringIO(body(client.get(export_url(petition), {"profile": "fraud", "format": "csv"})))))
    assert sorted(row[3] for row in fraud[1:]) == ["bevestigd", "wacht op bevestiging"]
    response = client.get(export_url(petition), {"profile": "crm", "format": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    xlsx = list(workbook.active.iter_rows(values_only=True))
    assert xlsx[1][3] == "ja"
    cells = {cell for rows in (crm, fraud, xlsx) for row in rows[1:] for cell in row}
    assert not cells & ENGLISH_CELLS


def test_an_export_is_written_in_the_staff_members_language_while_it_streams(client, petition, sign):
    # The rows are written after the view returned, when Wagtail no longer has the staff member's
    # language active: the site's default (Dutch) must not creep in.
    sign("Noor", "noor@example.org", newsletter_opt_in=True)
    client_for(client, "Campaign staff")
    with translation.override("nl"):
        response = client.get(export_url(petition), {"profile": "crm", "format": "csv"})
        rows = list(csv.reader(io.StringIO(body(response))))
    assert rows[0][0] == "Name" and rows[1][3] == "yes"


def test_the_dutch_handover_pdf_has_no_english_labels(staff_client, petition, sign, monkeypatch):
    from reportlab.pdfgen.canvas import Canvas

    drawn = []
    draw = Canvas.drawString
    monkeypatch.setattr(
        Canvas, "drawString", lambda self, x, y, text, *a, **kw: drawn.append(text) or draw(self, x, y, text, *a, **kw)
    )
    sign("Noor", "noor@example.org")
    response = staff_client.get(f"/admin/petitions/{petition.petition_key}/handover/GM0363.pdf")
    b"".join(response.streaming_content)
    assert "Gericht aan: De burgemeesters" in drawn and "Gemeente: Amsterdam" in drawn
    assert "Handtekeningen: 1" in drawn and "Noor" in drawn
    assert not [text for text in drawn if "Addressed" in text or "Signatures" in text or "Municipality" in text]
