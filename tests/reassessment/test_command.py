"""``refusjon reassess``: decide a span of claims again by the scheme's rules as they stand."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from refusjon.claims import services as claims
from refusjon.claims.models import ParameterOverride, User
from refusjon.reassessment import services
from tests.reassessment.conftest import STUDY_YEAR, decided_sis_claim

SEPTEMBER = date(2025, 9, 10)


def lower_the_deductible(to: str = "500") -> None:
    """An administrator's dated value for SiS's deductible, as the admin site sets it."""
    ParameterOverride.objects.create(
        name="sis.deductible",
        valid_from=date(2024, 7, 1),
        value=to,
        source="The student parliament's vote of 2026",
    )


def reassess(*options: str) -> str:
    out = io.StringIO()
    call_command("reassess", *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_dry_run_tells_what_would_change_and_changes_nothing(
    alice: User, carol: User, bob: User, ada: User
) -> None:
    claim = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    decided_sis_claim(carol, bob, (SEPTEMBER, "300"))  # stays below any deductible
    lower_the_deductible()
    told = reassess("--scheme", "sis", "--from", "2025-07-01", "--dry-run", "--by", "ada")
    assert "1 of 2 decided claims would change, of 1 people" in told
    assert "refunds NOK 120.00 higher and NOK 0.00 lower" in told
    assert "Nothing was changed." in told
    decision = claims.current_decision(claim)
    assert decision is not None and decision.refund_nok == Decimal("80.00")


def test_reassess_decides_again_what_changed_and_only_that(
    alice: User, carol: User, bob: User, ada: User
) -> None:
    claim = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    untouched = decided_sis_claim(carol, bob, (SEPTEMBER, "300"))
    before = claims.current_decision(untouched)
    lower_the_deductible()
    told = reassess("--scheme", "sis", "--from", "2025-07-01", "--by", "ada")
    assert "1 of 2 decided claims were decided again" in told
    decision = claims.current_decision(claim)
    assert decision is not None and decision.refund_nok == Decimal("200.00")
    assert claims.current_decision(untouched) == before
    # Run again, it finds nothing more to do.
    assert "0 of 2 decided claims were decided again" in reassess(
        "--scheme", "sis", "--from", "2025-07-01", "--by", "ada"
    )


def test_claims_of_earlier_periods_are_left(alice: User, bob: User, ada: User) -> None:
    decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    lower_the_deductible()
    told = reassess("--scheme", "sis", "--from", "2026-07-01", "--by", "ada")
    assert "0 of 0 decided claims" in told


def test_the_progress_is_told_claim_by_claim(
    alice: User, carol: User, bob: User, ada: User
) -> None:
    decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    decided_sis_claim(carol, bob, (SEPTEMBER, "1000"))
    told: list[tuple[int, int]] = []
    services.reassess("sis", STUDY_YEAR, by=ada, dry=True, progress=lambda *at: told.append(at))
    assert told == [(1, 2), (2, 2)]


def test_only_an_administrator_of_the_schemes_reassesses(bob: User) -> None:
    with pytest.raises(CommandError, match="Only an administrator"):
        reassess("--scheme", "sis", "--from", "2025-07-01", "--by", "bob")


def test_a_day_that_is_no_date_is_named() -> None:
    with pytest.raises(CommandError, match="--from"):
        reassess("--scheme", "sis", "--from", "2025-13-01", "--by", "ada")


def test_refusjon_reassess_routes_to_the_management_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "refusjon.cli", "reassess", "--help"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "refusjon reassess" in result.stdout
    assert "--dry-run" in result.stdout
