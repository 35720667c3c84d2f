"""What a letter needs: who it is from and how to reach them, the reference and date, when
and to which account the refund is paid (the account masked), what was set off, and how to
appeal, in both languages, read from the PDF the student downloads."""

from __future__ import annotations

from datetime import date

import pytest
from pytest_django import Settings

from refusjon.claims.models import Claim, User
from refusjon.claims.services import current_decision
from refusjon.letters.content import compose
from refusjon.letters.pdf import write_pdf
from refusjon.payouts.accounts import masked_account
from refusjon.payouts.models import Payment, PaymentStatus, RunStatus
from tests.letters.test_letters import pdf_text
from tests.payouts.conftest import ALICE_ACCOUNT, decided_claim, with_account
from tests.payouts.test_netting import build, payment_of, recovery
from tests.payouts.test_recoveries import _payment, paid_claim, recovery_of

SIO = {
    "name": "SiO Helse",
    "organisation_number": "980000001",
    "account": "15030000002",
    "iban": "",
    "bic": "DNBANOKKXXX",
    "address": "Postboks 4424 Nydalen; 0403 Oslo",
    "email": "helse@sio.example.no",
    "phone": "+47 22 04 37 00",
}


@pytest.fixture(autouse=True)
def sio_sender(settings: Settings) -> None:
    settings.REFUSJON_PAYERS = {**settings.REFUSJON_PAYERS, "sio": SIO}


def letter(claim: Claim, lang: str) -> str:
    decision = current_decision(claim)
    assert decision is not None
    return " ".join(pdf_text(write_pdf(compose(decision, lang))).split())


def test_an_account_is_shown_by_its_last_four_digits_only() -> None:
    assert masked_account("8601.11.17947") == "•••••••7947"
    assert masked_account("NO93 8601 1117 947") == "•••••••••••7947"
    assert masked_account("") == ""


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "nb",
            [
                "SiO Helse",
                "Postboks 4424 Nydalen",
                "0403 Oslo",
                "E-post: helse@sio.example.no",
                "Telefon: +47 22 04 37 00",
                "Vedtaksdato 02.11.2026",
                "23.11.2026",  # the appeal deadline, three weeks on
                "forvaltningsloven § 28 og § 29",
                "Postboks 4424 Nydalen, 0403 Oslo",  # where a written appeal can be sent
                "kr 110,00, utbetales til konto •••••••7947",
            ],
        ),
        (
            "en",
            [
                "SiO Helse",
                "Postboks 4424 Nydalen",
                "E-mail: helse@sio.example.no",
                "Telephone: +47 22 04 37 00",
                "Date of decision 2026-11-02",
                "by 2026-11-23",
                "forvaltningsloven) § 28 and § 29",
                "send the appeal by post to SiO Helse, Postboks 4424 Nydalen, 0403 Oslo",
                "NOK 110.00, will be paid to account •••••••7947 in the next payment run",
            ],
        ),
    ],
)
def test_a_decision_letter_names_its_sender_contact_account_and_appeal_route(
    alice: User, bob: User, lang: str, words: list[str]
) -> None:
    with_account(alice)
    claim = decided_claim(alice, bob, "300.00", "300.00")
    text = letter(claim, lang)
    for expected in [*words, claim.reference]:
        assert expected in text
    assert ALICE_ACCOUNT not in text.replace(".", "").replace(" ", "")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nb", "Refusjonen, kr 110,00, ble utbetalt 10.11.2026 til konto •••••••7947."),
        ("en", "The refund, NOK 110.00, was paid on 2026-11-10 to account •••••••7947."),
    ],
)
def test_a_paid_refund_says_when_and_to_which_account(
    alice: User, bob: User, lang: str, expected: str
) -> None:
    with_account(alice)
    claim = decided_claim(alice, bob, "300.00", "300.00")
    payment = _payment(
        claim, status=PaymentStatus.PAID, run_status=RunStatus.FROZEN, on=date(2026, 11, 10), by=bob
    )
    Payment.objects.filter(pk=payment.pk).update(account=ALICE_ACCOUNT)
    assert expected in letter(claim, lang)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            "Det som motregnes (kr 100,00), trekkes fra utbetalingen, så kr 710,00 utbetales "
            "til kontoen. kr 100,00 av utbetalingen 04.11.2026",
        ),
        (
            "en",
            "What is set off (NOK 100.00) is taken from the payment, so NOK 710.00 is paid to "
            "the account. NOK 100.00 of the payment of 2026-11-04",
        ),
    ],
)
def test_a_refund_with_a_debt_set_off_says_what_was_set_off_and_what_is_paid(
    fiona: User, alice: User, bob: User, lang: str, expected: str
) -> None:
    with_account(alice)
    owed = decided_claim(alice, bob, "600")
    debt = recovery(owed, "100.00", bob)
    claim = decided_claim(alice, bob, "700")
    payment = payment_of(build(fiona), alice)
    assert payment.netted_nok == 100
    text = letter(claim, lang)
    assert expected in text and debt.reference in text
    assert ("04.11.2026" if lang == "nb" else "2026-11-04") in text  # the payment date
    assert "•••••••7947" in text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nb", ["SiO Helse", "Telefon: +47 22 04 37 00", "Spørsmål", "§ 29"]),
        ("en", ["SiO Helse", "Telephone: +47 22 04 37 00", "Questions", "§ 29"]),
    ],
)
def test_a_recovery_letter_names_its_sender_and_contact(
    alice: User, bob: User, lang: str, words: list[str]
) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    debt = recovery_of(claim, bob, "60.00")
    text = " ".join(pdf_text(write_pdf(compose(debt, lang))).split())
    for expected in [*words, debt.reference]:
        assert expected in text
