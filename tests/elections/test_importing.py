import csv
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook
from wagtail.models import ModelLogEntry

from elections import importing
from elections.models import Correction, Position, Statement

HEADER = ["party", "theme", "stance", "summary", "quote", "page", "source_url"]
GOOD_ROWS = [
    ["CP", "terugkeer", "less", "Minder hulp bij terugkeer.", "Terugkeer zonder hulp.", "4", "https://example.org/c"],
    ["cp", "gezin", "mixed", "Gezinnen met voorwaarden.", "Gezinnen, maar met voorwaarden.", "", ""],
]


@pytest.fixture(autouse=True)
def _english(in_english):
    """Messages are checked by their (English) words."""


def csv_file(rows, header=HEADER, name="posities.csv", delimiter=",", encoding="utf-8"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode(encoding), content_type="text/csv")


def xlsx_file(rows, header=HEADER, name="posities.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    workbook.save(data)
    return SimpleUploadedFile(name, data.getvalue())


def check(kind, election, upload):
    header, rows = importing.read_table(upload)
    return importing.preview(kind, election, header, rows)


def errors(preview):
    return " ".join(" ".join(row.errors) for row in preview.rows) + " ".join(preview.file_errors)


# Reading -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "upload",
    [
        csv_file(GOOD_ROWS),
        csv_file(GOOD_ROWS, delimiter=";"),
        csv_file(GOOD_ROWS, encoding="utf-8-sig"),
        csv_file(GOOD_ROWS, encoding="cp1252"),
        xlsx_file([[*row[:5], int(row[5]) if row[5] else None, row[6]] for row in GOOD_ROWS]),
    ],
    ids=["csv", "semicolons", "bom", "cp1252", "xlsx"],
)
def test_a_good_file_previews_every_row_as_new(positions, election, upload):
    preview = check("positions", election, upload)
    assert preview.can_import, errors(preview)
    assert [row.action for row in preview.rows] == ["create", "create"]
    assert preview.rows[0].number == 2  # spreadsheet row numbers, header is row 1


def test_a_file_over_two_megabytes_is_refused(election):
    upload = SimpleUploadedFile("big.csv", b"party,theme\n" + b"x" * (2 * 1024 * 1024))
    with pytest.raises(importing.ImportRefused, match="2 MB"):
        importing.read_table(upload)


def test_a_file_with_more_than_5000_rows_is_refused(election):
    upload = csv_file([["AP", "opvang", "mixed", "s", "q", "", ""]] * 5001)
    with pytest.raises(importing.ImportRefused, match="5,000"):
        importing.read_table(upload)


def test_an_xlsx_that_unpacks_to_a_huge_file_is_refused(election):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"\0" * (60 * 1024 * 1024))
    assert len(data.getvalue()) < importing.MAX_BYTES
    with pytest.raises(importing.ImportRefused, match="50 MB"):
        importing.read_table(SimpleUploadedFile("bomb.xlsx", data.getvalue()))


