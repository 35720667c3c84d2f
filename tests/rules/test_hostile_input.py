"""Whatever a line holds, ``refusjon assess`` gives it its own decision and goes on.

Each class of hostile input (found by a review with such files) becomes an ``invalid`` decision
for its line that names the field and the problem; the claims around it are decided as usual,
nothing is lost, and the exit status is 1 ("some line invalid"), on one process and on workers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from refusjon.rules.reader import AMOUNT_PROBLEM
from tests.rules.test_cli import SIO_CLAIM

JOBS = ["1", "2"]


def claim(claim_id: str, **changes: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(SIO_CLAIM))
    data["claim_id"] = claim_id
    data["applicant"]["person_id"] = f"P-{claim_id}"
    for path, value in changes.items():
        *parents, last = path.split("__")
        target = data
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last] = value
    return data


def line(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode()


def with_amount(claim_id: str, raw_json: str) -> bytes:
    """A claim whose first amount is written as ``raw_json`` (a number or a string)."""
    text = json.dumps(claim(claim_id, expenses__0__amount="PLACEHOLDER"))
    return text.replace('"PLACEHOLDER"', raw_json).encode()


HOSTILE: dict[str, tuple[bytes, str | None, str]] = {
    # name: (the line, the claim id its decision carries, the error it names)
    "nested 1,000 deep": (
        b'{"claim_id": "DEEP", "x": ' + b"[" * 1000 + b"]" * 1000 + b"}",
        None,
        "not JSON: nested too deeply",
    ),
    "a float beyond any decimal": (
        with_amount("HUGE", "1e400"),
        "HUGE",
        f"expenses[0].amount: {AMOUNT_PROBLEM}",
    ),
    "an exponent of a billion": (
        with_amount("EXP", '"1e999999999"'),
        "EXP",
        f"expenses[0].amount: {AMOUNT_PROBLEM}",
    ),
    "5,000 digits": (
        with_amount("DIGITS", '"' + "9" * 5000 + '"'),
        "DIGITS",
        f"expenses[0].amount: {AMOUNT_PROBLEM}",
    ),
    "an integer too long to read": (
        with_amount("LONGINT", "9" * 5000),
        None,
        "not JSON: a number with too many digits",
    ),
    "a lone surrogate in the id": (
        line(claim("PLACEHOLDER")).replace(b'"PLACEHOLDER"', b'"\\ud800"'),
        None,
        "claim_id: not text (a lone surrogate escape)",
    ),
    "a lone surrogate in a line id": (
        line(claim("SURROGATE", expenses__0__line_id="\ud800")),
        "SURROGATE",
        "expenses[0].line_id: not text (a lone surrogate escape)",
    ),
    "bytes that are not UTF-8": (
        b'{"claim_id": "LATIN1", "note": "Bl\xe5b\xe6r"}',
        None,
        "not UTF-8 text: byte 0xe5 at character 35",
    ),
}


def assess(path: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    out = path.with_suffix(".out")
    result = subprocess.run(
        [sys.executable, "-m", "refusjon.cli", "assess", str(path), "--out", str(out), *args],
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert result.stderr == b"", result.stderr.decode(errors="replace")
    decisions = [json.loads(text) for text in out.read_text(encoding="utf-8").splitlines()]
    return result.returncode, decisions


def ids(data: dict[str, Any] | None) -> str | None:
    return None if data is None else data["claim_id"]


@pytest.mark.parametrize("jobs", JOBS)
@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_line_is_invalid_on_its_own_and_the_run_goes_on(
    name: str, jobs: str, tmp_path: Path
) -> None:
    hostile, claim_id, error = HOSTILE[name]
    path = tmp_path / "claims.jsonl"
    path.write_bytes(b"\n".join([line(claim("BEFORE")), hostile, line(claim("AFTER"))]) + b"\n")

    status, decisions = assess(path, "--jobs", jobs)

    assert status == 1
    before, bad, after = decisions
    assert (before["claim_id"], before["outcome"]) == ("BEFORE", "approved")
    assert (after["claim_id"], after["outcome"]) == ("AFTER", "approved")
    assert (bad["claim_id"], bad["outcome"], bad["errors"]) == (claim_id, "invalid", [error])
    assert bad["explanation"]


def test_a_byte_order_mark_at_the_start_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line(claim("FIRST")) + b"\n")
    status, [decision] = assess(path)
    assert (status, decision["claim_id"], decision["outcome"]) == (0, "FIRST", "approved")


def test_standard_input_is_read_the_same_way() -> None:
    text = b"\xef\xbb\xbf" + line(claim("FIRST")) + b"\n" + HOSTILE["bytes that are not UTF-8"][0]
    result = subprocess.run(
        [sys.executable, "-m", "refusjon.cli", "assess", "-"],
        input=text + b"\n",
        capture_output=True,
        check=False,
        timeout=60,
    )
    first, bad = (json.loads(text) for text in result.stdout.decode().splitlines())
    assert (result.returncode, first["outcome"]) == (1, "approved")
    assert bad["errors"] == ["not UTF-8 text: byte 0xe5 at character 35"]


def test_a_file_large_enough_for_workers_gives_every_line_the_decision_of_one_process(
    tmp_path: Path,
) -> None:
    """Over 4 MB the command uses worker processes by itself; every hostile line in it is
    answered, and the output is the one a single process writes."""
    hostile = [line for line, _id, _error in HOSTILE.values()]
    lines = []
    for number in range(10_000):
        lines.append(line(claim(f"C-{number}")))
        if number % 1000 == 500:
            lines.extend(hostile)
    path = tmp_path / "claims.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    assert path.stat().st_size > 4 * 1024 * 1024

    status, decisions = assess(path)
    one_status, one_process = assess(path, "--jobs", "1")

    assert status == one_status == 1
    assert len(decisions) == len(lines)
    assert decisions == one_process
    assert sum(decision["outcome"] == "invalid" for decision in decisions) == 10 * len(hostile)


@pytest.mark.parametrize("jobs", JOBS)
def test_a_field_the_format_does_not_define_is_skipped_whatever_it_holds(
    jobs: str, tmp_path: Path
) -> None:
    """Unknown fields are ignored (claims-format.md): a number too long for Python, a float
    beyond any decimal or NaN there leaves the claim readable and decided."""
    lines = [
        line(claim(claim_id)).replace(b"{", b'{"note": ' + raw + b", ", 1)
        for claim_id, raw in [("DIGITS", b"9" * 5000), ("FLOAT", b"1e400"), ("NAN", b"NaN")]
    ]
    in_applicant = line(claim("APPLICANT", applicant__note="PLACEHOLDER"))
    lines.append(in_applicant.replace(b'"PLACEHOLDER"', b"9" * 5000))
    lines.append(line(claim("APPLICANT")))  # the id again: refused, as for any claim
    path = tmp_path / "claims.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    status, decisions = assess(path, "--jobs", jobs)

    assert status == 1
    assert [(d["claim_id"], d["outcome"]) for d in decisions] == [
        ("DIGITS", "approved"),
        ("FLOAT", "approved"),
        ("NAN", "approved"),
        ("APPLICANT", "approved"),
        ("APPLICANT", "invalid"),
    ]
    assert decisions[-1]["errors"] == ["claim_id: already used earlier in the file"]
