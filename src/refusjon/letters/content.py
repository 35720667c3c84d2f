"""What a letter says: the decision letter (vedtaksbrev) of a decision, the claim for
repayment of a recovery, and the receipt (kvittering) of a claim sent, each in the reader's
words, dates and money.

The portal shows the same content as a page (``letters/decision_body.html``,
``letters/recovery_body.html``; the receipt page is the portal's own); :func:`compose` gives
the whole HTML a letter's PDF is made from, the same for the same facts and language, so that
its digest names what it says.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation

from refusjon.claims import appeals, explanations, services
from refusjon.claims.models import Appeal, Assessment, Attachment, CheckStatus, Claim, ExpenseLine
from refusjon.payouts import recoveries
from refusjon.payouts.accounts import masked_account
from refusjon.payouts.models import (
    PaymentLine,
    PaymentStatus,
    Recovery,
    RecoverySettlement,
    RecoveryStatus,
    SettlementKind,
)
from refusjon.rules.explain import Renderer
from refusjon.rules.terms import CATEGORIES, DOCUMENTS, OUTCOMES, SCHEMES, reason_text, term


def _amount_paid(words: Renderer, amount: Decimal, currency: str) -> str:
    if currency == "NOK":
        return words.money(amount)
    return f"{words.number(amount)} {currency}"


def _nok(words: Renderer, amount: Decimal) -> str:
    """An amount in NOK without the currency, for a column whose heading names it."""
    return words.money(amount).split(" ", 1)[1]


def sender(scheme: str) -> dict[str, Any]:
    """Who the letter is from and whom to contact: the organisation of the scheme, its postal
    address, e-mail and telephone (``REFUSJON_PAYERS``)."""
    payer = settings.REFUSJON_PAYERS.get(scheme, {})
    return {
        "name": payer.get("name", ""),
        "address": [line.strip() for line in payer.get("address", "").split(";") if line.strip()],
        "email": payer.get("email", ""),
        "phone": payer.get("phone", ""),
    }


def _payout(words: Renderer, claim: Claim, decision: Assessment) -> dict[str, Any] | None:
    """When and to which account the refund of the decision is (or will be) paid; None when
    nothing is to be paid."""
    line = (
        PaymentLine.objects.filter(decision=decision, active=True)
        .select_related("payment__run")
        .first()
    )
    if line is not None:
        payment = line.payment
        return {
            "paid": payment.status == PaymentStatus.PAID,
            "on": words.day(payment.run.execution_date),
            "amount": words.money(line.amount_nok),
            "account": masked_account(payment.account or payment.iban),
            "whole_payment": words.money(payment.amount_nok),
            "netted": words.money(payment.netted_nok) if payment.netted_nok else "",
        }
    if decision.refund_nok <= 0:
        return None
    profile = getattr(claim.applicant, "profile", None)
    account = (profile.bank_account or profile.iban) if profile is not None else ""
    return {
        "paid": False,
        "on": "",
        "amount": words.money(decision.refund_nok),
        "account": masked_account(account) if account else "",
    }


def decision_context(claim: Claim, decision: Assessment, lang: str) -> dict[str, Any]:
    """Everything the decision letter says, already in the reader's words, dates and money."""
    words = Renderer(lang)
    record = decision.record
    decided_on = timezone.localdate(decision.created_at)
    stored_lines = {str(line.number): line for line in claim.lines.all()}
    lines = []
    for line in record.get("lines", []):
        stored = stored_lines.get(line["line_id"])
        lines.append(
            {
                "number": line["line_id"],
                "category": term(CATEGORIES, stored.category, lang) if stored else "",
                "service_on": words.day(stored.service_on) if stored else "",
                "paid": _amount_paid(words, stored.amount, stored.currency) if stored else "",
                "eligible": _nok(words, Decimal(line["eligible_nok"])),
                "refund": _nok(words, Decimal(line["refund_nok"])),
                "outcome": term(OUTCOMES, line["outcome"], lang),
                "reasons": [reason_text(code, lang) for code in line["reasons"]],
            }
        )
    applicant = claim.applicant
    return {
        "claim": claim,
        "scheme": term(SCHEMES, claim.scheme, lang),
        "student": applicant.get_full_name() or applicant.get_username(),
        "decided_on": words.day(decided_on),
        "appeal_by": words.day(appeals.appeal_deadline(decision)),
        "supersedes": _superseded(words, record.get("supersedes"), lang),
        "appeal_note": _appeal_note(decision),
        "outcome": term(OUTCOMES, decision.outcome, lang),
        "refund": words.money(decision.refund_nok),
        "reasons": [reason_text(code, lang) for code in record.get("reasons", [])],
        "lines": lines,
        "explanation": explanations.for_reader(
            record.get("explanation_nb" if lang == "nb" else "explanation", []), lang
        ),
        "set_off": _set_off(words, decision),
        "payout": _payout(words, claim, decision),
        "sender": sender(claim.scheme),
    }


