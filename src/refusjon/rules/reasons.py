"""Reason codes, as claims-format.md lists them."""

# Claim level
NOT_COVERED_INSTITUTION = "not-covered-institution"
SEMESTER_FEE_NOT_PAID = "semester-fee-not-paid"
NOT_REGISTERED_STUDENT = "not-registered-student"
NOT_NIS_MEMBER = "not-nis-member"
NOT_FULL_TIME_STUDENT = "not-full-time-student"
STUDY_COUNTRY_IN_EEA = "study-country-in-eea"
SPOUSE_NOT_COVERED = "spouse-not-covered"
DEADLINE_PASSED = "deadline-passed"
UNTRANSLATED_DOCUMENT = "untranslated-document"
BELOW_THRESHOLD = "below-threshold"
ABOVE_EXEMPTION_CARD_LIMIT = "above-exemption-card-limit"
RESUBMISSION_LATE = "resubmission-late"
PATIENT_NOT_COVERED = "patient-not-covered"
INSUFFICIENT_STUDY_LOAD = "insufficient-study-load"
OUTSIDE_APPLICATION_WINDOW = "outside-application-window"
BELOW_MINIMUM_PAYOUT = "below-minimum-payout"
CAP_REACHED = "cap-reached"  # on the claim (it pays nothing) and on a line (its refund was cut)

# Line level
EXCLUDED_CATEGORY = "excluded-category"
NOT_PUBLIC_USER_FEE = "not-public-user-fee"
OUTSIDE_PERIOD = "outside-period"
OUTSIDE_COVERAGE_PERIOD = "outside-coverage-period"
REFERRAL_REQUIRED = "referral-required"
TRAVEL_TOO_SHORT = "travel-too-short"
TRAVEL_BELOW_MINIMUM_FARE = "travel-below-minimum-fare"
COMPANION_NOT_COVERED = "companion-not-covered"
DUPLICATE_EXPENSE = "duplicate-expense"
MANUAL_ASSESSMENT = "manual-assessment"
WITHIN_THRESHOLD = "within-threshold"
OUTSIDE_NORWAY = "outside-norway"

MISSING_DOCUMENT_PREFIX = "missing-document:"


def missing_document(document_type: str) -> str:
    """The code for a missing (or unnamed) document of a type: ``missing-document:<type>``."""
    return MISSING_DOCUMENT_PREFIX + document_type
