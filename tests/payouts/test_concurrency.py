"""Two operators at once: two processes preparing the same scheme's run, then two freezing it,
never put a decision in two payments; the one who loses is told so plainly, never with a
traceback. On PostgreSQL (the PostgreSQL pass of ``make test``) the two truly race; SQLite
lets one writer in at a time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from subprocess import Popen

import pytest

from tests.payouts.databases import Database, Template, template

RUN = ("payouts", "run", "--scheme", "sio", "--date", "2026-11-04", "--by", "fiona")
REFERENCE = "PR-sio-20261104-1"
ROUNDS = 3


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    with template(tmp_path_factory.mktemp("concurrency")) as made:
        yield made


def finish(process: Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=120)
    assert "Traceback" not in err, err
    return process.returncode, out + err


def together(database: Database, *args: str) -> list[tuple[int, str]]:
    processes = [database.start(*args), database.start(*args)]
    return [finish(process) for process in processes]


def assert_each_decision_paid_once(database: Database) -> None:
    doubled = database.query(
        "SELECT decision_id FROM payouts_paymentline WHERE active "
        "GROUP BY decision_id HAVING COUNT(*) > 1"
    )
    assert doubled == []
    assert database.query("SELECT COUNT(*) FROM payouts_paymentline WHERE active") == [(16,)]
    assert database.query("SELECT COUNT(*) FROM payouts_payment") == [(8,)]
    netted = database.query("SELECT COUNT(*) FROM payouts_recoverysettlement")
    assert netted == [(1,)]


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_operators_preparing_a_run_at_once_make_one_run(
    round_: int, seeded: Template, tmp_path: Path
) -> None:
    database = seeded.copy()

    results = together(database, *RUN)

    assert any(code == 0 for code, _output in results)
    for code, output in results:
        assert code == 0 or "CommandError" in output, output  # the PayoutError, plainly
    assert database.query("SELECT reference, status FROM payouts_payoutrun") == [
        (REFERENCE, "open")
    ]
    assert_each_decision_paid_once(database)


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_operators_freezing_a_run_at_once_make_one_file(
    round_: int, seeded: Template, tmp_path: Path
) -> None:
    database = seeded.copy()
    assert database.run(*RUN).returncode == 0
    first, second = tmp_path / "first.xml", tmp_path / "second.xml"

    processes = [
        database.start("payouts", "freeze", REFERENCE, "--by", "fiona", "--out", str(first)),
        database.start("payouts", "freeze", REFERENCE, "--by", "fiona", "--out", str(second)),
    ]
    results = [finish(process) for process in processes]

    assert [code for code, _output in results] == [0, 0], results
    assert first.read_bytes() == second.read_bytes()
    frozen = "SELECT COUNT(*) FROM claims_auditentry WHERE action = 'payouts.run.frozen'"
    assert database.query(frozen) == [(1,)]
    assert_each_decision_paid_once(database)
