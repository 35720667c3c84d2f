"""The caseworkers' forms: filters for the queue, and what is missing when a claim goes back."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from refusjon.claims.models import SCHEME_CHOICES, LineOutcomeChoice, User
from refusjon.rules.model import DOCUMENT_TYPES
from refusjon.rules.terms import DOCUMENTS, term
from refusjon.web.pages import rules_language
from refusjon.workspace.queries import OPEN_STATUSES, applicant_name

# How long a student has to complete a returned claim, unless the caseworker says otherwise.
COMPLETE_WITHIN_DAYS = 14


class QueueFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search: reference, name or person id"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    assigned = forms.ChoiceField(
        label=_("Assigned"),
        required=False,
        choices=[("", _("Anyone or nobody")), ("mine", _("Mine")), ("nobody", _("Nobody"))],
    )
    scheme = forms.ChoiceField(
        label=_("Scheme"), required=False, choices=[("", _("All schemes")), *SCHEME_CHOICES]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All open"))] + [(s.value, s.label) for s in OPEN_STATUSES],
    )
    waiting_on = forms.ChoiceField(
        label=_("Waiting on"),
        required=False,
        choices=[
            ("", _("Anyone")),
            ("student", _("Returned and awaiting the student")),
            ("caseworkers", _("The caseworkers")),
        ],
    )
    min_age_days = forms.IntegerField(
        label=_("At least this many days old"), required=False, min_value=0, max_value=3650
    )


class ReturnForm(forms.Form):
    missing = forms.MultipleChoiceField(
        label=_("What is missing"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Say what is missing before you return the claim.")},
    )
    message = forms.CharField(
        label=_("Message to the student"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    complete_by = forms.DateField(
        label=_("Complete by"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = rules_language()
        missing = self.fields["missing"]
        assert isinstance(missing, forms.MultipleChoiceField)
        missing.choices = [(code, term(DOCUMENTS, code, lang)) for code in sorted(DOCUMENT_TYPES)]
        self.fields["complete_by"].initial = today + timedelta(days=COMPLETE_WITHIN_DAYS)
        self.today = today

    def clean_complete_by(self) -> date:
        complete_by: date = self.cleaned_data["complete_by"]
        if complete_by <= self.today:
            raise forms.ValidationError(_("Give a date after today."))
        return complete_by


class OverrideForm(forms.Form):
    """A caseworker's own outcome and refund for one line, and why."""

    outcome = forms.ChoiceField(label=_("Outcome"), choices=LineOutcomeChoice.choices)
    refund_nok = forms.DecimalField(
        label=_("Refund (NOK)"), min_value=0, max_digits=12, decimal_places=2, initial="0.00"
    )
    justification = forms.CharField(
        label=_("Justification (goes into the letter)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give a justification for the change.")},
    )


class SendBackForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the proposed decision goes back"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the proposed decision is sent back.")},
    )


class CaseworkerField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A caseworker, by name."""

    def label_from_instance(self, obj: User) -> str:
        return applicant_name(obj)


class AssignForm(forms.Form):
    """Whom a claim goes to: a caseworker, or nobody."""

    to = CaseworkerField(
        label=_("Assign to"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Nobody"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        to = self.fields["to"]
        assert isinstance(to, forms.ModelChoiceField)
        to.queryset = User.objects.filter(groups__name="caseworkers", is_active=True).order_by(
            "first_name", "last_name", "username"
        )


class ConfirmDecisionForm(forms.Form):
    """The version of the claim the caseworker saw when they confirmed: a claim changed since
    is not decided on that confirmation."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
