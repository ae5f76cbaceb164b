"""The comparison as open data: CSV (through website.exports, formula-safe) and JSON.

Public data, so public caching. In the page's language, with the quotes verbatim; the CSV columns
are the importer's own (plus readable names), so an analyst can download, edit and upload again.
"""

from django.http import JsonResponse
from django.utils.text import slugify

from website.exports import stream_csv

from . import comparison
from .choices import STANCE_SYMBOLS, Answer, Stance

POSITION_HEADER = [
    "party",
    "party_name",
    "theme",
    "theme_name",
    "stance",
    "stance_label",
    "summary",
    "quote",
    "quote_language",
    "quote_translation",
    "page",
    "source_url",
    "assessment",
    "corrections",
]
STATEMENT_HEADER = [
    "code",
    "theme",
    "theme_name",
    "statement",
    "background",
    "party",
    "party_name",
    "answer",
    "answer_label",
    "explanation",
]


def _filename(page, what, extension):
    return f"{slugify(page.title)[:60]}-{what}.{extension}"


def _public(response):
    response["Cache-Control"] = "public"  # the page cache adds max-age (website.caching)
    return response


def _corrections(position):
    return [
        {
            "date": correction.made_on.isoformat(),
            "reaction_from": correction.reaction_from,
            "note": correction.note,
            "previous_stance": correction.previous_stance,
        }
        for correction in position.corrections.all()
    ]


def position_rows(data):
    for theme in data.themes:
        for party in data.parties:
            position = data.position(party, theme)
            if position is None:
                continue
            corrections = "; ".join(f"{c['date']}: {c['note']}" for c in _corrections(position))
            yield [
                party.abbreviation,
                party.name,
                theme.slug,
                theme.name,
                position.stance,
                position.get_stance_display(),
                position.summary,
                position.quote,
                position.quote_language,
                position.quote_translation if position.quote_translation != position.quote else "",
                position.page_number or "",
                position.source_url,
                position.assessment,
                corrections,
            ]


def statement_rows(data):
    for statement in data.statements:
        for party in data.parties:
            answer = statement.answer_by_party.get(party.source_pk)
            if answer is None:
                continue
            yield [
                statement.code,
                statement.shown_theme.slug,
                statement.shown_theme.name,
                statement.text,
                statement.explanation,
                party.abbreviation,
                party.name,
                answer.answer,
                answer.get_answer_display(),
                answer.explanation,
            ]


def positions_csv(page):
    data = comparison.load(page.election, page.locale)
    return _public(stream_csv(_filename(page, "positions", "csv"), POSITION_HEADER, position_rows(data)))


def statements_csv(page):
    data = comparison.load(page.election, page.locale, with_statements=True)
    return _public(stream_csv(_filename(page, "statements", "csv"), STATEMENT_HEADER, statement_rows(data)))


def everything(data, page_url, language):
    election = data.election
    return {
        "election": {"name": election.name, "date": election.date.isoformat(), "level": election.level},
        "language": language,
        "source": page_url,
        "stances": [
            {"value": value, "label": str(label), "symbol": STANCE_SYMBOLS[value]} for value, label in Stance.choices
        ],
        "answers": [{"value": value, "label": str(label)} for value, label in Answer.choices],
        "parties": [
            {
                "abbreviation": party.abbreviation,
                "name": party.name,
                "website": party.website,
                "programme": party.programme_link,
            }
            for party in data.parties
        ],
        "themes": [{"slug": theme.slug, "name": theme.name, "description": theme.description} for theme in data.themes],
        "positions": [
            {
                "party": party.abbreviation,
                "theme": theme.slug,
                "stance": position.stance,
                "summary": position.summary,
                "quote": position.quote,
                "quote_language": position.quote_language,
                "quote_translation": position.quote_translation if position.quote_translation != position.quote else "",
                "page": position.page_number,
                "source_url": position.source_url,
                "assessment": position.assessment,
                "corrections": _corrections(position),
            }
            for theme in data.themes
            for party in data.parties
            if (position := data.position(party, theme)) is not None
        ],
        "statements": [
            {
                "code": statement.code,
                "theme": statement.shown_theme.slug,
                "statement": statement.text,
                "background": statement.explanation,
                "answers": [
                    {"party": party.abbreviation, "answer": answer.answer, "explanation": answer.explanation}
                    for party in data.parties
                    if (answer := statement.answer_by_party.get(party.source_pk)) is not None
                ],
            }
            for statement in data.statements
        ],
    }


def everything_json(page, request):
    data = comparison.load(page.election, page.locale, with_statements=True)
    body = everything(data, page.get_full_url(request), page.locale.language_code)
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="{_filename(page, "open-data", "json")}"'
    return _public(response)
