"""Every spec case gives exactly its expected decision.

The cases are the repository's copy of ``../shared/cases`` (``tests/rules/cases``), so a clone
tests on its own; where ``../shared`` is beside the checkout (as in CI) the copy is checked to be
identical to it. When the shared cases change, copy them again: never edit a case here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CASES, shared_dir

COMPARED = ("claim_id", "outcome", "refund_nok", "reasons", "lines")


def _expected() -> list[dict[str, Any]]:
    text = (CASES / "decisions.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_cases_are_a_copy_of_the_shared_ones() -> None:
    shared = shared_dir() / "cases"
    if not shared.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI has ../shared beside the checkout: {shared} is missing")
        pytest.skip(f"no {shared} to compare the copy with (a clone on its own)")
    copy, original = _files(CASES), _files(shared)
    assert sorted(copy) == sorted(original), "copy ../shared/cases to tests/rules/cases again"
    changed = [name for name in original if copy[name] != original[name]]
    assert not changed, f"these differ from ../shared/cases: copy them again: {changed}"


def _assessed(claims: Path, out: Path) -> tuple[int, str, list[dict[str, Any]]]:
    """``refusjon assess`` run on the cases as a user runs it: its exit status, what it said
    on stderr, and its decisions."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "refusjon.cli",
            "assess",
            str(claims),
            "--rates",
            str(CASES / "rates.csv"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    decided = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return result.returncode, result.stderr, decided


@pytest.fixture(scope="module")
def decisions(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("spec") / "decisions.jsonl"
    status, stderr, decided = _assessed(CASES / "claims.jsonl", out)
    assert status == 1, stderr  # the cases include unreadable claims
    return decided


def test_there_is_one_decision_per_claim(decisions: list[dict[str, Any]]) -> None:
    claims = (CASES / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(decisions) == len([line for line in claims if line.strip()])


@pytest.mark.parametrize(
    "index, expected",
    list(enumerate(_expected())),
    ids=[str(case.get("claim_id")) for case in _expected()],
)
def test_the_decision_matches_the_spec_case(
    index: int, expected: dict[str, Any], decisions: list[dict[str, Any]]
) -> None:
    got = decisions[index]
    assert {key: got.get(key) for key in COMPARED} == {key: expected.get(key) for key in COMPARED}
    assert got["explanation"], "every decision is explained"
    assert ("errors" in got) == ("errors" in expected)


def test_spec_cases_are_present() -> None:
    assert len(_expected()) >= 37


MORE = CASES / "more"


def _more_expected() -> list[dict[str, Any]]:
    text = (MORE / "decisions.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


@pytest.fixture(scope="module")
def more_decisions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The six further schemes' cases, decided from their scheme files."""
    out = tmp_path_factory.mktemp("more") / "decisions.jsonl"
    status, stderr, decided = _assessed(MORE / "claims.jsonl", out)
    assert status == 0, stderr
    return {decision["claim_id"]: decision for decision in decided}


@pytest.mark.parametrize(
    "expected", _more_expected(), ids=[str(case["claim_id"]) for case in _more_expected()]
)
def test_the_further_schemes_decide_their_spec_cases(
    expected: dict[str, Any], more_decisions: dict[str, dict[str, Any]]
) -> None:
    got = more_decisions[expected["claim_id"]]
    assert {key: got.get(key) for key in COMPARED} == {key: expected.get(key) for key in COMPARED}
    assert got["explanation"], "every decision is explained"
