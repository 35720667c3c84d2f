"""``refusjon extract``: one JSON object per file, in the order given, and a run that goes on
past a file it cannot read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refusjon.cli import main
from tests.intake.reading import documents


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("extract")
    (folder / "overview.pdf").write_bytes(documents.pdf(documents.overview_html()))
    (folder / "receipt.pdf").write_bytes(documents.pdf(documents.receipt_html()))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really")
    return folder


def test_it_writes_one_object_per_file_in_the_issue_s_shape(folder: Path) -> None:
    out = folder / "out.jsonl"
    files = [str(folder / name) for name in ("overview.pdf", "broken.pdf", "receipt.pdf")]
    assert main(["extract", *files, "--out", str(out)]) == 0
    overview, broken, receipt = (json.loads(line) for line in out.read_text().splitlines())
    assert overview["file"] == files[0]
    assert overview["kind"] == "user_fee_overview"
    assert overview["name"] == documents.NAME
    assert overview["total"] == "2153.50"
    assert overview["reconciled"] is True
    assert overview["engine"] == "pdf-text"
    assert overview["lines"][0] == {
        "date": "2025-01-07",
        "amount": "179.00",
        "provider": "Legesenteret Majorstuen",
        "service": "Fastlege",
        "box": overview["lines"][0]["box"],
    }
    assert set(overview["lines"][0]["box"]) == {"page", "left", "top", "right", "bottom"}
    assert overview["pages"][0]["source"] == "text"
    assert broken["kind"] == "unknown"
    assert broken["error"] and broken["error_code"] == "pdf_unreadable"
    assert broken["reconciled"] is False
    assert receipt["kind"] == "receipt"
    assert receipt["receipt"]["organisation_number"] == "974760673"
    assert receipt["lines"] == [
        {
            "date": "2025-03-12",
            "amount": "1200.00",
            "provider": "Psykolog Hansen AS",
            "service": "Psykologtime 45 min",
            "box": receipt["lines"][0]["box"],
        }
    ]


def test_it_writes_to_standard_output_without_out(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(folder / "receipt.pdf")]) == 0
    written = capsys.readouterr()
    assert json.loads(written.out)["kind"] == "receipt"
    assert "it/s" not in written.err  # no progress bar when stderr is not a terminal


def test_a_missing_file_is_written_as_unknown_and_the_run_ends_with_status_2(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["extract", str(folder / "gone.pdf"), str(folder / "receipt.pdf")])
    assert status == 2
    gone, receipt = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert gone["kind"] == "unknown"
    assert "No such file" in gone["error"] and gone["error_code"] == "no_such_file"
    assert receipt["kind"] == "receipt"
