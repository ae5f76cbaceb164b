"""Staff views for petitions in the Wagtail admin: dashboard, exports, handover, invalidation, abuse
report and privacy requests.

Views parse the request, check the permission, call a named function and render. Every page's
query count is fixed: the figures are GROUP BY queries and the signature list is one page.
"""

import datetime

from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.log_actions import log

from website.admin_views import PrivacyRequestMixin, StaffView
from website.exports import download_response, stream_csv, xlsx_response

from . import abuse, counting, invalidation, privacy
from .exports import PROFILES, ExportForm, export_queryset, export_rows, handover_pdf, paper_count
from .models import (
    Invalidation,
    Municipality,
    PaperSignatures,
    Petition,
    PetitionSettings,
    Signature,
    SignatureStatus,
    TargetResponse,
)
from .normalise import normalise_email

PAGE_SIZE = 50
CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 720, 180, 16


# Figures for the dashboard -------------------------------------------------------------------------


def signature_totals(petition_key):
    """Pending, confirmed, suspect and invalidated signatures in one aggregate query."""
    return Signature.objects.filter(petition_key=petition_key).aggregate(
        pending=Count("pk", filter=Q(status=SignatureStatus.PENDING)),
        confirmed=Count("pk", filter=Q(status=SignatureStatus.CONFIRMED)),
        suspect=Count("pk", filter=~Q(suspect_reasons="")),
        invalidated=Count("pk", filter=Q(status=SignatureStatus.INVALIDATED)),
    )


def paper_total(petition_key):
    return PaperSignatures.objects.filter(petition_key=petition_key).aggregate(total=Sum("count"))["total"] or 0


def signatures_per_day(petition_key, today=None):
    """[(date, signatures)] for every day from the first signature to the last (or today), zeros included."""
    counts = dict(
        Signature.objects.filter(petition_key=petition_key)
        .annotate(day=TruncDate("created_at"))
        .values_list("day")
        .annotate(n=Count("pk"))
    )
    if not counts:
        return []
    first, last = min(counts), max(max(counts), today or timezone.localdate())
    return [
        (first + datetime.timedelta(days=offset), counts.get(first + datetime.timedelta(days=offset), 0))
        for offset in range((last - first).days + 1)
    ]


def day_chart(days):
    """Bar geometry for an inline SVG of signatures per day (drawn in the template, no JavaScript)."""
    if not days:
        return None
    peak = max(n for _day, n in days) or 1
    step = CHART_WIDTH / len(days)
    usable = CHART_HEIGHT - CHART_TOP
    bars = []
    for index, (day, n) in enumerate(days):
        bar_height = round(n / peak * usable, 2)
        bars.append(
            {
                "day": day,
                "n": n,
                "x": round(index * step + step * 0.1, 2),
                "width": round(max(step * 0.8, 0.5), 2),
                "y": round(CHART_HEIGHT - bar_height, 2),
                "height": bar_height,
            }
        )
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "full_height": CHART_HEIGHT + 20,
        "peak": peak,
        "bars": bars,
        "first": days[0][0],
        "last": days[-1][0],
        "label_y": CHART_HEIGHT + 15,
    }


def municipality_table(petition_key):
    """Every municipality with signatures: confirmed and all, with its response; most confirmed first."""
    rows = list(
        Signature.objects.filter(petition_key=petition_key, municipality__isnull=False)
        .values("municipality__cbs_code", "municipality__name")
        .annotate(confirmed=Count("pk", filter=Q(status=SignatureStatus.CONFIRMED)), signatures=Count("pk"))
        .order_by("-confirmed", "municipality__name")
    )
    responses = dict(
        TargetResponse.objects.filter(petition_key=petition_key).values_list("municipality__cbs_code", "status")
    )
    labels = dict(TargetResponse._meta.get_field("status").choices)
    for row in rows:
        status = responses.get(row["municipality__cbs_code"])
        row["response"] = labels.get(status, "") if status else ""
    return rows


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


def email_hash(email):
    """A keyed hash of the normalised address: the audit log can match requests, never reveal the email."""
    return salted_hmac("petitions.privacy", normalise_email(email), algorithm="sha256").hexdigest()


# Views ---------------------------------------------------------------------------------------------