def _set_off(words: Renderer, decision: Assessment) -> list[dict[str, str | bool]]:
    """What was set off against the payment of this refund, to settle a recovery; a payment
    that carried other refunds too says so (the netting is per payment, not per refund)."""
    return [
        {
            "amount": words.money(settlement.amount_nok),
            "recovery": settlement.recovery.reference,
            "paid_on": words.day(settlement.payment.run.execution_date),
            "with_others": settlement.payment.lines.filter(active=True)
            .exclude(decision=decision)
            .exists(),
        }
        for settlement in recoveries.set_off_against(decision)
        if settlement.payment is not None
    ]


def _superseded(words: Renderer, old: dict[str, str] | None, lang: str) -> dict[str, str] | None:
    """What the decision replaced, if it was made on appeal or after the scheme's rules
    changed (``rules_from``: the day the changed rules apply from, if known)."""
    if not old:
        return None
    changed = old.get("because") == "scheme_changed"
    rules_from = old.get("in_force_from") if changed else None
    return {
        "decided_on": words.day(date.fromisoformat(old["decided_on"])),
        "outcome": term(OUTCOMES, old["outcome"], lang),
        "refund": words.money(Decimal(old["refund_nok"])),
        "rules_changed": "yes" if changed else "",
        "rules_from": words.day(date.fromisoformat(rules_from)) if rules_from else "",
    }


def _appeal_note(decision: Assessment) -> str:
    """The caseworker's assessment of the appeal that led to this decision, if any."""
    appeal = Appeal.objects.filter(new_decision=decision).only("handler_note").first()
    return appeal.handler_note if appeal else ""


def _settlement(words: Renderer, settlement: RecoverySettlement) -> dict[str, Any]:
    """One settlement as the letter says it: when, how much, and against which refund."""
    against: list[str] = []
    if settlement.kind == SettlementKind.NETTED and settlement.payment is not None:
        against = sorted(
            {line.claim.reference for line in settlement.payment.lines.all() if line.active}
        )
    return {
        "on": words.day(timezone.localdate(settlement.recorded_at)),
        "kind": SettlementKind(settlement.kind).label,
        "netted": settlement.kind == SettlementKind.NETTED,
        "amount": words.money(settlement.amount_nok),
        "against": ", ".join(against),
    }


def recovery_context(recovery: Recovery, lang: str) -> dict[str, Any]:
    """Everything the recovery letter says, in the reader's words, dates and money. A
    write-off is said as what was written off, without its reason: that is the
    organisation's (docs/decisions.md, R9)."""
    words = Renderer(lang)
    settlements = (
        recovery.settlements.filter(kind__in=recoveries.MONEY)
        .select_related("payment")
        .prefetch_related("payment__lines__claim")
    )
    student = recovery.student
    return {
        "recovery": recovery,
        "claim": recovery.claim,
        "scheme": term(SCHEMES, recovery.claim.scheme, lang),
        "student": student.get_full_name() or student.get_username(),
        "opened_on": words.day(timezone.localdate(recovery.opened_at)),
        "amount": words.money(recovery.amount_nok),
        "settlements": [_settlement(words, settlement) for settlement in settlements],
        "settled": words.money(recoveries.settled(recovery)),
        "balance": words.money(recoveries.remaining(recovery)),
        "written_off": recovery.status == RecoveryStatus.WRITTEN_OFF,
        "written_off_amount": words.money(recoveries.written_off(recovery)),
        "appeal_by": words.day(recovery.appeal_deadline),
        "appealed_on": words.day(timezone.localdate(recovery.appealed_at))
        if recovery.appealed_at
        else "",
        "can_appeal": recoveries.can_appeal(recovery),
        "sender": sender(recovery.claim.scheme),
    }


