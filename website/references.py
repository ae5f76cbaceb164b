"""Which pages show an object: a snippet chosen in a page's content (a petition, an ad) is found
through Wagtail's reference index, which Wagtail keeps up to date on every publish."""

from wagtail.models import Page, ReferenceIndex, TranslatableMixin


def pages_showing(obj, *, all_languages=False):
    """The live pages that show `obj`, as specific pages; for a translatable object only those in
    its own language (a language's pages show that language's copy) unless `all_languages`."""
    references = ReferenceIndex.get_references_to(obj).filter(
        base_content_type__app_label="wagtailcore", base_content_type__model="page"
    )
    pages = Page.objects.filter(pk__in=[int(ref.object_id) for ref in references])
    if isinstance(obj, TranslatableMixin) and not all_languages:
        pages = pages.filter(locale_id=obj.locale_id)
    return pages.live().specific()


def shown_only_on_finished_pages(obj, pages=None):
    """Whether every live page showing `obj` has finished (a finished campaign closes what it carries, even a
    module left open); False when no page shows it yet. Duck-typed: a page says so with `is_finished`, so the
    core imports no app. `pages`: the live pages showing `obj`, when the caller has them already."""
    pages = list(pages_showing(obj)) if pages is None else pages
    return bool(pages) and all(getattr(page, "is_finished", False) for page in pages)
