"""Scenario tests: the rules of schemes.md as data, one YAML file per scheme.

Each file in ``tests/rules/scenarios/`` (``sio.yaml``, ``ssn.yaml``, ``helfo_abroad.yaml``,
``common.yaml``) holds::

    defaults:                 # optional, merged under every claim of the file
      claim: {...}            #   a partial claim (scheme, period, applicant, documents, ...)
      expense: {...}          #   a partial expense line, merged under every line
    scenarios:
      - name: "In 2026 a SiO GP patient pays the first 490 and gets the rest back"
        rates: [...]          # optional, see below
        xfail: "why"          # optional: the engine is believed wrong; cite schemes.md
        claims:               # one or more claims in the JSON shape of claims-format.md,
          - {...}             # decided in order by one BatchAssessor: earlier claims set up
          - {...}             # running totals, duplicates and returned claims for the last
        expect: {...}         # the decision of the LAST claim

Merging: a claim is the file's ``defaults.claim`` with the scenario's claim laid over it, key
by key and recursively for mappings (``applicant`` and ``patient`` merge; lists such as
``documents`` and ``expenses`` replace). A ``null`` removes the default's key. Each expense line
is merged over ``defaults.expense`` the same way. A claim without ``claim_id`` gets ``C1``,
``C2``, ... by position; a line without ``line_id`` gets ``"1"``, ``"2"``, ... by position.

A claim entry may instead be ``{raw: "<text>"}``: that text is one line of a JSON Lines file,
sent as is (for input that is not JSON at all). Any claim entry may carry its own ``expect``
(same shape as below) to check an earlier claim too; the scenario's ``expect`` belongs to the
last claim.

``expect`` is compared exactly with what ``refusjon assess`` writes (``decision_to_json`` with
the English renderer):

* ``outcome`` (required);
* ``refund_nok`` (a string with two decimals; required unless the outcome is ``invalid``);
* ``reasons`` (sorted claim-level codes; default ``[]``);
* ``lines`` (required unless ``invalid``): one per input line, in input order, each with
  ``outcome`` (required), ``line_id`` (default: the input line's id), ``eligible_nok`` and
  ``refund_nok`` (default ``"0.00"``) and ``reasons`` (default ``[]``);
* ``errors_contain`` (``invalid`` only): fragments that must each occur in some error message,
  since the wording of errors is free;
* ``claim_id`` (optional; by default the claim's own id, ``null`` for a raw line).

Every decision of a scenario, the set-up claims' too, must have a non-empty explanation.

``rates`` gives Norges Bank's exchange rates, either as the text of their CSV export (header
included) or as a list of ``{currency, date, value, unit_mult}`` (``unit_mult`` default 0;
2 means the value is per 100 units); either way the rates are read by the engine's own CSV
reader.

Expected values are worked out by hand from schemes.md, never copied from the engine. Where the
engine is believed wrong, the scenario keeps the hand-worked value and says why in ``xfail``
(a strict xfail: it fails once the engine is fixed, so the mark gets removed).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from refusjon.rules import reasons
from refusjon.rules.batch import BatchAssessor, decision_to_json
from refusjon.rules.explain import Renderer
from refusjon.rules.model import DOCUMENT_TYPES
from refusjon.rules.rates import ExchangeRates

SCENARIO_DIR = Path(__file__).with_name("scenarios")
SCENARIO_KEYS = frozenset({"name", "claims", "expect", "rates", "xfail"})
EXPECT_KEYS = frozenset({"outcome", "refund_nok", "reasons", "lines", "errors_contain", "claim_id"})
LINE_KEYS = frozenset({"line_id", "outcome", "eligible_nok", "refund_nok", "reasons"})
MONEY = re.compile(r"^\d+\.\d{2}$")
RATE_COLUMNS = (
    "FREQ",
    "BASE_CUR",
    "QUOTE_CUR",
    "TENOR",
    "DECIMALS",
    "UNIT_MULT",
    "TIME_PERIOD",
    "OBS_VALUE",
)
RENDERER = Renderer("en")


@dataclass(frozen=True)
class Scenario:
    """One scenario, its claims already merged with the file's defaults."""

    name: str
    source: str
    claims: list[Any]  # claim objects, or the raw text of a line
    expects: list[dict[str, Any] | None]  # one per claim
    rates: ExchangeRates | None
    xfail: str | None


