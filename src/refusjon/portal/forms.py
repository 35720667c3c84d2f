"""The forms of the student portal: they check what was typed; the services decide the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from refusjon.claims.models import SCHEME_CHOICES
from refusjon.rules.terms import CATEGORIES, term

SEMESTER_CHOICES = [
    ("", _("The whole year")),
    ("spring", _("Spring semester (January–June)")),
    ("fall", _("Autumn semester (July–December)")),
]


class NewClaimForm(forms.Form):
    scheme = forms.ChoiceField(label=_("Scheme"), choices=SCHEME_CHOICES)
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    semester = forms.ChoiceField(label=_("Period"), choices=SEMESTER_CHOICES, required=False)

    @property
    def period(self) -> str:
        """The period as the claim keeps it: ``2026`` or ``2026-spring``."""
        semester = self.cleaned_data["semester"]
        year = self.cleaned_data["year"]
        return f"{year}-{semester}" if semester else str(year)


class DateInput(forms.DateInput):
    input_type = "date"


class ExpenseLineForm(forms.Form):
    """One expense; ``lang`` picks the language of the category names."""

    category = forms.ChoiceField(label=_("Kind of treatment"))
    service_on = forms.DateField(label=_("Date of treatment"), widget=DateInput)
    paid_on = forms.DateField(
        label=_("Date paid"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty if you paid on the day of treatment."),
    )
    amount = forms.DecimalField(
        label=_("Amount paid"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    currency = forms.CharField(
        label=_("Currency"),
        initial="NOK",
        min_length=3,
        max_length=3,
        help_text=_("Three letters, such as NOK, EUR or USD."),
    )
    nok_amount = forms.DecimalField(
        label=_("Amount in NOK"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
        help_text=_("Only if you paid in another currency: the amount your bank charged in NOK."),
    )
    public_user_fee = forms.BooleanField(
        label=_("This was a user fee under the public scheme (egenandel)"), required=False
    )
    itemized_receipt = forms.BooleanField(label=_("I have an itemised receipt"), required=False)
    referral = forms.BooleanField(label=_("I had a referral from a doctor"), required=False)
    medical_statement = forms.BooleanField(label=_("I have a medical statement"), required=False)

    def __init__(self, *args: Any, lang: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(code, term(CATEGORIES, code, lang)) for code in CATEGORIES]
        category = self.fields["category"]
        assert isinstance(category, forms.ChoiceField)
        category.choices = [("", gettext("Choose…")), *sorted(choices, key=lambda pair: pair[1])]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        currency = cleaned.get("currency")
        if currency and currency != "NOK" and cleaned.get("nok_amount") is None:
            self.add_error(
                "nok_amount", _("Give the amount in NOK when you paid in another currency.")
            )
        return cleaned

    def clean_currency(self) -> str:
        currency: str = self.cleaned_data["currency"].strip().upper()
        if not currency.isalpha():
            raise forms.ValidationError(_("Give the currency as three letters, such as NOK."))
        return currency


class SubmitForm(forms.Form):
    """A one-time token, so that a double click or a retry submits once."""

    token = forms.CharField(max_length=64, widget=forms.HiddenInput)
