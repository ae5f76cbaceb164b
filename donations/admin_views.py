"""Staff views for donation ads in the Wagtail admin: figures per ad, name moderation, the finance
export and privacy requests. Views check a permission (403 otherwise), call a named function, render.
"""

from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, F, Sum
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.log_actions import log

from petitions.normalise import normalise_email
from website.admin_views import PrivacyRequestMixin, StaffView
from website.exports import stream_csv, xlsx_response

from . import canvas, privacy
from .exports import FinanceExportForm, export_queryset, export_rows, header
from .models import HOLDING, AdLedger, Donation, DonationAd, DonationSettings, Hold, NameStatus
from .reconcile import exact_figures

PAGE_SIZE = 50


def email_hash(email):
    """A keyed hash of the normalised address: the audit log can match requests, never reveal the email."""
    return salted_hmac("donations.privacy", normalise_email(email), algorithm="sha256").hexdigest()


class DonationAdminView(StaffView):
    """Base: a permission check answered with 403, and the ad (both copies) by its key."""

    permission = "donations.view_donation"
    header_icon = "grip"
    page_title = gettext_lazy("Donations")

    def load(self, ad_key=None, **kwargs):
        if ad_key is not None:
            copies = {
                ad.locale.language_code: ad
                for ad in DonationAd.objects.filter(translation_key=ad_key).select_related("locale")
            }
            if not copies:
                raise Http404(_("There is no such ad."))
            # Audit-log entries go on the copy in the default language, so one history holds them all.
            self.main_ad = copies.get(settings.LANGUAGE_CODE) or next(iter(copies.values()))
            self.ad = copies.get(translation.get_language()) or self.main_ad

    def get_page_subtitle(self):
        ad = getattr(self, "ad", None)
        return ad.title if ad else ""

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse(DonationAd.snippet_viewset.get_url_name("list")), "label": _("Donation ads")},
        ]
        ad = getattr(self, "ad", None)
        if ad:
            items.append({"url": reverse("donations_dashboard", args=[ad.ad_key]), "label": ad.title})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def render(self, status=200, **context):
        ad = context.setdefault("ad", getattr(self, "ad", None))
        user = self.request.user
        context.update(
            can_moderate=user.has_perm("donations.change_donation"),
            can_export=user.has_perm("donations.export_donations"),
        )
        if ad and user.has_perm("donations.change_donationad"):
            context["edit_url"] = reverse(DonationAd.snippet_viewset.get_url_name("edit"), args=[quote(ad.pk)])
        return self.render_to_response(self.get_context_data(**context), status=status)


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
        ledger = AdLedger.objects.filter(ad_key=ad_key).first()
        exact = exact_figures(ad_key)
        total_units = self.ad.total_units
        donations = Donation.objects.filter(ad_key=ad_key)
        return self.render(
            ledger=ledger,
            exact=exact,
            drift=bool(ledger) and any(getattr(ledger, k) != v for k, v in exact.items()),
            total_units=total_units,
            percent=round(100 * exact["funded_units"] / total_units, 1) if total_units else 0,
            methods=donations.values("method")
            .annotate(count=Count("pk"), amount=Sum("amount_cents"))
            .order_by("-count"),
            pending_names=donations.filter(name_status=NameStatus.PENDING).count(),
            overflow=donations.filter(credited_units__lt=F("units")).count(),
            holds=Hold.objects.filter(ad_key=ad_key, status__in=HOLDING).order_by("expires_at")[:100],
            page=donation_page(donations, request.GET.get("p")),
            now=timezone.now(),
        )


class ModerationView(DonationAdminView):
    """Names donors asked to show, before they appear on the canvas: approve or reject, in bulk."""

    permission = "donations.change_donation"
    template_name = "donations/admin/moderation.html"
    page_title = gettext_lazy("Names to check")

    def pending(self, ad_key):
        return Donation.objects.filter(ad_key=ad_key, name_status=NameStatus.PENDING).order_by("paid_at", "pk")

    def get(self, request, ad_key):
        return self.render(pending=self.pending(ad_key)[:200])

    def post(self, request, ad_key):
        decision = request.POST.get("decision")
        status = {"approve": NameStatus.APPROVED, "reject": NameStatus.REJECTED}.get(decision)
        try:
            ids = [int(value) for value in request.POST.getlist("donation")]
        except ValueError:
            ids = []
        if status is None or not ids:
            messages.error(request, _("Choose one or more names and approve or reject them."))
            return redirect("donations_moderation", ad_key)
        changed = self.pending(ad_key).filter(pk__in=ids).update(name_status=status)
        canvas.invalidate(ad_key)
        log(
            instance=self.main_ad,
            action="donations.moderate",
            user=request.user,
            data={"decision": decision, "names": changed},
        )
        messages.success(
            request,
            _("%(count)s names approved.") % {"count": changed}
            if decision == "approve"
            else _("%(count)s names rejected.") % {"count": changed},
        )
        return redirect("donations_moderation", ad_key)


class ExportView(DonationAdminView):
    """The finance export (Finance only), recorded in the audit log with its filters and row count."""

    permission = "donations.export_donations"
    template_name = "donations/admin/export.html"
    page_title = gettext_lazy("Finance export")

    def get(self, request, ad_key):
        if "format" not in request.GET:
            return self.render(form=FinanceExportForm(initial={"format": "csv"}))
        form = FinanceExportForm(request.GET)
        if not form.is_valid():
            return self.render(status=400, form=form)
        date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        file_format = form.cleaned_data["format"]
        rows = export_queryset(ad_key, date_from, date_to).count()
        log(
            instance=self.main_ad,
            action="donations.export",
            user=request.user,
            data={
                "format": file_format,
                "rows": rows,
                "date_from": date_from.isoformat() if date_from else None,
                "date_to": date_to.isoformat() if date_to else None,
            },
        )
        filename = f"{slugify(self.main_ad.title)[:60]}-donations-{timezone.localdate():%Y-%m-%d}.{file_format}"
        write = stream_csv if file_format == "csv" else xlsx_response
        return write(filename, header(), export_rows(ad_key, date_from, date_to))


class PrivacyView(PrivacyRequestMixin, DonationAdminView):
    permission = "donations.change_donation"
    template_name = "donations/admin/privacy.html"
    page_title = gettext_lazy("Privacy requests (donations)")
    privacy = privacy
    url_name = "donations_privacy"
    log_prefix = "donations"
    counted = "donations"
    download_filename = "donations.json"

    def audit_instance(self):
        return DonationSettings.load()

    def email_hash(self, email):
        return email_hash(email)

    def erased_message(self, count):
        return _("The personal data of %(count)s donations were erased.") % {"count": count}
