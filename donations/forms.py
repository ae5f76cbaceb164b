"""The gift form: an area (a preset, an amount in euros, or chosen squares), a name, an email, consent.

Every limit is checked here on the server (the page's script only helps): amounts in whole cents
between the ad's minimum and the site's maximum, squares inside the ad's area for sale. Whether the
area is still free is the hold's business (holds.py), decided under the ledger lock.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.normalise import clean_text

from .area import (
    UNITS_PER_CM2,
    AmountError,
    amount_for_cm2,
    format_amount,
    format_euros,
    parse_euros,
    units_for_amount,
)

PRESETS_CM2 = (1, 2, 5, 10)
AMOUNT, CELLS = "amount", "cells"


class GiftForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("How much?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose how much you give."),
            "invalid_choice": _("Please choose how much you give."),
        },
    )
    amount = forms.CharField(
        label=_("Another amount (€)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    cells = forms.CharField(required=False, max_length=6000, widget=forms.HiddenInput)
    display_name = forms.CharField(label=_("First name to show (optional)"), required=False, max_length=40)
    show_name = forms.BooleanField(
        label=_("Show my first name on the ad's canvas (after a check by our staff)"), required=False
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please give your email address: we send your receipt to it."),
            "invalid": _("This does not look like an email address."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that VluchtelingenWerk Nederland keeps my email address and gift for the receipt and its "
            "financial records."
        ),
        error_messages={"required": _("You can only give if you agree.")},
    )

    def __init__(self, *args, ad, limits, **kwargs):
        # Its own ids: a campaign page can hold the petition's form too, whose fields share these names.
        kwargs.setdefault("auto_id", "gift_%s")
        super().__init__(*args, **kwargs)
        self.ad, self.limits = ad, limits
        self.fields["choice"].choices = [
            *(
                (
                    str(cm2),
                    _("%(cm2)s cm² (%(amount)s)")
                    % {"cm2": cm2, "amount": format_euros(amount_for_cm2(cm2, ad.price_cents))},
                )
                for cm2 in PRESETS_CM2
            ),
            (AMOUNT, _("Another amount")),
            (CELLS, _("The squares I pick on the canvas")),
        ]
        self.units = self.amount_cents = None
        self.chosen_cells = []

    def clean_display_name(self):
        return clean_text(self.cleaned_data.get("display_name", ""), _("Your name"))

    def clean_cells(self):
        value = self.cleaned_data.get("cells", "").strip()
        if not value:
            return []
        try:
            cells = sorted({int(part) for part in value.replace(" ", "").split(",") if part})
        except ValueError:
            raise forms.ValidationError(_("These are not squares of this ad.")) from None
        if any(cell < 0 or cell >= self.ad.total_area_cm2 for cell in cells):
            raise forms.ValidationError(_("Some of these squares are outside the ad's area for sale."))
        if len(cells) > self.limits.maximum_cells:
            raise forms.ValidationError(
                _("Please pick at most %(count)s squares.") % {"count": self.limits.maximum_cells}
            )
        return cells

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("choice")
        price = self.ad.price_cents
        if choice == CELLS:
            cells = cleaned.get("cells")
            if cells == []:
                self.add_error("cells", _("Pick one or more free squares on the canvas, or choose an amount."))
            if cells:
                self.chosen_cells = cells
                self.units, self.amount_cents = len(cells) * UNITS_PER_CM2, amount_for_cm2(len(cells), price)
        elif choice == AMOUNT:
            self._clean_amount(cleaned.get("amount", ""))
        elif choice:
            cm2 = int(choice)
            self.units, self.amount_cents = cm2 * UNITS_PER_CM2, amount_for_cm2(cm2, price)
        if self.amount_cents is not None and self.amount_cents > self.limits.maximum_cents:
            self.add_error(
                AMOUNT if choice == AMOUNT else "choice",
                _("Online gifts are at most %(maximum)s. For a larger gift, please contact us.")
                % {"maximum": format_euros(self.limits.maximum_cents)},
            )
            self.units = self.amount_cents = None
        if not (cleaned.get("show_name") and cleaned.get("display_name")):
            cleaned["display_name"] = ""  # a name is kept only to be shown, and only with consent
        return cleaned

    def _clean_amount(self, text):
        try:
            amount = parse_euros(text)
        except AmountError as error:
            reason = str(error)
            example = {"example": format_amount(1250)}  # 12,50 in Dutch, 12.50 in English
            if reason == "empty":
                message = _("Please give an amount in euros, e.g. %(example)s.") % example
            elif reason == "fraction of a cent":
                message = _("Please give the amount in euros and whole cents, e.g. %(example)s.") % example
            elif reason == "not positive":
                message = _("The amount must be more than zero.")
            else:
                message = _("This is not an amount in euros; write it like %(example)s.") % example
            self.add_error(AMOUNT, message)
            return
        if amount < self.ad.minimum_cents:
            self.add_error(
                AMOUNT, _("The smallest gift is %(minimum)s.") % {"minimum": format_euros(self.ad.minimum_cents)}
            )
            return
        self.units, self.amount_cents = units_for_amount(amount, self.ad.price_cents), amount
