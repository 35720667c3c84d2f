"""The named hooks of the scheme files, each on its own: the rule its docstring cites, on a
claim that shows it (docs/schemes.md, "Hooks")."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from refusjon.rules import reasons
from refusjon.rules.context import Context, LineWork
from refusjon.rules.engine import Effects
from refusjon.rules.ledger import Ledger
from refusjon.rules.model import ClaimOutcome, Scheme
from refusjon.rules.parameters import default_parameters
from refusjon.rules.reader import read_claim
from refusjon.rules.schemes import SCHEMES
from refusjon.rules.schemes.data import DataRules
from refusjon.rules.schemes.hooks import HOOKS, common, helfo_abroad, sio, ssn


def claim_of(scheme: str, **changes: Any) -> dict[str, Any]:
    """A claim that passes every check of ``scheme``, with ``changes`` (a key of the claim,
    or ``applicant``/``line`` to change within those)."""
    applicant: dict[str, Any] = {
        "person_id": "P1",
        "birth_date": "2001-04-09",
        "semester_fee_paid": True,
        "registered_student": True,
        "institution": {"sio": "uio", "ssn": "usn"}.get(scheme),
        "sio_gp": scheme == "sio",
    }
    if scheme == "helfo_abroad":
        applicant |= {"nis_member": True, "full_time_student_abroad": True, "study_country": "US"}
    line: dict[str, Any] = {
        "line_id": "1",
        "category": "gp",
        "service_on": "2026-03-03",
        "amount": "600.00",
        "public_user_fee": True,
    }
    applicant |= changes.pop("applicant", {})
    line |= changes.pop("line", {})
    claim = {
        "claim_id": "C1",
        "scheme": scheme,
        "submitted_on": "2026-06-01",
        "period": "2026-spring",
        "applicant": {key: value for key, value in applicant.items() if value is not None},
        "expenses": [line],
        "documents": [{"type": "user_fee_overview", "shows_applicant_name": True}],
    }
    return claim | changes


def context(data: dict[str, Any], history: Ledger | None = None) -> Context:
    return Context(read_claim(data), default_parameters(), history or Ledger())


def rules(scheme: str) -> DataRules:
    found = SCHEMES[Scheme(scheme)]
    assert isinstance(found, DataRules)
    return found


def said(ctx: Context) -> list[str]:
    """The keys of the explanation's steps, figures cited as ``param:<name>``."""
    return [
        f"param:{step.args['param'].name}" if step.key == "param" else step.key
        for step in ctx.steps
    ]


def test_every_hook_has_a_docstring_that_says_its_rule() -> None:
    from refusjon.rules.schemes.hooks import registry

    tables = [registry.VALIDATE, registry.CLAIM, registry.DOCUMENTS, registry.LINES]
    tables += [registry.PRICE, registry.CATEGORIES]
    functions = {name: function for table in tables for name, function in table.items()}
    assert set(functions) == set(HOOKS)
    for name, function in functions.items():
        assert (function.__doc__ or "").strip(), name


# Common ------------------------------------------------------------------------------------


def test_common_student_needs_the_semester_fee_and_a_registration() -> None:
    ctx = context(claim_of("sio", applicant={"semester_fee_paid": False}))

    assert common.student(rules("sio"), ctx) == [reasons.SEMESTER_FEE_NOT_PAID]
    assert said(ctx) == ["claim.student"]


def test_common_in_period_rejects_a_line_outside_the_period_and_lets_the_checks_go_on() -> None:
    ctx = context(claim_of("sio", line={"service_on": "2026-08-03"}))
    work = LineWork(0, ctx.claim.expenses[0])

    assert common.in_period(rules("sio"), ctx, work) is False
    assert work.codes == [reasons.OUTSIDE_PERIOD]


# SiO ---------------------------------------------------------------------------------------


