"""The bank's answers: a pain.002 status report or a camt.054 notification marks the payments
of a frozen run paid or rejected, once, and a rejected decision is paid again once the student
has corrected the account."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.utils import translation

from refusjon.claims.models import AuditEntry, ClaimStatus, StudentProfile, User
from refusjon.payouts import bankanswers, services
from refusjon.payouts.bankanswers import AnswerSummary, import_answer
from refusjon.payouts.models import (
    BankAnswer,
    Payment,
    PaymentLine,
    PaymentStatus,
    PayoutRun,
    Recovery,
    RecoveryStatus,
)
from refusjon.payouts.services import PayoutError
from tests.factories import NOW
from tests.payouts.conftest import ALICE_ACCOUNT, decided_claim, with_account
from tests.payouts.files import Booked, Tx, camt054, entry, pain002

PAY_DAY = date(2026, 11, 3)
ANSWERED = NOW + timedelta(days=2)
CORRECTED_ACCOUNT = "12345678903"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The messages are checked as they read in English."""
    with translation.override("en"):
        yield


def frozen_run(fiona: User, *, now: datetime = NOW) -> PayoutRun:
    summary = services.build_run("sio", by=fiona, execution_date=PAY_DAY, now=now)
    return services.freeze_run(summary.run, by=fiona, now=now)


def payment_of(run: PayoutRun, student: User) -> Payment:
    return run.payments.get(student=student)


@pytest.fixture
def run(alice: User, carol: User, bob: User, fiona: User) -> PayoutRun:
    """A frozen run paying alice (Norwegian account) 110 and carol (IBAN) 110."""
    with_account(alice)
    with_account(carol)
    decided_claim(alice, bob, "600")
    decided_claim(carol, bob, "600")
    return frozen_run(fiona)


def test_a_status_report_marks_settled_payments_paid_and_their_claims_paid(
    run: PayoutRun, alice: User, carol: User, fiona: User
) -> None:
    alices, carols = payment_of(run, alice), payment_of(run, carol)
    report = pain002(
        Tx(alices.end_to_end_id, "ACSC"),
        Tx(carols.end_to_end_id, "ACSC"),
        original_message_id=run.reference,
    )

    summary = import_answer(report, by=fiona, now=ANSWERED)

    assert (summary.kind, summary.paid, summary.rejected, summary.unknown) == ("pain.002", 2, 0, 0)
    alices.refresh_from_db()
    assert alices.status == PaymentStatus.PAID
    assert alices.answered_at == ANSWERED
    claim = alices.lines.get().claim
    assert claim.status == ClaimStatus.PAID


def test_a_rejection_keeps_the_reason_and_frees_the_decision(
    run: PayoutRun, alice: User, carol: User, fiona: User
) -> None:
    alices = payment_of(run, alice)
    report = pain002(
        Tx(alices.end_to_end_id, "RJCT", "AC04", "Konto oppgjort"),
        Tx(payment_of(run, carol).end_to_end_id, "ACSC"),
        original_message_id=run.reference,
    )

    summary = import_answer(report, by=fiona, now=ANSWERED)

    assert (summary.paid, summary.rejected) == (1, 1)
    [line] = summary.of(bankanswers.Outcome.REJECTED)
    assert (line.code, line.payment) == ("AC04", alices)
    alices.refresh_from_db()
    assert alices.status == PaymentStatus.REJECTED
    assert alices.status_reason_code == "AC04"
    with translation.override("nb"):  # kept in the organisation's language, with the bank's
        assert alices.status_reason == f"{bankanswers.reason_words('AC04')} Konto oppgjort"
    assert not alices.lines.get().active
    assert alices.lines.get().claim.status == ClaimStatus.DECIDED


def test_statuses_on_the_way_change_nothing_but_are_counted(
    run: PayoutRun, alice: User, carol: User, fiona: User
) -> None:
    report = pain002(
        Tx(payment_of(run, alice).end_to_end_id, "ACCP"),
        Tx(payment_of(run, carol).end_to_end_id, "PDNG"),
        original_message_id=run.reference,
        group_status="PART",
    )

    summary = import_answer(report, by=fiona, now=ANSWERED)

    assert (summary.paid, summary.rejected, summary.unchanged) == (0, 0, 2)
    assert set(run.payments.values_list("status", flat=True)) == {PaymentStatus.SENT}


