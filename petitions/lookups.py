"""Cached reads for the hot paths (signing, count.json): what every request needs and rarely changes.

Each entry is dropped when its source is saved (see `forget`, connected in apps.py), and lives
briefly anyway, so a missed signal can only delay a change by seconds.
"""

from django.core.cache import cache

from .models import Municipality, Petition, PetitionSettings

TTL = 30


def petition_copies(petition_key):
    """{language code: Petition} for one translation group."""
    key = f"petitions:copies:{petition_key}"
    copies = cache.get(key)
    if copies is None:
        copies = {p.locale.language_code: p
                  for p in Petition.objects.filter(translation_key=petition_key).select_related("locale")}
        cache.set(key, copies, TTL)
    return copies


def petition_settings():
    settings_row = cache.get("petitions:settings")
    if settings_row is None:
        settings_row = PetitionSettings.load()
        cache.set("petitions:settings", settings_row, 10)
    return settings_row


def municipality_ids():
    """{CBS code: primary key} of the active municipalities."""
    ids = cache.get("petitions:municipality-ids")
    if ids is None:
        ids = dict(Municipality.objects.filter(active=True).values_list("cbs_code", "pk"))
        cache.set("petitions:municipality-ids", ids, 3600)
    return ids


def forget(sender, instance=None, **kwargs):
    if isinstance(instance, Petition):
        cache.delete(f"petitions:copies:{instance.translation_key}")
    elif isinstance(instance, PetitionSettings):
        cache.delete("petitions:settings")
    elif isinstance(instance, Municipality):
        cache.delete("petitions:municipality-ids")
