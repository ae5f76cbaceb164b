"""Square-centimetre newspaper ads, the holds that reserve their area, and the donations that pay for it.

Everything that must not split by language (ledger, holds, donations, cells) hangs off the ad's
translation group (`ad_key` = `DonationAd.translation_key`). Area is counted in hundredths of a cm²
("units", `area.UNITS_PER_CM2`), so a small gift buys an exact share of a cell.

The invariant "funded + held never exceeds the ad" lives in `AdLedger`: one row per ad, changed only
under `SELECT … FOR UPDATE` (holds.py, fulfilment.py) and by a conditional UPDATE, with a
CheckConstraint as the last line of defence.
"""

import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .area import UNITS_PER_CM2, cents

MAX_CELLS = 20000  # the canvas draws one cell per cm²: keep it drawable


class AdStatus(models.TextChoices):
    OPEN = "open", _("Open for gifts")
    FUNDED = "funded", _("Funded")
    PUBLISHED = "published", _("Published")


class DonationAd(TranslatableMixin, index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Why this ad, in a few sentences. Shown above the canvas.")
    )
    width_cm = models.PositiveSmallIntegerField(
        _("width (cm)"),
        validators=[MinValueValidator(1), MaxValueValidator(400)],
        help_text=_("The printed ad's real width: the canvas on the page has the same proportions."),
    )
    height_cm = models.PositiveSmallIntegerField(
        _("height (cm)"), validators=[MinValueValidator(1), MaxValueValidator(400)]
    )
    total_area_cm2 = models.PositiveIntegerField(
        _("area for sale (cm²)"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CELLS)],
        help_text=_(
            "At most width × height; the squares left over (the last ones) are the organisation's own "
            "line and not for sale."
        ),
    )
    price_per_cm2 = models.DecimalField(
        _("price per cm² (EUR)"), max_digits=7, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    minimum_gift = models.DecimalField(
        _("minimum gift (EUR)"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("2.00"),
        validators=[MinValueValidator(Decimal("0.50"))],
        help_text=_("Stripe accepts no payment below € 0.50."),
    )
    deadline = models.DateTimeField(_("funding closes"), help_text=_("The print deadline: no gifts after it."))
    publication = models.CharField(
        _("publication"),
        max_length=300,
        help_text=_("Where and when the ad appears, e.g. “Trouw, de Volkskrant, Het Parool and AD on 8 April”."),
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    if_sold_out = models.TextField(
        _("if it sells out early"),
        help_text=_("Announced on the page before anyone pays, e.g. “extra gifts fund a second paper”."),
    )
    if_deadline_passes = models.TextField(
        _("if the deadline passes first"),
        help_text=_(
            "Announced on the page before anyone pays: what happens with the gifts if the ad is not "
            "full by the deadline."
        ),
    )
    status = models.CharField(_("status"), max_length=10, choices=AdStatus.choices, default=AdStatus.OPEN)
    printed_image = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image of the printed ad"),
    )
    printed_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("PDF of the printed ad"),
    )
    # Totals from before this site (an ad funded elsewhere or earlier): added to the public counters and
    # labelled with their source. Imported area only on an ad that no longer sells, so the ledger's
    # "never oversold" stays the ledger's alone.
    imported_donors = models.PositiveIntegerField(
        _("imported donors"), default=0, blank=True, validators=[MaxValueValidator(10_000_000)]
    )
    imported_area_cm2 = models.PositiveIntegerField(_("imported area funded (cm²)"), default=0, blank=True)
    imported_source = models.CharField(
        _("source of the imported totals"),
        max_length=300,
        blank=True,
        help_text=_("When and by whom they were counted, e.g. “2022 campaign, counted by VluchtelingenWerk”."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("width_cm"), FieldPanel("height_cm")]), FieldPanel("total_area_cm2")],
            heading=_("Layout"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("price_per_cm2"), FieldPanel("minimum_gift")]), FieldPanel("deadline")],
            heading=_("Gifts"),
        ),
        MultiFieldPanel([FieldPanel("publication"), FieldPanel("publication_date")], heading=_("Publication")),
        MultiFieldPanel(
            [FieldPanel("if_sold_out"), FieldPanel("if_deadline_passes")], heading=_("Announced before anyone pays")
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("printed_image"), FieldPanel("printed_document")], heading=_("Status")
        ),
        MultiFieldPanel(
            [FieldPanel("imported_donors"), FieldPanel("imported_area_cm2"), FieldPanel("imported_source")],
            heading=_("Imported totals"),
        ),
    ]
    # Layout, money and dates are one fact for both languages: synchronised, never translated.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("intro"),
        TranslatableField("publication"),
        TranslatableField("if_sold_out"),
        TranslatableField("if_deadline_passes"),
        TranslatableField("imported_source"),
        SynchronizedField("width_cm"),
        SynchronizedField("height_cm"),
        SynchronizedField("total_area_cm2"),
        SynchronizedField("price_per_cm2"),
        SynchronizedField("minimum_gift"),
        SynchronizedField("deadline"),
        SynchronizedField("publication_date"),
        SynchronizedField("status"),
        SynchronizedField("printed_image"),
        SynchronizedField("printed_document"),
        SynchronizedField("imported_donors"),
        SynchronizedField("imported_area_cm2"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("donation ad")
        verbose_name_plural = _("donation ads")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.width_cm and self.height_cm and self.total_area_cm2:
            if self.total_area_cm2 > self.width_cm * self.height_cm:
                errors["total_area_cm2"] = _(
                    "The area for sale cannot be larger than width × height (%(cells)s cm²)."
                ) % {"cells": self.width_cm * self.height_cm}
            elif self.width_cm * self.height_cm > MAX_CELLS:
                errors["height_cm"] = _("The canvas can show at most %(cells)s cm².") % {"cells": MAX_CELLS}
            taken = AdLedger.objects.filter(ad_key=self.translation_key).first() if self.translation_key else None
            if taken and self.total_area_cm2 * UNITS_PER_CM2 < taken.funded_units + taken.held_units:
                errors["total_area_cm2"] = _("%(cm2)s cm² are already funded or reserved.") % {
                    "cm2": (taken.funded_units + taken.held_units) / UNITS_PER_CM2
                }
        if self.price_per_cm2 and self.minimum_gift and self.minimum_gift * 100 < self.price_per_cm2:
            errors["minimum_gift"] = _("The minimum gift must buy at least 0.01 cm².")
        errors.update(self._imported_errors())
        if errors:
            raise ValidationError(errors)

    def _imported_errors(self):
        # Optional in the form (left out or cleared means none); stored as 0.
        self.imported_donors = self.imported_donors or 0
        self.imported_area_cm2 = self.imported_area_cm2 or 0
        errors = {}
        if self.imported_area_cm2:
            if self.total_area_cm2 and self.imported_area_cm2 > self.total_area_cm2:
                errors["imported_area_cm2"] = _("The imported area cannot be larger than the area for sale.")
            elif self.status == AdStatus.OPEN:
                errors["imported_area_cm2"] = _(
                    "Imported area is for an ad that is funded or published; an open ad sells its area here."
                )
        has_numbers = bool(self.imported_donors or self.imported_area_cm2)
        if has_numbers and not self.imported_source.strip():
            errors["imported_source"] = _("Say where the imported totals were counted, and when.")
        elif self.imported_source.strip() and not has_numbers:
            errors["imported_donors"] = _("Give the imported donors or area, or clear their source.")
        return errors

    @property
    def ad_key(self):
        return self.translation_key

    @property
    def total_units(self):
        return self.total_area_cm2 * UNITS_PER_CM2

    @property
    def price_cents(self):
        return cents(self.price_per_cm2)

    @property
    def minimum_cents(self):
        return cents(self.minimum_gift)

    @property
    def cells(self):
        return self.width_cm * self.height_cm

    def accepts_gifts(self, now=None):
        """Open and before the deadline; whether area is left is the ledger's business."""
        return self.status == AdStatus.OPEN and (now or timezone.now()) < self.deadline


class AdLedger(models.Model):
    """The one row per ad that says how much is funded and held; see the module docstring."""

    ad_key = models.UUIDField(unique=True)
    total_units = models.PositiveIntegerField()
    funded_units = models.PositiveIntegerField(default=0)
    held_units = models.PositiveIntegerField(default=0)
    donors = models.PositiveIntegerField(default=0)
    raised_cents = models.PositiveBigIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(funded_units__lte=F("total_units") - F("held_units")), name="ledger_never_oversold"
            ),
        ]

    def __str__(self):
        return f"{self.ad_key}: {self.funded_units}+{self.held_units}/{self.total_units}"

    @property
    def free_units(self):
        return max(0, self.total_units - self.funded_units - self.held_units)


