"""The one way to send staff a spreadsheet: CSV streamed row by row, or XLSX through a temporary file.

Memory stays flat whatever the number of rows, and every cell passes `neutralise`, so a signer
called `=HYPERLINK(…)` is text in Excel, never a formula (OWASP "CSV injection").
"""

import csv
import io
import itertools
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# Spreadsheets read a cell starting with these as a formula (tab and CR hide one after whitespace).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
BOM = "\ufeff"  # Excel opens UTF-8 correctly only with it
CSV_ROWS_PER_CHUNK = 200
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """The cell as text that no spreadsheet evaluates: a formula-like start gets a leading apostrophe."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    dangerous = text.startswith(FORMULA_STARTS)
    if "\0" in text:
        text = text.replace("\0", "")
        dangerous = dangerous or text.startswith(FORMULA_STARTS)
    return "'" + text if dangerous else text


def _attachment(response, filename):
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"  # personal data: no copies in caches
    return response


def stream_csv(filename, header, rows):
    """A streamed CSV download; `rows` is consumed lazily while the response is sent."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def drain():
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    def lines():
        writer.writerow(map(neutralise, header))
        yield BOM + drain()
        for chunk in itertools.batched(rows, CSV_ROWS_PER_CHUNK):  # fewer, larger writes to the socket
            writer.writerows(map(neutralise, row) for row in chunk)
            yield drain()

    return _attachment(StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8"), filename)


def _xlsx_cell(value):
    # openpyxl refuses control characters other than tab, newline and CR.
    return ILLEGAL_CHARACTERS_RE.sub("", neutralise(value))


def xlsx_response(filename, header, rows, sheet_title="Export"):
    """An XLSX download built with openpyxl's write-only workbook into a temporary file."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.append([_xlsx_cell(cell) for cell in header])
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
    handle = temporary_file()
    workbook.save(handle)
    return download_response(handle, filename, XLSX_CONTENT_TYPE)


def temporary_file():
    """A file on disk for building a download; it disappears when the response closes it."""
    return tempfile.TemporaryFile()


def download_response(handle, filename, content_type):
    """Send a file built in `temporary_file()` as an attachment, read from disk in blocks."""
    handle.seek(0)
    return _attachment(FileResponse(handle, content_type=content_type), filename)
