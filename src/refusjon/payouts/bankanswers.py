"""The bank's answers to a payout run: a status report (pain.002.001.03) or a debit
notification (camt.054.001.02), read safely and applied to the payments it names.

A file is applied whole or not at all, once: its sha256 is kept (:class:`BankAnswer`), and the
same file again changes nothing. What it says of each payment goes through
:func:`refusjon.payouts.services.mark_paid` and :func:`~refusjon.payouts.services.mark_rejected`;
an answer that contradicts what an earlier one said is reported, never applied.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from lxml import etree

from refusjon import clock
from refusjon.claims.models import StudentProfile, User
from refusjon.claims.services import ClaimError, audit
from refusjon.payouts import bankfile, services
from refusjon.payouts.models import BankAnswer, Payment, PaymentLine, PaymentStatus, PayoutRun
from refusjon.payouts.services import PayoutError

PAIN002 = "pain.002.001.03"
CAMT054 = "camt.054.001.02"
NAMESPACES = {
    f"urn:iso:std:iso:20022:tech:xsd:{PAIN002}": PAIN002,
    f"urn:iso:std:iso:20022:tech:xsd:{CAMT054}": CAMT054,
}
PAIN001_NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"

# What the kinds of answer are called in the log and on the pages.
KINDS = {PAIN002: "pain.002", CAMT054: "camt.054"}

# ISO 20022 external status reason codes (ExternalStatusReason1Code) a bank gives for a credit
# transfer it refuses, in the words the student and the operator read. Others are shown as
# their code alone.
REASONS: dict[str, Promise] = {
    "AC01": _("The account number is wrong."),
    "AC03": _("The account number is not valid."),
    "AC04": _("The account is closed."),
    "AC06": _("The account is blocked."),
    "AG01": _("The account does not accept this kind of payment."),
    "AM04": _("Our account did not have enough money for the payment."),
    "AM05": _("The payment was sent twice."),
    "BE01": _("The name does not match the account holder's."),
    "BE04": _("The recipient's address is missing or wrong."),
    "FF01": _("The bank could not read the payment file."),
    "MD07": _("The account holder has died."),
    "MS02": _("The recipient's bank refused the payment without giving a reason."),
    "MS03": _("The bank refused the payment without giving a reason."),
    "RC01": _("The bank's identifier (BIC) is wrong."),
    "RR01": _("Information the bank must have by law about the account was missing."),
    "RR03": _("The recipient's name or address is missing."),
}

# Transaction statuses (pain.002 TxSts, PmtInfSts, GrpSts): settled, rejected, or on the way.
SETTLED = "ACSC"
REJECTED = "RJCT"
FINAL = (SETTLED, REJECTED)
BOOKED = "BOOK"  # camt.054 entry status: booked on our account
RETURNED = "returned"  # a camt.054 credit or reversal: money back, not applied (see _apply)


def reason_words(code: str) -> str:
    """The bank's reason for refusing a payment, in plain words of the active language; an
    unknown code is shown as the code."""
    meaning = REASONS.get(code.strip().upper())
    return str(meaning) if meaning is not None else code


class Outcome:
    """What an answer did to one payment."""

    PAID = "paid"
    REJECTED = "rejected"
    UNCHANGED = "unchanged"
    UNKNOWN = "unknown"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class AnswerLine:
    """What the file said of one payment and what came of it. ``note`` says why nothing
    changed (an unchanged or conflicting line)."""

    end_to_end_id: str
    outcome: str
    bank_status: str
    code: str = ""
    reason: str = ""
    note: str = ""
    payment: Payment | None = None

    def __str__(self) -> str:
        words = {
            Outcome.PAID: _("paid"),
            Outcome.REJECTED: _("rejected"),
            Outcome.UNCHANGED: _("unchanged"),
            Outcome.UNKNOWN: _("not one of our payments"),
            Outcome.CONFLICT: _("conflict, not applied"),
        }
        parts = [f"{self.end_to_end_id}: {words[self.outcome]}"]
        if self.payment is not None:
            parts.append(f"NOK {self.payment.amount_nok:.2f}")
        if self.code:
            parts.append(f"{self.code} {self.reason}".strip())
        if self.note:
            parts.append(self.note)
        return " – ".join(parts)


@dataclass(frozen=True)
class AnswerSummary:
    """What importing one file did: a line per payment it named, in the file's order.
    ``already_imported`` is true (and there are no lines) when the file had been imported
    before; then nothing changed."""

    kind: str
    message_id: str
    sha256: str
    already_imported: bool
    answer: BankAnswer
    lines: tuple[AnswerLine, ...] = field(default=())

    def _count(self, outcome: str) -> int:
        return sum(1 for line in self.lines if line.outcome == outcome)

    @property
    def paid(self) -> int:
        return self._count(Outcome.PAID)

    @property
    def rejected(self) -> int:
        return self._count(Outcome.REJECTED)

    @property
    def unchanged(self) -> int:
        return self._count(Outcome.UNCHANGED)

    @property
    def unknown(self) -> int:
        return self._count(Outcome.UNKNOWN)

    @property
    def conflicts(self) -> int:
        return self._count(Outcome.CONFLICT)

    def of(self, outcome: str) -> list[AnswerLine]:
        return [line for line in self.lines if line.outcome == outcome]


@dataclass(frozen=True)
class _Report:
    """What the file says of one end-to-end id: ``effect`` is paid, rejected, returned or
    none (on the way)."""

    end_to_end_id: str
    bank_status: str
    effect: str
    code: str = ""
    info: str = ""
    amount: Decimal | None = None
    note: str = ""


# Reading the file ----------------------------------------------------------------------------


def _parser() -> etree.XMLParser:
    # A bank file never needs a DTD, entities or the network: none of them is loaded (no
    # external entity can read a file, no "billion laughs" can expand).
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False
    )


def _parse(content: bytes) -> etree._Element:
    expected = _("Expected a pain.002 status report or a camt.054 notification from the bank.")
    try:
        root = etree.fromstring(content, _parser())
    except (etree.XMLSyntaxError, ValueError) as error:
        raise PayoutError(
            _("The file is not well-formed XML: %(problem)s. %(expected)s")
            % {"problem": str(error) or type(error).__name__, "expected": expected}
        ) from error
    docinfo: Any = root.getroottree().docinfo  # the stubs do not know ``doctype``
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise PayoutError(
            _("The file declares a DTD, which no bank file has; it was not read. %(expected)s")
            % {"expected": expected}
        )
    return root


def _kind(root: etree._Element) -> str:
    qname = etree.QName(root)
    kind = NAMESPACES.get(qname.namespace or "")
    if kind is None or qname.localname != "Document":
        raise PayoutError(
            _(
                "The file is not a bank answer Refusjon reads: its root element is %(found)s. "
                "Expected a Document in the namespace of pain.002.001.03 or camt.054.001.02."
            )
            % {"found": root.tag}
        )
    return kind


class _Doc:
    """Finding ISO 20022 elements by path in one namespace: ``doc.text(el, "GrpHdr/MsgId")``."""

    def __init__(self, kind: str) -> None:
        self.namespaces = {"i": f"urn:iso:std:iso:20022:tech:xsd:{kind}"}

    def _path(self, path: str) -> str:
        return "/".join(f"i:{step}" for step in path.split("/"))

    def all(self, element: etree._Element, path: str) -> list[etree._Element]:
        return list(element.iterfind(self._path(path), self.namespaces))

    def one(self, element: etree._Element, path: str) -> etree._Element | None:
        return element.find(self._path(path), self.namespaces)

    def text(self, element: etree._Element, path: str) -> str:
        return (element.findtext(self._path(path), "", self.namespaces) or "").strip()


def _required(doc: _Doc, element: etree._Element, path: str, kind: str) -> str:
    value = doc.text(element, path)
    if not value:
        raise PayoutError(
            _("The %(kind)s file has no %(element)s.") % {"kind": KINDS[kind], "element": path}
        )
    return value


def _reason_of(doc: _Doc, element: etree._Element) -> tuple[str, str]:
    """The first reason code (or proprietary reason) and the bank's own words, if any."""
    for reason in doc.all(element, "StsRsnInf"):
        code = doc.text(reason, "Rsn/Cd") or doc.text(reason, "Rsn/Prtry")
        info = " ".join((line.text or "").strip() for line in doc.all(reason, "AddtlInf"))
        if code or info:
            return code, info.strip()
    return "", ""


