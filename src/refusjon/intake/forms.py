from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from refusjon.rules.model import DOCUMENT_TYPES
from refusjon.rules.terms import DOCUMENTS


class UploadForm(forms.Form):
    document_type = forms.ChoiceField(
        label=_("What is it?"),
        choices=[(code, DOCUMENTS.get(code, (code,))[0]) for code in sorted(DOCUMENT_TYPES)],
    )
    file = forms.FileField(
        label=_("File (PDF, JPEG or PNG, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the document"),
        choices=[
            ("no", _("Norwegian")),
            ("en", _("English")),
            ("sv", _("Swedish")),
            ("da", _("Danish")),
            ("other", _("Another language")),
        ],
        initial="no",
    )
    shows_applicant_name = forms.BooleanField(label=_("My name is on the document"), required=False)
