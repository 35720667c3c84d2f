"""The I/O floor: read and parse every claim, write a decision-sized record, apply no rules.

``refusjon assess`` can never be faster than this: it has to read each line, decode the JSON
and write a decision of about the same size. This one decodes with Python's json module and
amounts as ``Decimal`` (as the engine's careful reader does; its plain reader uses msgspec).
The benchmark reports the engine's time as a multiple of this floor, which takes out most of
what the machine and Python's JSON module cost and leaves what the rules cost.

The record has the shape of a real decision: claim id, outcome, refund, reasons, one record
per expense line, and an explanation with about as many strings of about the same length as
the engine writes. Measured on the generated claims, the engine writes about 13 strings per
claim (six or so for the claim, one and a half per line) of some 130 characters; this writes
about 15 of some 120, so the output files come out the same size (``bench/run.py`` prints both
sizes, to keep this honest). Amounts are copied as they came, not computed.

With ``--orjson`` the same work is done with orjson (reading bytes, decoding and encoding in
C): the floor of a Python program that leaves JSON to the fastest library there is. The issue's
speed targets are set against this one.

Usage: ``python bench/floor.py CLAIMS.jsonl --out FLOOR.jsonl [--orjson]``
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import Any

# As refusjon.rules.batch decodes a line that its plain reader leaves to the careful one.
_decode = json.JSONDecoder(parse_float=Decimal).decode

Json = dict[str, Any]

CLAIM_SENTENCES = (
    "Claim {claim_id}: {scheme} refund of health expenses for {period}, submitted {submitted}.",
    "Semester fee paid and registered student: checked for {person} at {institution}.",
    "Coverage for the applicant's institution and the patient checked: the record is covered.",
    "Deadline for a claim for {period} from 2026-01-01: 31 January the following year (source: "
    "the scheme's refund page, updated 25.02.26 [seed 003]).",
    "Deadline for the period {period}; submitted {submitted}: compared with the dated deadline.",
    "Threshold for the scheme from 2026-01-01: NOK 490.00 (source: the scheme's refund page, "
    "updated 25.02.26 [seed 003]).",
    "Exemption card limit (egenandelstak) from 2026-01-01: NOK 3,278.00 (source: Same as 2025; "
    "only secondary sources give a 2026 figure); assumed, no published source fixes it.",
    "Outcome: read and written, no rules applied. Refund: NOK 0.00 for claim {claim_id}.",
)
LINE_SENTENCE = (
    "Line {line_id} ({category}, {service_on}, {currency} {amount}): eligible this year before "
    "it NOK 0.00, after it {amount}; refunded between NOK 0.00 and NOK 3,278.00: NOK 0.00."
)
EXTRA_LINE_SENTENCE = (
    "Line {line_id} ({category}, {service_on}, {currency} {amount}): user fee NOK 0.00 deducted; "
    "user fees this year NOK 0.00 of the limit."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", help="claims file (JSON Lines)")
    parser.add_argument("--out", required=True, help="where to write the records")
    parser.add_argument("--orjson", action="store_true", help="decode and encode with orjson")
    args = parser.parse_args(argv)
    if args.orjson:
        return with_orjson(args.claims, args.out)
    with (
        open(args.claims, encoding="utf-8") as claims,
        open(args.out, "w", encoding="utf-8") as out,
    ):
        for text in claims:
            if text.strip():
                out.write(json.dumps(record_for(text), ensure_ascii=False))
                out.write("\n")
    return 0


def with_orjson(claims_path: str, out_path: str) -> int:
    import orjson

    with open(claims_path, "rb") as claims, open(out_path, "wb") as out:
        for text in claims:
            if not text.strip():
                continue
            try:
                data = orjson.loads(text)
            except orjson.JSONDecodeError as error:
                record = invalid(None, f"not JSON: {error}")
            else:
                record = (
                    decision_sized(data)
                    if isinstance(data, dict)
                    else invalid(None, "claim: not an object")
                )
            out.write(orjson.dumps(record))
            out.write(b"\n")
    return 0


def record_for(text: str) -> Json:
    """The record for one input line; a line that is not a JSON object gets an error record,
    as the engine's ``invalid`` decision."""
    try:
        data = _decode(text)
    except json.JSONDecodeError as error:
        return invalid(None, f"not JSON: {error}")
    if not isinstance(data, dict):
        return invalid(None, "claim: not an object")
    return decision_sized(data)


def decision_sized(claim: Json) -> Json:
    raw_lines = claim.get("expenses")
    lines = (
        [line for line in raw_lines if isinstance(line, dict)]
        if isinstance(raw_lines, list)
        else []
    )
    return {
        "claim_id": claim.get("claim_id"),
        "outcome": "approved",
        "refund_nok": "0.00",
        "reasons": [],
        "lines": [line_record(line) for line in lines],
        "explanation": explanation(claim, lines),
    }


def line_record(line: Json) -> Json:
    amount = str(line.get("amount"))
    return {
        "line_id": line.get("line_id"),
        "outcome": "accepted",
        "eligible_nok": amount,
        "refund_nok": "0.00",
        "reasons": [],
    }


def explanation(claim: Json, lines: list[Json]) -> list[str]:
    """About as many sentences, of about the same length, as the engine's explanation."""
    applicant = claim.get("applicant")
    applicant = applicant if isinstance(applicant, dict) else {}
    fields = {
        "claim_id": claim.get("claim_id"),
        "scheme": claim.get("scheme"),
        "period": claim.get("period"),
        "submitted": claim.get("submitted_on"),
        "person": applicant.get("person_id"),
        "institution": applicant.get("institution"),
    }
    texts = [sentence.format(**fields) for sentence in CLAIM_SENTENCES]
    for index, line in enumerate(lines):
        values = {
            "line_id": line.get("line_id"),
            "category": line.get("category"),
            "service_on": line.get("service_on"),
            "currency": line.get("currency", "NOK"),
            "amount": line.get("amount"),
        }
        texts.append(LINE_SENTENCE.format(**values))
        if index % 3 == 1:
            texts.append(EXTRA_LINE_SENTENCE.format(**values))
    return texts


def invalid(claim_id: str | None, error: str) -> Json:
    return {
        "claim_id": claim_id,
        "outcome": "invalid",
        "refund_nok": "0.00",
        "reasons": [],
        "lines": [],
        "explanation": ["The claim could not be read; see errors."],
        "errors": [error],
    }


if __name__ == "__main__":
    sys.exit(main())