def _effect(status: str) -> str:
    return {SETTLED: Outcome.PAID, REJECTED: Outcome.REJECTED}.get(status, "")


def _pain002_reports(root: etree._Element) -> tuple[str, list[_Report]]:
    """The message id and what the status report says of each transaction. A status given for
    a whole payment block or the whole message, without the transactions listed, speaks for
    every transaction of it in the run's bank file."""
    doc = _Doc(PAIN002)
    report = doc.one(root, "CstmrPmtStsRpt")
    assert report is not None  # the schema requires it
    message_id = doc.text(report, "GrpHdr/MsgId")
    group = doc.one(report, "OrgnlGrpInfAndSts")
    assert group is not None  # the schema requires it
    original = doc.text(group, "OrgnlMsgId")
    group_status = doc.text(group, "GrpSts")
    group_reason = _reason_of(doc, group)
    run = PayoutRun.objects.filter(reference=original).first()
    sent = _sent_transactions(run)
    reports: list[_Report] = []
    for block in doc.all(report, "OrgnlPmtInfAndSts"):
        block_status = doc.text(block, "PmtInfSts") or group_status
        block_reason = _reason_of(doc, block)
        if not any(block_reason):
            block_reason = group_reason
        transactions = doc.all(block, "TxInfAndSts")
        for tx in transactions:
            status = doc.text(tx, "TxSts") or block_status
            code, info = _reason_of(doc, tx)
            if not (code or info):
                code, info = block_reason
            e2e = doc.text(tx, "OrgnlEndToEndId")
            reports.append(_Report(e2e, status, _effect(status), code, info))
        if not transactions and block_status:
            ids = sent.get(doc.text(block, "OrgnlPmtInfId"), [])
            reports += [_report(e2e, block_status, block_reason) for e2e in ids]
    if group_status and (group_status in FINAL or not reports):
        named = {r.end_to_end_id for r in reports}
        rest = [e2e for ids in sent.values() for e2e in ids if e2e not in named]
        reports += [_report(e2e, group_status, group_reason) for e2e in rest]
    if not reports and run is None:
        reports.append(_report(original, group_status, group_reason))
    return message_id, reports


