"""Batch assessment: JSON Lines of claims in, JSON Lines of decisions out (claims-format.md).

Claims are decided in file order and each sees the earlier claims of the same person. A line
is read in one of two ways: a plain claim straight into typed structs by msgspec
(:func:`~refusjon.rules.reader.read_plain`), anything else by Python's JSON decoder and the
careful reader, which names every problem. Decisions are written by msgspec, in the layout of
Python's ``json.dumps``.

A line that cannot be read gets an ``invalid`` decision and the run goes on, whatever it
holds: bytes that are not UTF-8 (read with ``surrogateescape``, so they reach
:func:`decode_line`), JSON nested too deeply, numbers too long to read, text that is no text
(a lone surrogate escape). Memory stays flat: only the per-person running totals and the claim
ids (to refuse a repeated one) are kept, and past a few thousand of each they wait on disk
(:mod:`refusjon.rules.ledger`, :mod:`refusjon.rules.spill`); free lists are emptied as the run
goes (:class:`Tidy`).
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple

import msgspec

from refusjon.rules.engine import Assessment, assess, invalid
from refusjon.rules.explain import Renderer
from refusjon.rules.ledger import Ledger
from refusjon.rules.model import Claim, ClaimOutcome, Decision
from refusjon.rules.parameters import Parameters, default_parameters
from refusjon.rules.rates import ExchangeRates
from refusjon.rules.reader import NOT_PLAIN, ClaimInvalid, read_claim, read_plain
from refusjon.rules.spill import TemporaryDatabase

_decode = json.JSONDecoder(parse_float=Decimal).decode


class Assessed(NamedTuple):
    """One input line's decision, with what the summary table needs."""

    decision: Decision
    scheme: str | None


