"""The municipality tracker: which targets said yes, with signatures from each."""

from html import escape

from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from website.translation import choose

from . import counting, lookups
from .models import ResponseNote, ResponseStatus, TargetResponse


def summary(petition, *, rows=False):
    """Counts, map states and legend; with `rows`, also the table's rows (its own page: 342 rows would
    double the campaign page)."""
    key = petition.petition_key
    responses = {
        code: (pk, status, responded_on, source_url)
        for code, pk, status, responded_on, source_url in TargetResponse.objects.filter(petition_key=key).values_list(
            "municipality__cbs_code", "pk", "status", "responded_on", "source_url"
        )
    }
    notes, signatures = {}, {}
    if rows:
        for response, language, text in ResponseNote.objects.filter(response__petition_key=key).values_list(
            "response_id", "locale__language_code", "text"
        ):
            notes.setdefault(response, {})[language] = text
        signatures = counting.municipality_counts(key)
    language = get_language()  # the page's: notes follow the page, as its other text does
    labels = {status.value: str(status.label) for status in ResponseStatus}
    table, states, said_yes = [], {}, 0
    for code, name, province in lookups.municipalities():
        pk, status, responded_on, source_url = responses.get(code, (None, ResponseStatus.NO_RESPONSE, None, ""))
        said_yes += status in (ResponseStatus.SAID_YES, ResponseStatus.ACTED)
        states[code] = (status, labels[status], None)
        if rows:
            note = choose(notes.get(pk, {}), language) or ""
            table.append(
                _row(name, province, status, labels[status], responded_on, source_url, note, signatures.get(code, 0))
            )
    return {
        "rows": mark_safe("".join(table)),  # every value in them went through escape()
        "said_yes": said_yes,
        "total": len(states),
        "states": states,
        "legend": [(status.value, status.label) for status in ResponseStatus],
        "map_label": _("Map of the municipalities of the Netherlands by their response"),
    }


def _row(name, province, status, label, responded_on, source_url, note, signatures):
    """One table row. Joined with str.format and the standard library's escape (what Django's escape
    calls): format_html's lazy-string checks cost more than the 342 rows themselves."""
    name = escape(name)
    source = date = ""
    if source_url:
        source = ' <a href="{}" rel="noopener">{}<span class="visually-hidden"> ({})</span></a>'.format(
            escape(source_url), escape(_("source")), name
        )
    if responded_on:
        date = '<time datetime="{}">{}</time>'.format(
            responded_on.isoformat(), escape(date_format(responded_on, "SHORT_DATE_FORMAT"))
        )
    return (
        '<tr><th scope="row">{}</th><td>{}</td><td><span class="response response--{}">{}</span>{}{}</td>'
        '<td>{}</td><td data-value="{}">{}</td></tr>'
    ).format(
        name,
        escape(province),
        escape(status),
        escape(label),
        source,
        f"<br><small>{escape(note)}</small>" if note else "",
        date,
        int(signatures),
        int(signatures),
    )