class HoldStatus(models.TextChoices):
    ACTIVE = "active", _("Waiting for payment")
    PROCESSING = "processing", _("Payment processing")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Payment failed")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


HOLDING = (HoldStatus.ACTIVE, HoldStatus.PROCESSING)  # the statuses whose area counts as held


class Hold(models.Model):
    """Area (and chosen cells) reserved for one checkout, until it is paid, fails, is cancelled or expires."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ad_key = models.UUIDField(db_index=True)
    units = models.PositiveIntegerField(_("area (1/100 cm²)"))
    cells = models.JSONField(_("chosen squares"), default=list, blank=True)
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    status = models.CharField(_("status"), max_length=12, choices=HoldStatus.choices, default=HoldStatus.ACTIVE)
    email = models.EmailField(_("email"), max_length=254)
    email_normalised = models.CharField(max_length=254, db_index=True)
    display_name = models.CharField(_("name to show"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=8)
    provider = models.CharField(max_length=10, default="stripe")
    checkout_session_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    checkout_url = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("hold")
        verbose_name_plural = _("holds")
        indexes = [models.Index(fields=["status", "expires_at"], name="hold_expiry")]

    def __str__(self):
        return f"{self.units / UNITS_PER_CM2:g} cm² ({self.get_status_display()})"

    @property
    def is_holding(self):
        return self.status in HOLDING


class CellClaim(models.Model):
    """One chosen cm² cell: by a hold while it waits, by its donation once paid. Unique per ad."""

    ad_key = models.UUIDField()
    cell = models.PositiveIntegerField()
    hold = models.ForeignKey(Hold, on_delete=models.CASCADE, related_name="claims")
    donation = models.ForeignKey("Donation", null=True, blank=True, on_delete=models.CASCADE, related_name="claims")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ad_key", "cell"], name="one_claim_per_cell")]

    def __str__(self):
        return f"{self.ad_key}#{self.cell}"


class NameStatus(models.TextChoices):
    NONE = "none", _("No name")
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Shown")
    REJECTED = "rejected", _("Not shown")


class Donation(models.Model):
    """A paid Checkout Session: written only by fulfilment.fulfil_checkout_session, once per session."""

    ad_key = models.UUIDField(db_index=True)
    hold = models.OneToOneField(Hold, null=True, blank=True, on_delete=models.SET_NULL, related_name="donation")
    checkout_session_id = models.CharField(_("Checkout Session"), max_length=255, unique=True)
    payment_intent_id = models.CharField(_("PaymentIntent"), max_length=255, blank=True, db_index=True)
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    currency = models.CharField(max_length=3, default="eur")
    units = models.PositiveIntegerField(_("area bought (1/100 cm²)"))
    # Less than `units` only when the ad was full when a late payment arrived: the announced
    # "if it sells out" policy covers the rest (never oversold).
    credited_units = models.PositiveIntegerField(_("area on the ad (1/100 cm²)"))
    returned_units = models.PositiveIntegerField(_("area given back (1/100 cm²)"), default=0)
    refunded_cents = models.PositiveIntegerField(_("refunded (cents)"), default=0)
    refunded_at = models.DateTimeField(_("refunded"), null=True, blank=True)
    method = models.CharField(_("payment method"), max_length=40, blank=True)
    email = models.EmailField(_("email"), max_length=254, blank=True)
    email_normalised = models.CharField(max_length=254, blank=True, db_index=True)
    display_name = models.CharField(_("name to show"), max_length=40, blank=True)
    name_status = models.CharField(_("name"), max_length=10, choices=NameStatus.choices, default=NameStatus.NONE)
    language = models.CharField(_("language"), max_length=8)
    livemode = models.BooleanField(default=False)
    paid_at = models.DateTimeField(_("paid"), default=timezone.now)
    receipt_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        permissions = [("export_donations", "Can export donations (finance)")]
        indexes = [
            models.Index(fields=["ad_key", "paid_at"], name="donation_timeline"),
            models.Index(fields=["ad_key", "name_status"], name="donation_names"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(returned_units__lte=F("credited_units")), name="donation_returns_at_most_its_area"
            ),
            models.CheckConstraint(
                condition=Q(credited_units__lte=F("units")), name="donation_credits_at_most_its_area"
            ),
        ]

    def __str__(self):
        return f"€ {self.amount_cents / 100:.2f} ({self.units / UNITS_PER_CM2:g} cm²)"

    @property
    def area_units(self):
        """The area this donation holds on the ad now."""
        return self.credited_units - self.returned_units

    @property
    def fully_refunded(self):
        return self.refunded_cents >= self.amount_cents

    @property
    def overflow_units(self):
        return self.units - self.credited_units


class StripeEvent(models.Model):
    """Every verified webhook event, by Stripe's id: a redelivery finds its row and changes nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=255, blank=True)
    livemode = models.BooleanField(default=False)
    created = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    deliveries = models.PositiveIntegerField(default=1)
    processed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.event_id} {self.type}"


