"""JSON Schemas of the claim and decision records (claims-format.md), for ``assess --schema``."""

from __future__ import annotations

from typing import Any

from refusjon.rules.model import CATEGORIES, DOCUMENT_TYPES, RELATIONS, ClaimOutcome, Scheme

DRAFT = "https://json-schema.org/draft/2020-12/schema"
AMOUNT_IN = {
    "oneOf": [
        {"type": "string", "pattern": r"^\d+(\.\d+)?$"},
        {"type": "number", "minimum": 0},
    ],
    "description": 'a decimal amount, preferably as a string: "152.00"',
}
AMOUNT_OUT = {"type": "string", "pattern": r"^-?\d+\.\d{2}$"}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
FLAG = {"type": "boolean"}
COUNTRY = {"type": "string", "pattern": "^[A-Za-z]{2}$"}
TEXT = {"type": "string", "minLength": 1}
LINE_REASONS = {"type": "array", "items": {"type": "string"}, "uniqueItems": True}


def claim_schema() -> dict[str, Any]:
    line = {
        "type": "object",
        "required": ["line_id", "category", "service_on", "amount"],
        "properties": {
            "line_id": TEXT,
            "category": {"enum": sorted(CATEGORIES)},
            "service_on": DATE,
            "paid_on": DATE,
            "amount": AMOUNT_IN,
            "currency": {"type": "string", "pattern": "^[A-Za-z]{3}$", "default": "NOK"},
            "nok_amount": AMOUNT_IN,
            "public_user_fee": FLAG,
            "itemized_receipt": FLAG,
            "referral": FLAG,
            "country": COUNTRY,
            "medical_statement": FLAG,
            "trip": {
                "type": "object",
                "required": ["distance_km", "min_public_fare_nok"],
                "properties": {
                    "distance_km": AMOUNT_IN,
                    "min_public_fare_nok": AMOUNT_IN,
                    "companion": FLAG,
                },
            },
        },
    }
    document = {
        "type": "object",
        "required": ["type"],
        "properties": {
            "type": {"enum": sorted(DOCUMENT_TYPES)},
            "shows_applicant_name": FLAG,
            "language": {"type": "string", "pattern": "^[A-Za-z]{2}$", "default": "no"},
        },
    }
    applicant = {
        "type": "object",
        "required": ["person_id", "birth_date", "semester_fee_paid", "registered_student"],
        "properties": {
            "person_id": TEXT,
            "birth_date": DATE,
            "institution": TEXT,
            "semester_fee_paid": FLAG,
            "registered_student": FLAG,
            "sio_gp": FLAG,
            "nis_member": FLAG,
            "full_time_student_abroad": FLAG,
            "study_country": COUNTRY,
            "last_semester_ends_on": DATE,
            "occupational_injury": FLAG,
        },
    }
    return {
        "$schema": DRAFT,
        "title": "Refusjon claim",
        "type": "object",
        "required": [
            "claim_id",
            "scheme",
            "submitted_on",
            "period",
            "applicant",
            "expenses",
        ],
        "properties": {
            "claim_id": TEXT,
            "scheme": {"enum": [scheme.value for scheme in Scheme]},
            "submitted_on": DATE,
            "period": {"type": "string", "pattern": r"^\d{4}(-(spring|fall))?$"},
            "resubmission_of": TEXT,
            "applicant": applicant,
            "patient": {
                "type": "object",
                "properties": {"relation": {"enum": sorted(RELATIONS)}, "birth_date": DATE},
            },
            "expenses": {"type": "array", "minItems": 1, "items": line},
            "documents": {"type": "array", "items": document},
        },
    }


def decision_schema() -> dict[str, Any]:
    line = {
        "type": "object",
        "required": ["line_id", "outcome", "eligible_nok", "refund_nok", "reasons"],
        "additionalProperties": False,
        "properties": {
            "line_id": {"type": "string"},
            "outcome": {"enum": ["accepted", "rejected", "referred"]},
            "eligible_nok": AMOUNT_OUT,
            "refund_nok": AMOUNT_OUT,
            "reasons": LINE_REASONS,
        },
    }
    return {
        "$schema": DRAFT,
        "title": "Refusjon decision",
        "type": "object",
        "required": ["claim_id", "outcome", "refund_nok", "reasons", "lines", "explanation"],
        "additionalProperties": False,
        "properties": {
            "claim_id": {"type": ["string", "null"]},
            "outcome": {"enum": [outcome.value for outcome in ClaimOutcome]},
            "refund_nok": AMOUNT_OUT,
            "reasons": LINE_REASONS,
            "lines": {"type": "array", "items": line},
            "explanation": {"type": "array", "items": {"type": "string"}},
            "errors": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        },
    }


def schemas() -> dict[str, Any]:
    return {"claim": claim_schema(), "decision": decision_schema()}
