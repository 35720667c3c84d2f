"""Score what ``refusjon extract`` read against the corpus's truth, and hold it to issue 13's
targets.

Per rendition (text PDF, scan, phone screenshot) and over all documents:

* **lines**: a line is found when a read line has the same date and amount as a true line of
  the same document (each true line found at most once). Precision is found ÷ read, recall
  found ÷ true, F1 their harmonic mean; provider and service are not scored.
* **names**: the name read is the person's after the tolerant comparison of
  ``refusjon.intake.reading.names`` (diacritics, ASCII spellings, one slip per ten letters).
* **totals**: the total read equals the printed total exactly.
* **reconciled**: the share the reader marked reconciled; a **wrong reconciliation** is one
  marked reconciled whose lines (dates and amounts) or total are not the truth's. There must
  be none: it is a silent wrong answer, what the self-check exists to prevent.
* **seconds**: the CPU seconds the reader reports per page (``pages[].seconds``).

A document the output does not mention counts as read with nothing found.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from refusjon.intake.reading.names import names_match

from .generate import Truth

RENDITIONS = ("pdf", "scan", "screenshot")
RENDITION_NAMES = {"pdf": "text PDF", "scan": "scan", "screenshot": "phone screenshot"}
ALL = "all"

Pair = tuple[date, Decimal]


@dataclass(frozen=True, slots=True)
class DocumentScore:
    file: str
    rendition: str
    read: bool
    """Whether the output has a record for the file."""
    kind_correct: bool
    found: int
    extra: int
    """Lines read that are not the document's (false positives)."""
    missed: int
    name_correct: bool
    total_correct: bool
    reconciled: bool
    wrong_reconciliation: bool
    pages: int
    page_seconds: tuple[float, ...]
    error: str = ""


@dataclass(frozen=True, slots=True)
class GroupScore:
    """The scores of one rendition's documents (or of all of them)."""

    rendition: str
    documents: int
    pages: int
    found: int
    extra: int
    missed: int
    names: float
    totals: float
    kinds: float
    reconciled: float
    wrong_reconciliations: tuple[str, ...]
    unread: tuple[str, ...]
    page_seconds: tuple[float, ...]
    document_seconds: tuple[float, ...]

    @property
    def precision(self) -> float:
        read = self.found + self.extra
        return self.found / read if read else (1.0 if not self.missed else 0.0)

    @property
    def recall(self) -> float:
        true = self.found + self.missed
        return self.found / true if true else 1.0

    @property
    def f1(self) -> float:
        precision, recall = self.precision, self.recall
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def seconds_per_page(self) -> float | None:
        return sum(self.page_seconds) / len(self.page_seconds) if self.page_seconds else None

    @property
    def seconds_per_page_p95(self) -> float | None:
        return percentile(self.page_seconds, 95) if self.page_seconds else None

    @property
    def seconds_per_document(self) -> float | None:
        if not self.document_seconds:
            return None
        return sum(self.document_seconds) / len(self.document_seconds)


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with ``share`` % at or below it."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share / 100 * len(ordered)))
    return ordered[rank - 1]


def read_outputs(path: Path) -> dict[str, dict[str, Any]]:
    """The command's JSONL output by file name (the last part of ``"file"``)."""
    outputs: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                outputs[Path(str(record.get("file", ""))).name] = record
    return outputs


def pairs(lines: Iterable[Any]) -> Counter[Pair | None]:
    """The (date, amount) of each line read; ``None`` for a line that is not one."""
    found: Counter[Pair | None] = Counter()
    for line in lines:
        try:
            found[(date.fromisoformat(line["date"]), Decimal(line["amount"]))] += 1
        except (KeyError, TypeError, ValueError, InvalidOperation):
            found[None] += 1
    return found


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def score_document(truth: Truth, output: Mapping[str, Any] | None) -> DocumentScore:
    """One document's score; ``output`` is its record from the command, or None if missing."""
    true_pairs: Counter[Pair | None] = Counter((line.date, line.amount) for line in truth.lines)
    if output is None:
        return DocumentScore(
            truth.file, truth.rendition, read=False, kind_correct=False, found=0, extra=0,
            missed=sum(true_pairs.values()), name_correct=False, total_correct=False,
            reconciled=False, wrong_reconciliation=False, pages=truth.pages, page_seconds=(),
            error="not in the output",
        )  # fmt: skip
    read_pairs = pairs(output.get("lines") or ())
    found = sum((read_pairs & true_pairs).values())
    total_correct = _decimal(output.get("total")) == truth.total
    reconciled = output.get("reconciled") is True
    same_lines = read_pairs == true_pairs
    pages = output.get("pages") or ()
    page_seconds = tuple(
        float(page["seconds"])
        for page in pages
        if isinstance(page, Mapping) and isinstance(page.get("seconds"), int | float)
    )
    return DocumentScore(
        file=truth.file,
        rendition=truth.rendition,
        read=True,
        kind_correct=output.get("kind") == truth.kind,
        found=found,
        extra=sum(read_pairs.values()) - found,
        missed=sum(true_pairs.values()) - found,
        name_correct=names_match(str(output.get("name") or ""), truth.name),
        total_correct=total_correct,
        reconciled=reconciled,
        wrong_reconciliation=reconciled and not (same_lines and total_correct),
        pages=truth.pages,
        page_seconds=page_seconds,
        error=str(output.get("error") or ""),
    )