class PaymentRefund(models.Model):
    """The refunded total Stripe reported per PaymentIntent (cumulative, so only ever raised).

    Kept apart from Donation so that a refund event arriving before the payment's own event is not lost.
    """

    payment_intent_id = models.CharField(max_length=255, unique=True)
    amount_refunded_cents = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.payment_intent_id}: {self.amount_refunded_cents}"


@register_setting(icon="cogs")
class DonationSettings(BaseGenericSetting):
    """Limits staff can change without a deploy."""

    maximum_gift = models.DecimalField(
        _("largest gift (EUR)"),
        max_digits=9,
        decimal_places=2,
        default=Decimal("1000.00"),
        validators=[MinValueValidator(Decimal("1.00"))],
        help_text=_("Larger gifts are welcome through the regular donation page."),
    )
    maximum_cells = models.PositiveSmallIntegerField(
        _("most squares one donor can pick"), default=50, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    holds_per_ip_per_hour = models.PositiveIntegerField(
        _("checkouts per IP address per hour"),
        default=20,
        help_text=_("Every checkout reserves area for half an hour: this stops one visitor from blocking the ad."),
    )

    panels = [FieldPanel("maximum_gift"), FieldPanel("maximum_cells"), FieldPanel("holds_per_ip_per_hour")]

    class Meta:
        verbose_name = _("donation settings")

    @property
    def maximum_cents(self):
        return cents(self.maximum_gift)
