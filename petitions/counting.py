"""Counting confirmed signatures without a hot row.

Signers never touch the count. A background job (`update_signature_counts`, every few seconds)
moves signatures whose state changed since its last run into or out of `PetitionCount` and flips
their `counted` flag in the same transaction: killed mid-batch it loses nothing and counts nothing
twice. A lock row makes a second worker wait instead of counting the same rows. A nightly
reconcile compares with an exact count and repairs drift.
"""

import logging
from collections import Counter

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from .models import JobLock, PaperSignatures, Petition, PetitionCount, Signature, SignatureStatus

logger = logging.getLogger(__name__)
BATCH = 5000
CACHE_KEY = "petitions:count:{}"


def forget_count(petition_key):
    from .middleware import cache_key

    cache.delete_many([CACHE_KEY.format(petition_key), cache_key(str(petition_key))])


def _locked_rows(queryset):
    # PostgreSQL: rows another worker holds are skipped, not waited for. SQLite locks the file.
    if connection.features.has_select_for_update_skip_locked:
        return queryset.select_for_update(skip_locked=True)
    return queryset


def _take_lock(name="counting"):
    JobLock.objects.get_or_create(name=name)
    JobLock.objects.select_for_update().get(name=name)


def _apply(deltas):
    for petition_key, delta in deltas.items():
        if delta:
            row, _created = PetitionCount.objects.get_or_create(petition_key=petition_key)
            PetitionCount.objects.filter(pk=row.pk).update(confirmed=F("confirmed") + delta, updated_at=timezone.now())


def count_batch():
    """Count one batch of changed signatures; returns how many signatures it moved."""
    with transaction.atomic():
        _take_lock()  # one counter at a time; a second worker waits here
        to_add = list(
            _locked_rows(
                Signature.objects.filter(status=SignatureStatus.CONFIRMED, counted=False)
                .order_by("pk")
                .values_list("pk", "petition_key")
            )[:BATCH]
        )
        to_remove = list(
            _locked_rows(
                Signature.objects.filter(counted=True)
                .exclude(status=SignatureStatus.CONFIRMED)
                .order_by("pk")
                .values_list("pk", "petition_key")
            )[:BATCH]
        )
        deltas = Counter()
        for _pk, key in to_add:
            deltas[key] += 1
        for _pk, key in to_remove:
            deltas[key] -= 1
        if to_add:
            Signature.objects.filter(pk__in=[pk for pk, _key in to_add]).update(counted=True)
        if to_remove:
            Signature.objects.filter(pk__in=[pk for pk, _key in to_remove]).update(counted=False)
        _apply(deltas)
    for key in deltas:
        forget_count(key)
    return len(to_add) + len(to_remove)


def update_counts(max_batches=50):
    moved = 0
    for _ in range(max_batches):
        batch = count_batch()
        moved += batch
        if batch < BATCH:
            break
    refresh_paper_counts()
    refresh_imported_counts()
    return moved


def refresh_paper_counts():
    totals = dict(PaperSignatures.objects.values_list("petition_key").annotate(total=Sum("count")))
    for row in PetitionCount.objects.all():
        paper = totals.pop(row.petition_key, 0)
        if row.paper != paper:
            PetitionCount.objects.filter(pk=row.pk).update(paper=paper)
            forget_count(row.petition_key)
    for petition_key, paper in totals.items():
        PetitionCount.objects.update_or_create(petition_key=petition_key, defaults={"paper": paper})


def refresh_imported_counts():
    """Copy each petition's imported count (the same in every language) into its count row."""
    imported = dict(Petition.objects.filter(imported_count__gt=0).values_list("translation_key", "imported_count"))
    for row in PetitionCount.objects.exclude(imported=0).exclude(petition_key__in=imported):
        PetitionCount.objects.filter(pk=row.pk).update(imported=0)
        forget_count(row.petition_key)
    for petition_key, count in imported.items():
        row, _created = PetitionCount.objects.get_or_create(petition_key=petition_key)
        if row.imported != count:
            PetitionCount.objects.filter(pk=row.pk).update(imported=count)
            forget_count(petition_key)


def reconcile():
    """Compare every count with an exact count; fix and log drift. Returns {petition_key: drift}."""
    drift = {}
    with transaction.atomic():
        _take_lock()
        exact = dict(
            Signature.objects.filter(status=SignatureStatus.CONFIRMED)
            .values_list("petition_key")
            .annotate(n=Count("pk"))
        )
        # Flags first, so the next counting run starts from the truth.
        Signature.objects.filter(status=SignatureStatus.CONFIRMED, counted=False).update(counted=True)
        Signature.objects.filter(~Q(status=SignatureStatus.CONFIRMED), counted=True).update(counted=False)
        keys = set(exact) | set(PetitionCount.objects.values_list("petition_key", flat=True))
        for key in keys:
            row, _created = PetitionCount.objects.get_or_create(petition_key=key)
            if row.confirmed != exact.get(key, 0):
                drift[key] = exact.get(key, 0) - row.confirmed
                logger.warning("petition %s: count drifted by %+d, repaired", key, drift[key])
                PetitionCount.objects.filter(pk=row.pk).update(confirmed=exact.get(key, 0), updated_at=timezone.now())
                forget_count(key)
    return drift


def get_count(petition_key, ttl=5):
    """The public count {confirmed, paper, imported, total, updated_at}, from the cache when fresh."""
    key = CACHE_KEY.format(petition_key)
    value = cache.get(key)
    if value is None:
        row = PetitionCount.objects.filter(petition_key=petition_key).first()
        value = {
            "confirmed": row.confirmed if row else 0,
            "paper": row.paper if row else 0,
            "imported": row.imported if row else 0,
            "updated_at": (row.updated_at if row else timezone.now()).isoformat(),
        }
        value["total"] = value["confirmed"] + value["paper"] + value["imported"]
        cache.set(key, value, ttl)
    return value


def municipality_counts(petition_key, ttl=60):
    """{cbs_code: confirmed signatures} for the tracker, cached (a GROUP BY over the petition)."""
    key = f"petitions:by-municipality:{petition_key}"
    value = cache.get(key)
    if value is None:
        value = dict(
            Signature.objects.filter(
                petition_key=petition_key, status=SignatureStatus.CONFIRMED, municipality__isnull=False
            )
            .values_list("municipality__cbs_code")
            .annotate(n=Count("pk"))
        )
        cache.set(key, value, ttl)
    return value
