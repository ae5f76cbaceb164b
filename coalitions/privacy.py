"""Partner opt-ins are personal data: anonymising or erasing a signature deletes them, and an access
request lists them (see petitions.privacy.PRIVACY_EXTENSIONS)."""

from website.translation import in_language

from .models import CoalitionPartner, PartnerOptIn


class PartnerOptInPrivacy:
    def forget(self, signatures):
        PartnerOptIn.objects.filter(signature__in=signatures.values("pk")).delete()

    def describe(self, signature):
        opt_ins = []
        for opt_in in PartnerOptIn.objects.filter(signature=signature).select_related("consent").order_by("pk"):
            partner = in_language(opt_in.partner_key, signature.language, model=CoalitionPartner)
            opt_ins.append(
                {
                    "partner": partner.organisation.name if partner else str(opt_in.partner_key),
                    "opted_in_at": opt_in.created_at.isoformat(),
                    "consent_version": opt_in.consent.version,
                    "consent_text": opt_in.consent.text,
                }
            )
        return {"partner_opt_ins": opt_ins}
