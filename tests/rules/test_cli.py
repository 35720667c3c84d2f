"""``refusjon assess`` as an operator runs it: files and pipes, exit codes, schema, progress."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from refusjon.rules.reader import AMOUNT_PROBLEM

SIO_CLAIM: dict[str, Any] = {
    "claim_id": "C-1",
    "scheme": "sio",
    "submitted_on": "2027-01-20",
    "period": "2026",
    "applicant": {
        "person_id": "P-17",
        "birth_date": "2001-04-09",
        "institution": "uio",
        "semester_fee_paid": True,
        "registered_student": True,
        "sio_gp": True,
    },
    "expenses": [
        {
            "line_id": "1",
            "category": "gp",
            "service_on": "2026-02-03",
            "amount": "600.00",
            "public_user_fee": True,
        },
    ],
    "documents": [{"type": "user_fee_overview", "shows_applicant_name": True}],
}


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "refusjon.cli", "assess", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def claim(**changes: Any) -> str:
    return json.dumps({**SIO_CLAIM, **changes})


def test_it_reads_stdin_and_writes_stdout_with_dash() -> None:
    result = run_cli("-", stdin=claim() + "\n")
    assert result.returncode == 0, result.stderr
    decision = json.loads(result.stdout)
    assert decision["outcome"] == "approved"
    assert decision["refund_nok"] == "110.00"  # 600 less the 490 threshold of 2026


def test_decisions_come_out_in_input_order_with_exit_0(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(claim(claim_id=f"C-{n}") for n in range(5)) + "\n")
    out = tmp_path / "decisions.jsonl"
    result = run_cli(str(claims), "--out", str(out))
    assert result.returncode == 0
    ids = [json.loads(line)["claim_id"] for line in out.read_text().splitlines()]
    assert ids == [f"C-{n}" for n in range(5)]


def test_a_broken_line_is_invalid_and_the_run_goes_on_with_exit_1() -> None:
    text = claim(claim_id="A") + "\n{not json\n" + claim(claim_id="B") + "\n"
    result = run_cli("-", stdin=text)
    assert result.returncode == 1
    first, broken, last = (json.loads(line) for line in result.stdout.splitlines())
    assert (first["claim_id"], last["claim_id"]) == ("A", "B")
    assert broken["claim_id"] is None
    assert broken["outcome"] == "invalid"
    assert broken["errors"][0].startswith("not JSON")


def test_schema_errors_name_the_field_and_the_problem() -> None:
    bad = json.loads(claim())
    bad["expenses"][0]["amount"] = "lots"
    del bad["applicant"]["birth_date"]
    bad["period"] = "autumn"
    result = run_cli("-", stdin=json.dumps(bad) + "\n")
    errors = json.loads(result.stdout)["errors"]
    assert f"expenses[0].amount: {AMOUNT_PROBLEM}" in errors
    assert "applicant.birth_date: required" in errors
    assert any(error.startswith("period: ") for error in errors)


def test_a_repeated_claim_id_is_invalid() -> None:
    result = run_cli("-", stdin=claim() + "\n" + claim() + "\n")
    second = json.loads(result.stdout.splitlines()[1])
    assert second["outcome"] == "invalid"
    assert second["errors"] == ["claim_id: already used earlier in the file"]


def test_a_file_that_cannot_be_read_exits_2(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "missing.jsonl"))
    assert result.returncode == 2
    assert "missing.jsonl" in result.stderr


def test_a_rates_file_that_cannot_be_read_exits_2(tmp_path: Path) -> None:
    rates = tmp_path / "rates.csv"
    rates.write_text("just;some;columns\n1;2;3\n")
    result = run_cli("-", "--rates", str(rates), stdin=claim())
    assert result.returncode == 2
    assert "BASE_CUR" in result.stderr


def test_bokmal_explanations_use_norwegian_words_and_numbers() -> None:
    result = run_cli("-", "--lang", "nb", stdin=claim())
    explanation = " ".join(json.loads(result.stdout)["explanation"])
    assert "kr 490,00" in explanation
    assert "Resultat: innvilget. Refusjon: kr 110,00." in explanation


def test_explain_adds_the_source_of_each_rule() -> None:
    plain = json.loads(run_cli("-", stdin=claim()).stdout)["explanation"]
    sourced = json.loads(run_cli("-", "--explain", stdin=claim()).stdout)["explanation"]
    assert not any("[Source:" in step for step in plain)
    assert any("[Source: SiO" in step for step in sourced)
    assert any("«Refund of healthcare expenses»" in step for step in plain), "parameters cite"
    assert not any("[seed" in step for step in plain), "by public title, never a stored copy"


def test_schema_prints_valid_json_schemas_that_accept_the_example() -> None:
    result = run_cli("--schema")
    schemas = json.loads(result.stdout)
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(claim()), schemas["claim"])
    decision = json.loads(run_cli("-", stdin=claim()).stdout)
    jsonschema.validate(decision, schemas["decision"])


def test_summary_prints_a_table_and_where_the_decisions_are(tmp_path: Path) -> None:
    out = tmp_path / "d.jsonl"
    result = run_cli("-", "--out", str(out), "--summary", stdin=claim())
    assert "C-1" in result.stdout and "approved" in result.stdout and "110.00" in result.stdout
    assert str(out) in result.stdout


def _many_claims(path: Path, count: int) -> None:
    with path.open("w") as handle:
        for number in range(count):
            handle.write(claim(claim_id=f"C-{number}") + "\n")


@pytest.mark.parametrize("on_terminal", [True, False])
def test_a_progress_bar_shows_on_a_terminal_but_not_when_piped(
    tmp_path: Path, on_terminal: bool
) -> None:
    claims = tmp_path / "claims.jsonl"
    _many_claims(claims, 4000)
    out = tmp_path / "d.jsonl"
    command = [sys.executable, "-m", "refusjon.cli", "assess", str(claims), "--out", str(out)]
    if on_terminal:
        controller, terminal = pty.openpty()
        process = subprocess.Popen(command, stdout=terminal, stderr=terminal)
        os.close(terminal)
        shown = _read_all(controller)
        process.wait()
    else:
        shown = subprocess.run(command, capture_output=True, check=False).stderr
    assert (b"100.0%" in shown) is on_terminal
    assert len(out.read_text().splitlines()) == 4000


def _read_all(descriptor: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(descriptor, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(descriptor)
    return b"".join(chunks)


def test_memory_stays_flat_as_the_file_grows(tmp_path: Path) -> None:
    """Deciding more claims of the same people keeps no more than their running totals
    (and the claim ids): nothing is kept per decision."""
    import tracemalloc

    from refusjon.cli import main

    def peak_for(count: int) -> int:
        claims = tmp_path / f"claims-{count}.jsonl"
        _many_claims(claims, count)
        tracemalloc.start()
        main(["assess", str(claims), "--out", str(tmp_path / "d.jsonl"), "--jobs", "1"])
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    peak_for(200)  # warm caches and imports
    growth = peak_for(3000) - peak_for(1000)
    assert growth < 1_000_000, f"{growth:,} bytes more for 2,000 more claims"


def test_assess_starts_without_the_document_reader_the_web_or_the_schema_checker() -> None:
    # ``refusjon`` builds every command's parser; the heavy libraries of the other commands
    # (numpy, Pillow, pdfium and the OCR engines for ``extract``, Django for ``payouts``) and
    # the scheme files' JSON Schema checker would add a second and 60 MB to every batch.
    heavy = ("numpy", "PIL", "pypdfium2", "cv2", "tqdm", "django", "jsonschema")
    script = (
        "import sys\n"
        "from refusjon.cli import main\n"
        "main(['assess', '-', '--out', '-'])\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(heavy)!r}), file=sys.stderr)"
    )
    line = json.dumps(SIO_CLAIM)
    result = subprocess.run(
        [sys.executable, "-c", script], input=line, capture_output=True, text=True, check=True
    )

    assert json.loads(result.stdout)["outcome"] == "approved"
    assert result.stderr.strip().splitlines()[-1] == "[]"
