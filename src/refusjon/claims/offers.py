"""What a student is offered: the schemes they can start a claim under, and, for a claim, the
kinds of treatment and of document its scheme knows.

The rules engine says which categories each scheme refunds and which documents it asks for
(:mod:`refusjon.rules.schemes`); the eligibility page's answer (:func:`profiles.eligibility`)
says which schemes a student can use. A claim is started through :func:`start_claim`, which
refuses a scheme the student cannot use, whatever the form showed.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import adapter, profiles, services
from refusjon.claims.errors import ClaimError
from refusjon.claims.models import Claim, PatientRelation, StudentProfile, User
from refusjon.rules.model import Period


def eligible_schemes(student: User, *, on: date | None = None) -> frozenset[str]:
    """The schemes the student can use on ``on`` (today), as the eligibility page shows them;
    none without a profile."""
    if not StudentProfile.objects.filter(user=student).exists():
        return frozenset()
    rows = profiles.eligibility(student, on=on or clock.today())
    return frozenset(row.scheme for row in rows if row.eligible)


def start_claim(
    student: User,
    *,
    scheme: str,
    period: str,
    patient_relation: str = PatientRelation.SELF,
    patient_birth_date: date | None = None,
    now: datetime | None = None,
) -> Claim:
    """Start a draft under a scheme the student can use today; any other is refused, with the
    eligibility page to say why, and so is any for a student with no profile yet (the profile
    says which schemes they can use)."""
    today = timezone.localdate(now) if now is not None else clock.today()
    if not StudentProfile.objects.filter(user=student).exists():
        raise ClaimError(
            _("Fill in your profile first: which schemes you can apply under depends on it.")
        )
    if scheme not in eligible_schemes(student, on=today):
        raise ClaimError(
            _(
                "You cannot apply under this scheme with the facts in your profile. "
                "The page “What you can apply for” says why."
            )
        )
    return services.create_draft(
        student,
        scheme=scheme,
        period=period,
        patient_relation=patient_relation,
        patient_birth_date=patient_birth_date,
        now=now,
    )


def categories(claim: Claim, *, on: date | None = None) -> frozenset[str]:
    """The categories of treatment the claim's scheme (as in force for its period) refunds in
    some way."""
    scheme_rules, params = adapter.rules_for(claim.scheme, Period.parse(claim.period))
    return scheme_rules.categories(params, on or clock.today())


def document_types(claim: Claim) -> tuple[str, ...]:
    """The kinds of document the student may add to the claim: what a return asked for first,
    then the scheme's own, the one most claims need first."""
    asked = tuple(code for code in claim.returned_missing if isinstance(code, str))
    scheme_rules, _params = adapter.rules_for(claim.scheme, Period.parse(claim.period))
    return tuple(dict.fromkeys((*asked, *scheme_rules.documents)))


# What an appeal may bring beyond the claim's own kinds of document: the evidence that the
# decision was wrong (a doctor's account of why the treatment was needed, what was paid).
APPEAL_EVIDENCE = ("medical_documentation", "proof_of_payment")


def appeal_document_types(claim: Claim) -> tuple[str, ...]:
    """The kinds of document the student may add to an appeal of the claim's decision."""
    return tuple(dict.fromkeys((*document_types(claim), *APPEAL_EVIDENCE)))
