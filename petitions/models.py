"""Petitions, their signatures and counts.

Signatures, counts and target responses hang off the petition's translation group
(`petition_key` = `Petition.translation_key`), never off one language's copy: a petition has one
count in both languages.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import PreviewableMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from website.translation import choose


class PetitionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    HANDED_OVER = "handed_over", _("Handed over")


def validate_milestones(value):
    try:
        numbers = [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError:
        raise ValidationError(_("Give the milestones as whole numbers separated by commas.")) from None
    if numbers != sorted(set(numbers)) or any(number <= 0 for number in numbers):
        raise ValidationError(_("Milestones must be positive and increasing."))


class Petition(TranslatableMixin, PreviewableMixin, index.Indexed, ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    demand = models.TextField(_("the demand"), help_text=_("What the petition asks, in one or two sentences."))
    addressed_to = models.CharField(
        _("addressed to"), max_length=200, help_text=_("E.g. “The mayor of every municipality”.")
    )
    background = RichTextField(_("background"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    goal = models.PositiveIntegerField(_("signature goal"), validators=[MinValueValidator(1)])
    milestones = models.CharField(
        _("milestones"),
        max_length=200,
        blank=True,
        validators=[validate_milestones],
        help_text=_("Signature counts worth celebrating, e.g. “1000, 5000, 10000”."),
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=PetitionStatus.choices, default=PetitionStatus.DRAFT)
    thank_you_text = models.TextField(_("thank-you text"), help_text=_("Shown after signing."))
    share_text = models.CharField(_("share text"), max_length=200, blank=True)
    consent_text = models.TextField(
        _("consent text"),
        help_text=_(
            "What signers agree to. Every change makes a new version; each signature records the version it was shown."
        ),
    )
    newsletter_text = models.CharField(
        _("newsletter opt-in text"), max_length=300, blank=True, help_text=_("Leave empty to not offer the newsletter.")
    )
    ask_municipality = models.BooleanField(_("ask for the municipality"), default=True)
    ask_postcode = models.BooleanField(_("ask for the postcode"), default=False)
    ask_comment = models.BooleanField(_("ask “why I sign”"), default=False)
    has_targets = models.BooleanField(_("track municipalities' responses"), default=False)
    # A count from before this site or from elsewhere (e.g. a 2020 petition on another platform): it adds to
    # the public total and is labelled with its source wherever the total is explained.
    imported_count = models.PositiveIntegerField(
        _("imported signatures"),
        default=0,
        blank=True,
        validators=[MaxValueValidator(100_000_000)],
        help_text=_("Signatures collected before this site or elsewhere; they add to the public total."),
    )
    imported_count_source = models.CharField(
        _("source of the imported signatures"),
        max_length=300,
        blank=True,
        help_text=_("When and by whom they were counted, e.g. “2020, counted by VluchtelingenWerk Nederland”."),
    )
    handed_over_on = models.DateField(_("handed over on"), null=True, blank=True)
    handed_over_to = models.CharField(
        _("handed over to"), max_length=200, blank=True, help_text=_("E.g. “The Minister for Migration”.")
    )
    handover_image = models.ForeignKey(
        "website.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo of the handover"),
    )
    anonymise_after_days = models.PositiveIntegerField(
        _("anonymise after (days)"),
        default=90,
        validators=[MaxValueValidator(730)],
        help_text=_("Days after closing when names, emails and IP addresses are removed; counts stay."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("demand"),
        FieldPanel("addressed_to"),
        FieldPanel("background"),
        MultiFieldPanel([FieldPanel("goal"), FieldPanel("milestones")], heading=_("Goal")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("status")], heading=_("When")
        ),
        MultiFieldPanel(
            [
                FieldPanel("ask_municipality"),
                FieldPanel("ask_postcode"),
                FieldPanel("ask_comment"),
                FieldPanel("has_targets"),
            ],
            heading=_("Form"),
        ),
        MultiFieldPanel(
            [FieldPanel("consent_text"), FieldPanel("newsletter_text"), FieldPanel("anonymise_after_days")],
            heading=_("Privacy"),
        ),
        MultiFieldPanel(
            [FieldPanel("imported_count"), FieldPanel("imported_count_source")], heading=_("Imported signatures")
        ),
        MultiFieldPanel(
            [FieldPanel("handed_over_on"), FieldPanel("handed_over_to"), FieldPanel("handover_image")],
            heading=_("Handover"),
        ),
        FieldPanel("thank_you_text"),
        FieldPanel("share_text"),
    ]
    # Settings that must be the same in both languages are synchronised, not translated.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("demand"),
        TranslatableField("addressed_to"),
        TranslatableField("background"),
        TranslatableField("thank_you_text"),
        TranslatableField("share_text"),
        TranslatableField("consent_text"),
        TranslatableField("newsletter_text"),
        TranslatableField("imported_count_source"),
        TranslatableField("handed_over_to"),
        SynchronizedField("goal"),
        SynchronizedField("milestones"),
        SynchronizedField("opens_at"),
        SynchronizedField("closes_at"),
        SynchronizedField("status"),
        SynchronizedField("ask_municipality"),
        SynchronizedField("ask_postcode"),
        SynchronizedField("ask_comment"),
        SynchronizedField("has_targets"),
        SynchronizedField("anonymise_after_days"),
        SynchronizedField("imported_count"),
        SynchronizedField("handed_over_on"),
        SynchronizedField("handover_image"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        self.imported_count = self.imported_count or 0  # optional in the form: left out or cleared means none
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("A petition must close after it opens.")
        if self.imported_count and not self.imported_count_source.strip():
            errors["imported_count_source"] = _("Say where the imported signatures were counted, and when.")
        elif self.imported_count_source.strip() and not self.imported_count:
            errors["imported_count"] = _("Give the number of imported signatures, or clear their source.")
        if self.handed_over_on and self.handed_over_on > timezone.localdate():
            errors["handed_over_on"] = _("The handover cannot be in the future.")
        if self.status == PetitionStatus.HANDED_OVER:
            if not self.handed_over_on:
                errors["handed_over_on"] = _("Give the date of the handover.")
            if not self.handed_over_to.strip():
                errors["handed_over_to"] = _("Say to whom the petition was handed over.")
        if errors:
            raise ValidationError(errors)

    def get_preview_template(self, request, mode_name):
        return "petitions/petition_preview.html"

    @property
    def petition_key(self):
        return self.translation_key

    @property
    def milestone_list(self):
        return [int(part) for part in self.milestones.replace(" ", "").split(",") if part]

    def is_open(self, now=None):
        now = now or timezone.now()
        return (
            self.status == PetitionStatus.OPEN
            and self.opens_at <= now
            and (self.closes_at is None or now < self.closes_at)
        )


class ConsentVersion(models.Model):
    """The exact consent text a signer was shown, per petition, language and version."""

    petition_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=8)
    version = models.PositiveIntegerField()
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["petition_key", "language", "version"], name="unique_consent_version")
        ]

    def __str__(self):
        return f"{self.language} v{self.version}"


class Municipality(models.Model):
    cbs_code = models.CharField(_("CBS code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=100)
    province = models.CharField(_("province"), max_length=40)
    active = models.BooleanField(default=True, help_text=_("False once merged into another municipality."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class SignatureStatus(models.TextChoices):
    PENDING = "pending", _("Pending confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    INVALIDATED = "invalidated", _("Invalidated")


class Invalidation(models.Model):
    """A staff decision to invalidate signatures by criteria; undoing it restores them."""

    petition_key = models.UUIDField(db_index=True)
    criteria = models.JSONField()
    reason = models.CharField(max_length=300)
    created_by = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    matched = models.PositiveIntegerField(default=0)
    undone_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.reason} ({self.matched})"


class Signature(models.Model):
    # Indexed as the first column of the composite indexes below (a separate index would only slow inserts).
    petition_key = models.UUIDField()
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    # Case, dots and +tags folded by provider rules: one person signs once per petition.
    email_normalised = models.CharField(max_length=254)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("municipality")
    )
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    comment = models.CharField(_("why I sign"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=8)
    consent = models.ForeignKey(ConsentVersion, on_delete=models.PROTECT, verbose_name=_("consent shown"))
    newsletter_opt_in = models.BooleanField(_("newsletter"), default=False)
    notify_on_response = models.BooleanField(_("tell me when my municipality responds"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=SignatureStatus.choices, default=SignatureStatus.PENDING
    )
    suspect_reasons = models.CharField(_("suspect because"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("signed"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    # The confirmation email outbox: set by signing (and by a reminder), cleared once the email went
    # out (`tasks.send_due_confirmations`), so a signature costs a single INSERT in the request.
    confirmation_due = models.BooleanField(default=False)
    email_failures = models.PositiveSmallIntegerField(default=0)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    form_seconds = models.FloatField(_("seconds on the form"), null=True, blank=True)
    invalidation = models.ForeignKey(
        Invalidation, null=True, blank=True, on_delete=models.SET_NULL, related_name="signatures"
    )
    # Maintained only by the counting job: whether this signature is in PetitionCount.
    counted = models.BooleanField(default=False)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        permissions = [("export_signatures", "Can export signatures")]
        constraints = [
            models.UniqueConstraint(
                fields=["petition_key", "email_normalised"],
                condition=~Q(email_normalised=""),
                name="one_signature_per_person",
            ),
        ]
        indexes = [
            models.Index(fields=["petition_key", "status", "counted"], name="signature_counting"),
            models.Index(fields=["petition_key", "created_at"], name="signature_timeline"),
            models.Index(fields=["ip_address", "created_at"], name="signature_ip"),
            # Holds only the outbox, so finding what to send stays cheap among millions of signatures.
            models.Index(fields=["created_at"], name="signature_confirmation_due", condition=Q(confirmation_due=True)),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def is_suspect(self):
        return bool(self.suspect_reasons)


class PaperSignatures(models.Model):
    """Signatures collected on paper, entered by staff; they count toward the total."""

    petition_key = models.UUIDField(db_index=True)
    count = models.PositiveIntegerField(_("number of signatures"), validators=[MinValueValidator(1)])
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("municipality")
    )
    note = models.CharField(_("note"), max_length=300, help_text=_("Where and when they were collected."))
    added_by = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("paper signatures")
        verbose_name_plural = _("paper signatures")

    def __str__(self):
        return f"{self.count} – {self.note}"


class PetitionCount(models.Model):
    """The public count, written only by the counting job (one row per petition group)."""

    petition_key = models.UUIDField(unique=True)
    confirmed = models.PositiveIntegerField(default=0)
    paper = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)  # Petition.imported_count, copied by the counting job
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.petition_key}: {self.total}"

    @property
    def total(self):
        return self.confirmed + self.paper + self.imported


class JobLock(models.Model):
    """A row to lock so that only one worker runs a job at a time (SELECT … FOR UPDATE)."""

    name = models.CharField(max_length=50, unique=True)

    def __str__(self):
        return self.name


class ResponseStatus(models.TextChoices):
    NO_RESPONSE = "no_response", _("No response")
    MOTION_TABLED = "motion_tabled", _("Motion tabled")
    DEBATED = "debated", _("Debated")
    SAID_YES = "said_yes", _("Said yes")
    SAID_NO = "said_no", _("Said no")
    ACTED = "acted", _("Acted")


class TargetResponseQuerySet(models.QuerySet):
    def with_notes(self):
        """Notes fetched with the responses, so that `note_in` costs no query per response."""
        return self.prefetch_related(models.Prefetch("notes", queryset=ResponseNote.objects.select_related("locale")))


class TargetResponse(models.Model):
    """What a municipality did with the petition's ask, recorded by staff."""

    petition_key = models.UUIDField(db_index=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, verbose_name=_("municipality"))
    status = models.CharField(
        _("response"), max_length=16, choices=ResponseStatus.choices, default=ResponseStatus.NO_RESPONSE
    )
    responded_on = models.DateField(_("date"), null=True, blank=True)
    source_url = models.URLField(_("source"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TargetResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality response")
        verbose_name_plural = _("municipality responses")
        constraints = [models.UniqueConstraint(fields=["petition_key", "municipality"], name="one_response_per_target")]

    def __str__(self):
        return f"{self.municipality}: {self.get_status_display()}"

    @property
    def said_yes(self):
        return self.status in {ResponseStatus.SAID_YES, ResponseStatus.ACTED}

    def note_in(self, language=None):
        """The note in `language` (the active one when None), else in the language it was written in; "" when
        there is none. Fetch responses `with_notes()` to read many."""
        note = choose({note.locale.language_code: note for note in self.notes.all()}, language)
        return note.text if note else ""


class ResponseNote(TranslatableMixin, models.Model):
    """What staff add to a response for the public, one row per language (a translation group per response).

    The facts of a response (status, date, source) are the same in every language and stay on TargetResponse.
    """

    response = models.ForeignKey(TargetResponse, on_delete=models.CASCADE, related_name="notes")
    text = models.CharField(_("note"), max_length=500)

    translatable_fields = [TranslatableField("text"), SynchronizedField("response")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("response note")
        constraints = [models.UniqueConstraint(fields=["response", "locale"], name="one_note_per_response_language")]

    def __str__(self):
        return self.text


@register_setting(icon="cogs")
class PetitionSettings(BaseGenericSetting):
    """Runtime switches staff can change without a deploy (e-petitions keeps these in data too)."""

    counting_interval = models.PositiveSmallIntegerField(
        _("counting interval (seconds)"), default=5, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    ip_burst_limit = models.PositiveIntegerField(_("signatures per IP per minute"), default=10)
    ip_sustained_limit = models.PositiveIntegerField(_("signatures per IP per hour"), default=60)
    petition_burst_limit = models.PositiveIntegerField(_("signatures per petition per minute"), default=5000)
    minimum_form_seconds = models.PositiveSmallIntegerField(
        _("minimum seconds on the form"),
        default=3,
        help_text=_("Faster submissions are marked suspect (people need a few seconds to fill in a form)."),
    )
    pending_expiry_days = models.PositiveSmallIntegerField(_("delete unconfirmed after (days)"), default=7)
    reminder_after_hours = models.PositiveSmallIntegerField(_("first reminder after (hours)"), default=24)

    panels = [
        FieldPanel("counting_interval"),
        MultiFieldPanel(
            [
                FieldPanel("ip_burst_limit"),
                FieldPanel("ip_sustained_limit"),
                FieldPanel("petition_burst_limit"),
                FieldPanel("minimum_form_seconds"),
            ],
            heading=_("Abuse controls (exceeding them marks signatures as suspect)"),
        ),
        MultiFieldPanel(
            [FieldPanel("pending_expiry_days"), FieldPanel("reminder_after_hours")], heading=_("Unconfirmed signatures")
        ),
    ]

    class Meta:
        verbose_name = _("petition settings")
