"""The bank's answers as the tests need them: pain.002.001.03 status reports and
camt.054.001.02 debit notifications, written as a Norwegian bank writes them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

PAIN002 = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"
CAMT054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"


@dataclass(frozen=True)
class Tx:
    """One transaction's status in a pain.002: ``ACSC`` settled, ``RJCT`` rejected (with an
    ISO reason code such as AC01 wrong account number, AC04 closed, AC06 blocked), ``ACCP``,
    ``ACSP`` or ``PDNG`` on the way."""

    end_to_end_id: str
    status: str | None
    reason_code: str = ""
    info: str = ""


def _reason(code: str, info: str = "") -> str:
    if not code and not info:
        return ""
    rsn = f"<Rsn><Cd>{escape(code)}</Cd></Rsn>" if code else ""
    addtl = f"<AddtlInf>{escape(info)}</AddtlInf>" if info else ""
    return f"<StsRsnInf>{rsn}{addtl}</StsRsnInf>"


def _tx(number: int, tx: Tx) -> str:
    status = f"<TxSts>{tx.status}</TxSts>" if tx.status else ""
    return (
        "<TxInfAndSts>"
        f"<StsId>STS-{number}</StsId>"
        f"<OrgnlEndToEndId>{escape(tx.end_to_end_id)}</OrgnlEndToEndId>"
        f"{status}{_reason(tx.reason_code, tx.info)}"
        f"<AcctSvcrRef>DNB-REF-{number}</AcctSvcrRef>"
        "</TxInfAndSts>"
    )


def pain002(
    *transactions: Tx,
    original_message_id: str = "PR-UNKNOWN",
    message_id: str = "DNB-STS-0001",
    group_status: str | None = None,
    group_reason: str = "",
    payment_info_id: str = "PMT-1",
    payment_info_status: str | None = None,
    created: str = "2026-11-04T07:30:00",
) -> bytes:
    """A customer payment status report answering the run ``original_message_id``: one
    OrgnlPmtInfAndSts holding ``transactions`` (none: the group's status speaks for all)."""
    group = f"<GrpSts>{group_status}</GrpSts>" if group_status else ""
    payment_info = ""
    if transactions or payment_info_status:
        status = f"<PmtInfSts>{payment_info_status}</PmtInfSts>" if payment_info_status else ""
        payment_info = (
            "<OrgnlPmtInfAndSts>"
            f"<OrgnlPmtInfId>{escape(payment_info_id)}</OrgnlPmtInfId>{status}"
            + "".join(_tx(number, tx) for number, tx in enumerate(transactions, start=1))
            + "</OrgnlPmtInfAndSts>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<Document xmlns="{PAIN002}">'
        "<CstmrPmtStsRpt>"
        f"<GrpHdr><MsgId>{escape(message_id)}</MsgId><CreDtTm>{created}</CreDtTm>"
        "<InitgPty><Nm>DNB Bank ASA</Nm></InitgPty></GrpHdr>"
        "<OrgnlGrpInfAndSts>"
        f"<OrgnlMsgId>{escape(original_message_id)}</OrgnlMsgId>"
        "<OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>"
        f"{group}{_reason(group_reason)}"
        "</OrgnlGrpInfAndSts>"
        f"{payment_info}"
        "</CstmrPmtStsRpt></Document>\n"
    ).encode()


@dataclass(frozen=True)
class Booked:
    """One transfer in a camt.054 entry: its end-to-end id and amount."""

    end_to_end_id: str
    amount: Decimal


def _tx_details(tx: Booked) -> str:
    return (
        "<TxDtls>"
        f"<Refs><EndToEndId>{escape(tx.end_to_end_id)}</EndToEndId></Refs>"
        f'<AmtDtls><TxAmt><Amt Ccy="NOK">{tx.amount:.2f}</Amt></TxAmt></AmtDtls>'
        "</TxDtls>"
    )


def entry(
    *transactions: Booked, status: str = "BOOK", credit_debit: str = "DBIT", reversal: bool = False
) -> str:
    """One Ntry: a debit of our account booked by the bank, holding one transfer or (a batch
    booking) several."""
    total = sum((tx.amount for tx in transactions), Decimal("0.00"))
    reversed_ = "<RvslInd>true</RvslInd>" if reversal else ""
    return (
        "<Ntry>"
        f'<Amt Ccy="NOK">{total:.2f}</Amt><CdtDbtInd>{credit_debit}</CdtDbtInd>{reversed_}'
        f"<Sts>{status}</Sts>"
        "<BookgDt><Dt>2026-11-04</Dt></BookgDt><ValDt><Dt>2026-11-04</Dt></ValDt>"
        "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly>"
        "</Domn></BkTxCd>"
        "<NtryDtls>" + "".join(_tx_details(tx) for tx in transactions) + "</NtryDtls>"
        "</Ntry>"
    )


def camt054(*entries: str, message_id: str = "DNB-NTF-0001") -> bytes:
    """A bank-to-customer debit notification on the paying account, with ``entries``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<Document xmlns="{CAMT054}">'
        "<BkToCstmrDbtCdtNtfctn>"
        f"<GrpHdr><MsgId>{escape(message_id)}</MsgId><CreDtTm>2026-11-04T18:00:00</CreDtTm>"
        "</GrpHdr>"
        "<Ntfctn><Id>NTF-1</Id><CreDtTm>2026-11-04T18:00:00</CreDtTm>"
        "<Acct><Id><Othr><Id>15032080119</Id><SchmeNm><Cd>BBAN</Cd></SchmeNm></Othr></Id>"
        "<Ccy>NOK</Ccy></Acct>" + "".join(entries) + "</Ntfctn>"
        "</BkToCstmrDbtCdtNtfctn></Document>\n"
    ).encode()
