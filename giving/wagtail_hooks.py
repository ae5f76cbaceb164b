"""Giving in the Wagtail admin: a "Giving" menu with the monthly gifts (a stopped one shows as stopped as
soon as Stripe's event arrives), the payments, the failed payments, and finance's figures."""

from django.http import HttpResponseBadRequest
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSetGroup

from donations.area import format_euros
from website.admin_views import ReadOnlyViewSet, StaffTemplateView, StaffViewSet
from website.exports import stream_csv

from . import exports, finance
from .charts import new_and_stopped_chart
from .models import FailedPayment, Gift, MonthlyGift


class PaymentRowsViewSet(ReadOnlyViewSet):
    """A listing of rows the payment flow writes; staff may only view them."""

    inspect_view_enabled = False

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename=f"view_{self.model._meta.model_name}")


def euros(field):
    return lambda row: format_euros(getattr(row, field)) if getattr(row, field) else ""


class MonthlyGiftViewSet(PaymentRowsViewSet):
    model = MonthlyGift
    name, url_prefix = "giving_monthly", "giving/monthly"
    icon = "repeat"
    menu_label = _("Monthly gifts")
    list_display = [
        "email",
        Column("amount", label=_("Amount"), accessor=euros("amount_cents")),
        "status",
        "started_at",
        "cancelled_at",
        "subscription_id",
    ]
    list_filter = ["status", "provider"]
    search_fields = ["email", "subscription_id", "customer_id"]
    ordering = ["-created_at"]
    form_fields = ["status"]


class GiftViewSet(PaymentRowsViewSet):
    model = Gift
    name, url_prefix = "giving_payments", "giving/payments"
    icon = "form"
    menu_label = _("Payments")
    list_display = [
        "paid_at",
        "frequency",
        Column("amount", label=_("Amount"), accessor=euros("amount_cents")),
        "status",
        Column("refunded", label=_("Refunded"), accessor=euros("refunded_cents")),
        "payment_intent_id",
        "invoice_id",
    ]
    list_filter = ["status", "frequency", "provider"]
    search_fields = ["email", "checkout_session_id", "payment_intent_id", "invoice_id"]
    ordering = ["-created_at"]
    form_fields = ["status"]


class FailedPaymentViewSet(PaymentRowsViewSet):
    model = FailedPayment
    name, url_prefix = "giving_failed", "giving/failed"
    icon = "warning"
    menu_label = _("Failed payments")
    list_display = [
        "failed_at",
        "monthly_gift",
        "invoice_id",
        "attempt",
        Column("amount", label=_("Amount"), accessor=euros("amount_cents")),
        "donor_emailed_at",
    ]
    ordering = ["-failed_at"]
    form_fields = ["attempt"]


class FiguresView(StaffTemplateView):
    """Active monthly donors, monthly recurring revenue, new and stopped per month, failed payments."""

    permission_required = "giving.view_monthlygift"
    template_name = "giving/admin/figures.html"
    page_title = _("Giving: figures")
    header_icon = "table"

    def get(self, request):
        donors, mrr = finance.active_monthly()
        months = finance.per_month()
        return self.render(
            donors=donors,
            mrr=mrr,
            months=months,
            chart=new_and_stopped_chart(months),
            failed=finance.failed_to_follow_up(),
        )


class ExportView(StaffTemplateView):
    """One row per payment as CSV (Finance only); `?year=2026` for one calendar year."""

    permission_required = "giving.export_gifts"

    def get(self, request):
        year = request.GET.get("year", "")
        if year and not (year.isdigit() and 2000 <= int(year) <= 2100):
            return HttpResponseBadRequest(_("The year must be a year, like 2026."), content_type="text/plain")
        filename = f"giving-payments-{year or 'all'}-{timezone.localdate():%Y-%m-%d}.csv"
        return stream_csv(filename, exports.header(), exports.export_rows(int(year) if year else None))


class GivingFiguresViewSet(StaffViewSet):
    name = "giving_figures"
    url_prefix = "giving/figures"
    icon = "table"
    menu_label = _("Figures")
    menu_permission = "giving.view_monthlygift"
    menu_hook = "register_giving_menu_item"
    menu_order = 0

    def get_urlpatterns(self):
        return [
            path("", FiguresView.as_view(), name="index"),
            path("export.csv", ExportView.as_view(), name="export"),
        ]


class GivingGroup(ModelViewSetGroup):
    items = (MonthlyGiftViewSet, GiftViewSet, FailedPaymentViewSet)
    menu_icon = "repeat"
    menu_label = _("Giving")
    menu_name = "giving"
    menu_order = 420
    submenu_hook = "register_giving_menu_item"


@hooks.register("register_admin_viewset")
def register_giving_admin():
    return [GivingGroup(), GivingFiguresViewSet()]
