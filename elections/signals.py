from django.db.models.signals import post_delete, post_save

from website.caching import purge_all

# Everything a comparison page shows: saving any of it turns the page cache over (website.caching).
PAGE_CONTENT_MODELS = ["Election", "Party", "Theme", "Position", "Correction", "Statement", "StatementAnswer"]


def connect():
    from django.apps import apps

    for name in PAGE_CONTENT_MODELS:
        model = apps.get_model("elections", name)
        post_save.connect(purge_all, sender=model, dispatch_uid=f"pagecache-save-elections.{name}")
        post_delete.connect(purge_all, sender=model, dispatch_uid=f"pagecache-delete-elections.{name}")
