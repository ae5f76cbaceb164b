"""The donate form: once or monthly, a suggested amount or one's own, an email, the newsletter apart.

Every limit is checked here on the server: amounts in whole cents between the page's minimum and
maximum, in euros only. Nothing is written until the form is valid.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from donations.area import AmountError, format_euros, parse_euros

from .frequency import CURRENCY, Frequency

OTHER = "other"
# Another currency typed into the amount ("$ 10", "10 USD", "£5"): refused with its own message.
FOREIGN_CURRENCY = re.compile(r"[$£¥₹₽₺]|\b(usd|gbp|chf|jpy|sek|nok|dkk|pln|czk|huf|try|cad|aud)\b", re.IGNORECASE)


class DonateForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose once or monthly."),
            "invalid_choice": _("Please choose once or monthly."),
        },
    )
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
    currency = forms.CharField(required=False, max_length=10, widget=forms.HiddenInput)
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please give your email address: we send your receipt to it."),
            "invalid": _("This does not look like an email address."),
        },
    )
    newsletter = forms.BooleanField(
        label=_("Yes, send me the newsletter (you can unsubscribe at any time)"), required=False
    )

    def __init__(self, *args, page, **kwargs):
        kwargs.setdefault(
            "initial", {"frequency": page.default_frequency, "choice": str(page.suggested[0]), "currency": CURRENCY}
        )
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["choice"].choices = [
            *((str(euros), format_euros(euros * 100)) for euros in page.suggested),
            (OTHER, _("Another amount")),
        ]
        self.amount_cents = None

    def clean_currency(self):
        currency = (self.cleaned_data.get("currency") or CURRENCY).strip().lower()
        if currency != CURRENCY:
            raise forms.ValidationError(_("We accept gifts in euros only."))
        return currency

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("choice")
        if not choice or self.errors.get("currency"):
            return cleaned
        if choice == OTHER:
            self.amount_cents = self._own_amount(cleaned.get("amount") or "")
        else:
            self.amount_cents = int(choice) * 100
        return cleaned

    def _own_amount(self, text):
        if not text.strip():
            self.add_error("amount", _("Please fill in the amount you give."))
            return None
        if FOREIGN_CURRENCY.search(text):
            self.add_error("amount", _("We accept gifts in euros only."))
            return None
        try:
            cents = parse_euros(text)
        except AmountError as error:
            message = (
                _("The amount cannot be negative or zero.")
                if str(error) == "not positive"
                else _("Please give an amount in euros, like 12 or 12,50.")
            )
            self.add_error("amount", message)
            return None
        limits = {"minimum": format_euros(self.page.minimum_cents), "maximum": format_euros(self.page.maximum_cents)}
        if cents < self.page.minimum_cents:
            self.add_error("amount", _("The smallest gift is %(minimum)s.") % limits)
            return None
        if cents > self.page.maximum_cents:
            self.add_error(
                "amount", _("Online we accept gifts up to %(maximum)s; for more, please contact us.") % limits
            )
            return None
        return cents
