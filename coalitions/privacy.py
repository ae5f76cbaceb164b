"""Partner opt-ins are personal data: anonymising or erasing a signature deletes them, and an access
request lists them (see petitions.privacy.PRIVACY_EXTENSIONS)."""

from website.translation import in_language

from .models import CoalitionPartner, PartnerOptIn


class PartnerOptInPrivacy:
    def forget(self, signatures):
        PartnerOptIn.objects.filter(signature__in=signatures.values("pk")).delete()

    def describe(self, signature):
        """One text cell (the staff screen shows each record as label and value; the download keeps it too):
        "Partner (text v2, 2026-03-01T…: "the text")", one per partner, joined by "; "."""
        opt_ins = []
        for opt_in in PartnerOptIn.objects.filter(signature=signature).select_related("consent").order_by("pk"):
            partner = in_language(opt_in.partner_key, signature.language, model=CoalitionPartner)
            name = partner.organisation.name if partner else str(opt_in.partner_key)
            opt_ins.append(
                f"{name} (v{opt_in.consent.version}, {opt_in.created_at.isoformat(timespec='seconds')}: "
                f"“{opt_in.consent.text}”)"
            )
        return {"partner_opt_ins": "; ".join(opt_ins)}


def forget_deleted_partner(sender, instance, **kwargs):
    """When a partner's last copy is deleted, its opt-ins lose their purpose: they go, with its export permission."""
    from django.contrib.auth.models import Permission

    if CoalitionPartner.objects.filter(translation_key=instance.translation_key).exists():
        return  # another language's copy is still there
    PartnerOptIn.objects.filter(partner_key=instance.partner_key).delete()
    Permission.objects.filter(content_type__app_label="coalitions", codename=instance.export_codename).delete()