def test_a_file_rejected_as_a_whole_rejects_every_payment_in_it(
    run: PayoutRun, fiona: User
) -> None:
    report = pain002(original_message_id=run.reference, group_status="RJCT", group_reason="FF01")

    summary = import_answer(report, by=fiona, now=ANSWERED)

    assert summary.rejected == 2
    assert set(run.payments.values_list("status", "status_reason_code")) == {
        (PaymentStatus.REJECTED, "FF01")
    }


def test_a_payment_block_rejected_without_its_transactions_rejects_those_of_the_block(
    run: PayoutRun, alice: User, carol: User, fiona: User
) -> None:
    report = pain002(
        original_message_id=run.reference,
        payment_info_id=f"{run.reference}-INT",
        payment_info_status="RJCT",
    )

    summary = import_answer(report, by=fiona, now=ANSWERED)

    assert summary.rejected == 1
    assert payment_of(run, carol).status == PaymentStatus.REJECTED
    assert payment_of(run, alice).status == PaymentStatus.SENT


def test_a_booked_debit_in_a_notification_marks_the_payment_paid(
    run: PayoutRun, alice: User, carol: User, fiona: User
) -> None:
    alices = payment_of(run, alice)
    notification = camt054(entry(Booked(alices.end_to_end_id, Decimal("110.00"))))

    summary = import_answer(notification, by=fiona, now=ANSWERED)

    assert (summary.kind, summary.paid) == ("camt.054", 1)
    assert payment_of(run, alice).status == PaymentStatus.PAID
    assert payment_of(run, carol).status == PaymentStatus.SENT


def test_a_notification_pays_each_transfer_of_a_batch_booking(
    run: PayoutRun, alice: User, carol: User, fiona: User
) -> None:
    batch = entry(
        Booked(payment_of(run, alice).end_to_end_id, Decimal("110.00")),
        Booked(payment_of(run, carol).end_to_end_id, Decimal("110.00")),
    )

    summary = import_answer(camt054(batch), by=fiona, now=ANSWERED)

    assert summary.paid == 2


def test_a_notification_that_is_not_a_booked_debit_pays_nothing_and_money_back_is_flagged(
    run: PayoutRun, alice: User, carol: User, fiona: User
) -> None:
    notification = camt054(
        entry(Booked(payment_of(run, alice).end_to_end_id, Decimal("110.00")), status="PDNG"),
        entry(Booked(payment_of(run, carol).end_to_end_id, Decimal("110.00")), credit_debit="CRDT"),
    )

    summary = import_answer(notification, by=fiona, now=ANSWERED)

    assert (summary.paid, summary.unchanged, summary.conflicts) == (0, 1, 1)
    assert "by hand" in summary.of("conflict")[0].note
    assert set(run.payments.values_list("status", flat=True)) == {PaymentStatus.SENT}


