"""Coalition partners of a petition, their signers' opt-ins, and the journey after signing.

Like signatures, everything here that must not split by language hangs off translation keys: a partner's
opt-ins off `CoalitionPartner.translation_key` (`partner_key`), clicks off the petition's key.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

EXPORT_PERMISSION = "export_partner_{}"


class CoalitionPartner(TranslatableMixin, index.Indexed, models.Model):
    """An organisation that runs a petition with us: shown on the petition, with its own optional opt-in."""

    petition = models.ForeignKey(
        "petitions.Petition", on_delete=models.CASCADE, related_name="+", verbose_name=_("petition")
    )
    organisation = models.ForeignKey(
        "projects.PartnerOrganisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    opt_in_text = models.TextField(
        _("opt-in text"),
        blank=True,
        help_text=_(
            "What signers agree to when they tick this partner's box, e.g. that the partner may email them. "
            "Leave empty to offer no opt-in. Every change makes a new version; each opt-in records the version."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("petition"), FieldPanel("organisation"), FieldPanel("opt_in_text"), FieldPanel("sort_order")]
    translatable_fields = [
        TranslatableField("petition"),
        TranslatableField("organisation"),
        TranslatableField("opt_in_text"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("coalition partner")
        verbose_name_plural = _("coalition partners")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"{self.organisation} – {self.petition}"

    @property
    def partner_key(self):
        return self.translation_key

    @property
    def export_codename(self):
        return EXPORT_PERMISSION.format(self.partner_key.hex)

    def export_permission(self):
        """The permission to export this partner's opt-ins: one per partner, granted to groups in the admin."""
        content_type = ContentType.objects.get_for_model(CoalitionPartner)
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type,
            codename=self.export_codename,
            defaults={"name": f"Can export the opt-ins of {self.organisation.name}"[:255]},
        )
        return permission


class PartnerConsentVersion(models.Model):
    """The exact opt-in text a signer was shown, per partner, language and version."""

    partner_key = models.UUIDField(db_index=True)
    language = models.CharField(max_length=8)
    version = models.PositiveIntegerField()
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner_key", "language", "version"], name="unique_partner_consent_version"
            )
        ]

    def __str__(self):
        return f"{self.language} v{self.version}"


class PartnerOptIn(models.Model):
    """A signer's yes to one partner: personal data, removed when the signature is anonymised or erased."""

    signature = models.ForeignKey("petitions.Signature", on_delete=models.CASCADE, related_name="partner_opt_ins")
    partner_key = models.UUIDField()
    consent = models.ForeignKey(PartnerConsentVersion, on_delete=models.PROTECT, verbose_name=_("opt-in text shown"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("partner opt-in")
        verbose_name_plural = _("partner opt-ins")
        constraints = [models.UniqueConstraint(fields=["signature", "partner_key"], name="one_opt_in_per_partner")]
        indexes = [models.Index(fields=["partner_key", "signature"], name="opt_in_by_partner")]

    def __str__(self):
        return f"{self.partner_key}: {self.signature_id}"


class ShareChannel(models.TextChoices):
    WHATSAPP = "whatsapp", "WhatsApp"
    EMAIL = "email", _("Email")
    X = "x", "X"
    BLUESKY = "bluesky", "Bluesky"
    FACEBOOK = "facebook", "Facebook"
    DONATE = "donate", _("Donate ask")


class ShareClick(models.Model):
    """Clicks on a petition's share links (and its donate ask) per channel and day: a tally, nothing personal."""

    petition_key = models.UUIDField()
    channel = models.CharField(max_length=10, choices=ShareChannel.choices)
    day = models.DateField(default=timezone.localdate)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["petition_key", "channel", "day"], name="one_tally_per_channel_day")
        ]

    def __str__(self):
        return f"{self.channel} {self.day}: {self.clicks}"


class DonationOrigin(models.Model):
    """The petition a gift came from: its donor signed that petition in the days before giving."""

    donation = models.OneToOneField("donations.Donation", on_delete=models.CASCADE, related_name="origin")
    petition_key = models.UUIDField(db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.donation_id} ← {self.petition_key}"
