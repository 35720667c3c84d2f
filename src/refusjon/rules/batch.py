"""Batch assessment: JSON Lines of claims in, JSON Lines of decisions out (claims-format.md).

Claims are decided in file order and each sees the earlier claims of the same person. A line
that cannot be read gets an ``invalid`` decision and the run goes on. Memory stays flat: only
the per-person running totals (and the claim ids, to refuse a repeated one) are kept.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from refusjon.rules.engine import Assessment, assess, invalid
from refusjon.rules.explain import Renderer
from refusjon.rules.ledger import Ledger
from refusjon.rules.model import ClaimOutcome, Decision
from refusjon.rules.parameters import Parameters, default_parameters
from refusjon.rules.rates import ExchangeRates
from refusjon.rules.reader import ClaimInvalid, read_claim

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


def text_field(data: Any, *path: str) -> str | None:
    """A text field of a decoded claim as the reader would read it (stripped, numbers as
    text), or None where it is missing or not text."""
    for name in path:
        data = data.get(name) if isinstance(data, dict) else None
    if isinstance(data, bool) or not isinstance(data, str | int):
        return None
    return str(data).strip() or None


class ClaimIds:
    """The claim ids of a file so far: an id may be used once (claims-format.md)."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def repeated(self, data: Any) -> Decision | None:
        """An ``invalid`` decision if this claim's id came earlier in the file; else None."""
        claim_id = text_field(data, "claim_id")
        if claim_id is None:
            return None
        if claim_id in self._seen:
            return invalid(claim_id, ["claim_id: already used earlier in the file"]).decision
        self._seen.add(claim_id)
        return None


def decode_line(text: str) -> tuple[Any, Decision | None]:
    """A line's JSON, or the ``invalid`` decision of a line that is not JSON."""
    try:
        return _decode(text), None
    except json.JSONDecodeError as error:
        return None, invalid(None, [f"not JSON: {error}"]).decision


class BatchAssessor:
    """Decides claims one after another, keeping each person's running totals."""

    def __init__(
        self,
        *,
        rates: ExchangeRates | None = None,
        params: Parameters | None = None,
        ledger: Ledger | None = None,
    ) -> None:
        self.rates = rates
        self.params = params or default_parameters()
        self.ledger = ledger if ledger is not None else Ledger()
        self.claim_ids = ClaimIds()

    def decide(self, data: Any) -> Assessed:
        """Read and decide one decoded claim, and record it in the person's history."""
        scheme = data.get("scheme") if isinstance(data, dict) else None
        try:
            claim = read_claim(data, self.rates)
        except ClaimInvalid as error:
            return Assessed(invalid(error.claim_id, error.errors).decision, scheme)
        assessment = assess(claim, self.ledger, self.params)
        self.ledger.record(assessment.effects)
        return Assessed(assessment.decision, claim.scheme.value)

    def assess_data(self, data: Any) -> Assessed:
        """Decide one decoded claim of the file, refusing an id used before."""
        repeated = self.claim_ids.repeated(data)
        if repeated is not None:
            return Assessed(repeated, data.get("scheme"))
        return self.decide(data)

    def assess_line(self, text: str) -> Assessed:
        """Decide one line of a JSON Lines file."""
        data, not_json = decode_line(text)
        if not_json is not None:
            return Assessed(not_json, None)
        return self.assess_data(data)

    def assess_lines(self, lines: Iterable[str]) -> Iterator[Assessed]:
        for text in lines:
            if text.strip():
                yield self.assess_line(text)


def decision_to_json(decision: Decision, renderer: Renderer) -> dict[str, Any]:
    """The decision record of claims-format.md. (Outcomes are ``StrEnum`` members: JSON writes
    them as their text without asking for ``.value``.)"""
    record: dict[str, Any] = {
        "claim_id": decision.claim_id,
        "outcome": decision.outcome,
        "refund_nok": f"{decision.refund_nok:.2f}",
        "reasons": list(decision.reasons),
        "lines": [
            {
                "line_id": line.line_id,
                "outcome": line.outcome,
                "eligible_nok": f"{line.eligible_nok:.2f}",
                "refund_nok": f"{line.refund_nok:.2f}",
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


_encode = json.JSONEncoder(ensure_ascii=False).encode


def dumps(record: dict[str, Any]) -> str:
    """One record as a line of JSON (UTF-8 as it is, not escaped)."""
    return _encode(record)


__all__ = ["Assessed", "Assessment", "BatchAssessor", "decision_to_json", "dumps"]
