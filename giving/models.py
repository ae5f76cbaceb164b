"""Giving beyond the ad: the donate page, one-off gifts, monthly gifts (Stripe subscriptions) and their payments.

No card or bank data is stored: only amounts, the donor's email and language, and Stripe's references.
Rows hang off the donate page's translation group (`page_key`), like the ad's donations.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from website.caching import CachedPageMixin

from .frequency import CURRENCY, Frequency

MAX_SUGGESTED = 6


def parse_suggested(text):
    """Whole euros from "5, 10, 25": the editor's suggested amounts, in their order."""
    values = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) <= 0:
            raise ValidationError(_("Give whole euros separated by commas, e.g. 5, 10, 25."))
        values.append(int(part))
    if not values or len(values) > MAX_SUGGESTED:
        raise ValidationError(_("Give between one and six amounts."))
    return values


def validate_suggested(text):
    parse_suggested(text)


class DonatePage(CachedPageMixin, Page):
    """Give once or every month, outside any ad. The form posts to `giving.views.give` (uncached)."""

    intro = models.TextField(_("introduction"))
    suggested_amounts = models.CharField(
        _("suggested amounts (€)"),
        max_length=60,
        default="5, 10, 25, 50",
        validators=[validate_suggested],
        help_text=_("Whole euros separated by commas; the first is chosen when the page opens."),
    )
    minimum_amount = models.DecimalField(
        _("minimum (€)"), max_digits=8, decimal_places=2, default=2, validators=[MinValueValidator(1)]
    )
    maximum_amount = models.DecimalField(
        _("maximum (€)"), max_digits=8, decimal_places=2, default=10000, validators=[MinValueValidator(1)]
    )
    default_frequency = models.CharField(
        _("chosen when the page opens"), max_length=10, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    earmark = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("earmark"),
        help_text=_("Optional: a campaign or a project these gifts go to."),
    )
    thanks_text = models.TextField(_("thank-you text"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("suggested_amounts"),
                FieldPanel("minimum_amount"),
                FieldPanel("maximum_amount"),
                FieldPanel("default_frequency"),
            ],
            heading=_("Amounts"),
        ),
        PageChooserPanel("earmark", page_type=["campaigns.CampaignPage", "projects.ProjectPage"]),
        FieldPanel("thanks_text"),
    ]
    # Amounts mean the same in both languages.
    override_translatable_fields = [
        SynchronizedField("suggested_amounts", overridable=False),
        SynchronizedField("minimum_amount", overridable=False),
        SynchronizedField("maximum_amount", overridable=False),
        SynchronizedField("default_frequency", overridable=False),
    ]
    parent_page_types = ["website.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("donate page")

    def clean(self):
        super().clean()
        if self.minimum_amount and self.maximum_amount and self.minimum_amount > self.maximum_amount:
            raise ValidationError({"maximum_amount": _("The maximum must be at least the minimum.")})
        try:
            suggested = parse_suggested(self.suggested_amounts)
        except ValidationError:
            return  # the field's own validator says why
        if (
            self.minimum_amount
            and self.maximum_amount
            and not all(self.minimum_amount <= euros <= self.maximum_amount for euros in suggested)
        ):
            raise ValidationError(
                {"suggested_amounts": _("Every suggested amount must lie between the minimum and the maximum.")}
            )

    @property
    def suggested(self):
        return parse_suggested(self.suggested_amounts)

    @property
    def minimum_cents(self):
        return int(self.minimum_amount * 100)

    @property
    def maximum_cents(self):
        return int(self.maximum_amount * 100)

    def get_context(self, request, *args, **kwargs):
        from .forms import DonateForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", DonateForm(page=self))
        return context


class GiftStatus(models.TextChoices):
    PENDING = "pending", _("waiting for payment")
    PAID = "paid", _("paid")
    EXPIRED = "expired", _("not paid")
    REFUNDED = "refunded", _("refunded")


class MonthlyStatus(models.TextChoices):
    INCOMPLETE = "incomplete", _("not started")
    ACTIVE = "active", _("active")
    PAST_DUE = "past_due", _("payment failed")
    CANCELLED = "cancelled", _("stopped")


class DonorFields(models.Model):
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    page_key = models.UUIDField(_("donate page"), null=True, blank=True, db_index=True)
    earmark = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("earmark"),
    )
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    currency = models.CharField(max_length=3, default=CURRENCY)
    email = models.EmailField(_("email"), max_length=254)
    language = models.CharField(_("language"), max_length=8)
    newsletter_consent = models.BooleanField(_("newsletter"), default=False)
    provider = models.CharField(max_length=10)
    checkout_session_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    customer_id = models.CharField(_("Stripe customer"), max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class MonthlyGift(DonorFields):
    """A monthly gift: one Stripe subscription. Its payments are `Gift` rows (one per paid invoice)."""

    status = models.CharField(
        _("status"), max_length=12, choices=MonthlyStatus.choices, default=MonthlyStatus.INCOMPLETE
    )
    subscription_id = models.CharField(_("Stripe subscription"), max_length=255, unique=True, null=True, blank=True)
    upsold_from = models.OneToOneField(
        "giving.Gift", null=True, blank=True, on_delete=models.SET_NULL, related_name="made_monthly"
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("stopped"), null=True, blank=True)
    # The creation time of the last subscription event applied: an older one, arriving late, is skipped.
    stripe_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("monthly gift")
        verbose_name_plural = _("monthly gifts")

    def __str__(self):
        return f"{self.email} {self.amount_cents / 100:.2f}/month ({self.status})"


class Gift(DonorFields):
    """One payment: a one-off gift (a Checkout Session), or one month of a monthly gift (an invoice)."""

    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    monthly_gift = models.ForeignKey(
        MonthlyGift, null=True, blank=True, on_delete=models.PROTECT, related_name="payments"
    )
    status = models.CharField(_("status"), max_length=10, choices=GiftStatus.choices, default=GiftStatus.PENDING)
    invoice_id = models.CharField(_("Stripe invoice"), max_length=255, unique=True, null=True, blank=True)
    payment_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    refunded_cents = models.PositiveIntegerField(default=0)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    receipt_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        permissions = [("export_gifts", "Can export gifts for finance")]

    def __str__(self):
        return f"{self.email} {self.amount_cents / 100:.2f} ({self.status})"


class FailedPayment(models.Model):
    """A monthly payment that failed: one row per invoice and attempt, for staff to follow up."""

    monthly_gift = models.ForeignKey(MonthlyGift, on_delete=models.CASCADE, related_name="failed_payments")
    invoice_id = models.CharField(max_length=255)
    attempt = models.PositiveIntegerField(default=1)
    amount_cents = models.PositiveIntegerField(default=0)
    failed_at = models.DateTimeField(auto_now_add=True)
    # Set on the attempt whose email went out: the donor hears of a failed invoice once, whatever its attempts.
    donor_emailed_at = models.DateTimeField(_("donor emailed"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["invoice_id", "attempt"], name="giving_failed_once"),
            models.UniqueConstraint(
                fields=["invoice_id"],
                condition=models.Q(donor_emailed_at__isnull=False),
                name="giving_failure_emailed_once",
            ),
        ]