def test_sio_covers_a_sio_gp_patient_at_any_institution() -> None:
    ctx = context(claim_of("sio", applicant={"institution": "ntnu"}))

    assert sio.gp_or_campus(rules("sio"), ctx) == []
    assert said(ctx) == ["sio.covered"]


def test_sio_covers_a_campus_it_serves_without_a_gp_and_no_other() -> None:
    served = context(claim_of("sio", applicant={"sio_gp": False, "institution": "oslomet-kjeller"}))
    other = context(claim_of("sio", applicant={"sio_gp": False, "institution": "ntnu"}))

    assert sio.gp_or_campus(rules("sio"), served) == []
    assert sio.gp_or_campus(rules("sio"), other) == [reasons.NOT_COVERED_INSTITUTION]


def test_sio_s_spring_deadline_was_16_july_and_is_31_january_next_year_from_2026() -> None:
    old = context(claim_of("sio", period="2025-spring", submitted_on="2025-07-17"))
    new = context(claim_of("sio", period="2026-spring", submitted_on="2027-01-31"))

    assert sio.deadline(rules("sio"), old) == [reasons.DEADLINE_PASSED]
    assert sio.deadline(rules("sio"), new) == []
    assert said(new) == ["param:sio.deadline_spring", "claim.deadline"]


def test_sio_refunds_public_user_fees_of_its_categories_only() -> None:
    ctx = context(claim_of("sio", line={"category": "dentist"}))
    dentist = LineWork(0, ctx.claim.expenses[0])
    private = context(claim_of("sio", line={"public_user_fee": False}))
    gp = LineWork(0, private.claim.expenses[0])

    sio.public_user_fee(rules("sio"), ctx, dentist)
    sio.public_user_fee(rules("sio"), private, gp)
    assert dentist.codes == [reasons.EXCLUDED_CATEGORY]
    assert gp.codes == [reasons.NOT_PUBLIC_USER_FEE]


def test_in_2026_a_sio_gp_patient_pays_the_first_490_and_a_campus_student_655() -> None:
    gp = context(claim_of("sio"))
    campus = context(claim_of("sio", applicant={"sio_gp": False, "institution": "oslomet-kjeller"}))
    gp_work, campus_work = LineWork(0, gp.claim.expenses[0]), LineWork(0, campus.claim.expenses[0])

    assert sio.threshold(rules("sio"), gp, gp_work) is True
    sio.threshold(rules("sio"), campus, campus_work)
    assert gp_work.refund == Decimal("110.00")
    assert campus_work.refund == Decimal("0")
    assert campus_work.notes == [reasons.WITHIN_THRESHOLD]


def test_sio_offers_the_categories_of_its_figure() -> None:
    params = default_parameters()
    day = read_claim(claim_of("sio")).period.start

    offered = sio.covered_categories(rules("sio"), params, day)
    assert offered == params.value("sio.covered_categories", day)


# SSN ---------------------------------------------------------------------------------------


def test_ssn_covers_usn_and_three_other_schools_only() -> None:
    usn = context(claim_of("ssn"))
    uio = context(claim_of("ssn", applicant={"institution": "uio"}))

    assert ssn.institution(rules("ssn"), usn) == []
    assert ssn.institution(rules("ssn"), uio) == [reasons.NOT_COVERED_INSTITUTION]
    assert said(uio) == ["ssn.covered"]


def test_ssn_gives_a_returned_claim_s_resubmission_a_month_more() -> None:
    late = claim_of("ssn", submitted_on="2026-08-20", resubmission_of="C0")
    plain = context(late)
    history = Ledger()
    history.record(Effects("P1", "C0", ClaimOutcome.RETURNED))
    resubmitted = context(late, history)

    assert ssn.deadline(rules("ssn"), plain) == [reasons.DEADLINE_PASSED]
    assert ssn.deadline(rules("ssn"), resubmitted) == []
    assert "ssn.resubmission" in said(resubmitted)


