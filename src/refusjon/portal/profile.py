"""The student's profile and the "eligibility first" page: which schemes fit, and why not."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms.models import model_to_dict
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from refusjon import clock
from refusjon.claims import profiles
from refusjon.claims.models import Institution, NoticeChannel, StudentProfile, User
from refusjon.claims.profiles import ProfileError
from refusjon.notices import services as notice_services
from refusjon.notices.channels import sms_configured
from refusjon.payouts import bankanswers
from refusjon.portal import schemes as guides
from refusjon.portal.forms import CountryField
from refusjon.rules.terms import reason_text
from refusjon.web.pages import rules_language


class DateInput(forms.DateInput):
    input_type = "date"


class ProfileForm(forms.Form):
    """What the rules and the pay-out need to know; the service checks the numbers."""

    birth_date = forms.DateField(label=gettext_lazy("Date of birth"), widget=DateInput)
    institution = forms.ModelChoiceField(
        label=gettext_lazy("Place of study"),
        queryset=Institution.objects.all(),
        required=False,
        empty_label=gettext_lazy("Not in the list"),
    )
    semester_fee_paid = forms.BooleanField(
        label=gettext_lazy("I have paid the semester fee"), required=False
    )
    registered_student = forms.BooleanField(
        label=gettext_lazy("I am a registered student"), required=False
    )
    sio_gp = forms.BooleanField(label=gettext_lazy("My regular GP is at SiO"), required=False)
    bank_account = forms.CharField(
        label=gettext_lazy("Norwegian account number"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=gettext_lazy("11 digits. Leave empty if you give an IBAN and BIC instead."),
    )
    iban = forms.CharField(
        label=gettext_lazy("IBAN (account abroad)"),
        required=False,
        max_length=42,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    bic = forms.CharField(
        label=gettext_lazy("BIC (account abroad)"),
        required=False,
        max_length=14,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    nis_member = forms.BooleanField(
        label=gettext_lazy("I am a member of the National Insurance Scheme"), required=False
    )
    full_time_student_abroad = forms.BooleanField(
        label=gettext_lazy("I am a full-time student abroad"), required=False
    )
    study_country = CountryField(
        label=gettext_lazy("Country of study"),
        required=False,
        blank=gettext_lazy("None: I study in Norway"),
    )
    last_semester_ends_on = forms.DateField(
        label=gettext_lazy("End of your last semester abroad"), required=False, widget=DateInput
    )
    occupational_injury = forms.BooleanField(
        label=gettext_lazy("I have a decision on an occupational injury"), required=False
    )

    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    notice_channel = forms.ChoiceField(
        label=gettext_lazy("Tell me about my claims by"),
        choices=NoticeChannel.choices,
        initial=NoticeChannel.EMAIL,
        required=False,
        help_text=gettext_lazy(
            "A short message when a claim is received, returned, decided or paid, with a link "
            "here. It never says what the claim is about."
        ),
    )
    phone = forms.CharField(
        label=gettext_lazy("Mobile number"),
        required=False,
        max_length=24,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    notice_language = forms.ChoiceField(
        label=gettext_lazy("Language of the messages"),
        choices=[("", gettext_lazy("The language I use on this site")), *settings.LANGUAGES],
        required=False,
    )

    # Shown under their own headings in the page.
    ABROAD = ("nis_member", "full_time_student_abroad", "study_country", "last_semester_ends_on")
    ACCOUNT = ("bank_account", "iban", "bic")
    NOTICES = ("email", "phone", "notice_channel", "notice_language")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not sms_configured():  # text messages only where an operator has a gateway
            del self.fields["phone"]
            channel = self.fields["notice_channel"]
            assert isinstance(channel, forms.ChoiceField)
            channel.choices = [c for c in NoticeChannel.choices if c[0] != NoticeChannel.SMS]

    def clean_phone(self) -> str:
        return "".join(str(self.cleaned_data.get("phone") or "").split())

    def clean_notice_channel(self) -> str:
        return str(self.cleaned_data.get("notice_channel") or NoticeChannel.EMAIL)

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields under their headings, in the order of the page."""
        grouped = {*self.ABROAD, *self.ACCOUNT, *self.NOTICES, "occupational_injury"}
        return [
            (_("About you"), [self[name] for name in self.fields if name not in grouped]),
            (_("Where we pay"), [self[name] for name in self.ACCOUNT]),
            (
                _("Messages about your claims"),
                [self[name] for name in self.NOTICES if name in self.fields],
            ),
            (
                _("If you study outside the EU/EEA"),
                [self[name] for name in (*self.ABROAD, "occupational_injury")],
            ),
        ]


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _initial(user: User) -> dict[str, Any]:
    profile = StudentProfile.objects.filter(user=user).first()
    if profile is None:
        return {"email": user.email}
    return {**model_to_dict(profile, fields=list(ProfileForm.base_fields)), "email": user.email}


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = ProfileForm(request.POST or None, initial=_initial(user))
    existing = StudentProfile.objects.filter(user=user).first()
    if existing is not None and profiles.verified_birth_date(existing) is not None:
        # From the national identity number the sign-in gave: shown, not changed.
        form.fields["birth_date"].disabled = True
        form.fields["birth_date"].help_text = _("From your national identity number.")
    if request.method == "POST" and form.is_valid():
        try:
            facts = dict(form.cleaned_data)
            email = facts.pop("email")
            profiles.save_profile(user, by=user, **facts)
            notice_services.set_address(user, by=user, email=email)
        except ProfileError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("portal:eligibility")
    notices = bankanswers.rejected_payments(user)
    return render(request, "portal/profile.html", {"form": form, "payment_notices": notices})


@login_required
def eligibility(request: HttpRequest) -> HttpResponse:
    lang = rules_language()
    try:
        schemes = profiles.eligibility(_user(request), on=clock.today())
    except ProfileError as error:
        messages.info(request, str(error))
        return redirect("portal:profile")
    rows = [
        {
            "scheme": row.scheme,
            "label": row.label,
            "eligible": row.eligible,
            "reasons": [reason_text(code, lang) for code in row.reasons],
        }
        for row in schemes
    ]
    has_institution = StudentProfile.objects.filter(
        user=_user(request), institution__isnull=False
    ).exists()
    context = {"schemes": rows, "has_institution": has_institution}
    return render(request, "portal/eligibility.html", context)


@login_required
@require_GET
def scheme_guide(request: HttpRequest, scheme: str) -> HttpResponse:
    """How a scheme the student is shown works; any other scheme is not found here."""
    profile = StudentProfile.objects.select_related("institution").filter(user=_user(request))
    if not profile.exists():
        messages.info(request, _("Fill in your profile first."))
        return redirect("portal:profile")
    if scheme not in dict(profiles.schemes_of(profile.get())):
        raise Http404
    guide = guides.guide(scheme, today=clock.today(), lang=rules_language())
    return render(request, "portal/scheme_guide.html", {"guide": guide})