def _report(end_to_end_id: str, status: str, reason: tuple[str, str]) -> _Report:
    return _Report(end_to_end_id, status, _effect(status), *reason)


def _sent_transactions(run: PayoutRun | None) -> dict[str, list[str]]:
    """The end-to-end ids of the run's bank file, by payment block (PmtInfId), as the file the
    bank answers listed them."""
    if run is None or not run.bank_file:
        return {}
    doc = _Doc("pain.001.001.03")
    root = etree.fromstring(run.bank_file.encode(), _parser())
    return {
        doc.text(block, "PmtInfId"): [
            doc.text(tx, "PmtId/EndToEndId") for tx in doc.all(block, "CdtTrfTxInf")
        ]
        for block in doc.all(root, "CstmrCdtTrfInitn/PmtInf")
    }


def _amount(doc: _Doc, element: etree._Element, path: str) -> Decimal | None:
    text = doc.text(element, path)
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _camt054_reports(root: etree._Element) -> tuple[str, list[_Report]]:
    """The message id and each transfer the notification shows. Only a booked debit of our
    account pays; a pending entry changes nothing, and a credit (money coming back) or a
    reversal is reported, not applied (see :func:`_apply`)."""
    doc = _Doc(CAMT054)
    notification = doc.one(root, "BkToCstmrDbtCdtNtfctn")
    if notification is None:
        raise PayoutError(_("The camt.054 file has no BkToCstmrDbtCdtNtfctn."))
    message_id = _required(doc, notification, "GrpHdr/MsgId", CAMT054)
    reports: list[_Report] = []
    for entry in doc.all(notification, "Ntfctn/Ntry"):
        status = _required(doc, entry, "Sts", CAMT054)
        direction = _required(doc, entry, "CdtDbtInd", CAMT054)
        reversal = doc.text(entry, "RvslInd").lower() in ("true", "1")
        details = doc.all(entry, "NtryDtls/TxDtls")
        for tx in details:
            amount = _amount(doc, tx, "AmtDtls/TxAmt/Amt") or _amount(
                doc, tx, "AmtDtls/InstdAmt/Amt"
            )
            if amount is None and len(details) == 1:
                amount = _amount(doc, entry, "Amt")
            e2e = doc.text(tx, "Refs/EndToEndId")
            if reversal or direction != "DBIT":
                note = _("Money came back to our account: handle it with the bank by hand.")
                reports.append(_Report(e2e, status, RETURNED, amount=amount, note=str(note)))
            elif status == BOOKED:
                reports.append(_Report(e2e, status, Outcome.PAID, amount=amount))
            else:
                reports.append(_Report(e2e, status, "", amount=amount))
    return message_id, reports


