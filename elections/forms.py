from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Election


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
        self.fields["election"].queryset = Election.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
