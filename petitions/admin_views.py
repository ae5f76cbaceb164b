"""Staff views for petitions in the Wagtail admin: dashboard, exports, handover, invalidation, abuse
report; and what a privacy request looks up (`SIGNATURES`). Routed by `PetitionToolsViewSet` in
wagtail_hooks.py.

Views check the permission, parse the request, call a named function and render. Every page's query
count is fixed: the figures (reports.py) are GROUP BY queries and the signature list is one page.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.log_actions import log

from website.admin_views import PersonalData, StaffTemplateView
from website.exports import download_response, stream_csv, xlsx_response
from website.translation import in_language, in_language_or_404

from . import abuse, counting, invalidation, privacy
from .exports import PROFILES, ExportForm, export_queryset, export_rows, handover_pdf, paper_count
from .models import Invalidation, Municipality, Petition, PetitionSettings, Signature, SignatureStatus
from .reports import day_chart, municipality_table, paper_total, signature_totals, signatures_per_day

PAGE_SIZE = 50


class SignatureFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Name or email"), required=False, max_length=254)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any status")), *SignatureStatus.choices],
    )
    suspect = forms.ChoiceField(
        label=gettext_lazy("Suspect"),
        required=False,
        choices=[
            ("", gettext_lazy("Suspect or not")),
            ("yes", gettext_lazy("Suspect")),
            ("no", gettext_lazy("Not suspect")),
        ],
    )
    municipality = forms.ChoiceField(label=gettext_lazy("Municipality"), required=False)

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("All municipalities")), *municipalities]

    def filter(self, queryset):
        data = self.cleaned_data
        if data["q"]:
            queryset = queryset.filter(Q(name__icontains=data["q"]) | Q(email__icontains=data["q"]))
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["suspect"] == "yes":
            queryset = queryset.exclude(suspect_reasons="")
        elif data["suspect"] == "no":
            queryset = queryset.filter(suspect_reasons="")
        if data["municipality"]:
            queryset = queryset.filter(municipality__cbs_code=data["municipality"])
        return queryset


def signature_page(queryset, page_number):
    """One page of signatures; a page that does not exist is a 404, not silently the last page."""
    paginator = Paginator(queryset.select_related("municipality").order_by("-created_at", "-pk"), PAGE_SIZE)
    try:
        return paginator.page(page_number or 1)
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None


# Views ---------------------------------------------------------------------------------------------


class PetitionAdminView(StaffTemplateView):
    """Base for the staff views: the permission is checked first (403), then the petition named by the URL."""

    permission_required = "petitions.view_signature"
    header_icon = "clipboard-list"
    page_title = gettext_lazy("Petitions")

    @cached_property
    def petition(self):
        """The copy shown: in the staff member's language if there is one (404 when there is no petition);
        None on the screens about all petitions."""
        if "petition_key" not in self.kwargs:
            return None
        return in_language_or_404(self.kwargs["petition_key"], model=Petition)

    @cached_property
    def main_petition(self):
        """The copy in the default language: audit-log entries go on it, so one history holds them all."""
        if self.petition.locale.language_code == settings.LANGUAGE_CODE:
            return self.petition
        return in_language(self.petition, settings.LANGUAGE_CODE)

    def get_page_subtitle(self):
        return self.petition.title if self.petition else ""

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse(Petition.snippet_viewset.get_url_name("list")), "label": _("Petitions")},
        ]
        if self.petition:
            items.append(
                {
                    "url": reverse("petition_tools:dashboard", args=[self.petition.petition_key]),
                    "label": self.petition.title,
                }
            )
        return [*items, {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}]

    def render(self, status=200, **context):
        petition = context.setdefault("petition", self.petition)
        if petition and self.request.user.has_perm("petitions.change_petition"):
            context["edit_url"] = reverse(Petition.snippet_viewset.get_url_name("edit"), args=[quote(petition.pk)])
        return super().render(status=status, **context)


class DashboardView(PetitionAdminView):
    template_name = "petitions/admin/dashboard.html"
    page_title = gettext_lazy("Dashboard")

    def get(self, request, petition_key):
        petition = self.petition  # 404 before anything is counted
        municipalities = municipality_table(petition_key)
        form = SignatureFilterForm(
            request.GET,
            municipalities=[(row["municipality__cbs_code"], row["municipality__name"]) for row in municipalities],
        )
        status = 200
        signatures = Signature.objects.filter(petition_key=petition_key)
        if form.is_valid():
            signatures = form.filter(signatures)
        else:
            status = 400
            signatures = signatures.none()
        query = request.GET.copy()
        query.pop("p", None)
        days = signatures_per_day(petition_key)
        return self.render(
            status=status,
            petition=petition,
            totals=signature_totals(petition_key),
            paper=paper_total(petition_key),
            public=counting.get_count(petition_key),
            days=days,
            chart=day_chart(days),
            municipalities=[row for row in municipalities if row["confirmed"]],
            form=form,
            page=signature_page(signatures, request.GET.get("p")),
            query=query.urlencode(),
            can_export=request.user.has_perm("petitions.export_signatures"),
            can_invalidate=request.user.has_perm("petitions.change_signature"),
        )


def export_filename(petition, profile, extension):
    return f"{slugify(petition.title)[:60]}-{profile}-{timezone.localdate():%Y-%m-%d}.{extension}"


def log_export(request, petition, profile, file_format, filters, rows):
    """Record who exported what, for which purpose and how many rows, on the petition's history."""
    log(
        instance=petition,
        action="petitions.export",
        user=request.user,
        data={"profile": profile, "format": file_format, "filters": filters, "rows": rows},
    )


