"""A payout run killed at any point (SIGKILL: no cleanup, no commit) and run again pays every
decision once: none lost, none twice, and the bank file is the one a clean run writes.

Each case runs ``refusjon payouts run`` and ``freeze`` as an operator would, in processes of
their own, against a database of its own (SQLite, or PostgreSQL in the PostgreSQL pass)."""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from refusjon.payouts import failpoints
from tests.payouts.databases import Database, Template, template

RUN = ("payouts", "run", "--scheme", "sio", "--date", "2026-11-04", "--by", "fiona")
REFERENCE = "PR-sio-20261104-1"
KILLED = -signal.SIGKILL


def freeze(out: Path) -> tuple[str, ...]:
    return ("payouts", "freeze", REFERENCE, "--by", "fiona", "--out", str(out))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    with template(tmp_path_factory.mktemp("crash")) as made:
        yield made


def ok(result: Any) -> None:
    assert result.returncode == 0, result.stdout + result.stderr


def outcome(database: Database, bank_file: Path) -> dict[str, Any]:
    """What the run left: every active line, payments, runs, settlements, and the file."""
    return {
        "lines": sorted(
            database.query(
                "SELECT c.reference, l.amount_nok FROM payouts_paymentline l "
                "JOIN claims_claim c ON c.id = l.claim_id WHERE l.active"
            )
        ),
        "payments": sorted(
            database.query(
                "SELECT end_to_end_id, status, gross_nok, netted_nok, amount_nok "
                "FROM payouts_payment"
            )
        ),
        "runs": database.query("SELECT reference, status, payment_count FROM payouts_payoutrun"),
        # By end-to-end id: on PostgreSQL a rolled-back attempt still used up row ids.
        "settled": database.query(
            "SELECT s.amount_nok, p.end_to_end_id FROM payouts_recoverysettlement s "
            "JOIN payouts_payment p ON p.id = s.payment_id"
        ),
        # The creation time is the moment of freezing; all else must be the same.
        "file": re.sub(r"<CreDtTm>[^<]*</CreDtTm>", "", bank_file.read_text()),
    }


@pytest.fixture(scope="module")
def clean(seeded: Template, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    database = seeded.copy()
    out = tmp_path_factory.mktemp("clean") / "bank.xml"
    ok(database.run(*RUN))
    ok(database.run(*freeze(out)))
    return outcome(database, out)


def test_a_clean_run_pays_every_payable_decision_once(clean: dict[str, Any]) -> None:
    assert len(clean["lines"]) == 16  # two claims each of eight students with an account
    assert len({reference for reference, _amount in clean["lines"]}) == 16
    assert len(clean["payments"]) == 8
    assert clean["runs"] == [(REFERENCE, "frozen", 8)]
    assert len(clean["settled"]) == 1
    assert clean["file"].count("<CdtTrfTxInf>") == 8


@pytest.mark.parametrize(
    "failpoint",
    [failpoints.BUILD_RUN_CREATED, failpoints.BUILD_BATCH_WRITTEN, failpoints.BUILD_COMMITTED],
)
def test_a_run_killed_while_being_prepared_is_prepared_again_once(
    failpoint: str, seeded: Template, clean: dict[str, Any], tmp_path: Path
) -> None:
    database = seeded.copy()

    # Three students a batch: "batch_written" dies after the first of three batches, with
    # payments written and more to come (with the real batch size the eight fit in one).
    killed = database.run(*RUN, failpoint=failpoint, batch_size=3)
    assert killed.returncode == KILLED, killed.stderr
    ok(database.run(*RUN))
    ok(database.run(*freeze(tmp_path / "bank.xml")))

    assert outcome(database, tmp_path / "bank.xml") == clean


@pytest.mark.parametrize("failpoint", [failpoints.FREEZE_FILE_MADE, failpoints.FREEZE_COMMITTED])
def test_a_run_killed_while_being_frozen_gives_the_same_file_when_frozen_again(
    failpoint: str, seeded: Template, clean: dict[str, Any], tmp_path: Path
) -> None:
    database = seeded.copy()
    out = tmp_path / "bank.xml"
    ok(database.run(*RUN))

    killed = database.run(*freeze(out), failpoint=failpoint)
    assert killed.returncode == KILLED, killed.stderr
    assert not out.exists()  # a killed freeze leaves no bank file, not even half of one
    ok(database.run(*freeze(out)))

    assert outcome(database, out) == clean


def test_every_failpoint_is_tried() -> None:
    tried = {
        failpoints.BUILD_RUN_CREATED,
        failpoints.BUILD_BATCH_WRITTEN,
        failpoints.BUILD_COMMITTED,
        failpoints.FREEZE_FILE_MADE,
        failpoints.FREEZE_COMMITTED,
    }
    assert tried == set(failpoints.POINTS)
