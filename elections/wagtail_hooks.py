"""Elections in the Wagtail admin: one "Elections" menu with the snippets, the import and the guide checks."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, is_allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_allowed = is_allowed

    def is_shown(self, request):
        return self.is_allowed(request.user)


@hooks.register("register_elections_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("Import from a spreadsheet"),
        reverse("elections_import"),
        icon_name="upload",
        order=900,
        is_allowed=admin_views.can_import,
    )


@hooks.register("register_elections_menu_item")
def register_checks_menu_item():
    return PermissionMenuItem(
        _("Voting guide checks"),
        reverse("elections_guide_checks"),
        icon_name="warning",
        order=910,
        is_allowed=lambda user: (
            user.has_perm("elections.view_statement") or user.has_perm("elections.change_statement")
        ),
    )


@hooks.register("register_admin_urls")
def register_elections_admin_urls():
    return [
        path("elections/import/", admin_views.ImportView.as_view(), name="elections_import"),
        path(
            "elections/import/template.csv", admin_views.ImportTemplateView.as_view(), name="elections_import_template"
        ),
        path("elections/guide-checks/", admin_views.GuideChecksView.as_view(), name="elections_guide_checks"),
    ]


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


class ImportLogFormatter(LogFormatter):
    label = _("Import from a spreadsheet")

    def format_message(self, log_entry):
        try:
            return (
                _("Imported %(kind)s from %(file)s: %(create)s new, %(update)s updated, %(unchanged)s unchanged")
                % log_entry.data
            )
        except (KeyError, TypeError, ValueError):
            return self.label


@hooks.register("register_log_actions")
def register_elections_log_actions(actions):
    actions.register_action("elections.import")(ImportLogFormatter)
