"""Small helpers every set of pages (portal, workspace, intake) shares."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def rules_language() -> str:
    """The page's language as the rules' plain words know it: ``en`` or ``nb``."""
    return "en" if (get_language() or "").startswith("en") else "nb"


def error_messages(form: forms.Form) -> list[str]:
    """The form's errors, each after the label of its field ("Refund (NOK): ...") so that it
    says which field it is about; an error of the whole form as it is."""
    found = []
    for name, errors in form.errors.items():
        label = form[name].label if name in form.fields else ""
        found += [
            _("%(field)s: %(error)s") % {"field": label, "error": error} if label else str(error)
            for error in errors
        ]
    return found


def form_errors(request: HttpRequest, form: forms.Form) -> None:
    """Each of the form's errors as a message to show on the next page."""
    for message in error_messages(form):
        messages.error(request, message)
