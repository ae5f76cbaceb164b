"""Coalitions in the admin, under the Petitions menu: the partners (a translatable snippet), the funnel with
the embed snippets, and the partners' opt-in exports (each behind its own permission)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from website.admin_views import StaffViewSet
from website.audit_log import register_actions

from . import admin_views
from .models import CoalitionPartner


class CoalitionPartnerForm(WagtailAdminModelForm):
    """Wagtail's choosers look a submitted id up when the form is shown again: garbage there would be a 500.
    An id that is no number (or too long for the database) is dropped: the form says the field is required."""

    CHOSEN = ("petition", "organisation")

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            for name in self.CHOSEN:
                value = str(data.get(name, ""))
                if value and not (value.isascii() and value.isdigit() and len(value) <= 18):
                    data[name] = ""
        super().__init__(data, *args, **kwargs)


class CoalitionPartnerViewSet(SnippetViewSet):
    model = CoalitionPartner
    icon = "group"
    menu_label = _("Coalition partners")
    menu_hook = "register_petitions_menu_item"
    menu_order = 150
    list_display = ["organisation", "petition"]
    list_filter = ["locale"]
    edit_handler = ObjectList(CoalitionPartner.panels, base_form_class=CoalitionPartnerForm)


register_snippet(CoalitionPartnerViewSet)


class FunnelViewSet(StaffViewSet):
    name = "coalitions_funnel"
    url_prefix = "petitions/funnel"
    icon = "list-ul"
    menu_label = _("Sign, share, give")
    menu_hook = "register_petitions_menu_item"
    menu_order = 800
    menu_permission = admin_views.FunnelView.permission_required

    def get_urlpatterns(self):
        return [path("", admin_views.FunnelView.as_view(), name="index")]


class PartnerExportViewSet(StaffViewSet):
    name = "coalitions_partner_exports"
    url_prefix = "petitions/partner-opt-ins"
    icon = "download"
    menu_label = _("Partner opt-ins")
    menu_hook = "register_petitions_menu_item"
    menu_order = 810
    menu_permission = admin_views.PartnerExportIndexView.permission_required

    def get_urlpatterns(self):
        return [
            path("", admin_views.PartnerExportIndexView.as_view(), name="index"),
            path("<uuid:partner_key>.csv", admin_views.PartnerExportView.as_view(), name="export"),
        ]


@hooks.register("register_admin_viewset")
def register_coalition_views():
    return [FunnelViewSet(), PartnerExportViewSet()]


@hooks.register("register_log_actions")
def register_coalition_log_actions(actions):
    register_actions(
        actions,
        {
            "coalitions.partner_export": (
                _("Export a partner's opt-ins"),
                ngettext_lazy("Exported %(rows)s opt-in", "Exported %(rows)s opt-ins", "rows"),
            )
        },
    )