def group(rendition: str, documents: Sequence[DocumentScore]) -> GroupScore:
    count = len(documents)

    def share(flags: Iterable[bool]) -> float:
        return sum(flags) / count if count else 0.0

    return GroupScore(
        rendition=rendition,
        documents=count,
        pages=sum(document.pages for document in documents),
        found=sum(document.found for document in documents),
        extra=sum(document.extra for document in documents),
        missed=sum(document.missed for document in documents),
        names=share(document.name_correct for document in documents),
        totals=share(document.total_correct for document in documents),
        kinds=share(document.kind_correct for document in documents),
        reconciled=share(document.reconciled for document in documents),
        wrong_reconciliations=tuple(d.file for d in documents if d.wrong_reconciliation),
        unread=tuple(document.file for document in documents if not document.read),
        page_seconds=tuple(seconds for d in documents for seconds in d.page_seconds),
        document_seconds=tuple(sum(d.page_seconds) for d in documents if d.page_seconds),
    )


def score(
    truths: Sequence[Truth], outputs: Mapping[str, Mapping[str, Any]]
) -> tuple[list[DocumentScore], dict[str, GroupScore]]:
    """Every document's score, and the scores by rendition and over all (key ``"all"``)."""
    documents = [score_document(truth, outputs.get(truth.file)) for truth in truths]
    groups = {
        rendition: group(rendition, [d for d in documents if d.rendition == rendition])
        for rendition in RENDITIONS
        if any(d.rendition == rendition for d in documents)
    }
    groups[ALL] = group(ALL, documents)
    return documents, groups


def problems(truths: Sequence[Truth], documents: Sequence[DocumentScore]) -> list[str]:
    """A line for each document not read right: what went wrong, and its layout and language
    (to look at the file with ``--keep``)."""
    found = []
    for truth, document in zip(truths, documents, strict=True):
        unread = "NOT READ" + (f" ({document.error})" if document.error else "")
        wrong = [
            text
            for text, bad in (
                (unread, not document.read),
                ("RECONCILED WRONGLY", document.wrong_reconciliation),
                (f"{document.missed} lines missed", document.read and document.missed > 0),
                (f"{document.extra} lines wrong", document.extra > 0),
                ("total wrong", document.read and not document.total_correct),
                ("name wrong", document.read and not document.name_correct),
                ("kind wrong", document.read and not document.kind_correct),
            )
            if bad
        ]
        if wrong:
            found.append(
                f"{truth.file} ({truth.rendition}, {truth.layout}, {truth.language}, "
                f"{truth.kind}): {', '.join(wrong)}"
            )
    return found


# ---- targets (issue 13) --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Measured:
    """What the process measurement (bench/measure.py) saw while one rendition was read."""

    cpu_seconds: float
    wall_seconds: float
    peak_bytes: int
    exit_code: int


@dataclass(frozen=True, slots=True)
class TargetResult:
    target: str
    value: str
    met: bool | None
    """None when it could not be measured."""


F1_TARGET = {"pdf": 0.995, "scan": 0.98, "screenshot": 0.98}
PRECISION_TARGET = 0.995
TOTALS_TARGET = 0.98
NAMES_TARGET = 0.95
IMAGE_PAGE_SECONDS = 5.0
IMAGE_PAGE_P95_SECONDS = 15.0
TEXT_PDF_SECONDS = 0.5
PEAK_BYTES = 300 * 1000 * 1000


