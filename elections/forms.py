from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

# A change to these is a change of the public record: it needs a dated correction note.
CORRECTED_FIELDS = ("stance", "quote")


class PositionForm(WagtailAdminModelForm):
    """A saved position's stance or quote changes only together with a new correction note."""

    def changed_facts(self):
        if not self.instance.pk:
            return []
        return [name for name in CORRECTED_FIELDS if name in self.changed_data]

    def new_corrections(self):
        formset = self.formsets.get("corrections") if hasattr(self, "formsets") else None
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if not form.instance.pk and form.has_changed() and not formset._should_delete_form(form)
        ]

    def is_valid(self):
        valid = super().is_valid()
        if valid and self.changed_facts() and not self.new_corrections():
            for name in self.changed_facts():
                self.add_error(name, _("This position is public: add a correction saying what changed and why."))
            return False
        return valid

    def save(self, commit=True):
        if "stance" in self.changed_facts():
            for form in self.new_corrections():
                form.instance.previous_stance = form.instance.previous_stance or self.initial.get("stance", "")
        return super().save(commit=commit)


class ImportForm(forms.Form):
    KINDS = [
        ("positions", _("Positions (one row per party and theme)")),
        ("statements", _("Statements for the voting guide (one row per statement and party)")),
    ]

    election = forms.ModelChoiceField(label=_("Election"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(
        label=_("What the file holds"), choices=KINDS, widget=forms.RadioSelect, initial="positions"
    )
    file = forms.FileField(
        label=_("Spreadsheet"), help_text=_("CSV (UTF-8, comma or semicolon) or XLSX; at most 2 MB and 5,000 rows.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import Election

        self.fields["election"].queryset = Election.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
