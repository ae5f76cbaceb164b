"""Petitions in the Wagtail admin: one "Petitions" menu with the petition snippets, municipality
responses, paper signatures, municipalities, the report of unusual signing and privacy requests; the
staff views of admin_views.py are routed by the viewsets here."""

import uuid

from django import forms
from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from website.admin_views import PrivacyRequestViewSet, ReadOnlyViewSet, StaffViewSet
from website.audit_log import register_actions

from . import admin_views
from .models import Municipality, PaperSignatures, Petition, TargetResponse
from .responses import ResponseNoteFields, note_field_names, save_response


def petition_choices():
    """Petitions by their translation group, named by their copy in the default language."""
    return [
        (petition.translation_key, petition.title)
        for petition in Petition.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-opens_at")
    ]


def as_uuid(value):
    """A petition key from the submitted data (a string) or from the record being edited (already a UUID)."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


class PetitionKeyForm(WagtailAdminModelForm):
    """Records hang off the petition's translation group: staff pick a petition, the form stores its key."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Coerced both ways: an edit compares the submitted key with the record's (has_changed).
        self.fields["petition_key"] = forms.TypedChoiceField(
            label=_("Petition"), choices=petition_choices, coerce=as_uuid
        )


class TargetResponseForm(PetitionKeyForm, ResponseNoteFields):
    def save(self, commit=True):
        # Through save_response, so signers who asked hear about a changed response.
        response = super().save(commit=False)
        if commit:
            save_response(response, notes=self.notes)
        return response


class PaperSignaturesForm(PetitionKeyForm):
    def save(self, commit=True):
        paper = super().save(commit=False)
        if paper.added_by_id is None:
            paper.added_by = self.for_user
        if commit:
            paper.save()
        return paper


class WithPetitionTitleIndexView(IndexView):
    """The listing names each row's petition with one subquery, not one query per row."""

    def get_base_queryset(self):
        titles = Petition.objects.filter(
            translation_key=OuterRef("petition_key"), locale__language_code=settings.LANGUAGE_CODE
        ).values("title")[:1]
        return super().get_base_queryset().select_related("municipality").annotate(petition_title=Subquery(titles))


class PetitionViewSet(SnippetViewSet):
    model = Petition
    icon = "form"
    menu_label = _("Petitions")
    list_display = ["title", "status", "locale"]
    list_filter = ["status", "locale"]
    search_fields = ["title"]
    ordering = ["-opens_at"]


class TargetResponseViewSet(ModelViewSet):
    model = TargetResponse
    name = "petition_responses"
    url_prefix = "petitions/responses"
    icon = "mail"
    menu_label = _("Municipality responses")
    index_view_class = WithPetitionTitleIndexView
    list_display = [
        "municipality",
        Column("petition_title", label=_("Petition")),
        "status",
        "responded_on",
        "updated_at",
    ]
    list_filter = ["status"]
    search_fields = ["municipality__name"]
    ordering = ["-updated_at"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("petition_key"),
            FieldPanel("municipality"),
            FieldRowPanel([FieldPanel("status"), FieldPanel("responded_on")]),
            FieldPanel("source_url"),
            *[FieldPanel(name) for name in note_field_names()],
        ],
        base_form_class=TargetResponseForm,
    )


class PaperSignaturesViewSet(ModelViewSet):
    model = PaperSignatures
    name = "paper_signatures"
    url_prefix = "petitions/paper"
    icon = "doc-full"
    menu_label = _("Paper signatures")
    index_view_class = WithPetitionTitleIndexView
    list_display = ["note", Column("petition_title", label=_("Petition")), "count", "municipality", "added_at"]
    search_fields = ["note"]
    ordering = ["-added_at"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("petition_key"),
            FieldRowPanel([FieldPanel("count"), FieldPanel("municipality")]),
            FieldPanel("note"),
        ],
        base_form_class=PaperSignaturesForm,
    )


class MunicipalityViewSet(ReadOnlyViewSet):
    """Read-only: the list comes from CBS (manage.py sync_municipalities), staff only look things up."""

    model = Municipality
    name = "municipalities"
    url_prefix = "petitions/municipalities"
    icon = "site"
    menu_label = _("Municipalities")
    list_display = ["name", "cbs_code", "province", "active"]
    list_filter = ["province", "active"]
    search_fields = ["name", "cbs_code"]
    ordering = ["name"]
    form_fields = ["name"]  # required by ModelViewSet; no form view is routed

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="view_municipality")


