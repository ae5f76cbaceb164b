import re
from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from website.normalise import clean_text

from . import lookups
from .models import Municipality

# Other apps add to the signing form (coalitions: one opt-in box per partner). An extension has
# `fields(petition)` -> {name: form field}, read whenever the form is built; `applies(cleaned_data)`, whether
# it has anything to save; and `save(signature, cleaned_data)`, called by `signing.sign` in the signature's
# own transaction. Registered from the app's `ready()`.
SIGNING_EXTENSIONS = []

POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")


class MunicipalitySelect(forms.Select):
    """The same `<select>` as Django's, with its 342 options joined from the cached list with the standard
    library's escape (what Django's escape calls): the template renderer costs two template includes per
    option, and format_html's lazy-string checks more than the options themselves."""

    empty_label = ""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        selected = self.format_value(value)[0]
        choices = [("", str(self.empty_label))] + [(code, label) for code, label, _province in lookups.municipalities()]
        options = "\n".join(
            f'<option value="{escape(code)}"{" selected" if code == selected else ""}>{escape(label)}</option>'
            for code, label in choices
        )
        return format_html('<select name="{}"{}>\n{}\n</select>', name, flatatt(attrs), mark_safe(options))


class MunicipalityField(forms.ModelChoiceField):
    """Lists the active municipalities from a cached list (rendered into cached pages) and validates a
    submitted code against a cached code → id map: no query on the signing path. Cleans to the primary key."""

    widget = MunicipalitySelect

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.empty_label = self.empty_label

    def to_python(self, value):
        if value in self.empty_values:
            return None
        pk = lookups.municipality_ids().get(str(value))
        if pk is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return pk

    def validate(self, value):
        forms.Field.validate(self, value)


class FormTimingField(forms.Field):
    """Milliseconds the signer spent on the form, set by the page's script. Never an error: a value that is
    not a plausible count of milliseconds (text, a sign, 400 digits) cleans to None and marks the form's
    `timing_garbled`, a signal for abuse control."""

    widget = forms.HiddenInput
    MAX_DIGITS = 10  # about 115 days: any real timing fits, and it converts to a float exactly

    def to_python(self, value):
        value = str(value or "").strip()
        if value.isascii() and value.isdigit() and len(value) <= self.MAX_DIGITS:
            return int(value)
        return None

    def garbled(self, value):
        return bool(str(value or "").strip()) and self.to_python(value) is None


class SignatureForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        error_messages={
            "required": _("Please give your name."),
            "max_length": _("Please use at most %(limit_value)d characters for your name."),
            "null_characters_not_allowed": _("Your name contains characters that cannot be used."),
        },
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": _("Please give your email address: we send you a link to confirm your signature."),
            "invalid": _("This does not look like an email address."),
        },
    )
    municipality = MunicipalityField(
        label=_("Municipality"),
        queryset=Municipality.objects.filter(active=True),
        to_field_name="cbs_code",
        empty_label=_("Choose your municipality"),
        error_messages={
            "required": _("Please choose your municipality."),
            "invalid_choice": _("Please choose a municipality from the list."),
        },
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    comment = forms.CharField(
        label=_("Why I sign (optional)"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    consent = forms.BooleanField(error_messages={"required": _("You can only sign if you agree.")})
    newsletter = forms.BooleanField(required=False)
    notify_on_response = forms.BooleanField(required=False, label=_("Email me when my municipality responds"))
    consent_version = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Please read the consent text again and confirm."),
            "invalid": _("Please read the consent text again and confirm."),
        },
    )
    # Signals for abuse control, never shown as errors: a honeypot and the time spent on the form.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    form_ms = FormTimingField(required=False)

    def __init__(self, *args, petition, consent_text, **kwargs):
        super().__init__(*args, **kwargs)
        self.petition = petition
        self.fields["consent"].label = consent_text
        if not petition.ask_municipality:
            del self.fields["municipality"]
        if not petition.ask_postcode:
            del self.fields["postcode"]
        if not petition.ask_comment:
            del self.fields["comment"]
        if petition.newsletter_text:
            self.fields["newsletter"].label = petition.newsletter_text
        else:
            del self.fields["newsletter"]
        if not (petition.has_targets and petition.ask_municipality):
            del self.fields["notify_on_response"]
        for extension in SIGNING_EXTENSIONS:
            self.fields.update(extension.fields(petition))

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"], _("Your name"))
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name

    def clean_comment(self):
        return clean_text(self.cleaned_data.get("comment", ""), _("Your comment"))

    def clean_postcode(self):
        value = self.cleaned_data.get("postcode", "")
        if not value.strip():
            return ""
        match = POSTCODE.match(value)
        if not match:
            raise forms.ValidationError(_("A Dutch postcode looks like 1234 AB."))
        return f"{match.group(1)} {match.group(2).upper()}"

    def clean(self):
        cleaned = super().clean()
        # A garbled timing value is a bot signal, not a reason to refuse: dropped, and told to abuse control.
        cleaned["timing_garbled"] = self.fields["form_ms"].garbled(self.data.get("form_ms"))
        return cleaned