def test_ssn_puts_a_line_in_the_first_pot_that_fits() -> None:
    fee = context(claim_of("ssn", line={"category": "psychologist"}))
    private = context(claim_of("ssn", line={"category": "psychologist", "public_user_fee": False}))
    abroad = context(
        claim_of("ssn", line={"public_user_fee": False, "country": "SE", "currency": "NOK"})
    )
    at_home = context(claim_of("ssn", line={"public_user_fee": False}))
    works = [LineWork(0, ctx.claim.expenses[0]) for ctx in (fee, private, abroad, at_home)]

    for ctx, work in zip((fee, private, abroad, at_home), works, strict=True):
        assert ssn.first_fitting_pot(rules("ssn"), ctx, work) is False
    assert [work.pot for work in works] == ["user_fees", "other", "other", None]
    assert works[3].codes == [reasons.NOT_PUBLIC_USER_FEE]


def test_ssn_needs_an_itemised_receipt_in_the_other_and_dental_pots() -> None:
    ctx = context(claim_of("ssn", line={"category": "dentist", "public_user_fee": False}))
    work = LineWork(0, ctx.claim.expenses[0])

    ssn.first_fitting_pot(rules("ssn"), ctx, work)
    ssn.itemised_receipt(rules("ssn"), ctx, work)
    assert work.pot == "dental"
    assert work.codes == [reasons.missing_document("receipt")]


def test_ssn_asks_for_a_student_id_the_overview_and_the_confirmations_the_lines_need() -> None:
    data = claim_of("ssn", line={"category": "vaccine_study_abroad", "public_user_fee": False})
    ctx = context(data | {"documents": []})
    work = LineWork(0, ctx.claim.expenses[0])
    ssn.first_fitting_pot(rules("ssn"), ctx, work)

    assert ssn.student_id(rules("ssn"), ctx, [work]) == [reasons.missing_document("student_id")]
    assert ssn.overview_for_user_fees(rules("ssn"), ctx, [work]) == []
    assert ssn.confirmations(rules("ssn"), ctx, [work]) == [
        reasons.missing_document("vaccine_confirmation")
    ]


def test_ssn_refunds_above_each_pot_s_deductible_user_fees_up_to_the_limit() -> None:
    ctx = context(claim_of("ssn"))
    work = LineWork(0, ctx.claim.expenses[0])
    work.pot = "user_fees"

    assert ssn.pot_deductible(rules("ssn"), ctx, work) is True
    assert work.refund == Decimal("150.00")
    assert "param:ssn.deductible_user_fees" in said(ctx)


def test_ssn_offers_the_categories_of_its_three_pots() -> None:
    offered = ssn.pot_categories(
        rules("ssn"), default_parameters(), read_claim(claim_of("ssn")).period.start
    )

    assert {"gp", "chiropractor", "dentist"} <= offered
    assert "vaccine_travel" not in offered


# Helfo abroad ------------------------------------------------------------------------------


def helfo(**changes: Any) -> dict[str, Any]:
    """A Helfo claim for a line in the US, with a receipt, proof of payment and documentation."""
    line = {"country": "US", "currency": "NOK", "public_user_fee": False}
    applicant = changes.pop("applicant", {})
    line |= changes.pop("line", {})
    data = claim_of("helfo_abroad", line=line, applicant=applicant, period="2026")
    documents = [{"type": kind} for kind in ("receipt", "proof_of_payment")]
    documents.append({"type": "medical_documentation"})
    return data | {"documents": documents} | changes


def priced(data: dict[str, Any], history: Ledger | None = None) -> tuple[Context, LineWork]:
    ctx = context(data, history)
    return ctx, LineWork(0, ctx.claim.expenses[0])


def test_helfo_needs_a_study_country_and_a_trip_on_a_travel_line() -> None:
    data = helfo(line={"category": "patient_travel"})
    data["applicant"].pop("study_country")
    claim = read_claim(data)

    assert helfo_abroad.study_country(rules("helfo_abroad"), claim) == [
        "applicant.study_country: required for helfo_abroad"
    ]
    assert helfo_abroad.trip_given(rules("helfo_abroad"), claim) == [
        "expenses[0].trip: required for patient_travel"
    ]


