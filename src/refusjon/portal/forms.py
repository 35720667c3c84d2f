"""The forms of the student portal: they check what was typed; the services decide the rest."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from django import forms
from django.forms import BoundField
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims.adapter import period_kinds
from refusjon.claims.countries import country_choices
from refusjon.claims.models import SCHEME_CHOICES, SCHEME_LABELS, PatientRelation
from refusjon.rules.model import Scheme
from refusjon.rules.schemes import language
from refusjon.rules.terms import CATEGORIES, term
from refusjon.web.pages import rules_language

SEMESTER_CHOICES = [
    ("", _("The whole year")),
    ("spring", _("Spring semester (January–June)")),
    ("fall", _("Autumn semester (July–December)")),
    ("study_year", _("The study year from July (July–June)")),
]
# The kind of period each choice above gives (refusjon.rules.model.Period.kind).
PERIOD_KINDS = {"": "calendar_year", "spring": "semester", "fall": "semester"}
PERIOD_KIND_WORDS = {
    "calendar_year": _("a whole year"),
    "semester": _("a semester"),
    "study_year": _("a study year"),
}


class DateInput(forms.DateInput):
    input_type = "date"


def _countries(blank: str | None) -> list[tuple[str, str]]:
    """The countries by name in the page's language, after the ``blank`` choice if any."""
    return [*([("", blank)] if blank is not None else []), *country_choices(rules_language())]


class CountryField(forms.ChoiceField):
    """A country chosen by its name in the page's language; the value is its ISO 3166 code
    (a code typed in small letters is taken too)."""

    def __init__(self, *, blank: Any = None, **kwargs: Any) -> None:
        super().__init__(choices=partial(_countries, blank), **kwargs)

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).strip().upper()


class NewClaimForm(forms.Form):
    scheme = forms.ChoiceField(
        label=_("Scheme"),
        choices=SCHEME_CHOICES,
        error_messages={
            "invalid_choice": _(
                "Choose one of the schemes shown: you can apply only under the scheme of your "
                "place of study's welfare organisation, and for studies abroad under Helfo's."
            )
        },
    )
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    semester = forms.ChoiceField(label=_("Period"), choices=SEMESTER_CHOICES, required=False)
    patient_relation = forms.ChoiceField(
        label=_("Who was treated?"),
        choices=PatientRelation.choices,
        initial=PatientRelation.SELF,
    )
    patient_birth_date = forms.DateField(
        label=_("The patient's date of birth"),
        required=False,
        widget=DateInput,
        help_text=_("Only when the treatment was for your child or your spouse."),
    )

    def __init__(self, *args: Any, eligible: frozenset[str] | None = None, **kwargs: Any) -> None:
        """``eligible``: the schemes the student can use (the eligibility page's answer); only
        they are offered, and one alone is chosen already."""
        super().__init__(*args, **kwargs)
        if eligible is not None:
            scheme = self.fields["scheme"]
            assert isinstance(scheme, forms.ChoiceField)
            scheme.choices = [(code, label) for code, label in SCHEME_CHOICES if code in eligible]
            if len(eligible) == 1:
                self.initial["scheme"] = next(iter(eligible))

    @property
    def period(self) -> str:
        """The period as the claim keeps it: ``2026``, ``2026-spring`` or ``2026-2027``."""
        semester = self.cleaned_data["semester"]
        year = self.cleaned_data["year"]
        if semester == "study_year":
            return f"{year}-{year + 1}"
        return f"{year}-{semester}" if semester else str(year)

    def clean(self) -> dict[str, Any]:
        """The rules tell patients apart by birth date: a child or spouse needs one; the
        student's own is in the profile."""
        cleaned = super().clean() or {}
        self._check_period_kind(cleaned)
        relation = cleaned.get("patient_relation")
        if relation == PatientRelation.SELF:
            cleaned["patient_birth_date"] = None
        elif (
            relation
            and not cleaned.get("patient_birth_date")
            and not self.has_error("patient_birth_date")
        ):
            self.add_error(
                "patient_birth_date", _("Give the date of birth of your child or spouse.")
            )
        return cleaned

    def _check_period_kind(self, cleaned: dict[str, Any]) -> None:
        """A scheme decides over the kinds of period its rules take (SiS a study year, SiA a
        semester): another is refused here, before a draft the rules could not read."""
        scheme, semester = cleaned.get("scheme"), cleaned.get("semester")
        if not scheme or semester is None:
            return
        kinds = period_kinds(scheme)
        if PERIOD_KINDS.get(semester, semester) not in kinds:
            taken = " / ".join(str(PERIOD_KIND_WORDS[kind]) for kind in sorted(kinds))
            self.add_error(
                "semester",
                gettext("%(scheme)s is applied for per %(kinds)s: choose that period.")
                % {"scheme": SCHEME_LABELS[scheme], "kinds": taken},
            )

    def clean_patient_birth_date(self) -> date | None:
        born: date | None = self.cleaned_data["patient_birth_date"]
        if born is not None and born > clock.today():
            raise forms.ValidationError(_("A date of birth cannot be in the future."))
        return born


