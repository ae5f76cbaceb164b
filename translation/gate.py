"""The bilingual publish gate: publishing a Dutch change of a gated page type (or saving a gated
snippet, which has no drafts: petitions, ads) while it has an English translation asks the editor to
sync the English now or to publish the Dutch alone.

The models are named in the TRANSLATION_PUBLISH_GATE setting. The question is a page that posts the
editor's form again with the answer added; the answer is written to the object's history.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource

FIELD = "translation_gate"
SYNC, DUTCH_ONLY = "sync", "dutch_only"
ACTIONS = {SYNC: "translation.publish_and_sync", DUTCH_ONLY: "translation.publish_dutch_only"}


def is_gated(obj):
    model = obj.specific_class if isinstance(obj, Page) else type(obj)
    return model._meta.label in settings.TRANSLATION_PUBLISH_GATE


def english_translations(obj):
    return Translation.objects.filter(
        source__object_id=obj.translation_key, source__locale_id=obj.locale_id, enabled=True
    ).select_related("target_locale")


def _publishes(request, obj):
    # Objects with drafts publish on the Publish button; the others on every save.
    return bool(request.POST.get("action-publish")) if isinstance(obj, DraftStateMixin) else True


def _asks(request, obj):
    return (
        request.method == "POST"
        # The question re-posts the form from hidden fields, which cannot carry an uploaded file.
        and not request.FILES
        and isinstance(obj, TranslatableMixin)
        and obj.pk is not None
        and _publishes(request, obj)
        and obj.locale.language_code == settings.LANGUAGE_CODE
        and is_gated(obj)
        and english_translations(obj).exists()
    )


def before_edit(request, page):
    if not _asks(request, page):
        return None
    choice = request.POST.get(FIELD)
    if choice in ACTIONS:
        request.translation_gate = choice
        return None
    fields = [(name, value) for name in request.POST for value in request.POST.getlist(name) if name != FIELD]
    context = {
        "title": page.get_admin_display_title() if isinstance(page, Page) else str(page),
        "fields": fields,
        "action": request.get_full_path(),
        "languages": [translation.target_locale.get_display_name() for translation in english_translations(page)],
        "error": _("Choose one of the two ways to publish.") if choice is not None else "",
        "sync": SYNC,
        "dutch_only": DUTCH_ONLY,
        "field": FIELD,
    }
    # 400 for an unknown answer: nothing was published, and the editor can choose again.
    return TemplateResponse(request, "translation/publish_gate.html", context, status=400 if choice else 200)


def after_edit(request, page):
    choice = getattr(request, "translation_gate", None)
    if choice is None or (isinstance(page, DraftStateMixin) and not page.live):
        return None
    if choice == SYNC:
        sync_translations(page, request.user)
    log(instance=page, action=ACTIONS[choice], user=request.user)
    return None


def sync_translations(page, user):
    """Take the new Dutch strings into the translation editor, where they wait for the translator.

    The English page itself is left alone: wagtail-localize's save of a page translation writes the
    live row even for a draft, and the new strings would show in Dutch until translated.
    """
    TranslationSource.update_or_create_from_instance(page)


def register_log_actions(actions):
    actions.register_action(
        ACTIONS[SYNC],
        gettext_lazy("Published with the English synced"),
        gettext_lazy("Published the Dutch and took its new texts into the English translation editor"),
    )
    actions.register_action(
        ACTIONS[DUTCH_ONLY],
        gettext_lazy("Published the Dutch alone"),
        gettext_lazy("Published the Dutch alone: the English translation is behind"),
    )