class ExportView(PetitionAdminView):
    permission_required = "petitions.export_signatures"
    template_name = "petitions/admin/export.html"
    page_title = gettext_lazy("Export signatures")

    def get(self, request, petition_key):
        petition = self.main_petition
        if "profile" not in request.GET:
            return self.render(form=ExportForm(initial={"format": "csv"}), profiles=PROFILES.values())
        form = ExportForm(request.GET)
        if not form.is_valid():
            return self.render(status=400, form=form, profiles=PROFILES.values())
        profile, file_format = form.cleaned_data["profile"], form.cleaned_data["format"]
        # Count on the same queryset before streaming: the audit log says how many rows left.
        rows = export_queryset(petition_key, profile, form.filters).count()
        log_export(request, petition, profile, file_format, form.filters_for_log, rows)
        write = stream_csv if file_format == "csv" else xlsx_response
        return write(
            export_filename(petition, profile, file_format),
            PROFILES[profile].header,
            export_rows(petition_key, profile, form.filters),
        )


class HandoverView(PetitionAdminView):
    """Names and town for one municipality, as CSV or as a PDF to hand over."""

    permission_required = "petitions.export_signatures"

    def get(self, request, petition_key, cbs_code, file_format):
        petition = self.main_petition
        if file_format not in ("csv", "pdf"):
            raise Http404(_("Handovers are CSV or PDF."))
        municipality = get_object_or_404(Municipality, cbs_code=cbs_code)
        filters = {"municipality": cbs_code}
        rows = export_queryset(petition_key, "handover", filters).count()
        log_export(request, petition, "handover", file_format, filters, rows)
        filename = export_filename(petition, f"handover-{slugify(municipality.name)}", file_format)
        names = export_rows(petition_key, "handover", filters)
        if file_format == "csv":
            return stream_csv(filename, PROFILES["handover"].header, names)
        # Handed to a Dutch municipality: the Dutch copy and Dutch labels.
        with translation.override(settings.LANGUAGE_CODE):
            handle = handover_pdf(
                petition,
                municipality,
                rows,
                (name for name, _municipality in names),
                paper=paper_count(petition_key, municipality),
            )
        return download_response(handle, filename, "application/pdf")