TRAVEL = "patient_travel"  # the category whose line is a trip (refusjon.rules.model.CATEGORIES)
TRIP_FIELDS = ("trip_distance_km", "trip_min_public_fare_nok", "trip_companion")

# What each scheme's rules ask of a line beyond its category, dates and amount
# (spec/schemes.md): other facts would be asked for nothing.
SCHEME_FIELDS: dict[str, tuple[str, ...]] = {
    Scheme.SIO: ("public_user_fee",),
    Scheme.SSN: ("public_user_fee", "itemized_receipt", "country"),
    Scheme.HELFO_ABROAD: ("referral", "medical_statement", *TRIP_FIELDS),
}
SCHEME_SPECIFIC = {name for names in SCHEME_FIELDS.values() for name in names}


def scheme_fields(scheme: str) -> tuple[str, ...]:
    """What a line under ``scheme`` is asked beyond its category, dates and amount: a scheme
    decided by named hooks as listed above; a scheme of blocks by what its coverage reads (a
    user fee for what the overview shows, an itemised receipt for what receipts show, the
    country where only treatment in Norway counts)."""
    if scheme in SCHEME_FIELDS:
        return SCHEME_FIELDS[scheme]
    definition = language.builtin().get(scheme)
    if definition is None:
        return tuple(sorted(SCHEME_SPECIFIC))
    coverage = definition.coverage
    asked = {
        "public_user_fee": bool(coverage.overview | coverage.overview_and_receipt),
        "itemized_receipt": bool(coverage.receipt | coverage.overview_and_receipt),
        "country": coverage.norway_only,
    }
    return tuple(name for name, needed in asked.items() if needed)


def _decimal(label: Any, *, digits: int, places: int, **kwargs: Any) -> forms.DecimalField:
    step = "0.1" if places == 1 else "0.01"
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_digits=digits,
        decimal_places=places,
        widget=forms.NumberInput(attrs={"step": step, "inputmode": "decimal"}),
        **kwargs,
    )


