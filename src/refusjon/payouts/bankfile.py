"""The bank file of a payout run: an ISO 20022 credit transfer initiation (pain.001.001.03),
and the check of bank messages against the official schemas shipped in ``schemas/``.

The file has one payment instruction for transfers to Norwegian accounts (BBAN) and one for
accounts abroad (IBAN and BIC), each with its own count and control sum. The same run always
gives the same bytes.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from lxml import etree

from refusjon.payouts.models import ZERO, Payment, PaymentLine, PaymentStatus, PayoutRun
from refusjon.payouts.services import PayoutError

SCHEMAS = Path(__file__).resolve().parent / "schemas"
PAIN001 = "pain.001.001.03"
NAMESPACE = f"urn:iso:std:iso:20022:tech:xsd:{PAIN001}"
REMITTANCE_LENGTH = 140


class InvalidBankMessage(PayoutError):
    """A bank message that does not keep to its ISO 20022 schema; the message names the
    first thing wrong, and sending or reading the file again will not help."""


def write_pain001(run: PayoutRun) -> bytes:
    """The run's credit transfers as a pain.001.001.03 document: every payment in it that
    pays something out (one wholly set off against debt is not a transfer)."""
    payments = list(
        run.payments.exclude(status=PaymentStatus.WITHDRAWN)
        .filter(amount_nok__gt=0)
        .prefetch_related(
            Prefetch("lines", queryset=PaymentLine.objects.select_related("claim").order_by("pk"))
        )
        .order_by("pk")
    )
    payer = _payer(run.scheme)
    domestic = [payment for payment in payments if payment.account]
    abroad = [payment for payment in payments if not payment.account]
    document = etree.Element(_tag("Document"), nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    initiation = _sub(document, "CstmrCdtTrfInitn")
    header = _sub(initiation, "GrpHdr")
    _sub(header, "MsgId", run.reference)
    created = run.frozen_at or run.created_at
    _sub(header, "CreDtTm", timezone.localtime(created).strftime("%Y-%m-%dT%H:%M:%S"))
    _sub(header, "NbOfTxs", str(len(payments)))
    _sub(header, "CtrlSum", _amount(_sum(payments)))
    _party(_sub(header, "InitgPty"), payer)
    if domestic:
        # Within Norway the payer's and the student's banks each take their own fees (SLEV,
        # as the service level's rules say), which leaves the student's refund whole.
        _instruction(initiation, run, payer, domestic, suffix="NO", charges="SLEV")
    if abroad:
        # Abroad the payer bears every fee (DEBT): the refund is what the student is owed, and
        # a correspondent bank's charge must not come out of it (SHAR would let it).
        _instruction(initiation, run, payer, abroad, suffix="INT", charges="DEBT")
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _payer(scheme: str) -> dict[str, str]:
    payers: dict[str, dict[str, str]] = settings.REFUSJON_PAYERS
    payer = payers.get(scheme)
    if not payer:
        raise PayoutError(
            _("No paying organisation is set up for the scheme “%(scheme)s” (REFUSJON_PAYERS).")
            % {"scheme": scheme}
        )
    return payer


def _instruction(
    parent: Any,
    run: PayoutRun,
    payer: dict[str, str],
    payments: list[Payment],
    *,
    suffix: str,
    charges: str,
) -> None:
    info = _sub(parent, "PmtInf")
    _sub(info, "PmtInfId", f"{run.reference}-{suffix}")
    _sub(info, "PmtMtd", "TRF")
    _sub(info, "NbOfTxs", str(len(payments)))
    _sub(info, "CtrlSum", _amount(_sum(payments)))
    _sub(info, "ReqdExctnDt", run.execution_date.isoformat())
    _party(_sub(info, "Dbtr"), payer)
    _account(_sub(info, "DbtrAcct"), iban=payer.get("iban", ""), bban=payer.get("account", ""))
    _agent(_sub(info, "DbtrAgt"), payer["bic"])
    _sub(info, "ChrgBr", charges)
    for payment in payments:
        _transfer(_sub(info, "CdtTrfTxInf"), payment)


def _transfer(transfer: Any, payment: Payment) -> None:
    _sub(_sub(transfer, "PmtId"), "EndToEndId", payment.end_to_end_id)
    amount = _sub(_sub(transfer, "Amt"), "InstdAmt", _amount(payment.amount_nok))
    amount.set("Ccy", "NOK")
    if payment.iban:
        _agent(_sub(transfer, "CdtrAgt"), payment.bic)
    _sub(_sub(transfer, "Cdtr"), "Nm", payment.creditor_name[:140])
    _account(_sub(transfer, "CdtrAcct"), iban=payment.iban, bban=payment.account)
    _sub(_sub(transfer, "RmtInf"), "Ustrd", remittance(payment))


def remittance(payment: Payment) -> str:
    """What the student reads on their bank statement: the claims paid, and any amount set off
    against their debt. In Norwegian, within the 140 characters a bank carries."""
    references = [line.claim.reference for line in payment.lines.all()]
    text = "Refusjon " + ", ".join(references)
    if payment.netted_nok:
        text += f", motregnet NOK {_amount(payment.netted_nok)}"
    if len(text) > REMITTANCE_LENGTH:
        text = f"Refusjon {references[0]} og {len(references) - 1} andre krav"
    return text


def _party(party: Any, payer: dict[str, str]) -> None:
    _sub(party, "Nm", payer["name"])
    other = _sub(_sub(_sub(party, "Id"), "OrgId"), "Othr")
    _sub(other, "Id", payer["organisation_number"])
    _sub(_sub(other, "SchmeNm"), "Cd", "CUST")


def _account(account: Any, *, iban: str, bban: str) -> None:
    identification = _sub(account, "Id")
    if iban:
        _sub(identification, "IBAN", iban)
        return
    other = _sub(identification, "Othr")
    _sub(other, "Id", bban)
    _sub(_sub(other, "SchmeNm"), "Cd", "BBAN")


def _agent(agent: Any, bic: str) -> None:
    _sub(_sub(agent, "FinInstnId"), "BIC", bic)


def _sub(parent: Any, tag: str, text: str | None = None) -> Any:
    element = etree.SubElement(parent, _tag(tag))
    if text is not None:
        element.text = text
    return element


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _sum(payments: list[Payment]) -> Decimal:
    return sum((payment.amount_nok for payment in payments), ZERO)


def _amount(value: Decimal) -> str:
    return f"{value:.2f}"


@cache
def _schema(name: str) -> etree.XMLSchema:
    path = SCHEMAS / f"{name}.xsd"
    if not path.is_file():
        raise ValueError(f"no schema {name} in {SCHEMAS}")
    return etree.XMLSchema(etree.parse(str(path), _parser()))


def _parser() -> etree.XMLParser:
    """A parser that fetches nothing and expands no entity: bank files come from outside."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def validate(xml: bytes, schema: str) -> None:
    """Check a bank message against its official schema ("pain.001.001.03" or
    "pain.002.001.03"); raise :class:`InvalidBankMessage` naming the first problem."""
    checker = _schema(schema)
    try:
        document = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as error:
        raise InvalidBankMessage(
            _("The file is not well-formed XML: %(problem)s") % {"problem": error}
        ) from error
    try:
        checker.assertValid(document)
    except etree.DocumentInvalid as error:
        # The exception's text is the first problem, with its line.
        raise InvalidBankMessage(
            _("The file does not follow the %(schema)s schema: %(problem)s")
            % {"schema": schema, "problem": _readable(str(error))}
        ) from error


def _readable(message: str) -> str:
    """The schema's complaint without the namespace on every element name."""
    return message.replace("{" + NAMESPACE + "}", "").replace(
        "{urn:iso:std:iso:20022:tech:xsd:pain.002.001.03}", ""
    )
