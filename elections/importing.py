"""Positions and statements from the analysts' spreadsheets: read → preview with per-row errors → import.

Nothing is written until every row is valid: a file is imported whole or not at all, in one
transaction, and the preview is computed again at that moment so it cannot be stale.

Refused outright: files over 2 MB or 5,000 rows, XLSX files that unpack to more than 50 MB,
anything that is not CSV or XLSX. Cells that a spreadsheet would run as a formula (starting with
= + - @, or a tab or carriage return) are refused, not neutralised: the analyst sees the row and
rewords the cell, so nothing is silently changed on its way to the public page.
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from website.exports import FORMULA_STARTS

from .localization import sync_translations
from .models import KEY_PATTERN, Answer, Correction, Party, Position, Stance, Statement, StatementAnswer, Theme

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 40
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_CELL_LENGTH = 10_000
ANSWER_ALIASES = {"eens": "agree", "neutraal": "neutral", "oneens": "disagree"}


class ImportRefused(Exception):
    """The file as a whole cannot be read; the message says why, for the person who uploaded it."""


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False  # the file must have the column
    max_length: int = MAX_CELL_LENGTH
    may_be_empty: bool = False  # a required column whose cells may be empty (checked elsewhere)


POSITION_COLUMNS = (
    Column("party", True, 20),
    Column("theme", True, 60),
    Column("stance", True, 20),
    Column("summary", True),
    Column("quote"),
    Column("quote_language", max_length=8),
    Column("quote_translation"),
    Column("page", max_length=10),
    Column("source_url", max_length=500),
    Column("assessment"),
    Column("correction"),
    Column("reaction_from", max_length=200),
)
STATEMENT_COLUMNS = (
    # A statement's theme and text are needed on its first row only.
    Column("code", True, 20),
    Column("theme", True, 60, may_be_empty=True),
    Column("statement", True, 300, may_be_empty=True),
    Column("background"),
    Column("party", True, 20),
    Column("answer", True, 20),
    Column("explanation"),
)
COLUMNS = {"positions": POSITION_COLUMNS, "statements": STATEMENT_COLUMNS}


# Reading -----------------------------------------------------------------------------------------


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    return str(value).strip()


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # what Excel on Windows saves as "CSV"
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_rows(data):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ImportRefused(_("This is not a readable XLSX file.")) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportRefused(_("This XLSX file unpacks to more than 50 MB; it cannot be a sheet of positions."))
    try:
        # data_only=False: a formula cell reads as its formula ("=…"), so it is refused below.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of errors for broken files
        raise ImportRefused(_("This is not a readable XLSX file.")) from None
    try:
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    finally:
        workbook.close()


def read_table(uploaded):
    """(header, [(row number, {column: text})]) from an uploaded CSV or XLSX file."""
    if uploaded.size > MAX_BYTES:
        raise ImportRefused(_("The file is larger than 2 MB. Split it, or remove columns that are not imported."))
    data = uploaded.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportRefused(_("The file is larger than 2 MB. Split it, or remove columns that are not imported."))
    name = (uploaded.name or "").lower()
    if data.startswith(b"PK\x03\x04") or name.endswith(".xlsx"):
        lines = _xlsx_rows(data)
    elif name.endswith((".csv", ".txt")):
        lines = _csv_rows(data)
    else:
        raise ImportRefused(_("Upload a CSV or an XLSX file."))
    header, rows = None, []
    for number, cells in enumerate(lines, start=1):
        cells = [_text(cell) for cell in cells[:MAX_COLUMNS]]
        if not any(cells):
            continue
        if header is None:
            header = [cell.strip().lower().replace(" ", "_") for cell in cells]
            continue
        if len(rows) == MAX_ROWS:
            raise ImportRefused(
                _("The file has more than %(max)s rows; import it in parts.") % {"max": f"{MAX_ROWS:,}"}
            )
        cells += [""] * (len(header) - len(cells))
        rows.append((number, {name: value for name, value in zip(header, cells, strict=False) if name}))
    if header is None:
        raise ImportRefused(_("The file is empty."))
    return header, rows


# Checking -----------------------------------------------------------------------------------------


@dataclass
class RowResult:
    number: int
    values: dict
    errors: list = field(default_factory=list)
    action: str = ""  # "create", "update" or "unchanged"
    changes: list = field(default_factory=list)
    cleaned: dict = field(default_factory=dict)

    def value(self, name):
        return self.values.get(name, "")


@dataclass
class Preview:
    kind: str
    election: object
    rows: list = field(default_factory=list)
    file_errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def error_rows(self):
        return [row for row in self.rows if row.errors]

    @property
    def can_import(self):
        return bool(self.rows) and not self.file_errors and not self.error_rows

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action and not row.errors)

    @property
    def counts(self):
        return {
            "create": self.count("create"),
            "update": self.count("update"),
            "unchanged": self.count("unchanged"),
            "errors": len(self.error_rows),
        }


def _check_columns(header, columns, preview):
    known = {column.name for column in columns}
    missing = [column.name for column in columns if column.required and column.name not in header]
    if missing:
        preview.file_errors.append(
            _("Missing columns: %(columns)s. The first row must name the columns.") % {"columns": ", ".join(missing)}
        )
    doubled = sorted({name for name in header if name and header.count(name) > 1})
    if doubled:
        preview.file_errors.append(_("Columns appear twice: %(columns)s.") % {"columns": ", ".join(doubled)})
    ignored = [name for name in header if name and name not in known]
    if ignored:
        preview.warnings.append(
            _("These columns are not imported and were ignored: %(columns)s.") % {"columns": ", ".join(ignored[:10])}
        )


def _check_cells(row, columns):
    for column in columns:
        value = row.value(column.name)
        if value.startswith(FORMULA_STARTS):
            row.errors.append(
                _(
                    "“%(column)s” starts with “%(start)s”, which spreadsheets run as a formula. "
                    "Formulas are refused: reword the cell."
                )
                % {"column": column.name, "start": value[0].replace("\t", "tab").replace("\r", "CR")}
            )
        elif len(value) > column.max_length:
            row.errors.append(
                _("“%(column)s” is longer than %(max)s characters.") % {"column": column.name, "max": column.max_length}
            )
        elif column.required and not column.may_be_empty and not value:
            row.errors.append(_("“%(column)s” is empty.") % {"column": column.name})


def _known(mapping, value, what, row):
    found = mapping.get(value.lower())
    if found is None and value:
        row.errors.append(
            _("Unknown %(what)s “%(value)s”. Known: %(known)s.")
            % {"what": what, "value": value[:40], "known": ", ".join(sorted(mapping)[:20])}
        )
    return found


def source_locale_objects(model):
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def preview(kind, election, header, rows):
    """Check every row against the database as it is now; write nothing."""
    result = Preview(kind, election)
    columns = COLUMNS[kind]
    _check_columns(header, columns, result)
    if result.file_errors:
        return result
    if not rows:
        result.file_errors.append(_("The file has a header but no rows."))
        return result
    parties = {party.abbreviation.lower(): party for party in source_locale_objects(Party)}
    themes = {theme.slug.lower(): theme for theme in source_locale_objects(Theme)}
    check = _check_position if kind == "positions" else _check_answer
    existing = _existing(kind, election)
    seen = {}
    for number, values in rows:
        row = RowResult(number, values)
        _check_cells(row, columns)
        if not row.errors:
            check(row, parties, themes, existing, seen)
        result.rows.append(row)
    return result


def _existing(kind, election):
    if kind == "positions":
        return {
            (position.party_id, position.theme_id): position
            for position in Position.objects.filter(election=election, locale_id=election.locale_id)
        }
    statements = {
        statement.code.lower(): statement
        for statement in Statement.objects.filter(election=election, locale_id=election.locale_id).prefetch_related(
            "answers"
        )
    }
    return {"statements": statements}


# Optional columns that are left out of a file leave those fields as they are.
POSITION_FIELDS = {
    "summary": "summary",
    "quote": "quote",
    "quote_language": "quote_language",
    "quote_translation": "quote_translation",
    "page": "page_number",
    "source_url": "source_url",
    "assessment": "assessment",
}


def _position_values(row, parties, themes):
    """The row as model values (only for the columns the file has), with errors for what does not fit."""
    values = {
        "party": _known(parties, row.value("party"), _("party"), row),
        "theme": _known(themes, row.value("theme"), _("theme"), row),
    }
    values.update({field: row.value(column) for column, field in POSITION_FIELDS.items() if column in row.values})
    stance = values["stance"] = row.value("stance").lower()
    if stance not in Stance.values:
        row.errors.append(
            _("Unknown stance “%(value)s”. Use one of: %(known)s.")
            % {"value": stance[:40], "known": ", ".join(Stance.values)}
        )
    if "quote_language" in values:
        values["quote_language"] = values["quote_language"].lower() or settings.LANGUAGE_CODE
        if values["quote_language"] not in dict(settings.LANGUAGES):
            row.errors.append(_("Unknown quote language “%(value)s”.") % {"value": values["quote_language"][:10]})
    if "page_number" in values:
        page = values["page_number"]
        values["page_number"] = int(page) if page.isdigit() and int(page) > 0 else None
        if page and values["page_number"] is None:
            row.errors.append(_("“page” must be a page number, e.g. 12."))
    if values.get("source_url"):
        try:
            URLValidator(schemes=["http", "https"])(values["source_url"])
        except ValidationError:
            row.errors.append(_("“source_url” is not a web address (http or https)."))
    return values


def _check_position(row, parties, themes, existing, seen):
    values = row.cleaned = _position_values(row, parties, themes)
    if values["party"] is None or values["theme"] is None:
        return
    key = (values["party"].pk, values["theme"].pk)
    if key in seen:
        row.errors.append(
            _("Party %(party)s and theme %(theme)s already appear in row %(row)s.")
            % {"party": values["party"].abbreviation, "theme": values["theme"].slug, "row": seen[key]}
        )
        return
    seen[key] = row.number
    position = existing.get(key)
    quote = values.get("quote", position.quote if position else "")
    if not quote and values["stance"] != Stance.NOT_ADDRESSED:
        row.errors.append(_("“quote” is empty: quote the programme, or use the stance “not_addressed”."))
    if position is None:
        row.action = "create"
        return
    row.changes = [
        name
        for name, value in values.items()
        if name not in ("party", "theme")
        and value != getattr(position, name)
        and not (name == "quote_translation" and not value)
    ]
    row.action = "update" if row.changes else "unchanged"
    if {"stance", "quote"} & set(row.changes) and not row.value("correction"):
        row.errors.append(
            _(
                "This position is public and its stance or quote changes: say what changed and why in "
                "“correction” (and who reacted in “reaction_from”)."
            )
        )


def _check_answer(row, parties, themes, existing, seen):
    code = row.value("code")
    if not re.match(KEY_PATTERN, code):
        row.errors.append(_("“code” may hold letters, digits and hyphens only, e.g. S01."))
        return
    statement_rows = seen.setdefault("statements", {})
    first = statement_rows.get(code.lower())
    theme = row.value("theme")
    text = row.value("statement")
    if first is None:
        if not theme:
            row.errors.append(_("“theme” is empty on the first row of statement %(code)s.") % {"code": code})
        if not text:
            row.errors.append(_("“statement” is empty on the first row of statement %(code)s.") % {"code": code})
        statement_rows[code.lower()] = row
    else:
        for name, value in (("theme", theme), ("statement", text), ("background", row.value("background"))):
            if value and value != first.value(name):
                row.errors.append(
                    _("“%(column)s” differs from row %(row)s of the same statement.")
                    % {"column": name, "row": first.number}
                )
    if theme:
        _known(themes, theme, _("theme"), row)
    party = _known(parties, row.value("party"), _("party"), row)
    answer = row.value("answer").lower()
    answer = ANSWER_ALIASES.get(answer, answer)
    if answer not in Answer.values:
        row.errors.append(_("Unknown answer “%(value)s”. Use agree, neutral or disagree.") % {"value": answer[:20]})
    row.values["answer"] = answer
    if party is None:
        return
    pairs = seen.setdefault("pairs", {})
    if (code.lower(), party.pk) in pairs:
        row.errors.append(
            _("Statement %(code)s and party %(party)s already appear in row %(row)s.")
            % {"code": code, "party": party.abbreviation, "row": pairs[(code.lower(), party.pk)]}
        )
        return
    pairs[(code.lower(), party.pk)] = row.number
    statement = existing["statements"].get(code.lower())
    given = next((a for a in statement.answers.all() if a.party_id == party.pk), None) if statement else None
    if given is None:
        row.action = "create"
        return
    first = statement_rows[code.lower()]
    explanation = row.values.get("explanation", given.explanation)
    row.changes = [
        name
        for name, old, new in (
            ("answer", given.answer, answer),
            ("explanation", given.explanation, explanation),
            ("statement", statement.text, first.value("statement") or statement.text),
            ("theme", statement.theme.slug if statement.theme_id else "", (first.value("theme") or "").lower()),
            ("background", statement.explanation, first.value("background") or statement.explanation),
        )
        if old != new
    ]
    row.action = "update" if row.changes else "unchanged"


# Importing ----------------------------------------------------------------------------------------


@transaction.atomic
def apply(kind, election, header, rows, user=None):
    """Check again and write; returns the preview (with its counts), or one with errors and nothing written."""
    result = preview(kind, election, header, rows)
    if not result.can_import:
        return result
    parties = {party.abbreviation.lower(): party for party in source_locale_objects(Party)}
    themes = {theme.slug.lower(): theme for theme in source_locale_objects(Theme)}
    if kind == "positions":
        touched = _apply_positions(result, election, parties, themes)
    else:
        touched = _apply_statements(result, election, parties, themes)
    sync_translations(touched, user)
    return result


def _apply_positions(result, election, parties, themes):
    touched = []
    existing = _existing("positions", election)
    for row in result.rows:
        if row.action == "unchanged":
            continue
        values = dict(row.cleaned)
        party, theme = values.pop("party"), values.pop("theme")
        position = existing.get((party.pk, theme.pk))
        if position is None:
            position = Position(election=election, party=party, theme=theme, locale_id=election.locale_id)
        previous_stance = position.stance
        if not values.get("quote_translation"):
            # Kept unless the quote changes; Position.save fills it with the new quote then.
            values["quote_translation"] = "" if "quote" in row.changes else position.quote_translation
        for name, value in values.items():
            setattr(position, name, value)
        position.save()
        if row.action == "update" and row.value("correction"):
            Correction.objects.create(
                position=position,
                made_on=timezone.localdate(),
                reaction_from=row.value("reaction_from"),
                note=row.value("correction"),
                previous_stance=previous_stance if "stance" in row.changes else "",
                locale_id=election.locale_id,
            )
        touched.append(position)
    return touched


def _apply_statements(result, election, parties, themes):
    existing = _existing("statements", election)["statements"]
    by_code = {}
    for row in result.rows:
        by_code.setdefault(row.value("code").lower(), []).append(row)
    touched = []
    for order, rows in enumerate(by_code.values(), start=1):
        first = rows[0]
        statement = existing.get(first.value("code").lower())
        if (
            statement is not None
            and statement.sort_order == order * 10
            and all(row.action == "unchanged" for row in rows)
        ):
            continue
        if statement is None:
            statement = Statement(election=election, code=first.value("code"), locale_id=election.locale_id)
        statement.theme = themes[first.value("theme").lower()]
        statement.text = first.value("statement")
        statement.explanation = first.value("background") or statement.explanation
        statement.sort_order = order * 10
        statement.save()
        answers = {answer.party_id: answer for answer in statement.answers.all()} if statement.pk else {}
        for row in rows:
            party = parties[row.value("party").lower()]
            answer = answers.get(party.pk) or StatementAnswer(
                statement=statement, party=party, locale_id=election.locale_id
            )
            answer.answer = row.value("answer")
            answer.explanation = row.values.get("explanation", answer.explanation)
            answer.save()
        touched.append(statement)
    return touched