def tune_garbage_collector() -> None:
    """Collect cycles rarely in a long batch run.

    A batch allocates millions of short-lived objects and keeps a growing ledger that has no
    reference cycles; with the default thresholds the collector re-scans that ledger again
    and again (a third of the run time in the benchmark). Call once, after setting up.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


# Claims between two full collections. Besides cycles (a batch makes almost none), a full
# collection empties the interpreter's free lists of tuples, lists and dicts; left alone, they
# fill slowly over a run, to about 5 MB at 200,000 claims, and memory would grow with the file.
COLLECT_EVERY = 5_000


class Tidy:
    """Counts claims, and makes a full collection every :data:`COLLECT_EVERY` of them."""

    def __init__(self) -> None:
        self._left = COLLECT_EVERY

    def count(self) -> None:
        self._left -= 1
        if not self._left:
            gc.collect()
            self._left = COLLECT_EVERY


def text_field(data: Any, *path: str) -> str | None:
    """A text field of a decoded claim as the reader would read it (stripped, numbers as
    text), or None where it is missing or not text."""
    for name in path:
        data = data.get(name) if isinstance(data, dict) else None
    if isinstance(data, bool) or not isinstance(data, str | int):
        return None
    return str(data).strip() or None


class _PersonId(msgspec.Struct, gc=False):
    person_id: Any = None


class _Ids(msgspec.Struct, gc=False):
    """What a line says of who and which claim, read before the claim itself. The applicant's
    other fields are skipped as the plain reader skips the fields it does not know, so that
    every line it reads is one this reads too (:meth:`BatchAssessor.assess_line`)."""

    claim_id: Any = None
    scheme: Any = None
    applicant: _PersonId | None = None


_decode_ids = msgspec.json.Decoder(_Ids).decode


class Identified(NamedTuple):
    """A line's person, and its decision when that needs no more reading: a line that is not
    JSON, or a claim id used earlier in the file."""

    person_id: str | None
    answer: Assessed | None


class ClaimIds:
    """The claim ids of a file so far: an id may be used once (claims-format.md). The first
    ``in_memory`` are kept in a set; past that, all are in a temporary SQLite file, so memory
    stays flat however long the file."""

    def __init__(self, in_memory: int = 10_000) -> None:
        self._seen: set[str] = set()
        self._limit = in_memory
        self._on_disk: TemporaryDatabase | None = None

    def identify(self, text: str) -> Identified:
        """Whose claim a line is, with the line's decision if it is not JSON or its claim id
        came earlier in the file. One process and the parallel router both start
        here, so they settle the same lines the same way."""
        try:
            ids = _decode_ids(text)
            claim_id, scheme = text_field(ids.claim_id), text_field(ids.scheme)
            person_id = None if ids.applicant is None else text_field(ids.applicant.person_id)
        except (msgspec.MsgspecError, ValueError, RecursionError):  # the careful way names it
            data, not_json = decode_line(text)
            if not_json is not None:
                return Identified(None, Assessed(not_json, None))
            claim_id, scheme = text_field(data, "claim_id"), text_field(data, "scheme")
            person_id = text_field(data, "applicant", "person_id")
        if claim_id is None or self.first_time(claim_id):
            return Identified(person_id, None)
        return Identified(person_id, repeated(claim_id, scheme))

    def first_time(self, claim_id: str) -> bool:
        """Whether ``claim_id`` is new to the file; it is remembered."""
        if self._on_disk is not None:
            added = self._on_disk.execute("INSERT OR IGNORE INTO ids VALUES (?)", (claim_id,))
            return added.rowcount == 1
        if claim_id in self._seen:
            return False
        self._seen.add(claim_id)
        if len(self._seen) > self._limit:
            self._on_disk = TemporaryDatabase(
                "CREATE TABLE ids (id TEXT PRIMARY KEY) WITHOUT ROWID;"
            )
            for seen in self._seen:
                self._on_disk.execute("INSERT INTO ids VALUES (?)", (seen,))
            self._seen.clear()
        return True


def repeated(claim_id: str, scheme: str | None) -> Assessed:
    """The decision for a claim whose id came earlier in the file."""
    return Assessed(
        invalid(claim_id, ["claim_id: already used earlier in the file"]).decision, scheme
    )


def decode_line(text: str) -> tuple[Any, Decision | None]:
    """A line's JSON, or the ``invalid`` decision of a line that cannot be read."""
    if not text.isascii() and (problem := not_utf8(text)) is not None:
        return None, invalid(None, [problem]).decision
    try:
        data = _decode(text)
    except json.JSONDecodeError as error:
        return None, invalid(None, [f"not JSON: {error}"]).decision
    except RecursionError:
        return None, invalid(None, ["not JSON: nested too deeply"]).decision
    except ValueError:  # Python reads no integer of over 4,300 digits
        return None, invalid(None, ["not JSON: a number with too many digits"]).decision
    if "\\u" in text and (paths := lone_surrogates(data)):
        claim_id = None if "claim_id" in paths else text_field(data, "claim_id")
        errors = [f"{path}: not text (a lone surrogate escape)" for path in paths]
        return None, invalid(claim_id, errors).decision
    return data, None