def test_helfo_covers_a_member_studying_outside_the_eea_never_a_spouse() -> None:
    ctx = context(helfo(applicant={"study_country": "SE"}))

    assert helfo_abroad.eligibility(rules("helfo_abroad"), ctx) == [reasons.STUDY_COUNTRY_IN_EEA]
    assert said(ctx) == ["helfo.eligibility"]


def test_helfo_asks_for_every_document_and_a_translation_of_a_foreign_one() -> None:
    ctx = context(helfo(documents=[{"type": "receipt", "language": "es"}]))

    assert helfo_abroad.required_documents(rules("helfo_abroad"), ctx, []) == [
        reasons.missing_document("medical_documentation"),
        reasons.missing_document("proof_of_payment"),
    ]
    assert helfo_abroad.translated(rules("helfo_abroad"), ctx, []) == [
        reasons.UNTRANSLATED_DOCUMENT
    ]


def test_helfo_needs_a_power_of_attorney_for_a_child_of_16_on_the_submission_day() -> None:
    sixteen = helfo(patient={"relation": "child", "birth_date": "2010-05-31"})
    fifteen = helfo(patient={"relation": "child", "birth_date": "2010-06-02"})

    assert helfo_abroad.power_of_attorney(rules("helfo_abroad"), context(sixteen), []) == [
        reasons.missing_document("power_of_attorney")
    ]
    assert helfo_abroad.power_of_attorney(rules("helfo_abroad"), context(fifteen), []) == []


def test_helfo_covers_three_months_after_the_last_semester_and_six_after_treatment() -> None:
    after = helfo(applicant={"last_semester_ends_on": "2025-12-01"})
    ctx, work = priced(after)
    helfo_abroad.coverage_period(rules("helfo_abroad"), ctx, work)
    late = helfo(submitted_on="2026-09-04")
    late_ctx, late_work = priced(late)
    helfo_abroad.expense_age(rules("helfo_abroad"), late_ctx, late_work)

    assert work.codes == [reasons.OUTSIDE_COVERAGE_PERIOD]
    assert late_work.codes == [reasons.DEADLINE_PASSED]


def test_helfo_excludes_vaccines_and_a_child_s_ordinary_dentistry_and_stops_there() -> None:
    ctx, vaccine = priced(helfo(line={"category": "vaccine_travel"}))
    child = helfo(
        line={"category": "dentist"}, patient={"relation": "child", "birth_date": "2015-01-01"}
    )
    child_ctx, dentist = priced(child)

    assert helfo_abroad.category(rules("helfo_abroad"), ctx, vaccine) is True
    assert helfo_abroad.category(rules("helfo_abroad"), child_ctx, dentist) is True
    assert vaccine.codes == dentist.codes == [reasons.EXCLUDED_CATEGORY]


def test_helfo_medicines_need_a_statement_and_speech_therapy_a_referral() -> None:
    ctx, medicine = priced(helfo(line={"category": "blue_prescription"}))
    speech_ctx, speech = priced(helfo(line={"category": "speech_therapy"}))

    helfo_abroad.medical_statement(rules("helfo_abroad"), ctx, medicine)
    helfo_abroad.speech_referral(rules("helfo_abroad"), speech_ctx, speech)
    assert medicine.codes == [reasons.missing_document("medical_statement")]
    assert speech.codes == [reasons.REFERRAL_REQUIRED]


def trip(km: str, *, companion: bool = False, fare: str = "0") -> dict[str, Any]:
    return {
        "category": "patient_travel",
        "trip": {"distance_km": km, "min_public_fare_nok": fare, "companion": companion},
    }