class InvalidateView(PetitionAdminView):
    """Criteria → preview (count and a sample) → confirm; with the past invalidations and their undo."""

    permission_required = "petitions.change_signature"
    template_name = "petitions/admin/invalidate.html"
    page_title = gettext_lazy("Invalidate signatures")

    def past(self, petition_key):
        return (
            Invalidation.objects.filter(petition_key=petition_key)
            .select_related("created_by")
            .order_by("-created_at")[:50]
        )

    def get(self, request, petition_key):
        initial = {name: request.GET[name] for name in ("ip", "email_domain", "municipality") if name in request.GET}
        return self.render(form=invalidation.InvalidationForm(initial=initial), past=self.past(petition_key))

    def post(self, request, petition_key):
        petition = self.main_petition  # 404 before anything is invalidated
        form = invalidation.InvalidationForm(request.POST)
        if not form.is_valid():
            return self.render(status=400, form=form, past=self.past(petition_key))
        criteria = form.criteria
        if "confirm" not in request.POST:
            return self.render(
                form=form,
                preview=invalidation.preview(petition_key, criteria),
                sample=invalidation.sample(petition_key, criteria),
                past=self.past(petition_key),
            )
        done = invalidation.invalidate(petition_key, criteria, form.cleaned_data["reason"], request.user)
        log(
            instance=petition,
            action="petitions.invalidate",
            user=request.user,
            data={"invalidation": done.pk, "criteria": criteria, "matched": done.matched},
        )
        messages.success(
            request,
            ngettext(
                "%(count)s signature invalidated. It leaves the count within seconds.",
                "%(count)s signatures invalidated. They leave the count within seconds.",
                done.matched,
            )
            % {"count": done.matched},
        )
        return redirect("petition_tools:invalidate", petition_key)


class UndoInvalidationView(PetitionAdminView):
    permission_required = "petitions.change_signature"

    def post(self, request, petition_key, pk):
        petition = self.main_petition
        done = get_object_or_404(Invalidation, pk=pk, petition_key=petition_key)
        restored = invalidation.undo(done)
        log(
            instance=petition,
            action="petitions.undo_invalidation",
            user=request.user,
            data={"invalidation": done.pk, "restored": restored},
        )
        messages.success(
            request,
            ngettext("%(count)s signature restored.", "%(count)s signatures restored.", restored) % {"count": restored},
        )
        return redirect("petition_tools:invalidate", petition_key)


class AbuseReportView(PetitionAdminView):
    """IP addresses and email domains that signed unusually often in the last hour and day."""

    template_name = "petitions/admin/abuse.html"
    page_title = gettext_lazy("Unusual signing")
    header_icon = "warning"

    def get(self, request):
        windows = [(_("Last hour"), datetime.timedelta(hours=1)), (_("Last 24 hours"), datetime.timedelta(hours=24))]
        reports = [(label, abuse.unusual_signing(window)) for label, window in windows]
        keys = {row["petition_key"] for _label, report in reports for row in report["ips"]}
        titles = dict(
            Petition.objects.filter(translation_key__in=keys, locale__language_code=settings.LANGUAGE_CODE).values_list(
                "translation_key", "title"
            )
        )
        for _label, report in reports:
            for row in report["ips"]:
                row["petition"] = titles.get(row["petition_key"], str(row["petition_key"]))
        return self.render(reports=reports, can_invalidate=request.user.has_perm("petitions.change_signature"))


# Privacy requests: the signatures of one person, across all petitions (see website.admin_views).
SIGNATURES = PersonalData(
    name="signatures",
    log_prefix="petitions",
    export=privacy.export_person,
    erase=privacy.erase_person,
    audit_instance=PetitionSettings.load,  # one history for all petitions' privacy requests
    erased_message=lambda count: (
        ngettext("%(count)s signature erased.", "%(count)s signatures erased.", count) % {"count": count}
    ),
    labels={
        "petition": gettext_lazy("Petition"),
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("Email"),
        "municipality": gettext_lazy("Municipality"),
        "postcode": gettext_lazy("Postcode"),
        "comment": gettext_lazy("Why they sign"),
        "language": gettext_lazy("Language"),
        "status": gettext_lazy("Status"),
        "signed_at": gettext_lazy("Signed at"),
        "confirmed_at": gettext_lazy("Confirmed at"),
        "newsletter_opt_in": gettext_lazy("Newsletter opt-in"),
        "notify_on_response": gettext_lazy("Told when their municipality responds"),
        "consent_version": gettext_lazy("Consent version"),
        "consent_text": gettext_lazy("Consent text"),
        "ip_address": gettext_lazy("IP address"),
    },
    value_labels={"status": dict(SignatureStatus.choices)},
)