class ExpenseLineForm(forms.Form):
    """One expense, with the fields the claim's scheme needs; ``lang`` picks the language of
    the category names. Without a ``scheme`` every field is there."""

    category = forms.ChoiceField(label=_("Kind of treatment"))
    service_on = forms.DateField(label=_("Date of treatment"), widget=DateInput)
    paid_on = forms.DateField(
        label=_("Date paid"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty if you paid on the day of treatment."),
    )
    amount = _decimal(_("Amount paid"), digits=12, places=2)
    currency = forms.CharField(
        label=_("Currency"),
        initial="NOK",
        min_length=3,
        max_length=3,
        help_text=_(
            "Three letters, such as NOK, EUR or USD. An amount in another currency is "
            "converted to NOK at Norges Bank's rate."
        ),
    )
    nok_amount = _decimal(
        _("Amount in NOK from your bank statement"),
        digits=12,
        places=2,
        required=False,
        help_text=_(
            "Only for another currency, when the exchange rate of the day is not in yet: what "
            "your bank charged you in NOK. Norges Bank's rate is used once it is in."
        ),
    )
    country = CountryField(label=_("Country of treatment"), initial="NO")
    public_user_fee = forms.BooleanField(
        label=_("This was a user fee under the public scheme (egenandel)"), required=False
    )
    itemized_receipt = forms.BooleanField(label=_("I have an itemised receipt"), required=False)
    referral = forms.BooleanField(
        label=_("I had a referral from a doctor"),
        required=False,
        help_text=_("Needed for speech therapy, and for a psychologist from the fourth visit."),
    )
    medical_statement = forms.BooleanField(
        label=_("I have a medical statement"),
        required=False,
        help_text=_("Needed for medicine on blue prescription."),
    )
    trip_distance_km = _decimal(_("Distance each way (km)"), digits=7, places=1, required=False)
    trip_min_public_fare_nok = _decimal(
        _("Lowest public-transport fare for the trip (NOK)"),
        digits=8,
        places=2,
        required=False,
        help_text=_("What the cheapest bus, tram or train ticket for the same trip costs."),
    )
    trip_companion = forms.BooleanField(
        label=_("This is the trip of a companion travelling with the patient"), required=False
    )

    def __init__(
        self,
        *args: Any,
        lang: str = "en",
        scheme: str | None = None,
        categories: frozenset[str] | None = None,
        **kwargs: Any,
    ) -> None:
        """``categories``: the kinds of treatment the claim's scheme refunds (every kind the
        rules know without it); another is refused as not one of the choices."""
        super().__init__(*args, **kwargs)
        if scheme is not None:
            for name in SCHEME_SPECIFIC - set(scheme_fields(scheme)):
                del self.fields[name]
        offered = CATEGORIES if categories is None else [c for c in CATEGORIES if c in categories]
        choices = [(code, capfirst(term(CATEGORIES, code, lang))) for code in offered]
        category = self.fields["category"]
        assert isinstance(category, forms.ChoiceField)
        category.choices = [("", gettext("Choose…")), *sorted(choices, key=lambda pair: pair[1])]

    @property
    def trip_fields(self) -> list[BoundField]:
        """The fields of a trip, shown together and only for patient travel."""
        return [self[name] for name in TRIP_FIELDS if name in self.fields]

    @property
    def line_fields(self) -> list[BoundField]:
        return [self[name] for name in self.fields if name not in TRIP_FIELDS]

    def autofocus(self) -> None:
        """Mark where the cursor goes when the form is drawn again in place: the first wrong
        field, else the first field, for the next expense."""
        wrong = [name for name in self.fields if name in self.errors]
        name = wrong[0] if wrong else next(iter(self.fields))
        self.fields[name].widget.attrs["autofocus"] = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "trip_distance_km" not in self.fields:
            return cleaned
        if cleaned.get("category") == TRAVEL:
            self._require_trip(cleaned)
        else:
            # Typed in and then hidden when another kind of treatment was chosen.
            cleaned.update(trip_distance_km=None, trip_min_public_fare_nok=None)
            cleaned["trip_companion"] = False
        return cleaned

    def _require_trip(self, cleaned: dict[str, Any]) -> None:
        """The rules price a trip by its distance and compare it with the cheapest fare."""
        needed = {
            "trip_distance_km": _("Give the distance each way for patient travel."),
            "trip_min_public_fare_nok": _("Give the lowest public-transport fare for the trip."),
        }
        for name, message in needed.items():
            if cleaned.get(name) is None and not self.has_error(name):
                self.add_error(name, message)

    def clean_currency(self) -> str:
        currency: str = self.cleaned_data["currency"].strip().upper()
        if not currency.isalpha():
            raise forms.ValidationError(_("Give the currency as three letters, such as NOK."))
        return currency


class SubmitForm(forms.Form):
    """A one-time token, so that a double click or a retry submits once."""

    token = forms.CharField(max_length=64, widget=forms.HiddenInput)
