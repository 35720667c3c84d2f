from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from refusjon.intake.errors import TOO_LARGE
from refusjon.intake.uploads import human_size
from refusjon.rules.model import DOCUMENT_TYPES
from refusjon.rules.terms import DOCUMENTS

# The largest file intake takes (check_upload's ``max_bytes``; a test holds the two equal). The
# form refuses a larger upload from its size alone, before any of it is read into memory.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


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

    def __init__(self, *args: Any, document_types: tuple[str, ...] | None = None, **kwargs: Any):
        """``document_types``: the kinds the claim's scheme takes (refusjon.claims.offers);
        another is refused as not one of the choices."""
        super().__init__(*args, **kwargs)
        if document_types is not None:
            field = self.fields["document_type"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [(code, DOCUMENTS.get(code, (code,))[0]) for code in document_types]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            message = _("The file is larger than {limit}. Please upload a smaller scan or photo.")
            raise forms.ValidationError(
                format_lazy(message, limit=human_size(MAX_UPLOAD_BYTES)), code=TOO_LARGE
            )
        return upload


class FoundLineForm(forms.Form):
    """A fee read from a document, as the student adds it: the kind of treatment they chose,
    and the date and amount as read or as they changed them."""

    category = forms.ChoiceField(label=_("Kind of treatment"))
    service_on = forms.DateField(label=_("Date of treatment"))
    amount = forms.DecimalField(
        label=_("Amount (NOK)"), min_value=0, max_digits=12, decimal_places=2
    )

    def __init__(self, *args: Any, categories: frozenset[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(code, code) for code in sorted(categories)]