@dataclass(frozen=True)
class _Answer:
    kind: str
    message_id: str
    text: str
    reports: list[_Report]


def _read(content: bytes) -> _Answer:
    """What a bank answer says; a file that is not one, or (pain.002) is not valid against the
    ISO schema, is refused with the first problem."""
    root = _parse(content)
    kind = _kind(root)
    if kind == PAIN002:
        bankfile.validate(content, PAIN002)  # an InvalidBankMessage names the first problem
        message_id, reports = _pain002_reports(root)
    else:
        message_id, reports = _camt054_reports(root)
    encoding = root.getroottree().docinfo.encoding or "utf-8"
    return _Answer(kind, message_id, content.decode(encoding, errors="replace"), reports)


# Applying it ---------------------------------------------------------------------------------


def _stored_reason(code: str, info: str) -> str:
    """The reason kept on the payment, in the organisation's language (pages translate the
    code again for whoever reads it), with the bank's own words if it gave any."""
    with translation.override(settings.LANGUAGE_CODE):
        words = reason_words(code) if code else ""
    if words == code:
        words = ""
    return " ".join(part for part in (words, info) if part)[:200] or code


def _apply(report: _Report, payment: Payment, *, by: User | None, now: datetime) -> AnswerLine:
    """Apply one report to its payment, if it is news; else say why nothing changed.

    The bank's answers only move a payment forward from "sent": a payment already paid that a
    later answer calls rejected (or the reverse) is a conflict, not applied. A real reversal
    after settlement (the money returned, a camt.054 credit or a pain.002 after ACSC) would
    need its own service: the claim would go from paid back to decided (a transition the claim
    services do not allow today), the payment lines released so the decision can be paid
    again, and any debt set off in the payment reopened. Until then finance handles it with
    the bank, and the conflict line says so."""
    words = reason_words(report.code) if report.code else ""
    line = AnswerLine(
        report.end_to_end_id,
        Outcome.UNCHANGED,
        report.bank_status,
        report.code,
        words,
        report.note,
        payment,
    )
    status = payment.status
    if report.effect == RETURNED:
        return _with(line, Outcome.CONFLICT)
    if not report.effect:
        return _with(line, Outcome.UNCHANGED, report.note or _on_the_way(report.bank_status))
    if status in (PaymentStatus.PENDING, PaymentStatus.WITHDRAWN):
        return _with(line, Outcome.CONFLICT, _("The payment was never sent to the bank."))
    if report.effect == Outcome.PAID:
        if status == PaymentStatus.PAID:
            return _with(line, Outcome.UNCHANGED, _("Already paid."))
        if status == PaymentStatus.REJECTED:
            return _with(line, Outcome.CONFLICT, _("The bank said before that it was rejected."))
        if report.amount is not None and report.amount != payment.amount_nok:
            return _with(
                line,
                Outcome.CONFLICT,
                _("The bank booked NOK %(booked)s, not NOK %(sent)s.")
                % {"booked": f"{report.amount:.2f}", "sent": f"{payment.amount_nok:.2f}"},
            )
        _checked(services.mark_paid, payment, by=by, now=now)
        return _with(line, Outcome.PAID)
    if status == PaymentStatus.REJECTED:
        return _with(line, Outcome.UNCHANGED, _("Already rejected."))
    if status == PaymentStatus.PAID:
        return _with(line, Outcome.CONFLICT, _("The bank said before that it was paid."))
    _checked(
        services.mark_rejected,
        payment,
        code=report.code,
        reason=_stored_reason(report.code, report.info),
        by=by,
        now=now,
    )
    return _with(line, Outcome.REJECTED)


