"""The municipality tracker: which targets said yes, with signatures from each."""

from django.utils.translation import gettext as _

from . import counting
from .models import Municipality, ResponseStatus, TargetResponse


def summary(petition):
    municipalities = list(Municipality.objects.filter(active=True).only("cbs_code", "name", "province"))
    responses = {
        r.municipality_id: r for r in TargetResponse.objects.filter(petition_key=petition.petition_key).with_notes()
    }
    signatures = counting.municipality_counts(petition.petition_key)
    language = petition.locale.language_code
    rows = []
    for municipality in municipalities:
        response = responses.get(municipality.pk)
        status = response.status if response else ResponseStatus.NO_RESPONSE
        rows.append(
            {
                "municipality": municipality,
                "status": status,
                "status_label": ResponseStatus(status).label,
                "date": response.responded_on if response else None,
                "source_url": response.source_url if response else "",
                "note": response.note_in(language) if response else "",
                "signatures": signatures.get(municipality.cbs_code, 0),
            }
        )
    said_yes = sum(1 for row in rows if row["status"] in (ResponseStatus.SAID_YES, ResponseStatus.ACTED))
    return {
        "rows": rows,
        "said_yes": said_yes,
        "total": len(rows),
        "states": {row["municipality"].cbs_code: (row["status"], str(row["status_label"]), None) for row in rows},
        "legend": [(status.value, status.label) for status in ResponseStatus],
        "map_label": _("Map of the municipalities of the Netherlands by their response"),
    }
