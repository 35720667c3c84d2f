"""The student's profile: the facts the rules ask for, where to pay, and which schemes fit.

Like :mod:`refusjon.claims.services`: subject first, the rest by keyword, the acting user
explicit, ``now`` injectable; refusals are :class:`ClaimError` with a translatable message.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as NumberError
from stdnum.no import fodselsnummer, kontonr

from refusjon.claims import adapter
from refusjon.claims.models import SCHEME_CHOICES, StudentProfile, User
from refusjon.claims.services import ClaimError, audit
from refusjon.rules.model import Scheme

try:
    from stdnum import bic as stdnum_bic
except ImportError:  # an older python-stdnum has no BIC module: the pattern below checks
    stdnum_bic = None  # type: ignore[assignment]

FIELDS = frozenset(
    {
        "birth_date",
        "institution",
        "semester_fee_paid",
        "registered_student",
        "sio_gp",
        "nis_member",
        "full_time_student_abroad",
        "study_country",
        "last_semester_ends_on",
        "occupational_injury",
        "bank_account",
        "iban",
        "bic",
        "notice_channel",
        "notice_language",
        "phone",
    }
)

# Facts that may be empty (None); the text facts are empty as "".
_NULLABLE = frozenset({"birth_date", "institution", "last_semester_ends_on"})

BIC_PATTERN = re.compile(r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$")

# ISO 3166-1 alpha-2, the officially assigned codes.
_ISO_3166_ALPHA_2 = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
"""
COUNTRY_CODES = frozenset(_ISO_3166_ALPHA_2.split())


