"""The admin form for positions, which are a public record: changes to them come with corrections."""

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