def _on_the_way(status: str) -> str:
    return str(_("The bank has not finished the payment (%(status)s).") % {"status": status})


def _with(line: AnswerLine, outcome: str, note: object = None) -> AnswerLine:
    return AnswerLine(
        line.end_to_end_id,
        outcome,
        line.bank_status,
        line.code,
        line.reason,
        str(note) if note is not None else line.note,
        line.payment,
    )


def _checked(change: Callable[..., None], payment: Payment, **kwargs: Any) -> None:
    """Make the change; a refusal names the payment, and the whole file is left unapplied."""
    try:
        change(payment, **kwargs)
    except PayoutError:
        raise
    except ClaimError as error:  # from the claim's side: say which payment it was
        raise PayoutError(
            _("Payment %(id)s: %(problem)s") % {"id": payment.end_to_end_id, "problem": error}
        ) from error


def _lines(reports: Iterable[_Report], *, by: User | None, now: datetime) -> Iterator[AnswerLine]:
    reports = list(reports)
    ids = {r.end_to_end_id for r in reports}
    payments = {
        p.end_to_end_id: p
        for p in Payment.objects.select_for_update().filter(end_to_end_id__in=ids)
    }
    for report in reports:
        payment = payments.get(report.end_to_end_id)
        if payment is None:
            yield AnswerLine(report.end_to_end_id, Outcome.UNKNOWN, report.bank_status, report.code)
            continue
        payment.refresh_from_db()  # an id twice in a file sees what the first did
        yield _apply(report, payment, by=by, now=now)