# Reading the files -----------------------------------------------------------------------------


def merge(base: Any, over: Any) -> Any:
    """``over`` laid over ``base``: mappings merge key by key, a None removes the key."""
    if not (isinstance(base, Mapping) and isinstance(over, Mapping)):
        return copy.deepcopy(over)
    merged = copy.deepcopy(dict(base))
    for key, value in over.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge(merged.get(key), value)
    return merged


def build_claim(entry: Mapping[str, Any], defaults: Mapping[str, Any], position: int) -> Any:
    """The claim JSON of one scenario entry (or the raw text line)."""
    if "raw" in entry:
        return str(entry["raw"])
    claim = merge(defaults.get("claim") or {}, {k: v for k, v in entry.items() if k != "expect"})
    claim.setdefault("claim_id", f"C{position}")
    expenses = claim.get("expenses")
    if isinstance(expenses, list):
        lines = []
        for number, line in enumerate(expenses, start=1):
            merged = merge(defaults.get("expense") or {}, line) if isinstance(line, dict) else line
            if isinstance(merged, dict):
                merged.setdefault("line_id", str(number))
            lines.append(merged)
        claim["expenses"] = lines
    return claim


def build_rates(raw: Any) -> ExchangeRates | None:
    """Exchange rates from the CSV text of Norges Bank's export, or from a short list."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return ExchangeRates.from_norges_bank_csv(raw.splitlines())
    rows = [";".join(f'"{column}"' for column in RATE_COLUMNS)]
    for rate in raw:
        unknown = set(rate) - {"currency", "date", "value", "unit_mult"}
        assert not unknown, f"unknown rate field(s) {sorted(unknown)}"
        values = ("B", rate["currency"], "NOK", "SP", "4", rate.get("unit_mult", 0))
        cells = (*values, rate["date"], rate["value"])
        rows.append(";".join(f'"{cell}"' for cell in cells))
    return ExchangeRates.from_norges_bank_csv(rows)


def read_file(path: Path) -> Iterator[Scenario]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    defaults = document.get("defaults") or {}
    for raw in document["scenarios"]:
        unknown = set(raw) - SCENARIO_KEYS
        assert not unknown, f"{path.name}: {raw.get('name')!r}: unknown key(s) {sorted(unknown)}"
        entries = raw["claims"]
        claims = [build_claim(entry, defaults, n) for n, entry in enumerate(entries, start=1)]
        expects: list[dict[str, Any] | None] = [entry.get("expect") for entry in entries]
        assert expects[-1] is None or "expect" not in raw, f"{raw['name']}: two expects"
        expects[-1] = expects[-1] or raw.get("expect")
        assert expects[-1] is not None, f"{raw['name']}: the last claim needs an expect"
        yield Scenario(
            name=raw["name"],
            source=path.name,
            claims=claims,
            expects=expects,
            rates=build_rates(raw.get("rates")),
            xfail=raw.get("xfail"),
        )


def load_scenarios() -> list[Scenario]:
    return [
        scenario for path in sorted(SCENARIO_DIR.glob("*.yaml")) for scenario in read_file(path)
    ]


SCENARIOS = load_scenarios()


def _params() -> list[Any]:
    params = []
    for scenario in SCENARIOS:
        marks = []
        if scenario.xfail:
            marks.append(pytest.mark.xfail(reason=scenario.xfail, strict=True))
        params.append(pytest.param(scenario, id=scenario.name, marks=marks))
    return params


# Checking the decisions ------------------------------------------------------------------------


def expected_decision(expect: Mapping[str, Any], claim: Any) -> dict[str, Any]:
    """The full expected decision record, the documented defaults filled in."""
    unknown = set(expect) - EXPECT_KEYS
    assert not unknown, f"unknown expect key(s) {sorted(unknown)}"
    invalid = expect["outcome"] == "invalid"
    for key in () if invalid else ("refund_nok", "lines"):
        assert key in expect, f"expect needs {key!r} unless the outcome is invalid"
    claim_id = claim.get("claim_id") if isinstance(claim, dict) else None
    decision: dict[str, Any] = {
        "claim_id": expect.get("claim_id", claim_id),
        "outcome": expect["outcome"],
        "refund_nok": expect.get("refund_nok", "0.00"),
        "reasons": list(expect.get("reasons", [])),
        "lines": [],
    }
    input_lines = claim.get("expenses", []) if isinstance(claim, dict) else []
    for index, line in enumerate(expect.get("lines", [])):
        unknown = set(line) - LINE_KEYS
        assert not unknown, f"unknown expected line key(s) {sorted(unknown)}"
        own_id = input_lines[index].get("line_id") if index < len(input_lines) else None
        decision["lines"].append(
            {
                "line_id": str(line.get("line_id", own_id)),
                "outcome": line["outcome"],
                "eligible_nok": line.get("eligible_nok", "0.00"),
                "refund_nok": line.get("refund_nok", "0.00"),
                "reasons": list(line.get("reasons", [])),
            }
        )
    return decision


def _iso_date(value: object) -> str:
    """YAML reads an unquoted date as a date; the claim file has it as ISO text."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")


