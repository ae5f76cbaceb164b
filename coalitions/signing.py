"""The partners' opt-in boxes on the signing form, and the opt-ins they record.

Each box's value is the id of the opt-in text version it shows, so the opt-in records exactly the text the
signer read and accepted. Every box starts unticked; none is required.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PartnerOptIn
from .partners import partners_of

FIELD = "partners"


class PartnerOptInField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, partners, **kwargs):
        self.partner_keys = {partner["consent_id"]: partner["partner_key"] for partner in partners}
        super().__init__(
            choices=[(partner["consent_id"], partner["opt_in"]) for partner in partners],
            coerce=int,
            required=False,
            label=_("Our partners"),
            error_messages={
                "invalid_choice": _("A partner's text has changed since you opened this page: please read it again.")
            },
            **kwargs,
        )
        self.partners = partners

    def clean(self, value):
        """[(opt-in text version id, partner key)] of the ticked boxes."""
        return [(version_id, self.partner_keys[version_id]) for version_id in sorted(set(super().clean(value)))]


class PartnerOptIns:
    """A signing-form extension (see petitions.forms.SIGNING_EXTENSIONS)."""

    def fields(self, petition):
        partners = [partner for partner in partners_of(petition) if partner["consent_id"]]
        return {FIELD: PartnerOptInField(partners)} if partners else {}

    def applies(self, data):
        return bool(data.get(FIELD))

    def save(self, signature, data):
        # The field has refused any id that is not the current opt-in text of one of this petition's partners.
        PartnerOptIn.objects.bulk_create(
            PartnerOptIn(signature=signature, partner_key=partner_key, consent_id=version_id)
            for version_id, partner_key in data[FIELD]
        )
