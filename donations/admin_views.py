"""Staff views for donation ads in the Wagtail admin: figures per ad, name moderation and the finance
export; and what a privacy request looks up (`DONATIONS`). Routed by `DonationToolsViewSet` in
wagtail_hooks.py. Views check a permission (403 otherwise), call a named function, render.
"""

from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.log_actions import log

from website.admin_views import PersonalData, StaffTemplateView
from website.exports import stream_csv, xlsx_response
from website.translation import in_language, in_language_or_404

from . import canvas, privacy
from .exports import FinanceExportForm, export_queryset, export_rows, header
from .models import HOLDING, Donation, DonationAd, DonationSettings, Hold, HoldStatus, NameStatus
from .reports import ad_figures

PAGE_SIZE = 50


class DonationAdminView(StaffTemplateView):
    """Base: the permission is checked first (403), then the ad named by the URL."""

    permission_required = "donations.view_donation"
    header_icon = "grip"
    page_title = gettext_lazy("Donations")

    @cached_property
    def ad(self):
        """The copy shown: in the staff member's language if there is one (404 when there is no ad)."""
        return in_language_or_404(self.kwargs["ad_key"], model=DonationAd)

    @cached_property
    def main_ad(self):
        """The copy in the default language: audit-log entries go on it, so one history holds them all."""
        if self.ad.locale.language_code == settings.LANGUAGE_CODE:
            return self.ad
        return in_language(self.ad, settings.LANGUAGE_CODE)

    def get_page_subtitle(self):
        return self.ad.title

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse(DonationAd.snippet_viewset.get_url_name("list")), "label": _("Donation ads")},
        ]
        items.append({"url": reverse("donation_tools:dashboard", args=[self.ad.ad_key]), "label": self.ad.title})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def render(self, status=200, **context):
        ad = context.setdefault("ad", self.ad)
        user = self.request.user
        context.update(
            can_moderate=user.has_perm("donations.change_donation"),
            can_export=user.has_perm("donations.export_donations"),
        )
        if ad and user.has_perm("donations.change_donationad"):
            context["edit_url"] = reverse(DonationAd.snippet_viewset.get_url_name("edit"), args=[quote(ad.pk)])
        return super().render(status=status, **context)


def donation_page(queryset, page_number):
    """One page of donations; a page that does not exist is a 404, not silently the last page."""
    paginator = Paginator(queryset.order_by("-paid_at", "-pk"), PAGE_SIZE)
    try:
        return paginator.page(page_number or 1)
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None


class DashboardView(DonationAdminView):
    """Totals and progress, the ledger checked against the rows, holds in progress, the donations."""

    template_name = "donations/admin/dashboard.html"
    page_title = gettext_lazy("Donations and figures")

    def get(self, request, ad_key):
        return self.render(
            **ad_figures(ad_key, self.ad.total_units),
            holds=Hold.objects.filter(ad_key=ad_key, status__in=HOLDING).order_by("expires_at")[:100],
            page=donation_page(Donation.objects.filter(ad_key=ad_key), request.GET.get("p")),
            now=timezone.now(),
        )


class ModerationView(DonationAdminView):
    """Names donors asked to show, before they appear on the canvas: approve or reject, in bulk."""

    permission_required = "donations.change_donation"
    template_name = "donations/admin/moderation.html"
    page_title = gettext_lazy("Names to check")

    def pending(self, ad_key):
        return Donation.objects.filter(ad_key=ad_key, name_status=NameStatus.PENDING).order_by("paid_at", "pk")

    def get(self, request, ad_key):
        return self.render(pending=self.pending(ad_key)[:200])

    def post(self, request, ad_key):
        ad = self.main_ad  # 404 before anything changes
        decision = request.POST.get("decision")
        status = {"approve": NameStatus.APPROVED, "reject": NameStatus.REJECTED}.get(decision)
        try:
            ids = [int(value) for value in request.POST.getlist("donation")]
        except ValueError:
            ids = []
        if status is None or not ids:
            messages.error(request, _("Choose one or more names and approve or reject them."))
            return redirect("donation_tools:moderation", ad_key)
        changed = self.pending(ad_key).filter(pk__in=ids).update(name_status=status)
        canvas.invalidate(ad_key)
        log(
            instance=ad,
            action="donations.moderate",
            user=request.user,
            data={"decision": decision, "names": changed},
        )
        done = (
            ngettext("%(count)s name approved.", "%(count)s names approved.", changed)
            if decision == "approve"
            else ngettext("%(count)s name rejected.", "%(count)s names rejected.", changed)
        )
        messages.success(request, done % {"count": changed})
        return redirect("donation_tools:moderation", ad_key)


class ExportView(DonationAdminView):
    """The finance export (Finance only), recorded in the audit log with its filters and row count."""

    permission_required = "donations.export_donations"
    template_name = "donations/admin/export.html"
    page_title = gettext_lazy("Finance export")

    def get(self, request, ad_key):
        ad = self.main_ad
        if "format" not in request.GET:
            return self.render(form=FinanceExportForm(initial={"format": "csv"}))
        form = FinanceExportForm(request.GET)
        if not form.is_valid():
            return self.render(status=400, form=form)
        date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        file_format = form.cleaned_data["format"]
        rows = export_queryset(ad_key, date_from, date_to).count()
        log(
            instance=ad,
            action="donations.export",
            user=request.user,
            data={
                "format": file_format,
                "rows": rows,
                "date_from": date_from.isoformat() if date_from else None,
                "date_to": date_to.isoformat() if date_to else None,
            },
        )
        filename = f"{slugify(ad.title)[:60]}-donations-{timezone.localdate():%Y-%m-%d}.{file_format}"
        write = stream_csv if file_format == "csv" else xlsx_response
        return write(filename, header(), export_rows(ad_key, date_from, date_to))


# Privacy requests: the donations and unpaid checkouts of one person (see website.admin_views).
DONATIONS = PersonalData(
    name="donations",
    log_prefix="donations",
    export=privacy.export_person,
    erase=privacy.erase_person,
    audit_instance=DonationSettings.load,
    erased_message=lambda count: (
        ngettext(
            "The personal data of %(count)s donation were erased.",
            "The personal data of %(count)s donations were erased.",
            count,
        )
        % {"count": count}
    ),
    labels={
        "kind": gettext_lazy("Kind"),
        "ad": gettext_lazy("Ad"),
        "email": gettext_lazy("Email"),
        "name_shown": gettext_lazy("Name on the canvas"),
        "name_status": gettext_lazy("Name status"),
        "amount_eur": gettext_lazy("Amount (EUR)"),
        "area_cm2": gettext_lazy("Area (cm²)"),
        "refunded_eur": gettext_lazy("Refunded (EUR)"),
        "method": gettext_lazy("Payment method"),
        "language": gettext_lazy("Language"),
        "paid_at": gettext_lazy("Paid at"),
        "checkout_session": gettext_lazy("Checkout Session"),
        "status": gettext_lazy("Status"),
        "started_at": gettext_lazy("Started at"),
    },
    value_labels={
        "kind": {"donation": gettext_lazy("donation"), "unpaid checkout": gettext_lazy("unpaid checkout")},
        "name_status": dict(NameStatus.choices),
        "status": dict(HoldStatus.choices),
    },
)