def _sent_at(claim: Claim) -> str:
    """When the claim was last sent, as the reader writes a date and time ("2. november 2026
    11:00"); the day alone for a claim whose sending was not logged."""
    sent = (
        claim.audit_entries.filter(action="claims.claim.submitted").order_by("-at", "-pk").first()
    )
    if sent is None:
        assert claim.submitted_on is not None  # a receipt is of a claim sent
        return formats.date_format(claim.submitted_on, "DATE_FORMAT")
    return formats.date_format(timezone.localtime(sent.at), "DATETIME_FORMAT")


def _receipt_line(words: Renderer, line: ExpenseLine, lang: str) -> dict[str, str]:
    """One expense as the receipt lists it: a foreign amount with its NOK amount, if known."""
    paid = _amount_paid(words, line.amount, line.currency)
    if line.currency != "NOK" and line.nok_amount is not None:
        paid = f"{paid} ({words.money(line.nok_amount)})"
    return {
        "number": str(line.number),
        "category": term(CATEGORIES, line.category, lang),
        "service_on": words.day(line.service_on),
        "paid": paid,
    }


def _total_nok(lines: list[ExpenseLine]) -> Decimal | None:
    """What the expenses come to in NOK; none while a foreign one has no NOK amount yet."""
    amounts = [line.amount if line.currency == "NOK" else line.nok_amount for line in lines]
    if any(amount is None for amount in amounts):
        return None
    return sum((amount for amount in amounts if amount is not None), Decimal("0.00"))


def _sent_documents(claim: Claim, lang: str) -> list[dict[str, str]]:
    """The documents sent with the claim (not those of an appeal, nor those the check
    refused), each as its kind in words and the file's name as the student's device gave it."""
    attachments = claim.attachments.filter(
        appeal__isnull=True, check_status=CheckStatus.OK
    ).order_by("uploaded_at", "pk")
    return [_document(attachment, lang) for attachment in attachments]


def _document(attachment: Attachment, lang: str) -> dict[str, str]:
    return {
        "kind": term(DOCUMENTS, attachment.document_type, lang),
        "name": attachment.display_name,
    }


def receipt_context(claim: Claim, lang: str) -> dict[str, Any]:
    """Everything the receipt of a claim sent says, in the reader's words, dates and money:
    what was sent and when, when a decision is expected and what happens until then. Dates
    are written out in ``lang``'s way ("2. desember 2026"), as on the receipt page and in the
    receipt e-mail."""
    words = Renderer(lang)
    lines = list(claim.lines.order_by("number"))
    total = _total_nok(lines)
    expected = services.expected_decision_on(claim)
    applicant = claim.applicant
    with translation.override(lang):
        sent_at = _sent_at(claim)
        expected_on = formats.date_format(expected, "DATE_FORMAT") if expected else ""
    return {
        "claim": claim,
        "scheme": term(SCHEMES, claim.scheme, lang),
        "student": applicant.get_full_name() or applicant.get_username(),
        "sent_at": sent_at,
        "lines": [_receipt_line(words, line, lang) for line in lines],
        "total": words.money(total) if total is not None else "",
        "documents": _sent_documents(claim, lang),
        "expected_decision": expected_on,
        "target_days": services.processing_target_days(),
        "sender": sender(claim.scheme),
    }


def _on_the_site(name: str, reference: str) -> str:
    """The address of a portal page as a letter prints it; none when the site's address is
    not known (``REFUSJON_SITE_URL``)."""
    site = settings.REFUSJON_SITE_URL.rstrip("/")
    return site + reverse(name, kwargs={"reference": reference}) if site else ""


def compose(subject: Assessment | Recovery | Claim, lang: str) -> str:
    """The whole letter of a decision, a recovery or a claim sent (its receipt) as it stands,
    in ``lang`` (``nb`` or ``en``): the HTML its PDF is made from."""
    with translation.override(lang):
        if isinstance(subject, Claim):
            context = receipt_context(subject, lang)
            context["claim_url"] = _on_the_site("portal:claim", subject.reference)
            return render_to_string("letters/receipt_pdf.html", context)
        if isinstance(subject, Recovery):
            context = recovery_context(subject, lang)
            context["recovery_url"] = _on_the_site("portal:recovery", subject.reference)
            return render_to_string("letters/recovery_pdf.html", context)
        claim = subject.claim
        context = decision_context(claim, subject, lang)
        context["claim_url"] = _on_the_site("portal:claim", claim.reference)
        return render_to_string("letters/decision_pdf.html", context)