class ProfileError(ClaimError):
    """A profile that cannot be saved; ``field`` names the fact that is wrong, if one is."""

    def __init__(self, message: Any, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class SchemeEligibility:
    """Whether a student can use a scheme on a day, and if not, the reason codes why."""

    scheme: str
    label: str
    reasons: tuple[str, ...]

    @property
    def eligible(self) -> bool:
        return not self.reasons


def verified_birth_date(profile: StudentProfile) -> date | None:
    """The birth date in the profile's national identity number, when the identity provider
    gave one (a profile made in the portal has a ``P-`` placeholder and no such date)."""
    try:
        return fodselsnummer.get_birth_date(fodselsnummer.validate(profile.person_id))
    except (NumberError, ValueError):
        return None


def _new_person_id() -> str:
    return "P-" + uuid.uuid4().hex[:12].upper()


@transaction.atomic
def save_profile(
    user: User, *, by: User, now: datetime | None = None, **facts: Any
) -> StudentProfile:
    """Create or change a student's profile; only the student themself may."""
    if by.pk != user.pk:
        raise ProfileError(_("Only the student themself can change their profile."))
    unknown = set(facts) - FIELDS
    if unknown:
        raise TypeError(f"not profile facts: {', '.join(sorted(unknown))}")
    profile = StudentProfile.objects.select_for_update().filter(user=user).first()
    created = profile is None
    if profile is None:
        profile = StudentProfile(user=user, person_id=_new_person_id())
    for name, value in facts.items():
        setattr(profile, name, value if value is not None or name in _NULLABLE else "")
    _check_birth_date(profile)
    verified = verified_birth_date(profile)
    if verified is not None and profile.birth_date != verified:
        raise ProfileError(
            _(
                "%(field)s: it follows from your national identity number and cannot be "
                "changed here."
            )
            % {"field": _label("birth_date")},
            field="birth_date",
        )
    _check_account(profile)
    _check_country(profile)
    try:
        profile.full_clean(exclude=["user"])
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ProfileError(
            _("%(field)s: %(problem)s") % {"field": _label(field), "problem": " ".join(messages)},
            field=field,
        ) from error
    profile.save()
    # Which facts were given, never their values: the account numbers stay out of the log.
    audit("claims.profile.saved", actor=by, now=now, created=created, fields=sorted(facts))
    return profile


def start_profile_from_identity(
    user: User, *, person_id: str, now: datetime | None = None
) -> StudentProfile:
    """The profile of the person an identity provider vouched for, by the national identity
    number (fødselsnummer or D-number) it gave: when ``user`` has no profile yet, one started
    with that number and the birth date in it; else their profile, which must hold that number.

    A number that is not valid is refused. So is one that another profile holds, or that differs
    from the one this profile holds (a profile's number never changes); those two refusals are
    recorded in the audit log, without the numbers."""
    try:
        number = fodselsnummer.validate(person_id)
        birth_date = fodselsnummer.get_birth_date(number)
    except NumberError as error:
        raise ProfileError(
            _("The national identity number from your sign-in is not valid."), field="person_id"
        ) from error
    with transaction.atomic():
        profile = StudentProfile.objects.select_for_update().filter(user=user).first()
        if profile is not None:
            if profile.person_id == number:
                return profile
            reason = "another_number"
        elif StudentProfile.objects.filter(person_id=number).exists():
            reason = "number_taken"
        else:
            profile = StudentProfile(user=user, person_id=number, birth_date=birth_date)
            try:
                with transaction.atomic():
                    profile.save()
            except IntegrityError:  # someone took the number (or this user) just now
                reason = "number_taken"
            else:
                audit("claims.profile.started", actor=user, now=now, source="identity")
                return profile
    # After the transaction above, so that the entry stays while the caller refuses.
    audit("claims.profile.identity_refused", actor=user, now=now, reason=reason)
    if reason == "another_number":
        raise ProfileError(
            _("This account belongs to someone else than the person who signed in."),
            field="person_id",
        )
    raise ProfileError(
        _("Another account already belongs to your national identity number."), field="person_id"
    )


def refuse_identity_held(person_id: str, *, subject: str, now: datetime | None = None) -> None:
    """Before a first sign-in makes a user: refuse a national identity number that a profile
    holds already, and log the refusal. There is no user to name, so the entry names the
    identity provider's ``subject``, and never the number. A number that is not valid is left
    to :func:`start_profile_from_identity`."""
    try:
        number = fodselsnummer.validate(person_id)
    except NumberError:
        return
    if not StudentProfile.objects.filter(person_id=number).exists():
        return
    audit(
        "claims.profile.identity_refused",
        actor=None,
        now=now,
        reason="number_taken",
        subject=subject,
    )
    raise ProfileError(
        _("Another account already belongs to your national identity number."), field="person_id"
    )


def _label(field: str) -> str:
    return str(getattr(StudentProfile._meta.get_field(field), "verbose_name", field))


def _check_birth_date(profile: StudentProfile) -> None:
    if profile.birth_date is None:
        raise ProfileError(
            _("%(field)s: give your date of birth.") % {"field": _label("birth_date")},
            field="birth_date",
        )


def _check_account(profile: StudentProfile) -> None:
    """A Norwegian account number, or an IBAN with a BIC for an account abroad; one of them."""
    profile.bank_account = kontonr.compact(profile.bank_account or "")
    profile.iban = stdnum_iban.compact(profile.iban or "")
    profile.bic = re.sub(r"\s", "", profile.bic or "").upper()
    abroad = bool(profile.iban or profile.bic)
    if profile.bank_account and abroad:
        raise ProfileError(
            _("Give either a Norwegian account number or an IBAN and BIC, not both."),
            field="bank_account",
        )
    if not profile.bank_account and not abroad:
        raise ProfileError(
            _("Give a Norwegian account number, or an IBAN and BIC for an account abroad."),
            field="bank_account",
        )
    if profile.bank_account:
        _check_number("bank_account", profile.bank_account, kontonr.validate)
        return
    for field in ("iban", "bic"):
        if not getattr(profile, field):
            raise ProfileError(
                _("%(field)s: give it too for an account abroad.") % {"field": _label(field)},
                field=field,
            )
    _check_number("iban", profile.iban, stdnum_iban.validate)
    _check_number("bic", profile.bic, _validate_bic)


def _validate_bic(value: str) -> str:
    if stdnum_bic is not None:
        return str(stdnum_bic.validate(value))
    if not BIC_PATTERN.match(value):
        raise NumberError()
    return value


def _check_number(field: str, value: str, validate: Any) -> None:
    try:
        validate(value)
    except NumberError as error:
        raise ProfileError(
            _("%(field)s is not valid: check the number.") % {"field": _label(field)},
            field=field,
        ) from error


def _check_country(profile: StudentProfile) -> None:
    profile.study_country = (profile.study_country or "").strip().upper()
    if profile.study_country and profile.study_country not in COUNTRY_CODES:
        raise ProfileError(
            _("%(field)s: give the country's two-letter code, such as US.")
            % {"field": _label("study_country")},
            field="study_country",
        )


# Helfo's scheme for students outside the EU/EEA is national: offered whatever the place of
# study (or none), where every other scheme is a welfare organisation's, for its students.
NATIONAL_SCHEMES = frozenset({Scheme.HELFO_ABROAD.value})


def schemes_of(profile: StudentProfile) -> list[tuple[str, Any]]:
    """The schemes a student is shown, with their names: the one their institution's welfare
    organisation runs, and the national ones. A student of no institution (yet) sees only the
    national ones; which of these they can use, the rules decide (:func:`eligibility`)."""
    institution = profile.institution
    organisation = institution.welfare_organisation if institution is not None else None
    return [
        (scheme, label)
        for scheme, label in SCHEME_CHOICES
        if scheme == organisation or scheme in NATIONAL_SCHEMES
    ]


def eligibility(user: User, *, on: date) -> list[SchemeEligibility]:
    """For each scheme the student is shown (:func:`schemes_of`), whether they can use it on
    ``on``, and if not, why; the rules engine decides, from the student's profile."""
    profile = StudentProfile.objects.select_related("institution").filter(user=user).first()
    if profile is None:
        raise ProfileError(_("Fill in your profile first."))
    return [
        SchemeEligibility(
            scheme=scheme,
            label=str(label),
            reasons=tuple(adapter.eligibility_reasons(profile, scheme, on)),
        )
        for scheme, label in schemes_of(profile)
    ]