class PetitionsGroup(SnippetViewSetGroup):
    items = (PetitionViewSet, TargetResponseViewSet, PaperSignaturesViewSet, MunicipalityViewSet)
    menu_icon = "form"
    menu_label = _("Petitions")
    menu_name = "petitions"
    menu_order = 400
    submenu_hook = "register_petitions_menu_item"


register_snippet(PetitionsGroup)


@hooks.register("register_snippet_listing_buttons")
def register_dashboard_button(snippet, user, next_url=None):
    if isinstance(snippet, Petition) and user.has_perm("petitions.view_signature"):
        yield ListingMenuItem(
            _("Signatures and figures"),
            reverse("petition_tools:dashboard", args=[snippet.petition_key]),
            icon_name="table",
            priority=5,
        )


class PetitionToolsViewSet(StaffViewSet):
    """One petition's dashboard, export, handover and invalidation."""

    name = "petition_tools"
    url_prefix = "petitions"

    def get_urlpatterns(self):
        return [
            path("<uuid:petition_key>/", admin_views.DashboardView.as_view(), name="dashboard"),
            path("<uuid:petition_key>/export/", admin_views.ExportView.as_view(), name="export"),
            path(
                "<uuid:petition_key>/handover/<str:cbs_code>.<str:file_format>",
                admin_views.HandoverView.as_view(),
                name="handover",
            ),
            path("<uuid:petition_key>/invalidate/", admin_views.InvalidateView.as_view(), name="invalidate"),
            path(
                "<uuid:petition_key>/invalidations/<int:pk>/undo/",
                admin_views.UndoInvalidationView.as_view(),
                name="undo_invalidation",
            ),
        ]


class UnusualSigningViewSet(StaffViewSet):
    """IP addresses and email domains that signed unusually often, across all petitions."""

    name = "petition_abuse"
    url_prefix = "petitions/abuse"
    icon = "warning"
    menu_label = _("Unusual signing")
    menu_hook = "register_petitions_menu_item"
    menu_order = 900
    menu_permission = admin_views.AbuseReportView.permission_required

    def get_urlpatterns(self):
        return [path("", admin_views.AbuseReportView.as_view(), name="index")]


@hooks.register("register_admin_viewset")
def register_petition_tools():
    return [
        PetitionToolsViewSet(),
        UnusualSigningViewSet(),
        PrivacyRequestViewSet(
            "petition_privacy",
            url_prefix="petitions/privacy",
            personal_data=admin_views.SIGNATURES,
            permission_required="petitions.export_signatures",
            template_name="petitions/admin/privacy.html",
            breadcrumbs_items=[
                *PrivacyRequestViewSet.breadcrumbs_items,
                {"url": reverse_lazy(Petition.snippet_viewset.get_url_name("list")), "label": _("Petitions")},
            ],
            menu_hook="register_petitions_menu_item",
            menu_order=910,
        ),
    ]


@hooks.register("register_log_actions")
def register_petition_log_actions(actions):
    register_actions(
        actions,
        {
            "petitions.export": (
                _("Export signatures"),
                ngettext_lazy(
                    "Exported %(rows)s signature (%(profile)s, %(format)s)",
                    "Exported %(rows)s signatures (%(profile)s, %(format)s)",
                    "rows",
                ),
            ),
            "petitions.invalidate": (
                _("Invalidate signatures"),
                ngettext_lazy("Invalidated %(matched)s signature", "Invalidated %(matched)s signatures", "matched"),
            ),
            "petitions.undo_invalidation": (
                _("Undo invalidation"),
                ngettext_lazy("Restored %(restored)s signature", "Restored %(restored)s signatures", "restored"),
            ),
            "petitions.privacy_access": (
                _("Privacy access request"),
                _("Looked up the signatures of one person (%(signatures)s found)"),
            ),
            "petitions.privacy_erasure": (
                _("Privacy erasure request"),
                _("Erased the signatures of one person (%(signatures)s)"),
            ),
        },
    )
