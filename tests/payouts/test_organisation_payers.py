"""Each welfare organisation pays its own scheme's refunds: a SiS claim is paid in a SiS run,
whose bank file names SiS as the debtor, from SiS's account."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.conf import settings
from lxml import etree

from refusjon.claims import services as claims
from refusjon.claims.models import Attachment, Claim, User
from refusjon.payouts import bankfile, services
from tests.claims.conftest import UIS, student
from tests.factories import decide
from tests.payouts.conftest import ALICE_ACCOUNT

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
# Within SiS's window for the study year 2025–2026 (1 April to 1 June 2026).
IN_THE_WINDOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
PAY_ON = date(2026, 5, 6)


@pytest.fixture
def siri(db: None) -> User:
    """A student at the University of Stavanger (SiS), with a Norwegian account."""
    user = student(
        "siri",
        "P-SIRI",
        place=UIS,
        sio_gp=False,
        bank_account=ALICE_ACCOUNT,
        first_name="Siri",
        last_name="Sola",
    )
    return user


def sis_claim(student: User) -> Claim:
    """A SiS claim for the study year 2025–2026: GP user fees of 1 000 and 1 000, the overview
    and the semester-fee receipt (2 000 − 800 deductible, 40 % of the rest: NOK 480)."""
    claim = claims.create_draft(student, scheme="sis", period="2025-2026", now=IN_THE_WINDOW)
    for day in (date(2025, 9, 10), date(2026, 1, 10)):
        claims.add_line(
            claim,
            by=student,
            category="gp",
            service_on=day,
            amount=Decimal("1000.00"),
            public_user_fee=True,
            now=IN_THE_WINDOW,
        )
    Attachment.objects.create(
        claim=claim, document_type="user_fee_overview", shows_applicant_name=True
    )
    Attachment.objects.create(claim=claim, document_type="semester_fee_receipt")
    return claim


def test_a_decided_sis_claim_is_paid_from_sis_s_account(siri: User, bob: User, fiona: User) -> None:
    claim = sis_claim(siri)
    decide(claim, siri, bob, now=IN_THE_WINDOW)

    summary = services.build_run("sis", by=fiona, execution_date=PAY_ON, now=IN_THE_WINDOW)
    run = services.freeze_run(summary.run, by=fiona, now=IN_THE_WINDOW)

    bankfile.validate(run.bank_file.encode(), "pain.001.001.03")
    document = etree.fromstring(run.bank_file.encode())
    payer = settings.REFUSJON_PAYERS["sis"]

    def text(path: str) -> str:
        return str(document.xpath(path, namespaces=NS)[0].text)

    assert run.reference.startswith("PR-sis-")
    assert text("//p:GrpHdr/p:InitgPty/p:Nm") == payer["name"] == "SiS (demo)"
    assert text("//p:PmtInf/p:Dbtr/p:Nm") == "SiS (demo)"
    assert text("//p:PmtInf/p:DbtrAcct/p:Id/p:Othr/p:Id") == payer["account"]
    assert payer["account"] != settings.REFUSJON_PAYERS["sio"]["account"]
    assert text("//p:CdtTrfTxInf/p:Amt/p:InstdAmt") == "480.00"
    assert text("//p:CdtTrfTxInf/p:CdtrAcct/p:Id/p:Othr/p:Id") == ALICE_ACCOUNT
    assert claim.reference in text("//p:CdtTrfTxInf/p:RmtInf/p:Ustrd")


def test_a_sio_run_leaves_the_sis_claim_for_sis(siri: User, bob: User, fiona: User) -> None:
    decide(sis_claim(siri), siri, bob, now=IN_THE_WINDOW)
    summary = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=IN_THE_WINDOW)
    assert summary.added == 0 and not summary.run.payments.exists()
