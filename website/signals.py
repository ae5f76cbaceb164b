from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from .caching import purge_all

# Content that appears on pages: saving any of it turns the page cache over.
PAGE_CONTENT_MODELS = [
    "website.SiteIdentity",
    "projects.PartnerOrganisation",
    "projects.Funder",
    "petitions.Petition",
    "petitions.TargetResponse",
    "petitions.Municipality",
    "website.CustomImage",
]


def connect():
    from django.apps import apps

    page_published.connect(purge_all, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge_all, dispatch_uid="pagecache-unpublished")
    for label in PAGE_CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(purge_all, sender=model, dispatch_uid=f"pagecache-save-{label}")
        post_delete.connect(purge_all, sender=model, dispatch_uid=f"pagecache-delete-{label}")
