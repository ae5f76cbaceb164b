"""The organisation's glossary for machine translation: a file in the repository, checked before use.

One entry a line, `Dutch<TAB>English`; blank lines and lines starting with `#` are comments. DeepL
refuses a glossary with an empty or padded term or a source term given twice, so those are errors
here, found by a system check rather than by the first editor who presses "Translate".
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

MAX_TERM_BYTES = 1024  # DeepL's limit for one term


class GlossaryError(ValueError):
    """The glossary file cannot be used; `errors` lists every problem with its line number."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class Glossary:
    entries: tuple  # ((Dutch, English), …) in file order

    def as_tsv(self):
        return "\n".join(f"{source}\t{target}" for source, target in self.entries)

    @property
    def digest(self):
        """Names the glossary at DeepL: a changed file makes a new glossary (DeepL's cannot be edited)."""
        return hashlib.sha256(self.as_tsv().encode()).hexdigest()[:12]


def _term_errors(number, term, side):
    if not term:
        return [f"line {number}: the {side} term is empty"]
    if term != term.strip():
        return [f"line {number}: the {side} term “{term.strip()}” has spaces around it"]
    if len(term.encode()) > MAX_TERM_BYTES:
        return [f"line {number}: the {side} term is longer than {MAX_TERM_BYTES} bytes"]
    return []


def parse(text):
    """The glossary in `text`; raises GlossaryError listing every bad line."""
    entries, errors, seen = [], [], {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2:
            errors.append(f"line {number}: expected “Dutch<TAB>English”, found {len(cells)} column(s)")
            continue
        source, target = cells
        line_errors = _term_errors(number, source, "Dutch") + _term_errors(number, target, "English")
        if not line_errors and source.lower() in seen:
            line_errors.append(f"line {number}: “{source}” is already on line {seen[source.lower()]}")
        errors += line_errors
        if not line_errors:
            seen[source.lower()] = number
            entries.append((source, target))
    if not entries and not errors:
        errors.append("the glossary has no entries")
    if errors:
        raise GlossaryError(errors)
    return Glossary(tuple(entries))


def load(path):
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GlossaryError([f"cannot read {path}: {error}"]) from None
    return parse(text)
