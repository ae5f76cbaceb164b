"""Cached reads for the hot paths (signing, count.json): what every request needs and rarely changes.

Two levels: each worker process keeps an entry for at most `LOCAL_SECONDS` (no round trip at all
on a busy day), behind it the shared cache. Each entry is dropped when its source is saved (see
`forget`, called by `website.caching.purge_on_save` from apps.py: the shared entry everywhere, the
local one in this process), and lives briefly anyway, so a change reaches every worker within seconds.
"""

import time

from django.core.cache import cache

from website.translation import by_language

from .counting import forget_count
from .models import Municipality, Petition, PetitionSettings

TTL = 30
LOCAL_SECONDS = 2
LOCAL_MAX_ENTRIES = 512  # unknown petition keys are remembered too; never let them pile up

_local = {}


def remember(key, ttl, load):
    """The value under `key`: from this process, else the shared cache, else `load()` (and stored)."""
    now = time.monotonic()
    entry = _local.get(key)
    if entry is not None and entry[0] > now:
        return entry[1]
    value = cache.get(key)
    if value is None:
        value = load()
        cache.set(key, value, ttl)
    if len(_local) >= LOCAL_MAX_ENTRIES:
        _local.clear()
    _local[key] = (now + min(ttl, LOCAL_SECONDS), value)
    return value


def drop(key):
    _local.pop(key, None)
    cache.delete(key)


def clear_local():
    _local.clear()


def petition_copies(petition_key):
    """{language code: Petition} for one translation group (read by `website.translation.in_language`)."""
    return remember(
        f"petitions:copies:{petition_key}",
        TTL,
        lambda: by_language(Petition.objects.filter(translation_key=petition_key)),
    )


def petition_settings():
    return remember("petitions:settings", 10, PetitionSettings.load)


def municipality_ids():
    """{CBS code: primary key} of the active municipalities."""
    return remember(
        "petitions:municipality-ids",
        3600,
        lambda: dict(Municipality.objects.filter(active=True).values_list("cbs_code", "pk")),
    )


def municipalities():
    """[(CBS code, name, province)] of the active municipalities, by name: the signing form's options
    and the tracker's rows, without a query per page."""
    return remember(
        "petitions:municipalities",
        3600,
        lambda: list(
            Municipality.objects.filter(active=True).order_by("name").values_list("cbs_code", "name", "province")
        ),
    )


def forget(instance):
    if isinstance(instance, Petition):
        drop(f"petitions:copies:{instance.translation_key}")
        forget_count(instance.translation_key)  # count.json carries the goal and milestones
    elif isinstance(instance, PetitionSettings):
        drop("petitions:settings")
    elif isinstance(instance, Municipality):
        drop("petitions:municipality-ids")
        drop("petitions:municipalities")
