"""The scheme language: the six further schemes' files as the rulebook states them, and every
problem with a file told by its file, its key and what is wrong."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from refusjon.rules.schemes import language
from refusjon.rules.schemes.language import SchemeFileError

SIS = (language.SCHEME_DIR / "sis.yaml").read_text(encoding="utf-8")


def problems(text: str) -> list[tuple[str, str, str]]:
    with pytest.raises(SchemeFileError) as raised:
        language.loads(text, file="sis-edited.yaml")
    return [(problem.file, problem.key, problem.message) for problem in raised.value.problems]


def test_the_published_schema_is_a_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(language.schema())


def test_the_schemes_ship_as_files_that_load() -> None:
    schemes = language.builtin()

    further = {"sis", "sia", "siost", "studentinord", "sivolda", "sammen"}
    assert set(schemes) == further | {"sio", "ssn", "helfo_abroad"}
    for definition in schemes.values():
        refunded = definition.coverage.refunded
        # Every category refunded is in exactly one pot, and every figure value has a source.
        assert sorted(c for pot in definition.pots for c in pot.categories) == sorted(refunded)
        for figure in definition.figures.values():
            assert all(set(value.source) <= set(definition.sources) for value in figure.values)
    for scheme in further:
        assert schemes[scheme].hooks is None


# The figures as ../shared/spec/schemes.md states them: (scheme, figure, from, value).
RULEBOOK = [
    ("sis", "deductible", "2024-07-01", "800"),
    ("sis", "share", "2024-07-01", "0.40"),
    ("sia", "deductible", "2024-01-01", "650"),
    ("sia", "share", "2024-01-01", "0.40"),
    ("sia", "minimum_payout", "2024-01-01", "500"),
    ("sia", "cap_per_year", "2024-01-01", "7500"),
    ("siost", "deductible", "2019-01-01", "250"),
    ("siost", "share", "2019-01-01", "1"),
    ("siost", "chiro_physio_cap", "2019-01-01", "1500"),
    ("studentinord", "deductible", "2017-07-01", "1500"),
    ("studentinord", "share", "2017-07-01", "0.50"),
    ("studentinord", "cap_per_study_year", "2017-07-01", "6000"),
    ("studentinord", "minimum_payout", "2017-07-01", "300"),
    ("studentinord", "min_ects", "2017-07-01", "40"),
    ("sivolda", "threshold", "2004-08-16", "0.5"),
    ("sivolda", "share", "2004-08-16", "1"),
    ("sammen", "deductible", "2018-01-01", "0"),
    ("sammen", "share", "2018-01-01", "1"),
    ("sammen", "expense_age", "2018-01-01", "6"),
]


@pytest.mark.parametrize(("scheme", "name", "starts", "value"), RULEBOOK)
def test_each_figure_is_the_rulebook_s_from_its_date(
    scheme: str, name: str, starts: str, value: str
) -> None:
    figure = language.builtin()[scheme].figures[name]
    first = date.fromisoformat(starts)

    in_force = figure.on(first)
    assert in_force is not None and in_force.value == Decimal(value)
    assert figure.on(date.fromordinal(first.toordinal() - 1)) is None


def test_every_shipped_file_passes_every_check() -> None:
    # The shipped files are read at start without the JSON Schema (for speed); this is the
    # check they skip, and what they are read as must be what the whole check reads.
    for path in sorted(language.SCHEME_DIR.glob("*.yaml")):
        checked = language.load(path)

        assert language.builtin()[checked.scheme] == checked


def test_a_shipped_file_that_breaks_the_schema_is_named_as_any_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sis.yaml").write_text(SIS.replace("share: share", "shares: share"), "utf-8")
    monkeypatch.setattr(language, "SCHEME_DIR", tmp_path)

    with pytest.raises(SchemeFileError) as raised:
        language.builtin.__wrapped__()

    named = [str(problem) for problem in raised.value.problems]
    assert len(named) == 2
    assert all(problem.startswith("sis.yaml: pots.0: ") for problem in named)
    assert any("'shares'" in problem for problem in named)
    assert any("'share' is a required property" in problem for problem in named)


def test_what_each_scheme_covers_and_how_its_pots_and_deadlines_run() -> None:
    schemes = language.builtin()
    sis, sia, siost = schemes["sis"], schemes["sia"], schemes["siost"]
    studentinord, sivolda, sammen = schemes["studentinord"], schemes["sivolda"], schemes["sammen"]

    assert sis.period.kinds == {"study_year"} and sis.deadline.window is not None
    assert sis.deadline.window.opens.for_year(2025) == date(2026, 4, 1)
    assert sis.deadline.window.closes.for_year(2025) == date(2026, 6, 1)
    assert "lab_tests" not in sis.coverage.refunded and "dentist" in sis.coverage.receipt
    assert sia.period.teaching is not None and sia.period.teaching.outside_only == {
        "emergency_clinic"
    }
    assert sia.cap == language.Cap("cap_per_year", "calendar_year")
    assert [pot.name for pot in siost.pots] == ["user_fees", "chiro_physio"]
    assert siost.pot_of("physiotherapist") == siost.pots[1]
    assert {rule.relation for rule in siost.who.patients} == {"self", "child"}
    assert studentinord.who.min_ects_per_year == "min_ects"
    assert studentinord.deadline.by is not None
    assert studentinord.deadline.by["study_year"].for_year(2025) == date(2026, 7, 1)
    assert sivolda.period.deductible_over == "calendar_year"
    assert sivolda.figures["threshold"].of == "exemption_card_limit"
    assert [(rule.relation, rule.under_age) for rule in sivolda.who.patients] == [
        ("self", None),
        ("child", 16),
    ]
    assert sivolda.coverage.norway_only and sammen.coverage.norway_only
    assert sammen.coverage.referred == {"dentist", "dental_illness", "patient_travel"}
    assert sammen.deadline.line_age_months == "expense_age"


def test_an_assumed_figure_says_why() -> None:
    deductible = language.builtin()["sis"].figures["deductible"]

    assert "undated" in deductible.values[0].assumed
    assert language.builtin()["sivolda"].figures["share"].values[0].assumed == ""


def test_a_missing_key_is_named_with_the_file() -> None:
    edited = SIS.replace("deadline:\n  window:", "deadlines:\n  window:")

    found = problems(edited)
    assert ("sis-edited.yaml", "", "'deadline' is a required property") in found
    assert any(key == "" and "'deadlines'" in message for _, key, message in found)


def test_a_misspelt_key_is_named_with_the_keys_it_may_be() -> None:
    edited = SIS.replace("    deductible: deductible\n", "    deductable: deductible\n")

    [(file, key, message)] = problems(edited)
    assert (file, key) == ("sis-edited.yaml", "pots.0")
    assert "'deductable'" in message and "deductible" in message


def test_a_value_of_the_wrong_kind_is_named_by_its_key() -> None:
    edited = SIS.replace("        value: 800\n", "        value: eight hundred\n")

    [(_, key, message)] = problems(edited)
    assert key == "figures.deductible.values.0.value"
    assert "eight hundred" in message


def test_a_name_the_file_does_not_define_is_named() -> None:
    edited = SIS.replace("    share: share\n", "    share: shares\n")

    [(_, key, message)] = problems(edited)
    assert key == "pots.0.share"
    assert "'shares'" in message and "deductible, share" in message


def test_a_category_or_source_or_day_that_does_not_exist_is_named_all_at_once() -> None:
    edited = (
        SIS.replace("[dentist, chiropractor,", "[dentists, chiropractor,")
        .replace("        source: page\n", "        source: website\n", 1)
        .replace("    closes: 06-01", "    closes: 04-31")
    )

    found = {(key, message) for _, key, message in problems(edited)}
    assert ("coverage.receipt", "'dentists' is not a category of the claims format") in found
    assert any(key == "figures.deductible.values.0.source" for key, _ in found)
    assert ("deadline.window.closes", "'04-31' is no day of the year") in found


def test_a_rate_above_one_and_a_category_in_no_pot_are_problems() -> None:
    edited = SIS.replace("        value: 0.40\n", "        value: 40\n").replace(
        "  - name: sis\n", "  - name: sis\n    categories: [gp]\n"
    )

    found = {(key, message) for _, key, message in problems(edited)}
    assert ("figures.share.values.0.value", "a rate is at most 1 (100 %)") in found
    assert ("pots", "'dentist' is refunded but in no pot") in found


def test_text_that_is_not_yaml_is_named_by_its_line() -> None:
    [(file, key, message)] = problems("scheme: sis\nname: [unclosed\n")

    assert file == "sis-edited.yaml" and key.startswith("line ")
    assert message.startswith("not YAML")


def test_a_file_is_loaded_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "sis.yaml"
    path.write_text(SIS, encoding="utf-8")

    assert language.load(path).file == "sis.yaml"
    path.write_text(SIS.replace("scheme: sis", "scheme: Sis"), encoding="utf-8")
    with pytest.raises(SchemeFileError, match=r"^sis.yaml: scheme: 'Sis' does not match"):
        language.load(path)


def test_a_choice_not_offered_lists_the_choices() -> None:
    edited = SIS.replace("  overview: with_an_overview_line", "  overview: sometimes")

    assert problems(edited) == [
        (
            "sis-edited.yaml",
            "documents.overview",
            "'sometimes' is not one of: always, with_an_overview_line, never",
        )
    ]


def test_the_advisers_whole_example_in_the_documentation_loads_as_the_shipped_file() -> None:
    text = (Path(__file__).parents[2] / "docs" / "schemes.md").read_text(encoding="utf-8")
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]

    documented = language.loads(example, file="schemes.md")
    shipped = language.builtin()["sis"]
    assert documented.figures == shipped.figures
    assert (documented.who, documented.coverage, documented.pots) == (
        shipped.who,
        shipped.coverage,
        shipped.pots,
    )
    assert (documented.documents, documented.deadline) == (shipped.documents, shipped.deadline)


SIO = (language.SCHEME_DIR / "sio.yaml").read_text(encoding="utf-8")


def sio_problems(text: str) -> list[tuple[str, str, str]]:
    with pytest.raises(SchemeFileError) as raised:
        language.loads(text, file="sio-edited.yaml")
    return [(problem.file, problem.key, problem.message) for problem in raised.value.problems]


def test_an_unknown_hook_is_named_with_the_hooks_of_its_step() -> None:
    edited = SIO.replace("sio.gp_or_campus,", "sio.gp_or_campuses,")

    [(file, key, message)] = sio_problems(edited)
    assert (file, key) == ("sio-edited.yaml", "hooks.claim.1")
    assert message.startswith("'sio.gp_or_campuses' is no hook (hooks of claim: ")
    assert "sio.gp_or_campus" in message and "sio.threshold" not in message


def test_a_hook_listed_under_another_step_is_a_problem() -> None:
    edited = SIO.replace("  price: [sio.threshold]", "  price: [sio.deadline]")

    assert sio_problems(edited) == [
        ("sio-edited.yaml", "hooks.price.0", "'sio.deadline' is a hook of claim, not of price")
    ]


def test_a_step_no_hook_takes_needs_its_blocks() -> None:
    edited = SIO.replace("  price: [sio.threshold]\n", "")

    assert sio_problems(edited) == [
        ("sio-edited.yaml", "", "'pots' is required (no hook takes the steps it decides)")
    ]


def test_a_figure_value_of_another_unit_is_named_by_its_key() -> None:
    edited = SIO.replace('        value: "490"', "        value: [gp]")

    [(_, key, message)] = sio_problems(edited)
    assert key == "figures.threshold_gp.values.1.value"
    assert message == "a figure in NOK is a number (or none)"


def test_a_keeper_s_note_is_the_figure_s_source_verbatim() -> None:
    from refusjon.rules.parameters import default_parameters

    value = default_parameters().at("sio.threshold_gp", date(2026, 1, 1))
    assert value.source == (
        "SiO, sio.no/en/health/refund-of-healthcare-expenses, updated 25.02.26 [seed 003]"
    )
    assert value.value == Decimal("490") and value.unit == "NOK"


def test_a_hook_citing_a_source_the_file_lacks_is_a_problem() -> None:
    helfo = (language.SCHEME_DIR / "helfo_abroad.yaml").read_text(encoding="utf-8")
    edited = helfo.replace("  students:\n", "  student:\n").replace(
        "cited_as: [students, abroad]", "cited_as: [student, abroad]"
    )

    with pytest.raises(SchemeFileError) as raised:
        language.loads(edited, file="helfo.yaml")
    found = {(problem.key, problem.message) for problem in raised.value.problems}
    assert (
        "hooks.claim.0",
        "'helfo_abroad.eligibility' cites the source 'students', not in sources",
    ) in found
    assert str(raised.value).startswith("helfo.yaml: hooks.")
