"""The documents stage of make bench: it generates the held-out set, runs the reader under the
process measurement, and prints the scores with the targets; a wrong reconciliation is shown;
a checkout without the reader is told so, not crashed on."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from bench.documents import run

FAKE_READER = Path(__file__).with_name("fake_reader.py")


def test_it_scores_a_reading_and_shows_the_wrong_reconciliation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reader = f"{shlex.quote(sys.executable)} {shlex.quote(str(FAKE_READER))}"
    argv = ["--documents", "3", "--renditions", "pdf", "--reader", reader, "--keep", str(tmp_path)]
    assert run.main(argv) == 0
    printed = capsys.readouterr().out
    assert "| text PDF | 3 |" in printed
    assert "| NO document reconciled with wrong lines | 1 (doc-000.pdf) | **MISSED** |" in printed
    assert "| names correct ≥ 0.95 | 1.000 | met |" in printed
    assert "peak memory < 300 MB" in printed
    assert (tmp_path / "pdf.jsonl").exists()


def test_it_says_the_reader_is_not_there_yet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reader = f"{shlex.quote(sys.executable)} -c 'import sys; sys.exit(2)'"
    argv = ["--documents", "1", "--renditions", "pdf", "--reader", reader, "--keep", str(tmp_path)]
    assert run.main(argv) == 0
    assert "The reader is not there yet" in capsys.readouterr().out
