"""Elections in the Wagtail admin: one "Elections" menu with the snippets, the import and the guide checks."""

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from website.admin_views import StaffViewSet
from website.audit_log import register_actions

from . import admin_views
from .localization import sync_translations
from .models import Election, Party, Position, Statement, Theme


class ElectionViewSet(SnippetViewSet):
    model = Election
    icon = "date"
    menu_label = _("Elections")
    list_display = ["name", "date", "level", "locale"]
    list_filter = ["level", "locale"]
    search_fields = ["name"]
    ordering = ["-date"]


class PartyViewSet(SnippetViewSet):
    model = Party
    icon = "group"
    menu_label = _("Parties")
    list_display = ["name", "abbreviation", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "abbreviation"]
    ordering = ["name"]


class ThemeViewSet(SnippetViewSet):
    """Themes are ordered: drag them into place in the listing."""

    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class PositionViewSet(SnippetViewSet):
    model = Position
    icon = "doc-full"
    menu_label = _("Positions")
    list_display = ["__str__", "stance", "election", "locale", "updated_at"]
    list_filter = ["election", "party", "theme", "stance", "locale"]
    search_fields = ["summary"]
    ordering = ["party__name", "theme__sort_order"]


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "help"
    menu_label = _("Statements")
    list_display = ["code", "text", "election", "locale"]
    list_filter = ["election", "theme", "locale"]
    search_fields = ["text"]
    ordering = ["sort_order", "code"]


class ElectionsGroup(SnippetViewSetGroup):
    items = (ElectionViewSet, PartyViewSet, ThemeViewSet, PositionViewSet, StatementViewSet)
    menu_icon = "list-ul"
    menu_label = _("Elections")
    menu_name = "elections"
    menu_order = 450
    submenu_hook = "register_elections_menu_item"


register_snippet(ElectionsGroup)


class ImportViewSet(StaffViewSet):
    """Positions and statements from the analysts' spreadsheets: upload, preview, confirm; and the current
    data as a spreadsheet to start from."""

    name = "election_import"
    url_prefix = "elections/import"
    icon = "upload"
    menu_label = _("Import from a spreadsheet")
    menu_hook = "register_elections_menu_item"
    menu_order = 900
    menu_permission = admin_views.ElectionsAdminView.any_permission_required

    def get_urlpatterns(self):
        return [
            path("", admin_views.ImportView.as_view(), name="index"),
            path("template.csv", admin_views.ImportTemplateView.as_view(), name="template"),
        ]


class GuideChecksViewSet(StaffViewSet):
    name = "guide_checks"
    url_prefix = "elections/guide-checks"
    icon = "warning"
    menu_label = _("Voting guide checks")
    menu_hook = "register_elections_menu_item"
    menu_order = 910
    menu_permission = admin_views.CHECK_PERMISSIONS

    def get_urlpatterns(self):
        return [path("", admin_views.GuideChecksView.as_view(), name="index")]


@hooks.register("register_admin_viewset")
def register_elections_tools():
    return [ImportViewSet(), GuideChecksViewSet()]


# Facts are synchronised fields: an edit in the default language reaches the translations at once.
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def sync_elections_translations(request, instance):
    if (
        isinstance(instance, Election | Party | Theme | Position | Statement)
        and instance.locale.language_code == settings.LANGUAGE_CODE
    ):
        sync_translations([instance], request.user)
        if isinstance(instance, Statement):
            for warning in admin_views.check_messages(instance.election):
                messages.warning(request, warning)


@hooks.register("register_log_actions")
def register_elections_log_actions(actions):
    register_actions(
        actions,
        {
            "elections.import": (
                _("Import from a spreadsheet"),
                _("Imported %(kind)s from %(file)s: %(create)s new, %(update)s updated, %(unchanged)s unchanged"),
            ),
        },
    )
