"""Several worker processes give exactly the output of one, in file order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from refusjon.rules import parallel
from refusjon.rules.batch import BatchAssessor, decision_to_json, dumps
from refusjon.rules.explain import Renderer
from refusjon.rules.rates import ExchangeRates
from tests.conftest import CASES, REPO


def mixed_file() -> list[str]:
    """The spec cases and the examples, interleaved and repeated under other people's ids,
    so that persons, invalid lines and repeated claim ids mix."""
    lines = (CASES / "claims.jsonl").read_text().splitlines()
    lines += (REPO / "examples" / "claims.jsonl").read_text().splitlines()
    copies = []
    for copy in range(3):
        for text in lines:
            try:
                data = json.loads(text)
            except json.JSONDecodeError:
                copies.append(text)
                continue
            if copy and isinstance(data.get("applicant"), dict):
                data["claim_id"] = f"{data['claim_id']}-{copy}"
                data["applicant"]["person_id"] = f"{data['applicant']['person_id']}-{copy}"
            copies.append(json.dumps(data))
    return copies


def rates() -> ExchangeRates:
    with (CASES / "rates.csv").open(encoding="utf-8") as handle:
        return ExchangeRates.from_norges_bank_csv(handle)


@pytest.mark.parametrize("jobs", [2, 3])
def test_workers_give_the_same_decisions_in_the_same_order(
    jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "BATCH", 4)  # many small batches: ordering is exercised
    monkeypatch.setattr(parallel, "IN_FLIGHT", 1)
    lines = mixed_file()
    renderer = Renderer("nb", with_sources=True)
    one = [
        dumps(decision_to_json(assessed.decision, renderer))
        for assessed in BatchAssessor(rates=rates()).assess_lines(lines)
    ]
    settings = parallel.Settings(rates(), "nb", True)
    several = [record for record, _ in parallel.ParallelAssessor(jobs, settings).run(lines)]
    assert several == one
    assert len(one) == len(lines)


def test_the_command_gives_the_same_file_with_jobs(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(mixed_file()) + "\n")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.jsonl"
        command = [
            sys.executable,
            "-m",
            "refusjon.cli",
            "assess",
            str(claims),
            "--jobs",
            jobs,
            "--rates",
            str(CASES / "rates.csv"),
            "--out",
            str(out),
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        assert result.returncode == 1, result.stderr  # the spec cases hold invalid lines
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_a_worker_killed_in_the_middle_of_the_run_stops_it_with_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def killed(_settings: object, inbox: Any, _results: object) -> None:
        inbox.get()  # takes its first batch, and is gone without a word
        os._exit(9)

    monkeypatch.setattr(parallel, "_work", killed)
    monkeypatch.setattr(parallel, "BATCH", 2)
    settings = parallel.Settings(None, "en", False)
    with pytest.raises(parallel.WorkerFailed, match="a worker stopped"):
        list(parallel.ParallelAssessor(2, settings).run(mixed_file()))


def test_a_worker_that_dies_stops_the_run_with_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*_: object) -> None:
        raise SystemExit(3)

    monkeypatch.setattr(parallel, "_work", crash)
    settings = parallel.Settings(None, "en", False)
    claim = {"claim_id": "X", "applicant": {"person_id": "P"}}
    with pytest.raises(parallel.WorkerFailed, match="exit code 3"):
        list(parallel.ParallelAssessor(2, settings).run([json.dumps(claim)]))
