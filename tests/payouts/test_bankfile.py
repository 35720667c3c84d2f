"""The bank file of a frozen run: a pain.001.001.03 credit transfer the bank accepts, with the
right accounts, amounts and sums, checked against the official schema shipped with the code."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from lxml import etree

from refusjon.claims.models import Claim, User
from refusjon.payouts import bankfile, services
from refusjon.payouts.bankfile import InvalidBankMessage
from refusjon.payouts.models import PayoutRun
from tests.factories import NOW
from tests.payouts.conftest import ALICE_ACCOUNT, CAROL_BIC, CAROL_IBAN, decided_claim, with_account

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
PAY_ON = date(2026, 11, 4)


@pytest.fixture
def run(fiona: User, alice: User, carol: User, bob: User) -> PayoutRun:
    """A frozen SiO run: alice (Norwegian account) NOK 110 + 700, carol (IBAN) NOK 110."""
    with_account(alice)
    with_account(carol)
    alice.first_name, alice.last_name = "Alice", "Aasen"
    alice.save()
    decided_claim(alice, bob, "600")
    decided_claim(alice, bob, "700")
    decided_claim(carol, bob, "600")
    summary = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=NOW)
    return services.freeze_run(summary.run, by=fiona, now=NOW)


def parsed(run: PayoutRun) -> Any:
    return etree.fromstring(run.bank_file.encode())


def text(element: Any, path: str) -> str:
    found = element.xpath(path, namespaces=NS)
    assert found, path
    return str(found[0].text)


def test_the_file_keeps_to_the_official_schema(run: PayoutRun) -> None:
    bankfile.validate(run.bank_file.encode(), "pain.001.001.03")


def test_the_header_counts_and_sums_every_transfer(run: PayoutRun) -> None:
    document = parsed(run)

    assert text(document, "//p:GrpHdr/p:MsgId") == run.reference == "PR-sio-20261104-1"
    assert text(document, "//p:GrpHdr/p:CreDtTm") == "2026-11-02T11:00:00"  # Oslo time
    assert text(document, "//p:GrpHdr/p:NbOfTxs") == "2"
    assert text(document, "//p:GrpHdr/p:CtrlSum") == "920.00"
    assert text(document, "//p:GrpHdr/p:InitgPty/p:Nm") == "SiO Helse (demo)"


def test_norwegian_accounts_are_paid_by_account_number(run: PayoutRun) -> None:
    domestic = parsed(run).xpath("//p:PmtInf[p:PmtInfId='PR-sio-20261104-1-NO']", namespaces=NS)[0]

    assert text(domestic, "p:PmtMtd") == "TRF"
    assert text(domestic, "p:NbOfTxs") == "1"
    assert text(domestic, "p:CtrlSum") == "810.00"
    assert text(domestic, "p:ReqdExctnDt") == "2026-11-04"
    assert text(domestic, "p:ChrgBr") == "SLEV"
    assert text(domestic, "p:DbtrAcct/p:Id/p:Othr/p:Id") == "15030000002"
    assert text(domestic, "p:DbtrAgt/p:FinInstnId/p:BIC") == "DNBANOKKXXX"
    transfer = domestic.xpath("p:CdtTrfTxInf", namespaces=NS)[0]
    assert text(transfer, "p:PmtId/p:EndToEndId") == "PR-sio-20261104-1-1"
    amount = transfer.xpath("p:Amt/p:InstdAmt", namespaces=NS)[0]
    assert (amount.text, amount.get("Ccy")) == ("810.00", "NOK")
    assert text(transfer, "p:Cdtr/p:Nm") == "Alice Aasen"
    assert text(transfer, "p:CdtrAcct/p:Id/p:Othr/p:Id") == ALICE_ACCOUNT
    assert text(transfer, "p:CdtrAcct/p:Id/p:Othr/p:SchmeNm/p:Cd") == "BBAN"
    references = Claim.objects.filter(applicant__username="alice").values_list(
        "reference", flat=True
    )
    remittance = text(transfer, "p:RmtInf/p:Ustrd")
    assert all(reference in remittance for reference in references)


def test_accounts_abroad_are_paid_by_iban_and_bic(run: PayoutRun) -> None:
    abroad = parsed(run).xpath("//p:PmtInf[p:PmtInfId='PR-sio-20261104-1-INT']", namespaces=NS)[0]

    assert text(abroad, "p:NbOfTxs") == "1"
    assert text(abroad, "p:CtrlSum") == "110.00"
    assert text(abroad, "p:ChrgBr") == "DEBT"
    transfer = abroad.xpath("p:CdtTrfTxInf", namespaces=NS)[0]
    assert text(transfer, "p:CdtrAgt/p:FinInstnId/p:BIC") == CAROL_BIC
    assert text(transfer, "p:CdtrAcct/p:Id/p:IBAN") == CAROL_IBAN
    assert text(transfer, "p:Cdtr/p:Nm") == "carol"


def test_the_same_run_always_gives_the_same_bytes(run: PayoutRun) -> None:
    assert bankfile.write_pain001(run) == run.bank_file.encode()
    assert hashlib.sha256(run.bank_file.encode()).hexdigest() == run.bank_file_sha256


def test_a_file_with_a_broken_element_is_refused_naming_the_problem(run: PayoutRun) -> None:
    broken = run.bank_file.replace("<ChrgBr>SLEV</ChrgBr>", "<ChrgBr>FREE</ChrgBr>")

    with pytest.raises(InvalidBankMessage, match="ChrgBr") as refused:
        bankfile.validate(broken.encode(), "pain.001.001.03")

    assert "FREE" in str(refused.value)
    assert "{urn:" not in str(refused.value)


def test_a_file_that_is_not_xml_is_refused(run: PayoutRun) -> None:
    with pytest.raises(InvalidBankMessage, match="not well-formed"):
        bankfile.validate(b"<Document><GrpHdr>", "pain.001.001.03")


def test_amounts_carry_two_decimals(run: PayoutRun) -> None:
    amounts = parsed(run).xpath("//p:InstdAmt/text()", namespaces=NS)

    assert sorted(Decimal(amount) for amount in amounts) == [Decimal("110.00"), Decimal("810.00")]
    assert all(amount.count(".") == 1 and len(amount.split(".")[1]) == 2 for amount in amounts)


def test_the_shipped_schemas_are_the_official_ones() -> None:
    sums = (bankfile.SCHEMAS / "SHA256SUMS").read_text().split("\n")
    listed = dict(reversed(line.split()) for line in sums if line.strip())

    assert set(listed) == {"pain.001.001.03.xsd", "pain.002.001.03.xsd"}
    for name, expected in listed.items():
        assert hashlib.sha256((bankfile.SCHEMAS / name).read_bytes()).hexdigest() == expected
