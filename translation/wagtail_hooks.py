from django.core.cache import cache
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import gate, permissions, status, views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        # The same path as wagtail-localize's: this app comes first in INSTALLED_APPS, so this view answers.
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            views.machine_translate,
            name="translation_machine_translate",
        ),
        path("reports/translations/", views.ReportView.as_view(), name="translation_report"),
    ]


class TranslationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return TranslationMenuItem(
        _("English behind Dutch"), reverse("translation_report"), icon_name="wagtail-localize-language", order=700
    )


class TranslationPanel(Component):
    """On the dashboard: how much English is behind, with a link to the report."""

    name = "translation_status"
    order = 150
    template_name = "translation/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        # The counts read every translation: kept a minute, the dashboard is opened often.
        counted = cache.get_or_set("translation:dashboard-counts", lambda: status.counts(self.user), 60)
        return {
            "items": [
                (label, counted[state], f"{reverse('translation_report')}?state={state}")
                for state, label in status.STATES.items()
            ],
            "report_url": reverse("translation_report"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(TranslationPanel(request.user))


hooks.register("before_edit_page", gate.before_edit)
hooks.register("after_edit_page", gate.after_edit)
# Before wagtail-localize's editor and the publish gate: a translator never reaches a Dutch snippet's form.
hooks.register("before_edit_snippet", permissions.refuse_source_snippet, order=-10)
hooks.register("before_edit_snippet", gate.before_edit)
hooks.register("after_edit_snippet", gate.after_edit)
hooks.register("register_log_actions", gate.register_log_actions)
