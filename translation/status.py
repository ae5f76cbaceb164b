"""Which English is behind the Dutch: the rows of the translation report and the dashboard panel.

Three states, for pages and translatable snippets:
- missing: a Dutch object with no English copy (or only an alias, which shows the Dutch text);
- outdated: the Dutch changed after the translation last took its strings (since the first such
  change), or the translation has strings that nobody translated yet;
- machine: segments filled by a machine translator that no person has saved since.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, Revision, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

MISSING, OUTDATED, MACHINE = "missing", "outdated", "machine"
STATES = {
    MISSING: _("English missing"),
    OUTDATED: _("English out of date"),
    MACHINE: _("Machine translation not checked"),
}


@dataclass
class Row:
    state: str
    title: str
    kind: str
    edit_url: str
    since: object = None
    detail: str = ""

    @property
    def label(self):
        return STATES[self.state]


def _kind(model):
    return str(model._meta.verbose_name).capitalize()


def _locales():
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    return source, list(Locale.objects.exclude(pk=source.pk))


def _missing_pages(source, target):
    translated = Page.objects.filter(locale=target, alias_of__isnull=True).values("translation_key")
    aliases = dict(Page.objects.filter(locale=target, alias_of__isnull=False).values_list("translation_key", "pk"))
    for page in Page.objects.filter(locale=source, depth__gt=1).exclude(translation_key__in=translated).specific():
        if page.translation_key in aliases:
            # wagtail-localize's edit view of an alias offers to turn it into a translation.
            url = reverse("wagtailadmin_pages:edit", args=[aliases[page.translation_key]])
        else:
            url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        yield Row(MISSING, page.get_admin_display_title(), _kind(type(page)), url)


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _missing_snippets(source, target):
    for model in translatable_snippet_models():
        translated = model.objects.filter(locale=target).values("translation_key")
        meta = model._meta
        for obj in model.objects.filter(locale=source).exclude(translation_key__in=translated):
            url = reverse("wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, obj.pk])
            yield Row(MISSING, str(obj), _kind(model), url)


def _strings_changed(instance, source):
    """Whether the object's texts now differ from those the translation took (a save may change none)."""
    now = {
        (segment.path, segment.string.data)
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    }
    taken = set(StringSegment.objects.filter(source=source).values_list("context__path", "string__data"))
    return now != taken


def _changed_since(instance, source):
    """When the Dutch first changed after the translation took its strings (pages keep revisions)."""
    if not isinstance(instance, Page) or not _strings_changed(instance, source):
        return None
    synced_at = source.last_updated_at
    return Revision.page_revisions.filter(object_id=str(instance.pk), created_at__gt=synced_at).aggregate(
        first=Min("created_at")
    )["first"]


def _progress(translations, target):
    """{source id: (segments, translated segments)} of every translation, in one query."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale=target, has_error=False
    )
    rows = (
        StringSegment.objects.filter(source_id__in=[translation.source_id for translation in translations])
        .annotate(done=Exists(translated))
        .values("source_id")
        .annotate(total=Count("pk"), translated=Count("pk", filter=Q(done=True)))
    )
    return {row["source_id"]: (row["total"], row["translated"]) for row in rows}


def _copies(translations, locale):
    """{translation key: object in `locale`} for the translations' objects: one query per model."""
    keys_by_model = defaultdict(list)
    for translation in translations:
        keys_by_model[translation.source.specific_content_type.model_class()].append(translation.source.object_id)
    found = {}
    for model, keys in keys_by_model.items():
        if model is None:
            continue
        objects = model.objects.filter(translation_key__in=keys, locale=locale)
        if not issubclass(model, Page):
            # A snippet's name often reads its foreign keys (a position: party and theme).
            objects = objects.select_related(*[f.name for f in model._meta.concrete_fields if f.many_to_one])
        found.update({obj.translation_key: obj for obj in objects})
    return found


def _translation_rows(source_locale, target, finder):
    translations = list(
        Translation.objects.filter(source__locale=source_locale, target_locale=target, enabled=True).select_related(
            "source", "source__specific_content_type"
        )
    )
    machine = dict(
        StringTranslation.objects.filter(locale=target, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
        .values_list("context__object_id")
        .annotate(count=Count("pk"))
    )
    progress = _progress(translations, target)
    sources, targets = _copies(translations, source_locale), _copies(translations, target)
    for translation in translations:
        key = translation.source.object_id
        instance, target_instance = sources.get(key), targets.get(key)
        if instance is None or target_instance is None:  # the source or its copy was deleted
            continue
        title = instance.get_admin_display_title() if isinstance(instance, Page) else str(instance)
        model = type(instance)
        edit_url = finder.get_edit_url(target_instance) or ""
        since = _changed_since(instance, translation.source)
        total, done = progress.get(translation.source_id, (0, 0))
        if since is None and done < total:
            since = translation.source.last_updated_at
        if since is not None:
            detail = _("%(missing)s of %(total)s texts untranslated") % {"missing": total - done, "total": total}
            yield Row(OUTDATED, title, _kind(model), edit_url, since=since, detail=detail if done < total else "")
        if count := machine.get(key):
            yield Row(MACHINE, title, _kind(model), edit_url, detail=_("%(count)s texts") % {"count": count})


def report_rows(user, state=None):
    """Every row of the report (or those in `state`), missing first, then by oldest change."""
    source, targets = _locales()
    finder = AdminURLFinder(user)
    rows = []
    for target in targets:
        if state in (None, MISSING):
            rows += _missing_pages(source, target)
            rows += _missing_snippets(source, target)
        if state in (None, OUTDATED, MACHINE):
            rows += [row for row in _translation_rows(source, target, finder) if state in (None, row.state)]
    order = list(STATES)
    return sorted(rows, key=lambda row: (order.index(row.state), row.since is None, row.since or 0, row.title))


def counts(user):
    counted = dict.fromkeys(STATES, 0)
    for row in report_rows(user):
        counted[row.state] += 1
    return counted