def decide(scenario: Scenario) -> list[dict[str, Any]]:
    """Every claim of the scenario through one batch, as ``refusjon assess`` writes it."""
    assessor = BatchAssessor(rates=scenario.rates)
    records = []
    for claim in scenario.claims:
        if isinstance(claim, str):
            assessed = assessor.assess_line(claim)
        else:
            # Through JSON text, exactly as a claims file is read (amounts stay decimal).
            assessed = assessor.assess_line(json.dumps(claim, default=_iso_date))
        records.append(decision_to_json(assessed.decision, RENDERER))
    return records


@pytest.mark.parametrize("scenario", _params())
def test_scenario(scenario: Scenario) -> None:
    records = decide(scenario)
    for number, (claim, expect, got) in enumerate(
        zip(scenario.claims, scenario.expects, records, strict=True), start=1
    ):
        assert got["explanation"], f"claim {number}: every decision is explained"
        assert all(step.strip() for step in got["explanation"])
        if expect is None:
            continue
        want = expected_decision(expect, claim)
        compared = {key: got.get(key) for key in want}
        assert compared == want, f"claim {number} of {scenario.source}"
        if expect["outcome"] == "invalid":
            errors = got.get("errors") or []
            for fragment in expect.get("errors_contain", []):
                assert any(fragment in error for error in errors), (fragment, errors)


# Checking the scenario files themselves --------------------------------------------------------


def _known_code(code: str) -> bool:
    prefix = reasons.MISSING_DOCUMENT_PREFIX
    codes = {value for name, value in vars(reasons).items() if name.isupper()} - {prefix}
    if code in codes:
        return True
    kinds = DOCUMENT_TYPES | {"receipt", "medical_statement"}
    return code.startswith(prefix) and code.removeprefix(prefix) in kinds


def _expected_codes(scenario: Scenario) -> Iterator[str]:
    for expect in scenario.expects:
        if expect is None:
            continue
        yield from expect.get("reasons", [])
        for line in expect.get("lines", []):
            yield from line.get("reasons", [])


def test_scenario_names_are_unique_sentences() -> None:
    names = [scenario.name for scenario in SCENARIOS]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    for name in names:
        assert name[0].isupper() and not name.endswith("."), name


def test_every_scheme_has_scenarios() -> None:
    sources = {scenario.source for scenario in SCENARIOS}
    assert {"sio.yaml", "ssn.yaml", "helfo_abroad.yaml"} <= sources


def _problems(scenario: Scenario) -> Iterator[str]:
    for code in _expected_codes(scenario):
        if not _known_code(code):
            yield f"unknown reason code {code!r}"
    for expect in scenario.expects:
        if expect is None:
            continue
        amounts = [expect.get("refund_nok", "0.00")]
        lists = [expect.get("reasons", [])]
        for line in expect.get("lines", []):
            amounts += [line.get("eligible_nok", "0.00"), line.get("refund_nok", "0.00")]
            lists.append(line.get("reasons", []))
        for amount in amounts:
            if not (isinstance(amount, str) and MONEY.match(amount)):
                yield f"amount {amount!r} is not a string with two decimals"
        for codes in lists:
            if codes != sorted(set(codes)):
                yield f"reasons not sorted or repeated: {codes}"


def test_expected_values_are_well_formed() -> None:
    """Every expected reason code exists, reason lists are sorted, amounts are "0.00" strings
    (a typo must not hide behind an xfail)."""
    problems = [f"{s.name}: {problem}" for s in SCENARIOS for problem in _problems(s)]
    assert not problems, "\n".join(problems)
