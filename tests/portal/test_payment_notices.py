"""A refund the bank sent back: the student sees it on their start page and profile, with the
bank's reason and a way to correct the account, until they have done so."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from refusjon.claims.models import StudentProfile, User
from refusjon.payouts import services
from refusjon.payouts.bankanswers import import_answer
from refusjon.payouts.models import Payment, PayoutRun
from tests.factories import NOW
from tests.payouts.conftest import decided_claim, with_account
from tests.payouts.conftest import fiona as fiona  # a fixture
from tests.payouts.files import Tx, pain002

HEADING = "We could not pay a refund to your account"
ANSWERED = NOW + timedelta(days=2)


def paid_out(fiona: User, *, now: datetime = NOW) -> PayoutRun:
    run = services.build_run("sio", by=fiona, execution_date=date(2026, 11, 3), now=now).run
    return services.freeze_run(run, by=fiona, now=now)


def answer(run: PayoutRun, student: User, status: str, code: str, fiona: User) -> Payment:
    payment = run.payments.get(student=student)
    report = pain002(
        Tx(payment.end_to_end_id, status, code),
        original_message_id=run.reference,
        message_id=f"STS-{payment.pk}-{status}",
    )
    import_answer(report, by=fiona, now=ANSWERED)
    payment.refresh_from_db()
    return payment


@pytest.fixture
def rejected(alice: User, bob: User, fiona: User) -> Payment:
    """Alice's refund of NOK 110, sent back by the bank: her account is closed."""
    with_account(alice)
    decided_claim(alice, bob, "600")
    return answer(paid_out(fiona), alice, "RJCT", "AC04", fiona)


def page(client: Client, user: User, name: str, language: str = "en") -> str:
    client.force_login(user)
    return client.get(reverse(f"portal:{name}"), HTTP_ACCEPT_LANGUAGE=language).content.decode()


@pytest.mark.parametrize("name", ["home", "profile"])
def test_the_student_sees_the_refund_the_bank_sent_back_and_why(
    client: Client, alice: User, rejected: Payment, name: str
) -> None:
    text = page(client, alice, name)

    assert HEADING in text
    assert "NOK 110.00" in text
    assert "The account is closed." in text
    assert f'href="{reverse("portal:profile")}#id_bank_account"' in text


def test_the_notice_is_in_bokmal_for_a_bokmal_page(
    client: Client, alice: User, rejected: Payment
) -> None:
    text = page(client, alice, "home", language="nb")

    with translation.override("nb"):
        assert gettext(HEADING) in text
        assert gettext("The account is closed.") in text
    assert "NOK 110,00" in text


def test_carol_never_sees_alices_rejected_payment(
    client: Client, carol: User, rejected: Payment
) -> None:
    assert HEADING not in page(client, carol, "home")
    assert HEADING not in page(client, carol, "profile")


def test_the_notice_goes_once_the_student_corrects_the_account_in_the_profile(
    client: Client, alice: User, rejected: Payment
) -> None:
    profile = StudentProfile.objects.get(user=alice)
    client.force_login(alice)

    saved = client.post(
        reverse("portal:profile"),
        {
            "birth_date": profile.birth_date.isoformat(),
            "institution": str(profile.institution_id),
            "semester_fee_paid": "on",
            "registered_student": "on",
            "sio_gp": "on",
            "bank_account": "1234 56 78903",
        },
    )

    assert saved.status_code == 302
    assert HEADING not in page(client, alice, "home")
    assert HEADING not in page(client, alice, "profile")


def test_the_notice_does_not_come_back_once_the_refund_was_paid(
    client: Client, alice: User, fiona: User, rejected: Payment
) -> None:
    profile = StudentProfile.objects.get(user=alice)
    closed_account = profile.bank_account
    profile.bank_account = "12345678903"
    profile.save()
    answer(paid_out(fiona, now=ANSWERED), alice, "ACSC", "", fiona)

    profile.bank_account = closed_account  # back to the old account, for a later refund
    profile.save()

    assert HEADING not in page(client, alice, "home")


def test_a_student_paid_abroad_is_sent_to_the_iban_field(
    client: Client, carol: User, bob: User, fiona: User
) -> None:
    with_account(carol)
    decided_claim(carol, bob, "600")
    answer(paid_out(fiona), carol, "RJCT", "RC01", fiona)

    text = page(client, carol, "profile")

    assert "The bank&#x27;s identifier (BIC) is wrong." in text
    assert f'href="{reverse("portal:profile")}#id_iban"' in text


@pytest.mark.parametrize("code", ["AM04", "XX99"])
def test_a_rejection_not_about_the_account_asks_nothing_of_the_student(
    client: Client, alice: User, bob: User, fiona: User, code: str
) -> None:
    """Our account short of funds (AM04), or a code nobody knows: the paying side sorts it
    out, and the refund goes into the next run as it is."""
    with_account(alice)
    decided_claim(alice, bob, "600")
    answer(paid_out(fiona), alice, "RJCT", code, fiona)

    assert HEADING not in page(client, alice, "home")
    assert HEADING not in page(client, alice, "profile")


def test_no_notice_without_a_rejected_payment(client: Client, alice: User, bob: User) -> None:
    with_account(alice)
    decided_claim(alice, bob, "600")

    assert HEADING not in page(client, alice, "home")
