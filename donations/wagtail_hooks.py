"""Donations in the Wagtail admin: one "Donations" menu with the ad snippets, the donations and the holds
in progress (read-only listings) and privacy requests; the staff views of admin_views.py are routed by
the viewsets here."""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from website.admin_views import PrivacyRequestViewSet, ReadOnlyViewSet, StaffViewSet
from website.audit_log import register_actions

from . import admin_views
from .area import format_cm2, format_euros
from .models import HOLDING, Donation, DonationAd, Hold


class DonationAdViewSet(SnippetViewSet):
    model = DonationAd
    icon = "grip"
    menu_label = _("Donation ads")
    list_display = ["title", "status", "deadline", "locale"]
    list_filter = ["status", "locale"]
    search_fields = ["title"]
    ordering = ["-deadline"]


class WithAdTitleIndexView(IndexView):
    """Rows name their ad with one subquery, not one query per row."""

    def get_base_queryset(self):
        titles = DonationAd.objects.filter(
            translation_key=OuterRef("ad_key"), locale__language_code=settings.LANGUAGE_CODE
        ).values("title")[:1]
        return super().get_base_queryset().annotate(ad_title=Subquery(titles))


class AdRowsViewSet(ReadOnlyViewSet):
    """A listing of rows the payment flow writes, each named by its ad's title."""

    index_view_class = WithAdTitleIndexView


class DonationViewSet(AdRowsViewSet):
    model = Donation
    name = "donation_list"  # not "donations": that is the public URL namespace
    url_prefix = "donations/list"
    icon = "form"
    menu_label = _("Donations")
    list_display = [
        Column("paid_at", label=_("Paid")),
        Column("ad_title", label=_("Ad")),
        Column("amount", label=_("Amount"), accessor=lambda d: format_euros(d.amount_cents)),
        Column("area", label=_("Area (cm²)"), accessor=lambda d: format_cm2(d.area_units)),
        "method",
        "name_status",
        Column(
            "refunded",
            label=_("Refunded"),
            accessor=lambda d: format_euros(d.refunded_cents) if d.refunded_cents else "",
        ),
    ]
    list_filter = ["name_status", "method", "livemode"]
    search_fields = ["checkout_session_id", "payment_intent_id", "display_name"]
    ordering = ["-paid_at"]
    form_fields = ["display_name"]  # required by ModelViewSet; no form view is routed

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["view_donation", "change_donation", "export_donations"])
        )


class HoldIndexView(WithAdTitleIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(status__in=HOLDING)


class HoldViewSet(AdRowsViewSet):
    model = Hold
    name = "donation_holds"
    url_prefix = "donations/holds"
    icon = "time"
    menu_label = _("Holds in progress")
    index_view_class = HoldIndexView
    list_display = [
        Column("created_at", label=_("Started")),
        Column("ad_title", label=_("Ad")),
        Column("area", label=_("Area (cm²)"), accessor=lambda h: format_cm2(h.units)),
        Column("amount", label=_("Amount"), accessor=lambda h: format_euros(h.amount_cents)),
        "status",
        "provider",
        "expires_at",
    ]
    list_filter = ["status", "provider"]
    ordering = ["expires_at"]
    form_fields = ["status"]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_hold")


class DonationsGroup(SnippetViewSetGroup):
    items = (DonationAdViewSet, DonationViewSet, HoldViewSet)
    menu_icon = "grip"
    menu_label = _("Donations")
    menu_name = "donations"
    menu_order = 410
    submenu_hook = "register_donations_menu_item"


register_snippet(DonationsGroup)


@hooks.register("register_snippet_listing_buttons")
def register_dashboard_button(snippet, user, next_url=None):
    if isinstance(snippet, DonationAd) and user.has_perm("donations.view_donation"):
        yield ListingMenuItem(
            _("Donations and figures"),
            reverse("donation_tools:dashboard", args=[snippet.ad_key]),
            icon_name="table",
            priority=5,
        )


class DonationToolsViewSet(StaffViewSet):
    """One ad's figures, the names to check and the finance export."""

    name = "donation_tools"
    url_prefix = "donations"

    def get_urlpatterns(self):
        return [
            path("<uuid:ad_key>/", admin_views.DashboardView.as_view(), name="dashboard"),
            path("<uuid:ad_key>/names/", admin_views.ModerationView.as_view(), name="moderation"),
            path("<uuid:ad_key>/export/", admin_views.ExportView.as_view(), name="export"),
        ]


@hooks.register("register_admin_viewset")
def register_donation_tools():
    return [
        DonationToolsViewSet(),
        PrivacyRequestViewSet(
            "donation_privacy",
            url_prefix="donations/privacy",
            personal_data=admin_views.DONATIONS,
            permission_required="donations.change_donation",
            template_name="donations/admin/privacy.html",
            page_title=_("Privacy requests (donations)"),
            breadcrumbs_items=[
                *PrivacyRequestViewSet.breadcrumbs_items,
                {"url": reverse_lazy(DonationAd.snippet_viewset.get_url_name("list")), "label": _("Donation ads")},
            ],
            menu_hook="register_donations_menu_item",
            menu_order=910,
        ),
    ]


MODERATED = {
    "approve": ngettext_lazy("Approved %(names)s name", "Approved %(names)s names", "names"),
    "reject": ngettext_lazy("Rejected %(names)s name", "Rejected %(names)s names", "names"),
}


def moderation_message(data):
    return MODERATED[data["decision"]] % data


@hooks.register("register_log_actions")
def register_donation_log_actions(actions):
    register_actions(
        actions,
        {
            "donations.export": (
                _("Export donations"),
                ngettext_lazy(
                    "Exported %(rows)s donation (%(format)s)", "Exported %(rows)s donations (%(format)s)", "rows"
                ),
            ),
            "donations.moderate": (_("Moderate names"), moderation_message),
            "donations.privacy_access": (
                _("Privacy access request"),
                # The entry holds the number under PersonalData.name ("donations").
                _("Looked up the donations of one person (%(donations)s found)"),
            ),
            "donations.privacy_erasure": (
                _("Privacy erasure request"),
                _("Erased the personal data of one person's donations (%(donations)s)"),
            ),
        },
    )
