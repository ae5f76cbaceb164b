"""The municipality tracker: which targets said yes, with signatures from each."""

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from . import counting, lookups
from .models import ResponseStatus, TargetResponse

ROW = (
    '<tr><th scope="row">{}</th><td>{}</td><td><span class="response response--{}">{}</span>{}{}</td>'
    '<td>{}</td><td data-value="{}">{}</td></tr>'
)


def summary(petition):
    responses = {
        r.municipality.cbs_code: r
        for r in TargetResponse.objects.filter(petition_key=petition.petition_key)
        .select_related("municipality")
        .only("status", "responded_on", "source_url", "municipality__cbs_code")
        .with_notes()
    }
    signatures = counting.municipality_counts(petition.petition_key)
    language = petition.locale.language_code
    labels = {status.value: str(status.label) for status in ResponseStatus}
    rows, states, said_yes = [], {}, 0
    for code, name, province in lookups.municipalities():
        response = responses.get(code)
        status = response.status if response else ResponseStatus.NO_RESPONSE
        said_yes += status in (ResponseStatus.SAID_YES, ResponseStatus.ACTED)
        states[code] = (status, labels[status], None)
        rows.append(_row(name, province, status, labels[status], response, language, signatures.get(code, 0)))
    return {
        # The 342 rows joined in Python: a template loop over them cost more than the rest of the page.
        "rows": format_html_join("", "{}", ((row,) for row in rows)),
        "said_yes": said_yes,
        "total": len(rows),
        "states": states,
        "legend": [(status.value, status.label) for status in ResponseStatus],
        "map_label": _("Map of the municipalities of the Netherlands by their response"),
    }


def _row(name, province, status, label, response, language, signatures):
    source = date = note = ""
    if response is not None:
        if response.source_url:
            source = format_html(
                ' <a href="{}" rel="noopener">{}<span class="visually-hidden"> ({})</span></a>',
                response.source_url,
                _("source"),
                name,
            )
        if response.responded_on:
            date = format_html(
                '<time datetime="{}">{}</time>',
                response.responded_on.isoformat(),
                date_format(response.responded_on, "SHORT_DATE_FORMAT"),
            )
        text = response.note_in(language)
        if text:
            note = format_html("<br><small>{}</small>", text)
    return format_html(ROW, name, province, status, label, source, note, date, signatures, signatures)