def test_a_booked_amount_other_than_the_one_sent_is_a_conflict(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    alices = payment_of(run, alice)
    notification = camt054(entry(Booked(alices.end_to_end_id, Decimal("101.00"))))

    summary = import_answer(notification, by=fiona, now=ANSWERED)

    assert summary.conflicts == 1
    assert "101.00" in summary.lines[0].note
    assert payment_of(run, alice).status == PaymentStatus.SENT


def test_the_same_file_twice_changes_nothing_the_second_time(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    report = pain002(
        Tx(payment_of(run, alice).end_to_end_id, "RJCT", "AC01"), original_message_id=run.reference
    )
    import_answer(report, by=fiona, now=ANSWERED)
    entries = AuditEntry.objects.count()

    again = import_answer(report, by=fiona, now=ANSWERED + timedelta(hours=1))

    assert again.already_imported
    assert (again.paid, again.rejected, again.unchanged) == (0, 0, 0)
    assert BankAnswer.objects.count() == 1
    assert AuditEntry.objects.count() == entries


def test_the_same_answer_in_another_file_is_unchanged(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    """pain.002 then camt.054 both say paid: the second is news to nobody."""
    alices = payment_of(run, alice)
    import_answer(
        pain002(Tx(alices.end_to_end_id, "ACSC"), original_message_id=run.reference),
        by=fiona,
        now=ANSWERED,
    )

    summary = import_answer(
        camt054(entry(Booked(alices.end_to_end_id, Decimal("110.00")))), by=fiona, now=ANSWERED
    )

    assert (summary.paid, summary.unchanged, summary.conflicts) == (0, 1, 0)


def test_a_paid_payment_reported_rejected_later_is_a_conflict_and_stays_paid(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    e2e = payment_of(run, alice).end_to_end_id
    import_answer(pain002(Tx(e2e, "ACSC"), original_message_id=run.reference), by=fiona)

    summary = import_answer(
        pain002(Tx(e2e, "RJCT", "AC04"), original_message_id=run.reference, message_id="DNB-2"),
        by=fiona,
    )

    assert (summary.rejected, summary.conflicts) == (0, 1)
    assert payment_of(run, alice).status == PaymentStatus.PAID
    assert PaymentLine.objects.get(payment__end_to_end_id=e2e).active


def test_a_rejected_payment_reported_paid_later_is_a_conflict_and_stays_rejected(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    e2e = payment_of(run, alice).end_to_end_id
    import_answer(pain002(Tx(e2e, "RJCT", "AC04"), original_message_id=run.reference), by=fiona)

    summary = import_answer(camt054(entry(Booked(e2e, Decimal("110.00")))), by=fiona)

    assert (summary.paid, summary.conflicts) == (0, 1)
    assert payment_of(run, alice).status == PaymentStatus.REJECTED


def test_ids_that_are_not_ours_are_listed_not_refused(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    report = pain002(
        Tx("SOMEONE-ELSES-1", "ACSC"),
        Tx(payment_of(run, alice).end_to_end_id, "ACSC"),
        Tx("SOMEONE-ELSES-2", "RJCT", "AC01"),
        original_message_id=run.reference,
    )

    summary = import_answer(report, by=fiona, now=ANSWERED)

    assert (summary.paid, summary.unknown) == (1, 2)
    assert [line.end_to_end_id for line in summary.of("unknown")] == [
        "SOMEONE-ELSES-1",
        "SOMEONE-ELSES-2",
    ]


def test_a_file_about_nothing_of_ours_is_imported_and_changes_nothing(fiona: User) -> None:
    summary = import_answer(
        pain002(Tx("X-1", "ACSC"), Tx("X-2", "RJCT", "AC04"), original_message_id="NOT-OURS"),
        by=fiona,
    )

    assert (summary.paid, summary.rejected, summary.unknown) == (0, 0, 2)
    assert BankAnswer.objects.get().message_id == "DNB-STS-0001"


def test_an_import_is_logged_with_what_it_did(run: PayoutRun, alice: User, fiona: User) -> None:
    e2e = payment_of(run, alice).end_to_end_id
    import_answer(
        pain002(Tx(e2e, "RJCT", "AC06"), original_message_id=run.reference), by=fiona, now=ANSWERED
    )

    entry_ = AuditEntry.objects.get(action="payouts.answer.imported")
    assert (entry_.actor, entry_.at) == (fiona, ANSWERED)
    assert entry_.data["rejected"] == [e2e]
    assert entry_.data["kind"] == "pain.002"


def test_only_the_finance_role_imports_answers(run: PayoutRun, alice: User, bob: User) -> None:
    report = pain002(
        Tx(payment_of(run, alice).end_to_end_id, "ACSC"), original_message_id=run.reference
    )

    with pytest.raises(PayoutError, match="finance"):
        import_answer(report, by=bob)
    with pytest.raises(PayoutError, match="finance"):
        import_answer(report, by=alice)
    assert not BankAnswer.objects.exists()


# Files that are refused ----------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Document [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt><GrpHdr>
<MsgId>&lol9;</MsgId><CreDtTm>2026-11-04T07:30:00</CreDtTm></GrpHdr></CstmrPmtStsRpt></Document>
"""


def external_entity(secret: Path) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE Document [<!ENTITY secret SYSTEM "file://{secret}">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>&secret;</MsgId><CreDtTm>2026-11-04T18:00:00</CreDtTm></GrpHdr>
</BkToCstmrDbtCdtNtfctn></Document>
""".encode()


def test_an_entity_bomb_is_refused_without_being_expanded(fiona: User) -> None:
    with pytest.raises(PayoutError) as refused:
        import_answer(BILLION_LAUGHS, by=fiona)

    assert "lol" not in str(refused.value)
    assert not BankAnswer.objects.exists()


def test_an_external_entity_is_never_read(fiona: User, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the finance password")

    with pytest.raises(PayoutError, match="DTD") as refused:
        import_answer(external_entity(secret), by=fiona)

    assert "password" not in str(refused.value)
    assert not BankAnswer.objects.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"this is not xml", "not well-formed XML"),
        (b"<Document><CstmrPmtStsRpt/></Document>", "pain.002.001.03 or camt.054.001.02"),
        (
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>',
            "pain.002.001.03 or camt.054.001.02",
        ),
    ],
)
def test_a_file_that_is_no_bank_answer_is_refused_saying_what_was_expected(
    fiona: User, content: bytes, expected: str
) -> None:
    with pytest.raises(PayoutError, match=expected):
        import_answer(content, by=fiona)


def test_a_status_report_invalid_against_the_schema_is_refused_naming_the_problem(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    report = pain002(
        Tx(payment_of(run, alice).end_to_end_id, "PAID"), original_message_id=run.reference
    )

    with pytest.raises(PayoutError, match=r"pain\.002\.001\.03.*TxSts") as refused:
        import_answer(report, by=fiona)

    assert "PAID" in str(refused.value)
    assert payment_of(run, alice).status == PaymentStatus.SENT
    assert not BankAnswer.objects.exists()


def test_a_notification_without_its_message_id_is_refused_naming_it(fiona: User) -> None:
    notification = camt054(message_id="")

    with pytest.raises(PayoutError, match="GrpHdr/MsgId"):
        import_answer(notification, by=fiona)


# Rejected, corrected, paid -------------------------------------------------------------------


def test_a_rejected_decision_is_held_until_the_account_is_corrected_then_paid(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    alices = payment_of(run, alice)
    claim = alices.lines.get().claim
    import_answer(
        pain002(Tx(alices.end_to_end_id, "RJCT", "AC01"), original_message_id=run.reference),
        by=fiona,
        now=ANSWERED,
    )

    held = services.build_run("sio", by=fiona, execution_date=PAY_DAY, now=ANSWERED)
    assert held.added == 0
    assert [h.claim for h in held.held] == [claim]
    services.discard_run(held.run, by=fiona, now=ANSWERED)

    StudentProfile.objects.filter(user=alice).update(bank_account=CORRECTED_ACCOUNT)
    second = frozen_run(fiona, now=ANSWERED)
    again = payment_of(second, alice)
    assert (again.account, again.amount_nok) == (CORRECTED_ACCOUNT, Decimal("110.00"))

    import_answer(
        pain002(Tx(again.end_to_end_id, "ACSC"), original_message_id=second.reference),
        by=fiona,
        now=ANSWERED,
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert PaymentLine.objects.filter(claim=claim, active=True).count() == 1


def test_debt_set_off_in_a_rejected_payment_is_owed_again(
    alice: User, bob: User, fiona: User
) -> None:
    with_account(alice)
    paid_claim = decided_claim(alice, bob, "600")
    first = frozen_run(fiona)
    import_answer(
        pain002(
            Tx(payment_of(first, alice).end_to_end_id, "ACSC"), original_message_id=first.reference
        ),
        by=fiona,
    )
    recovery = Recovery.objects.create(
        reference="TK-1",
        claim=paid_claim,
        decision=paid_claim.assessments.get(kind="decision"),
        student=alice,
        amount_nok=Decimal("50.00"),
        reason="Paid twice",
        source="Forskrift § 1",
        opened_by=bob,
        opened_at=NOW,
        appeal_deadline=date(2026, 11, 23),
    )
    decided_claim(alice, bob, "700")
    second = frozen_run(fiona, now=ANSWERED)
    netted = payment_of(second, alice)
    assert netted.netted_nok == Decimal("50.00")
    assert netted.amount_nok == netted.gross_nok - Decimal("50.00")

    import_answer(
        pain002(Tx(netted.end_to_end_id, "RJCT", "AC04"), original_message_id=second.reference),
        by=fiona,
        now=ANSWERED,
    )

    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN
    assert not recovery.settlements.exists()


# The operator's command ----------------------------------------------------------------------


def test_the_command_says_what_was_paid_rejected_and_unknown(
    run: PayoutRun, alice: User, carol: User, fiona: User, tmp_path: Path
) -> None:
    path = tmp_path / "status.xml"
    path.write_bytes(
        pain002(
            Tx(payment_of(run, alice).end_to_end_id, "ACSC"),
            Tx(payment_of(run, carol).end_to_end_id, "RJCT", "AC04"),
            Tx("NOT-OURS-1", "ACSC"),
            original_message_id=run.reference,
        )
    )
    out = StringIO()

    with translation.override("en"):
        call_command("payouts_import_status", str(path), "--by", "fiona", stdout=out)

    text = out.getvalue()
    assert "Paid: 1" in text
    assert "Rejected: 1" in text
    assert "AC04 The account is closed." in text
    assert "Unknown ids: 1" in text
    assert "NOT-OURS-1" in text
    assert payment_of(run, carol).status == PaymentStatus.REJECTED


def test_the_command_says_when_a_file_was_imported_before(
    run: PayoutRun, alice: User, fiona: User, tmp_path: Path
) -> None:
    path = tmp_path / "status.xml"
    path.write_bytes(
        pain002(Tx(payment_of(run, alice).end_to_end_id, "ACSC"), original_message_id=run.reference)
    )
    call_command("payouts_import_status", str(path), stdout=StringIO())
    out = StringIO()

    with translation.override("en"):
        call_command("payouts_import_status", str(path), stdout=out)

    assert "imported before" in out.getvalue()
    assert "nothing changed" in out.getvalue()


def test_the_command_fails_on_a_file_it_cannot_read(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"missing\.xml"):
        call_command("payouts_import_status", str(tmp_path / "missing.xml"))


def test_the_command_fails_on_a_file_that_is_no_bank_answer(db: None, tmp_path: Path) -> None:
    path = tmp_path / "status.xml"
    path.write_bytes(b"<html></html>")

    with pytest.raises(CommandError, match=r"pain\.002"):
        call_command("payouts_import_status", str(path))


def test_the_command_refuses_an_unknown_operator(db: None, tmp_path: Path) -> None:
    path = tmp_path / "status.xml"
    path.write_bytes(pain002(Tx("X", "ACSC")))

    with pytest.raises(CommandError, match="nobody"):
        call_command("payouts_import_status", str(path), "--by", "nobody")


def test_the_account_fixture_is_a_real_norwegian_account() -> None:
    """The corrected account in these tests has a valid check digit too."""
    from stdnum.no import kontonr

    assert kontonr.is_valid(CORRECTED_ACCOUNT)
    assert kontonr.is_valid(ALICE_ACCOUNT)


# Two operators at once -----------------------------------------------------------------------

on_postgresql = pytest.mark.postgresql  # row locks need PostgreSQL (the make test pass)


def at_once(*imports: Callable[[], AnswerSummary]) -> list[Any]:
    """Run the imports in threads started together; each gives its result or its error."""
    start = threading.Barrier(len(imports))
    results: list[Any] = [None] * len(imports)

    def run(number: int) -> None:
        start.wait()
        try:
            results[number] = imports[number]()
        except Exception as error:
            results[number] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(imports))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_file_imported_twice_at_once_is_applied_once(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    report = pain002(
        Tx(payment_of(run, alice).end_to_end_id, "ACSC"), original_message_id=run.reference
    )

    first, second = at_once(
        lambda: import_answer(report, by=fiona), lambda: import_answer(report, by=fiona)
    )

    summaries = sorted([first, second], key=lambda s: s.already_imported)
    assert [(s.already_imported, s.paid) for s in summaries] == [(False, 1), (True, 0)]
    assert AuditEntry.objects.filter(action="payouts.payment.paid").count() == 1


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_contradicting_answers_at_once_apply_one_and_report_the_other(
    run: PayoutRun, alice: User, fiona: User
) -> None:
    e2e = payment_of(run, alice).end_to_end_id
    paid = pain002(Tx(e2e, "ACSC"), original_message_id=run.reference, message_id="A")
    rejected = pain002(Tx(e2e, "RJCT", "AC04"), original_message_id=run.reference, message_id="B")

    results = at_once(
        lambda: import_answer(paid, by=fiona), lambda: import_answer(rejected, by=fiona)
    )

    outcomes = sorted(s.lines[0].outcome for s in results)
    assert len(outcomes) == 2
    assert outcomes[0] == "conflict"
    assert outcomes[1] in ("paid", "rejected")
    assert payment_of(run, alice).status == outcomes[1]