def import_answer(content: bytes, *, by: User | None, now: datetime | None = None) -> AnswerSummary:
    """Import a bank's answer to our payments: a pain.002 status report (validated against the
    ISO schema) or a camt.054 debit notification. A settled transaction (ACSC) or a booked debit
    marks its payment paid; a rejected one (RJCT, of the transaction, its block or the whole
    file) marks it rejected with the bank's reason, and the student is asked to correct their
    account. Statuses on the way (ACCP, ACSP, PDNG, ...) change nothing. Ids that are not ours
    are listed, not refused.

    The file is applied in one transaction, once: the same file again changes nothing and says
    so (``already_imported``). ``by`` is the operator (finance) or None for the bank's own
    delivery."""
    now = now or clock.now()
    if by is not None and not services.is_finance(by):
        raise PayoutError(_("Only someone with the finance role can import the bank's answers."))
    sha256 = hashlib.sha256(content).hexdigest()
    before = BankAnswer.objects.filter(sha256=sha256).first()
    if before is not None:
        return _repeated(before)
    with transaction.atomic():
        read = _read(content)
        try:
            with transaction.atomic():
                answer = BankAnswer.objects.create(
                    kind=KINDS[read.kind],
                    message_id=read.message_id[:35],
                    sha256=sha256,
                    content=read.text,
                    imported_by=by,
                    imported_at=now,
                )
        except IntegrityError:  # the same file, imported at this very moment by someone else
            return _repeated(BankAnswer.objects.get(sha256=sha256))
        lines = tuple(_lines(read.reports, by=by, now=now))
        summary = AnswerSummary(KINDS[read.kind], read.message_id, sha256, False, answer, lines)
        ids: dict[str, Any] = {
            outcome: [line.end_to_end_id for line in summary.of(outcome)]
            for outcome in (Outcome.PAID, Outcome.REJECTED, Outcome.UNKNOWN, Outcome.CONFLICT)
        }
        audit(
            "payouts.answer.imported",
            actor=by,
            now=now,
            kind=summary.kind,
            message_id=summary.message_id,
            sha256=sha256,
            unchanged=summary.unchanged,
            **ids,
        )
    return summary


def _repeated(answer: BankAnswer) -> AnswerSummary:
    return AnswerSummary(answer.kind, answer.message_id, answer.sha256, True, answer)


# What the student sees ---------------------------------------------------------------------


@dataclass(frozen=True)
class RejectedPayment:
    """A payment to the student that the bank refused, waiting for them to correct their
    account: ``reason`` is the bank's, in plain words of the active language, and
    ``account_field`` the profile field to correct (``bank_account`` or ``iban``)."""

    payment: Payment
    reason: str
    account_field: str

    @property
    def amount(self) -> Decimal:
        return self.payment.amount_nok


def _normalised(value: str) -> str:
    return "".join(value.split()).replace(".", "").upper()


def _same_account(payment: Payment, profile: StudentProfile | None) -> bool:
    """Whether the profile still holds the account the bank refused the payment to."""
    if profile is None:
        return False
    if payment.account:
        return _normalised(profile.bank_account) == _normalised(payment.account)
    return (_normalised(profile.iban), _normalised(profile.bic)) == (
        _normalised(payment.iban),
        _normalised(payment.bic),
    )


def _paid_since(payment: Payment, paid: set[tuple[int, int]]) -> bool:
    """Whether every claim of the refused payment was paid by a later payment."""
    claims = {line.claim_id for line in payment.lines.all()}
    return bool(claims) and all(
        any(claim == paid_claim and later > payment.pk for paid_claim, later in paid)
        for claim in claims
    )


def rejected_payments(student: User) -> list[RejectedPayment]:
    """The student's payments the bank refused that still wait for them: the account on their
    profile is the one refused, and the refund has not been paid since. Correcting the account
    (or a later payment of the claims) ends the wait."""
    rejected = list(
        Payment.objects.filter(student=student, status=PaymentStatus.REJECTED)
        .prefetch_related("lines")
        .order_by("-answered_at", "-pk")
    )
    if not rejected:
        return []
    profile = StudentProfile.objects.filter(user=student).first()
    paid = set(
        PaymentLine.objects.filter(
            payment__student=student, payment__status=PaymentStatus.PAID, active=True
        ).values_list("claim_id", "payment_id")
    )
    return [
        RejectedPayment(
            payment,
            _reason_for_student(payment),
            "bank_account" if payment.account else "iban",
        )
        for payment in rejected
        if services.account_was_rejected(payment.status_reason_code)
        and _same_account(payment, profile)
        and not _paid_since(payment, paid)
    ]


def _reason_for_student(payment: Payment) -> str:
    code = payment.status_reason_code
    if code in REASONS:
        return reason_words(code)
    return payment.status_reason or code
