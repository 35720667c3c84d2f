"""Every spec case in ../shared/cases gives exactly its expected decision.

The files are read from ../shared when the test runs; they are never copied here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import shared_dir

COMPARED = ("claim_id", "outcome", "refund_nok", "reasons", "lines")


def _expected() -> list[dict[str, Any]]:
    path = shared_dir() / "cases" / "decisions.jsonl"
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def decisions(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("spec") / "decisions.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "refusjon.cli",
            "assess",
            str(shared / "cases" / "claims.jsonl"),
            "--rates",
            str(shared / "cases" / "rates.csv"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr  # the cases include unreadable claims
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_there_is_one_decision_per_claim(shared: Path, decisions: list[dict[str, Any]]) -> None:
    claims = (shared / "cases" / "claims.jsonl").read_text(encoding="utf-8").splitlines()
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
    assert len(_expected()) >= 35, f"expected the spec cases in {shared_dir()}/cases"
