"""Batch assessment: JSON Lines of claims in, JSON Lines of decisions out (claims-format.md).

Claims are decided in file order and each sees the earlier claims of the same person. A line
that cannot be read gets an ``invalid`` decision and the run goes on. Memory stays flat: only
the per-person running totals (and the claim ids, to refuse a repeated one) are kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from refusjon.rules.engine import Assessment, assess, invalid
from refusjon.rules.explain import Renderer
from refusjon.rules.ledger import Ledger
from refusjon.rules.model import ClaimOutcome, Decision
from refusjon.rules.parameters import Parameters, default_parameters
from refusjon.rules.rates import ExchangeRates
from refusjon.rules.reader import ClaimInvalid, read_claim

_decode = json.JSONDecoder(parse_float=Decimal).decode


@dataclass(frozen=True, slots=True)
class Assessed:
    """One input line's decision, with what the summary table needs."""

    decision: Decision
    scheme: str | None


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
        self._claim_ids: set[str] = set()

    def assess_data(self, data: Any) -> Assessed:
        """Decide one decoded claim."""
        scheme = data.get("scheme") if isinstance(data, dict) else None
        try:
            claim = read_claim(data, self.rates)
        except ClaimInvalid as error:
            return Assessed(invalid(error.claim_id, error.errors).decision, scheme)
        if claim.claim_id in self._claim_ids:
            assessment = invalid(claim.claim_id, ["claim_id: already used earlier in the file"])
        else:
            self._claim_ids.add(claim.claim_id)
            assessment = assess(claim, self.ledger, self.params)
            self.ledger.record(assessment.effects)
        return Assessed(assessment.decision, claim.scheme.value)

    def assess_line(self, text: str) -> Assessed:
        """Decide one line of a JSON Lines file."""
        try:
            data = _decode(text)
        except json.JSONDecodeError as error:
            return Assessed(invalid(None, [f"not JSON: {error}"]).decision, None)
        return self.assess_data(data)

    def assess_lines(self, lines: Iterable[str]) -> Iterator[Assessed]:
        for text in lines:
            if text.strip():
                yield self.assess_line(text)


def decision_to_json(decision: Decision, renderer: Renderer) -> dict[str, Any]:
    """The decision record of claims-format.md."""
    record: dict[str, Any] = {
        "claim_id": decision.claim_id,
        "outcome": decision.outcome.value,
        "refund_nok": f"{decision.refund_nok:.2f}",
        "reasons": list(decision.reasons),
        "lines": [
            {
                "line_id": line.line_id,
                "outcome": line.outcome.value,
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


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


__all__ = ["Assessed", "Assessment", "BatchAssessor", "decision_to_json", "dumps"]