class PetitionAdminView(StaffView):
    """Base for the staff views: a permission check answered with 403, and the petition by its key."""

    permission = "petitions.view_signature"
    header_icon = "clipboard-list"
    page_title = gettext_lazy("Petitions")

    def load(self, petition_key=None, **kwargs):
        if petition_key is not None:
            copies = {
                petition.locale.language_code: petition
                for petition in Petition.objects.filter(translation_key=petition_key).select_related("locale")
            }
            if not copies:
                raise Http404(_("There is no such petition."))
            # Audit-log entries go on the copy in the default language, so one history holds them all.
            self.main_petition = copies.get(settings.LANGUAGE_CODE) or next(iter(copies.values()))
            self.petition = copies.get(translation.get_language()) or self.main_petition

    def get_page_subtitle(self):
        petition = getattr(self, "petition", None)
        return petition.title if petition else ""

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse(Petition.snippet_viewset.get_url_name("list")), "label": _("Petitions")},
        ]
        petition = getattr(self, "petition", None)
        if petition:
            items.append({"url": reverse("petitions_dashboard", args=[petition.petition_key]), "label": petition.title})
        return [*items, {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}]

    def render(self, status=200, **context):
        petition = context.setdefault("petition", getattr(self, "petition", None))
        if petition and self.request.user.has_perm("petitions.change_petition"):
            context["edit_url"] = reverse(Petition.snippet_viewset.get_url_name("edit"), args=[quote(petition.pk)])
        return self.render_to_response(self.get_context_data(**context), status=status)


class DashboardView(PetitionAdminView):
    template_name = "petitions/admin/dashboard.html"
    page_title = gettext_lazy("Dashboard")

    def get(self, request, petition_key):
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
    permission = "petitions.export_signatures"
    template_name = "petitions/admin/export.html"
    page_title = gettext_lazy("Export signatures")

    def get(self, request, petition_key):
        if "profile" not in request.GET:
            return self.render(form=ExportForm(initial={"format": "csv"}), profiles=PROFILES.values())
        form = ExportForm(request.GET)
        if not form.is_valid():
            return self.render(status=400, form=form, profiles=PROFILES.values())
        profile, file_format = form.cleaned_data["profile"], form.cleaned_data["format"]
        # Count on the same queryset before streaming: the audit log says how many rows left.
        rows = export_queryset(petition_key, profile, form.filters).count()
        log_export(request, self.main_petition, profile, file_format, form.filters_for_log, rows)
        write = stream_csv if file_format == "csv" else xlsx_response
        return write(
            export_filename(self.main_petition, profile, file_format),
            PROFILES[profile].header,
            export_rows(petition_key, profile, form.filters),
        )


class HandoverView(PetitionAdminView):
    """Names and town for one municipality, as CSV or as a PDF to hand over."""

    permission = "petitions.export_signatures"

    def get(self, request, petition_key, cbs_code, file_format):
        if file_format not in ("csv", "pdf"):
            raise Http404(_("Handovers are CSV or PDF."))
        municipality = get_object_or_404(Municipality, cbs_code=cbs_code)
        filters = {"municipality": cbs_code}
        rows = export_queryset(petition_key, "handover", filters).count()
        log_export(request, self.main_petition, "handover", file_format, filters, rows)
        filename = export_filename(self.main_petition, f"handover-{slugify(municipality.name)}", file_format)
        names = export_rows(petition_key, "handover", filters)
        if file_format == "csv":
            return stream_csv(filename, PROFILES["handover"].header, names)
        # Handed to a Dutch municipality: the Dutch copy and Dutch labels.
        with translation.override(settings.LANGUAGE_CODE):
            handle = handover_pdf(
                self.main_petition,
                municipality,
                rows,
                (name for name, _municipality in names),
                paper=paper_count(petition_key, municipality),
            )
        return download_response(handle, filename, "application/pdf")


class InvalidateView(PetitionAdminView):
    """Criteria → preview (count and a sample) → confirm; with the past invalidations and their undo."""

    permission = "petitions.change_signature"
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
            instance=self.main_petition,
            action="petitions.invalidate",
            user=request.user,
            data={"invalidation": done.pk, "criteria": criteria, "matched": done.matched},
        )
        messages.success(
            request,
            _("%(count)s signatures invalidated. They leave the count within seconds.") % {"count": done.matched},
        )
        return redirect("petitions_invalidate", petition_key)


class UndoInvalidationView(PetitionAdminView):
    permission = "petitions.change_signature"

    def post(self, request, petition_key, pk):
        done = get_object_or_404(Invalidation, pk=pk, petition_key=petition_key)
        restored = invalidation.undo(done)
        log(
            instance=self.main_petition,
            action="petitions.undo_invalidation",
            user=request.user,
            data={"invalidation": done.pk, "restored": restored},
        )
        messages.success(request, _("%(count)s signatures restored.") % {"count": restored})
        return redirect("petitions_invalidate", petition_key)


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


class PrivacyView(PrivacyRequestMixin, PetitionAdminView):
    permission = "petitions.export_signatures"
    template_name = "petitions/admin/privacy.html"
    page_title = gettext_lazy("Privacy requests")
    privacy = privacy
    url_name = "petitions_privacy"
    log_prefix = "petitions"
    counted = "signatures"
    download_filename = "signatures.json"

    def audit_instance(self):
        return PetitionSettings.load()  # one history for all petitions' privacy requests

    def email_hash(self, email):
        return email_hash(email)

    def erased_message(self, count):
        return _("%(count)s signatures erased.") % {"count": count}