@pytest.mark.parametrize(
    "name, content",
    [
        ("broken.xlsx", b"PK\x03\x04not really a zip"),
        ("programme.pdf", b"%PDF-1.4"),
        ("empty.csv", b""),
        ("blank.csv", b"\n\n,,\n"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(name, content):
    with pytest.raises(importing.ImportRefused):
        importing.read_table(SimpleUploadedFile(name, content))


# Checking positions ------------------------------------------------------------------------------


def test_missing_columns_are_named(positions, election):
    preview = check("positions", election, csv_file([["AP", "opvang"]], header=["party", "theme"]))
    assert not preview.can_import
    assert "stance" in errors(preview) and "summary" in errors(preview)


def test_a_statements_file_uploaded_as_positions_is_refused(positions, election):
    upload = csv_file([["S01", "AP", "agree"]], header=["code", "party", "answer"])
    assert not check("positions", election, upload).can_import


def test_unknown_columns_are_ignored_with_a_warning(positions, election):
    preview = check("positions", election, csv_file([[*GOOD_ROWS[0], "x"]], header=[*HEADER, "notes"]))
    assert preview.can_import
    assert "notes" in " ".join(preview.warnings)


def test_an_unknown_party_is_a_row_error(positions, election):
    preview = check("positions", election, csv_file([["ZZ", "opvang", "mixed", "s", "q", "", ""]]))
    assert not preview.can_import
    assert "Unknown party “ZZ”" in errors(preview) or "ZZ" in errors(preview)


@pytest.mark.parametrize(
    "row, message",
    [
        (["AP", "atlantis", "mixed", "s", "q", "", ""], "atlantis"),
        (["AP", "opvang", "sort of", "s", "q", "", ""], "stance"),
        (["AP", "opvang", "mixed", "", "q", "", ""], "summary"),
        (["AP", "opvang", "mixed", "s", "", "", ""], "quote"),
        (["AP", "opvang", "mixed", "s", "q", "twelve", ""], "page"),
        (["AP", "opvang", "mixed", "s", "q", "-3", ""], "formula"),
        (["AP", "opvang", "mixed", "s", "q", "", "javascript:alert(1)"], "source_url"),
        (["AP", "opvang", "mixed", "s" * 20000, "q", "", ""], "longer"),
    ],
)
def test_bad_values_are_row_errors(positions, election, row, message):
    preview = check("positions", election, csv_file([row]))
    assert not preview.can_import
    assert message in errors(preview)


def test_duplicate_rows_are_refused_naming_the_first(positions, election):
    preview = check("positions", election, csv_file([GOOD_ROWS[1], GOOD_ROWS[1]]))
    assert preview.rows[0].errors == []
    assert "row 2" in " ".join(preview.rows[1].errors)


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://evil.example","klik")', "+31 70", "-2", "@SUM(A1)", "\t=1+1", " =1", "\r=1"]
)
def test_formula_cells_are_refused_not_neutralised(positions, election, cell):
    preview = check("positions", election, csv_file([["CP", "terugkeer", "less", cell, "q", "", ""]]))
    assert not preview.can_import
    assert "formula" in errors(preview)


def test_a_formula_cell_in_an_xlsx_is_refused(positions, election):
    preview = check("positions", election, xlsx_file([["CP", "terugkeer", "less", "=1+1", "q", None, None]]))
    assert "formula" in errors(preview)


def test_a_not_addressed_stance_needs_no_quote(positions, election):
    preview = check("positions", election, csv_file([["CP", "terugkeer", "not_addressed", "Niets.", "", "", ""]]))
    assert preview.can_import, errors(preview)


def test_columns_left_out_keep_their_values(positions, election):
    upload = csv_file([["AP", "opvang", "much_more", "Samenvatting."]], header=["party", "theme", "stance", "summary"])
    preview = check("positions", election, upload)
    assert [row.action for row in preview.rows] == ["unchanged"], errors(preview)


def test_a_new_position_without_a_quote_column_needs_one(positions, election):
    upload = csv_file([["CP", "terugkeer", "less", "Minder."]], header=["party", "theme", "stance", "summary"])
    assert "quote" in errors(check("positions", election, upload))


# Importing positions ---------------------------------------------------------------------------


def apply(kind, election, upload, user=None):
    header, rows = importing.read_table(upload)
    return importing.apply(kind, election, header, rows, user=user)


def test_importing_creates_positions_in_the_default_language(positions, election):
    result = apply("positions", election, csv_file(GOOD_ROWS))
    assert result.counts["create"] == 2
    created = Position.objects.get(party__abbreviation="CP", theme__slug="terugkeer")
    assert created.locale.language_code == "nl" and created.stance == "less"
    assert created.quote_translation == created.quote  # ready for translators
    assert created.page_number == 4


def test_nothing_is_written_when_one_row_is_wrong(positions, election):
    before = Position.objects.count()
    result = apply("positions", election, csv_file([GOOD_ROWS[0], ["ZZ", "opvang", "mixed", "s", "q", "", ""]]))
    assert not result.can_import
    assert Position.objects.count() == before


def test_a_changed_stance_needs_a_correction_note(positions, election):
    row = [
        "AP",
        "opvang",
        "mixed",
        "Samenvatting.",
        "Iedereen welkom in Testdorp.",
        "7",
        "https://example.org/programma.pdf#page=7",
    ]
    preview = check("positions", election, csv_file([row]))
    assert not preview.can_import
    assert "correction" in errors(preview)


def test_a_correction_note_is_recorded_with_the_previous_stance(positions, election, english):
    row = [
        "AP",
        "opvang",
        "mixed",
        "Samenvatting.",
        "Iedereen welkom in Testdorp.",
        "7",
        "https://example.org/programma.pdf#page=7",
        "De partij wees op een ander hoofdstuk.",
        "Alfa Partij",
    ]
    result = apply("positions", election, csv_file([row], header=[*HEADER, "correction", "reaction_from"]))
    assert result.counts["update"] == 1, errors(result)
    position = positions[("AP", "opvang")]
    position.refresh_from_db()
    assert position.stance == "mixed"
    correction = Correction.objects.get(position=position)
    assert (correction.previous_stance, correction.reaction_from) == ("much_more", "Alfa Partij")
    # The English translation follows the facts at once; its note shows in Dutch until translated.
    translated = position.get_translation(english)
    assert translated.stance == "mixed"
    assert translated.corrections.count() == 1


def test_an_unchanged_file_changes_nothing(positions, election):
    row = [
        "AP",
        "opvang",
        "much_more",
        "Samenvatting.",
        "Iedereen welkom in Testdorp.",
        "7",
        "https://example.org/programma.pdf#page=7",
    ]
    result = apply("positions", election, csv_file([row]))
    assert result.counts == {"create": 0, "update": 0, "unchanged": 1, "errors": 0}


# Statements ---------------------------------------------------------------------------------------

STATEMENT_HEADER = ["code", "theme", "statement", "party", "answer", "explanation"]


def test_statements_are_imported_one_row_per_party(positions, statements, election):
    rows = [
        ["S04", "opvang", "Een nieuwe stelling.", "AP", "agree", "Ja."],
        ["S04", "", "", "BP", "oneens", "Nee."],
        ["S04", "opvang", "Een nieuwe stelling.", "CP", "neutral", ""],
    ]
    result = apply("statements", election, csv_file(rows, header=STATEMENT_HEADER))
    assert result.can_import, errors(result)
    statement = Statement.objects.get(code="S04", locale__language_code="nl")
    assert {a.party.abbreviation: a.answer for a in statement.answers.all()} == {
        "AP": "agree",
        "BP": "disagree",
        "CP": "neutral",
    }


@pytest.mark.parametrize(
    "rows, message",
    [
        (
            [["S04", "opvang", "Stelling.", "AP", "agree", ""], ["S04", "opvang", "Stelling.", "AP", "neutral", ""]],
            "row 2",
        ),
        (
            [["S04", "opvang", "Stelling.", "AP", "agree", ""], ["S04", "opvang", "Andere tekst.", "BP", "agree", ""]],
            "differs",
        ),
        ([["S04", "opvang", "Stelling.", "AP", "perhaps", ""]], "Unknown answer"),
        ([["S04", "", "Stelling.", "AP", "agree", ""]], "theme"),
        ([["S 04", "opvang", "Stelling.", "AP", "agree", ""]], "code"),
        ([["S04", "opvang", "Stelling.", "ZZ", "agree", ""]], "ZZ"),
    ],
)
def test_bad_statement_rows_are_row_errors(positions, statements, election, rows, message):
    preview = check("statements", election, csv_file(rows, header=STATEMENT_HEADER))
    assert not preview.can_import
    assert message in errors(preview)


def test_a_changed_answer_reaches_the_translation(statements, election, english):
    rows = [["S01", "opvang", "Meer opvang in Testdorp.", "AP", "disagree", "Uitleg AP bij S01."]]
    result = apply("statements", election, csv_file(rows, header=STATEMENT_HEADER))
    assert result.counts["update"] == 1, errors(result)
    translated = statements["S01"].get_translation(english)
    assert {a.party.abbreviation: a.answer for a in translated.answers.all()}["AP"] == "disagree"


# The admin ----------------------------------------------------------------------------------------


def upload(client, election, file, kind="positions"):
    return client.post(reverse("election_import:index"), {"election": election.pk, "kind": kind, "file": file})


def test_admin_upload_shows_a_preview_then_imports_on_confirmation(admin_client, positions, election, staff):
    response = upload(admin_client, election, csv_file(GOOD_ROWS))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Import these rows" in content
    assert not Position.objects.filter(party__abbreviation="CP", theme__slug="terugkeer").exists()
    response = admin_client.post(reverse("election_import:index"), {"token": response.context["token"]}, follow=True)
    assert response.status_code == 200
    assert Position.objects.filter(party__abbreviation="CP", theme__slug="terugkeer").exists()
    entry = ModelLogEntry.objects.get(action="elections.import")
    assert entry.data["create"] == 2 and entry.user == staff


def test_admin_preview_lists_the_errors_per_row_and_offers_no_import(admin_client, positions, election):
    response = upload(admin_client, election, csv_file([["ZZ", "opvang", "mixed", "=1", "q", "", ""]]))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Import these rows" not in content
    assert "ZZ" in content and "formula" in content


def test_admin_refuses_a_huge_file_with_a_message(admin_client, election):
    big = SimpleUploadedFile("big.csv", b"party\n" + b"x" * (3 * 1024 * 1024))
    response = upload(admin_client, election, big)
    assert response.status_code == 400
    assert "2 MB" in response.content.decode()


def test_an_expired_or_foreign_preview_cannot_be_imported(admin_client, client, positions, election):
    response = upload(admin_client, election, csv_file(GOOD_ROWS))
    token = response.context["token"]
    other = get_user_model().objects.create_superuser("other", "other@example.org", "pw")
    client.force_login(other)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.post(reverse("election_import:index"), {"token": token})
    assert not Position.objects.filter(party__abbreviation="CP", theme__slug="terugkeer").exists()
    response = client.post(reverse("election_import:index"), {"token": "made-up"}, follow=True)
    assert "expired" in response.content.decode()


def test_staff_without_permission_cannot_import(client, election, db):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("election_import:index")).status_code == 403
    assert upload(client, election, csv_file(GOOD_ROWS)).status_code == 403


@pytest.mark.parametrize("kind", ["positions", "statements"])
def test_the_downloaded_template_imports_unchanged(admin_client, positions, statements, election, kind):
    response = admin_client.get(reverse("election_import:template"), {"election": election.pk, "kind": kind})
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    preview = check(kind, election, SimpleUploadedFile("template.csv", data))
    assert preview.can_import, errors(preview)
    assert {row.action for row in preview.rows} == {"unchanged"}
