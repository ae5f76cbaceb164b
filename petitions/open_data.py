"""A petition's open data, like the UK Parliament's petition JSON: the total, signatures per municipality,
the municipalities' responses and when it was counted. Public facts only: no signer appears in it.

Built from the counting job's figures and cached like count.json, so a popular dataset costs one cache read.
"""

from django.core.cache import cache
from django.db.models import Sum

from . import counting, lookups
from .models import PaperSignatures, ResponseNote, TargetResponse

CACHE_KEY = "petitions:open-data:{}"
TTL = 60


def open_data(petition, copies):
    """The dataset of a petition group; `copies` is {language code: Petition} of the group."""
    key = CACHE_KEY.format(petition.petition_key)
    value = cache.get(key)
    if value is None:
        value = _build(petition, copies)
        cache.set(key, value, TTL)
    return value


def _build(petition, copies):
    petition_key = petition.petition_key
    count = counting.get_count(petition_key, ttl=lookups.petition_settings().counting_interval)
    confirmed = counting.municipality_counts(petition_key)
    paper = dict(
        PaperSignatures.objects.filter(petition_key=petition_key, municipality__isnull=False)
        .values_list("municipality__cbs_code")
        .annotate(total=Sum("count"))
    )
    names = {code: name for code, name, _province in lookups.municipalities()}
    municipalities = [
        {"cbs_code": code, "name": names.get(code, code), "count": confirmed.get(code, 0) + paper.get(code, 0)}
        for code in sorted(set(confirmed) | set(paper))
    ]
    return {
        "petition": {
            "key": str(petition_key),
            "title": {language: copy.title for language, copy in sorted(copies.items())},
            "addressed_to": {language: copy.addressed_to for language, copy in sorted(copies.items())},
            "status": petition.status,
            "goal": petition.goal,
            "opens_at": petition.opens_at.isoformat(),
            "closes_at": petition.closes_at.isoformat() if petition.closes_at else None,
        },
        "total": count["total"],
        "confirmed": count["confirmed"],
        "paper": count["paper"],
        "municipalities": sorted(municipalities, key=lambda row: (-row["count"], row["cbs_code"])),
        "responses": _responses(petition_key) if petition.has_targets else [],
        "updated_at": count["updated_at"],
    }


def _responses(petition_key):
    notes = {}
    for response, language, text in ResponseNote.objects.filter(response__petition_key=petition_key).values_list(
        "response_id", "locale__language_code", "text"
    ):
        notes.setdefault(response, {})[language] = text
    rows = TargetResponse.objects.filter(petition_key=petition_key).values_list(
        "pk", "municipality__cbs_code", "municipality__name", "status", "responded_on", "source_url", "updated_at"
    )
    return [
        {
            "cbs_code": code,
            "name": name,
            "status": status,
            "responded_on": responded_on.isoformat() if responded_on else None,
            "source_url": source_url,
            "note": notes.get(pk, {}),
            "updated_at": updated_at.isoformat(),
        }
        for pk, code, name, status, responded_on, source_url, updated_at in rows.order_by("municipality__cbs_code")
    ]


def forget(petition_key):
    cache.delete(CACHE_KEY.format(petition_key))