def check_targets(
    groups: Mapping[str, GroupScore], measured: Mapping[str, Measured] | None = None
) -> list[TargetResult]:
    """Issue 13's targets against the scores (and the process measurements, when given)."""
    results = []
    for rendition, limit in F1_TARGET.items():
        if rendition in groups:
            f1 = groups[rendition].f1
            name = f"lines F1, {RENDITION_NAMES[rendition]} ≥ {limit}"
            results.append(TargetResult(name, f"{f1:.4f}", f1 >= limit))
    everything = groups[ALL]
    results.append(
        TargetResult(
            f"line precision ≥ {PRECISION_TARGET}",
            f"{everything.precision:.4f}",
            everything.precision >= PRECISION_TARGET,
        )
    )
    results.append(
        TargetResult(
            f"totals correct ≥ {TOTALS_TARGET}",
            f"{everything.totals:.3f}",
            everything.totals >= TOTALS_TARGET,
        )
    )
    results.append(
        TargetResult(
            f"names correct ≥ {NAMES_TARGET}",
            f"{everything.names:.3f}",
            everything.names >= NAMES_TARGET,
        )
    )
    wrong = everything.wrong_reconciliations
    shown = ", ".join(wrong[:5]) + (" …" if len(wrong) > 5 else "")
    results.append(
        TargetResult(
            "NO document reconciled with wrong lines",
            f"{len(wrong)}" + (f" ({shown})" if wrong else ""),
            not wrong,
        )
    )
    image_pages = tuple(
        seconds
        for rendition in ("scan", "screenshot")
        if rendition in groups
        for seconds in groups[rendition].page_seconds
    )
    if image_pages:
        mean = sum(image_pages) / len(image_pages)
        p95 = percentile(image_pages, 95)
        results.append(
            TargetResult(
                f"CPU s per image page ≤ {IMAGE_PAGE_SECONDS:g}",
                f"{mean:.2f}",
                mean <= IMAGE_PAGE_SECONDS,
            )
        )
        results.append(
            TargetResult(
                f"slowest 5 % of image pages ≤ {IMAGE_PAGE_P95_SECONDS:g} s",
                f"{p95:.2f}",
                p95 <= IMAGE_PAGE_P95_SECONDS,
            )
        )
    elif "scan" in groups or "screenshot" in groups:
        results.append(_from_process(groups, measured, ("scan", "screenshot"), "image page"))
    text = groups.get("pdf")
    if text and text.seconds_per_document is not None:
        seconds = text.seconds_per_document
        results.append(
            TargetResult(
                f"CPU s per text PDF ≤ {TEXT_PDF_SECONDS}",
                f"{seconds:.3f}",
                seconds <= TEXT_PDF_SECONDS,
            )
        )
    elif text:
        results.append(_from_process(groups, measured, ("pdf",), "text PDF"))
    if measured:
        peak = max(measurement.peak_bytes for measurement in measured.values())
        results.append(
            TargetResult("peak memory < 300 MB", f"{peak / 1e6:.0f} MB", peak < PEAK_BYTES)
        )
    return results


def _from_process(
    groups: Mapping[str, GroupScore],
    measured: Mapping[str, Measured] | None,
    renditions: Sequence[str],
    unit: str,
) -> TargetResult:
    """Seconds per page (image) or per document (text PDF) from the process's CPU time, start-up
    included, when the reader does not report its own per page."""
    limit = TEXT_PDF_SECONDS if unit == "text PDF" else IMAGE_PAGE_SECONDS
    name = f"CPU s per {unit} ≤ {limit:g} (whole process, start-up included)"
    chosen = [key for key in renditions if key in groups and measured and key in measured]
    if not measured or not chosen:
        return TargetResult(name, "not reported", None)
    cpu = sum(measured[key].cpu_seconds for key in chosen)
    count = sum(
        groups[key].documents if unit == "text PDF" else groups[key].pages for key in chosen
    )
    value = cpu / count if count else 0.0
    return TargetResult(name, f"{value:.2f}", value <= limit)


def _number(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(groups: Mapping[str, GroupScore], measured: Mapping[str, Measured] | None = None) -> str:
    """The scores as a Markdown table, one row per rendition and one for all."""
    lines = [
        "| documents | n | pages | lines F1 | precision | recall | names | totals | kind "
        "| reconciled | WRONG reconciled | unread | CPU s/page (p95) | process CPU s/page "
        "| peak MB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for key, scores in groups.items():
        measurement = (measured or {}).get(key)
        process = (
            _number(measurement.cpu_seconds / scores.pages) if measurement and scores.pages else "–"
        )
        peak = f"{measurement.peak_bytes / 1e6:.0f}" if measurement else "–"
        label = RENDITION_NAMES.get(key, "all")
        lines.append(
            f"| {label} | {scores.documents} | {scores.pages} | {scores.f1:.4f} "
            f"| {scores.precision:.4f} | {scores.recall:.4f} | {scores.names:.3f} "
            f"| {scores.totals:.3f} | {scores.kinds:.3f} | {scores.reconciled:.3f} "
            f"| **{len(scores.wrong_reconciliations)}** | {len(scores.unread)} "
            f"| {_number(scores.seconds_per_page)} ({_number(scores.seconds_per_page_p95)}) "
            f"| {process} | {peak} |"
        )
    return "\n".join(lines)


def targets_table(results: Sequence[TargetResult]) -> str:
    lines = ["| target (issue 13) | value | |", "|---|--:|:-:|"]
    for result in results:
        verdict = {True: "met", False: "**MISSED**", None: "–"}[result.met]
        lines.append(f"| {result.target} | {result.value} | {verdict} |")
    return "\n".join(lines)