def not_utf8(text: str) -> str | None:
    """What is wrong with a line read with ``surrogateescape``, if it was not UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(text[error.start])
        what = f"byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
        return f"not UTF-8 text: {what} at character {error.start + 1}"
    return None


def lone_surrogates(data: Any) -> list[str]:
    """The paths of the strings (or keys) in decoded JSON that hold a lone surrogate, which no
    UTF-8 file can carry. Walked without recursion: the JSON may be deep."""
    found = []
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if not value.isascii() and not_utf8(value) is not None:
                found.append(path or "claim")
        elif isinstance(value, dict):
            for key, item in value.items():
                if not key.isascii() and not_utf8(key) is not None:
                    found.append(f"{path or 'claim'} (a field name)")
                    continue
                stack.append((f"{path}.{key}" if path else key, item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{index}]", item) for index, item in enumerate(value))
    return sorted(found)


class BatchAssessor:
    """Decides claims one after another, keeping each person's running totals."""

    def __init__(
        self,
        *,
        rates: ExchangeRates | None = None,
        params: Parameters | None = None,
        ledger: Ledger | None = None,
        claim_ids: ClaimIds | None = None,
    ) -> None:
        self.rates = rates
        self.params = params or default_parameters()
        self.ledger = ledger if ledger is not None else Ledger()
        self.claim_ids = claim_ids if claim_ids is not None else ClaimIds()
        self._tidy = Tidy()

    def assess_lines(self, lines: Iterable[str]) -> Iterator[Assessed]:
        for text in lines:
            if text.strip():
                yield self.assess_line(text)

    def assess_line(self, text: str) -> Assessed:
        """Decide one line of a JSON Lines file, refusing a claim id used before.

        A plain claim is read once, its id with it, rather than identified first as the
        parallel router does: the same decision, since any line the plain reader reads the
        router's reading of ids reads too, to the same claim id (``_Ids``). The claim ids are
        checked in file order either way."""
        try:
            claim = read_plain(text, self.rates)
        except NOT_PLAIN:
            answer = self.claim_ids.identify(text).answer
            if answer is not None:
                return answer
            self._tidy.count()
            return self._assess_carefully(text)
        if not self.claim_ids.first_time(claim.claim_id):
            return repeated(claim.claim_id, claim.scheme.value)
        self._tidy.count()
        return self._decide(claim)

    def assess_text(self, text: str) -> Assessed:
        """Read and decide one line of JSON whose claim id has been checked."""
        self._tidy.count()
        try:
            claim = read_plain(text, self.rates)
        except NOT_PLAIN:
            return self._assess_carefully(text)
        return self._decide(claim)

    def _assess_carefully(self, text: str) -> Assessed:
        data, not_json = decode_line(text)
        return Assessed(not_json, None) if not_json is not None else self.decide(data)

    def decide(self, data: Any) -> Assessed:
        """Read and decide one decoded claim, naming every problem of one that is not well
        formed."""
        # Beyond ClaimInvalid, an exception here is a defect of ours, not the claim's: it is
        # that claim's ``invalid`` decision, and the run goes on.
        scheme = text_field(data, "scheme")
        try:
            claim = read_claim(data, self.rates)
        except ClaimInvalid as error:
            return Assessed(invalid(error.claim_id, error.errors).decision, scheme)
        except Exception as error:
            problem = f"could not be read ({type(error).__name__}): please report this claim"
            return Assessed(invalid(text_field(data, "claim_id"), [problem]).decision, scheme)
        return self._decide(claim)

    def _decide(self, claim: Claim) -> Assessed:
        """Decide a claim and record it in the person's history."""
        try:
            assessment = assess(claim, self.ledger, self.params)
        except Exception as error:
            problem = f"could not be decided ({type(error).__name__}): please report this claim"
            return Assessed(invalid(claim.claim_id, [problem]).decision, claim.scheme.value)
        self.ledger.record(assessment.effects)
        # Assessed(decision, scheme), without the Python function the constructor is
        return tuple.__new__(Assessed, (assessment.decision, claim.scheme.value))


def decision_to_json(decision: Decision, renderer: Renderer) -> dict[str, Any]:
    """The decision record of claims-format.md. (Outcomes are ``StrEnum`` members: JSON writes
    them as their text without asking for ``.value``; a decision's amounts are in whole øre,
    rounded by the engine, so their own text has two decimals, as a format would write them.)"""
    record: dict[str, Any] = {
        "claim_id": decision.claim_id,
        "outcome": decision.outcome,
        "refund_nok": str(decision.refund_nok),
        "reasons": list(decision.reasons),
        "lines": [
            {
                "line_id": line.line_id,
                "outcome": line.outcome,
                "eligible_nok": str(line.eligible_nok),
                "refund_nok": str(line.refund_nok),
                "reasons": list(line.reasons),
            }
            for line in decision.lines
        ],
        "explanation": renderer.explanation(decision.explanation),
    }
    if decision.outcome is ClaimOutcome.INVALID:
        record["errors"] = list(decision.errors)
        if not record["explanation"]:
            record["explanation"] = [renderer.invalid_note()]
    return record


_encode = msgspec.json.Encoder().encode
_format = msgspec.json.format


def dumps(record: dict[str, Any]) -> bytes:
    """One record as a line of UTF-8 JSON, written as Python's ``json.dumps(record,
    ensure_ascii=False)`` writes it (a space after each ``:`` and ``,``), only quicker."""
    return _format(_encode(record), indent=0)


__all__ = ["Assessed", "Assessment", "BatchAssessor", "decision_to_json", "dumps"]