def test_helfo_travel_must_be_over_10_km_and_an_adult_s_companion_needs_a_statement() -> None:
    ctx, short = priced(helfo(line=trip("10", companion=True)))

    helfo_abroad.trip(rules("helfo_abroad"), ctx, short)
    helfo_abroad.companion(rules("helfo_abroad"), ctx, short)
    assert short.codes == [reasons.TRAVEL_TOO_SHORT, reasons.COMPANION_NOT_COVERED]


def test_helfo_pays_75_percent_of_a_gp_and_all_of_a_hospital_stay() -> None:
    ctx, gp = priced(helfo())
    stay_ctx, stay = priced(helfo(line={"category": "hospital_stay"}))

    assert helfo_abroad.shares(rules("helfo_abroad"), ctx, gp) is True
    helfo_abroad.shares(rules("helfo_abroad"), stay_ctx, stay)
    assert gp.refund == Decimal("450.0000")
    assert stay.refund == Decimal("600.0000")


def test_helfo_pays_a_chiropractor_107_first_in_the_year_then_46() -> None:
    ctx, first = priced(helfo(line={"category": "chiropractor"}))
    second = LineWork(0, ctx.claim.expenses[0])

    helfo_abroad.chiropractor(rules("helfo_abroad"), ctx, first)
    helfo_abroad.chiropractor(rules("helfo_abroad"), ctx, second)
    assert (first.refund, second.refund) == (Decimal("107"), Decimal("46"))


def test_helfo_travel_pays_3_per_km_less_171_and_refers_a_trip_over_300_km() -> None:
    ctx, near = priced(helfo(line=trip("100")))
    far_ctx, far = priced(helfo(line=trip("301")))

    assert helfo_abroad.patient_travel(rules("helfo_abroad"), ctx, near) is True
    helfo_abroad.patient_travel(rules("helfo_abroad"), far_ctx, far)
    assert near.refund == Decimal("129.00")
    assert far.notes == [reasons.MANUAL_ASSESSMENT]


def test_helfo_travel_user_fees_stop_at_the_yearly_limit() -> None:
    history = Ledger()
    ctx, work = priced(helfo(line=trip("100")), history)
    ctx.add(("helfo_abroad", ctx.claim.patient_key, 2026, "user_fees"), Decimal("2300"))

    helfo_abroad.patient_travel(rules("helfo_abroad"), ctx, work)
    assert work.refund == Decimal("300.00") - Decimal("74")


def test_helfo_allows_three_psychologist_consultations_a_year_without_a_referral() -> None:
    ctx, _ = priced(helfo(line={"category": "psychologist"}))
    works = [LineWork(0, ctx.claim.expenses[0]) for _ in range(4)]

    done = [helfo_abroad.psychologist_count(rules("helfo_abroad"), ctx, work) for work in works]
    assert done == [False, False, False, True]
    assert works[3].codes == [reasons.REFERRAL_REQUIRED]


def test_helfo_refers_what_the_sources_give_no_amount_for() -> None:
    ctx, work = priced(helfo(line={"category": "orthodontics"}))

    assert helfo_abroad.referred(rules("helfo_abroad"), ctx, work) is True
    assert work.notes == [reasons.MANUAL_ASSESSMENT]


def test_helfo_offers_what_it_covers_in_some_way_not_what_it_excludes() -> None:
    offered = helfo_abroad.covered_categories(
        rules("helfo_abroad"), default_parameters(), read_claim(helfo()).period.start
    )

    assert {"chiropractor", "patient_travel", "hospital_stay", "dentist"} <= offered
    assert not {"vaccine_travel", "naprapath"} & offered


def test_ssn_asks_for_the_overview_only_with_a_line_in_the_user_fee_pot() -> None:
    ctx = context(claim_of("ssn") | {"documents": []})
    work = LineWork(0, ctx.claim.expenses[0])
    ssn.first_fitting_pot(rules("ssn"), ctx, work)

    assert work.pot == "user_fees"
    assert ssn.overview_for_user_fees(rules("ssn"), ctx, [work]) == [
        reasons.missing_document("user_fee_overview")
    ]
