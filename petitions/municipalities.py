"""The Dutch municipalities (gemeenten), shipped as petitions/data/municipalities.csv.

Pure functions only: nothing here touches the database. `manage.py refresh_municipalities` rewrites the file from
CBS's published list "Gemeenten alfabetisch <year>"; another step syncs the file into the database.
Where the shipped file comes from and how to refresh it: petitions/data/README.md.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "municipalities.csv"
FIELDS = ("cbs_code", "name", "province")

# In CBS order (provincie codes PV20 to PV31), with CBS's Dutch names.
PROVINCES = (
    "Groningen",
    "Fryslân",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
)
# Spellings met in older CBS files and elsewhere, mapped to the names above (keys are compared case-insensitively).
PROVINCE_ALIASES = {"friesland": "Fryslân", "fryslan": "Fryslân"}

# Accepted header names (compared case-insensitively, whitespace stripped), in order of preference. The CBS file has
# both Gemeentecode ("363") and GemeentecodeGM ("GM0363"); the shipped file's own names are accepted too.
COLUMNS = {
    "cbs_code": ("gemeentecodegm", "gemeentecode", "cbs_code"),
    "name": ("gemeentenaam", "name"),
    "province": ("provincienaam", "province"),
}
COLUMN_LABELS = {"cbs_code": "GemeentecodeGM or Gemeentecode", "name": "Gemeentenaam", "province": "Provincienaam"}

_CODE = re.compile(r"(?:GM)?(\d{1,4})")
# Dutch alphabetical order, as in CBS's list: "'s-Gravenhage" under G, "De Bilt" under B, "Het Hogeland" under H.
_LEADING_ARTICLE = re.compile(r"^(?:'s-|'t |de |den |het )", re.IGNORECASE)


class MunicipalityDataError(ValueError):
    """The municipality list cannot be used; the message says why (and where) in words staff can act on."""


def sort_key(name):
    """Sort key for municipality names: leading articles ignored, accents and case folded."""
    stripped = _LEADING_ARTICLE.sub("", name.strip())
    folded = "".join(c for c in unicodedata.normalize("NFKD", stripped) if not unicodedata.combining(c))
    return folded.casefold(), name


def sorted_by_name(municipalities):
    return sorted(municipalities, key=lambda m: (sort_key(m["name"]), m["cbs_code"]))


def normalise_code(value):
    """'GM0363', 'gm363', '0363' and '363' all become 'GM0363'."""
    match = _CODE.fullmatch(str(value).strip().upper())
    if not match:
        raise MunicipalityDataError(f"{value!r} is not a CBS municipality code (expected e.g. GM0363 or 0363)")
    return f"GM{int(match.group(1)):04d}"


def normalise_province(value):
    name = " ".join(str(value).split())
    by_folded = {province.casefold(): province for province in PROVINCES}
    province = by_folded.get(name.casefold()) or PROVINCE_ALIASES.get(name.casefold())
    if province is None:
        raise MunicipalityDataError(f"unknown province {value!r} (expected one of: {', '.join(PROVINCES)})")
    return province


def _read_text(path_or_file):
    if hasattr(path_or_file, "read"):
        data = path_or_file.read()
    else:
        try:
            data = Path(path_or_file).read_bytes()
        except OSError as error:
            raise MunicipalityDataError(f"cannot read {path_or_file}: {error.strerror or error}") from error
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's plain "CSV" on Windows writes cp1252 ("Súdwest-Fryslân" stays readable in both).
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise MunicipalityDataError("the file is neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8") from error


def _find_columns(header):
    names = [(cell or "").strip().casefold() for cell in header]
    found, missing = {}, []
    for key, candidates in COLUMNS.items():
        index = next((names.index(c) for c in candidates if c in names), None)
        if index is None:
            missing.append(COLUMN_LABELS[key])
        else:
            found[key] = index
    if missing:
        shown = ", ".join(repr((cell or "").strip()) for cell in header) or "none"
        raise MunicipalityDataError(f"missing column(s): {', '.join(missing)} (columns found: {shown})")
    return found


def read_cbs_csv(path_or_file):
    """Parse and validate a municipality list; returns [{"cbs_code", "name", "province"}, ...] sorted by name.

    Reads CBS's "Gemeenten alfabetisch <year>" saved as CSV (semicolon- or comma-separated, UTF-8 with or without
    BOM, or cp1252) and the shipped file's own format. path_or_file: a path, or an open text or binary file.
    Raises MunicipalityDataError for an empty file, missing columns, bad codes, empty cells, duplicate codes and
    unknown provinces; every problem found is listed, with its line number.
    """
    text = _read_text(path_or_file)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise MunicipalityDataError("the file is empty")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        rows = [
            (number, row)
            for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)
            if any(cell.strip() for cell in row)
        ]
    except csv.Error as error:
        raise MunicipalityDataError(f"not a readable CSV file: {error}") from error
    columns = _find_columns(rows[0][1])

    municipalities, errors, lines_by_code = [], [], {}
    for number, row in rows[1:]:
        values = {key: (row[index].strip() if index < len(row) else "") for key, index in columns.items()}
        empty = [COLUMN_LABELS[key] for key, value in values.items() if not value]
        if empty:
            errors.append(f"line {number}: empty {', '.join(empty)}")
            continue
        try:
            code = normalise_code(values["cbs_code"])
            province = normalise_province(values["province"])
        except MunicipalityDataError as error:
            errors.append(f"line {number}: {error}")
            continue
        lines_by_code.setdefault(code, []).append(number)
        municipalities.append({"cbs_code": code, "name": " ".join(values["name"].split()), "province": province})
    for code, numbers in lines_by_code.items():
        if len(numbers) > 1:
            errors.append(f"duplicate code {code} on lines {', '.join(map(str, numbers))}")
    if errors:
        raise MunicipalityDataError("; ".join(errors))
    if not municipalities:
        raise MunicipalityDataError("the file has a header but no municipalities")
    return sorted_by_name(municipalities)


def write_csv(municipalities, path):
    """Write the shipped format: UTF-8, comma-separated, header cbs_code,name,province, sorted by name."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(sorted_by_name(municipalities))
    path.write_text(buffer.getvalue(), encoding="utf-8")


@cache
def load_shipped():
    """The shipped municipalities, sorted by name (read once per process; a tuple, so callers cannot change it)."""
    return tuple(read_cbs_csv(DATA_FILE))


@dataclass
class Diff:
    added: list = field(default_factory=list)  # municipalities only in the new list
    removed: list = field(default_factory=list)  # municipalities only in the old list
    renamed: list = field(default_factory=list)  # (old, new): same code, other name
    moved: list = field(default_factory=list)  # (old, new): same code, other province
    unchanged: int = 0

    @property
    def changed(self):
        return bool(self.added or self.removed or self.renamed or self.moved)


def diff(old, new):
    """Compare two municipality lists by CBS code."""
    old_by_code = {m["cbs_code"]: m for m in old}
    new_by_code = {m["cbs_code"]: m for m in new}
    result = Diff(
        added=sorted_by_name(m for code, m in new_by_code.items() if code not in old_by_code),
        removed=sorted_by_name(m for code, m in old_by_code.items() if code not in new_by_code),
    )
    for code in sorted(old_by_code.keys() & new_by_code.keys()):
        before, after = old_by_code[code], new_by_code[code]
        if before["name"] != after["name"]:
            result.renamed.append((before, after))
        if before["province"] != after["province"]:
            result.moved.append((before, after))
        if before["name"] == after["name"] and before["province"] == after["province"]:
            result.unchanged += 1
    return result
