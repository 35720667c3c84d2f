"""Letters are made by a background job, not in the request: with the database backend, a
decision or a recovery asks for its letters, the student is told the PDF is being prepared
until the worker has made it, and then gets the stored PDF. A letter is made once; a job that
keeps failing is tried again and then shown to staff. On SQLite and on PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pytest_django import Settings

from refusjon import jobs
from refusjon.claims import appeals, services
from refusjon.claims.models import Claim, User
from refusjon.letters import services as letters
from refusjon.letters.models import Letter
from refusjon.payouts import recoveries
from refusjon.payouts.models import Recovery
from tests.factories import NOW, decide, sio_claim
from tests.jobs import LONG_AGO, run_worker, use_database_jobs
from tests.letters.test_letters import pdf_text, signed_in
from tests.payouts.test_recoveries import paid_claim, recovery_of

# The worker sees what was committed, as on the site: a job asked for inside a transaction
# runs only once that transaction has committed (and the worker's connection checks would
# close a test's open transaction on PostgreSQL).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_jobs(settings: Settings) -> None:
    """Jobs wait in the database until :func:`run_worker` runs them, and letters are asked
    for when their decision is made, as on the site."""
    use_database_jobs(settings)
    settings.REFUSJON_LETTERS_IN_ADVANCE = True


real_write_pdf = letters.write_pdf


class Writer:
    """Counts the PDFs made, and makes them (or fails, when told to)."""

    def __init__(self, fail: str = "") -> None:
        self.made = 0
        self.fail = fail

    def __call__(self, html: str) -> bytes:
        self.made += 1
        if self.fail:
            raise RuntimeError(self.fail)
        return real_write_pdf(html)


@pytest.fixture
def writer(monkeypatch: pytest.MonkeyPatch) -> Writer:
    counted = Writer()
    monkeypatch.setattr(letters, "write_pdf", counted)
    return counted


@pytest.fixture
def decided(alice: User, bob: User, settings: Settings) -> Claim:
    """alice's claim, decided: 600 in GP fees, NOK 110 refunded. It was sent before letters
    were made in advance, so the letters asked for are the decision's (a receipt's are
    tested in tests/letters/test_receipt.py)."""
    settings.REFUSJON_LETTERS_IN_ADVANCE = False
    claim = sio_claim(alice, "300.00", "300.00")
    services.submit_claim(claim, by=alice, token="t-decided", now=NOW)
    settings.REFUSJON_LETTERS_IN_ADVANCE = True
    services.start_review(claim, by=bob, now=NOW)
    services.decide_claim(claim, by=bob, now=NOW)
    claim.refresh_from_db()
    return claim


def pdf_url(claim: Claim) -> str:
    return reverse("portal:letter_pdf", kwargs={"reference": claim.reference})


def recovery_pdf_url(recovery: Recovery) -> str:
    return reverse("portal:recovery_letter_pdf", kwargs={"reference": recovery.reference})


def assert_being_prepared(response: Any, *, says: str = "Your letter is being prepared") -> None:
    """The answer for a PDF not made yet: a page that says so, not the PDF."""
    assert response.status_code == 202
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "private, no-store"
    assert says in response.content.decode()


def test_the_pdf_is_made_by_the_worker_not_in_the_request(
    client: Client, alice: User, decided: Claim, writer: Writer
) -> None:
    client = signed_in(client, alice, "en")
    assert_being_prepared(client.get(pdf_url(decided)))
    assert writer.made == 0

    run_worker(until_done=True)
    assert writer.made == 2  # bokmål and English
    response = client.get(pdf_url(decided))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="vedtak-{decided.reference}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert decided.reference in text and "110.00" in text
    assert writer.made == 2  # served from storage


def test_the_norwegian_pdf_is_made_too_and_served_as_stored(
    client: Client, alice: User, decided: Claim, writer: Writer
) -> None:
    run_worker(until_done=True)
    response = signed_in(client, alice, "nb").get(pdf_url(decided))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Søknaden er innvilget" in text and "110,00" in text
    assert writer.made == 2


def test_the_student_reads_in_norwegian_that_the_letter_is_being_prepared(
    client: Client, alice: User, decided: Claim
) -> None:
    response = signed_in(client, alice, "nb").get(pdf_url(decided))
    assert_being_prepared(response, says="Brevet ditt lages")
    page = response.content.decode()
    assert f'href="{pdf_url(decided)}"' in page  # try again
    assert f'href="{reverse("portal:letter", kwargs={"reference": decided.reference})}"' in page


def test_the_letter_is_stored_with_its_content_digest_and_without_its_html(
    decided: Claim,
) -> None:
    run_worker(until_done=True)
    decision = services.current_decision(decided)
    stored = {letter.language: letter for letter in Letter.objects.filter(decision=decision)}
    assert set(stored) == {"nb", "en"}
    for letter in stored.values():
        assert letter.rendered and letter.rendered_at is not None
        assert len(letter.content_sha256) == 64 and letter.html == ""
        with letter.pdf.open("rb") as pdf:
            assert pdf.read(4) == b"%PDF"
    assert stored["nb"].content_sha256 != stored["en"].content_sha256


def test_a_letter_is_made_once_however_often_its_job_runs(decided: Claim, writer: Writer) -> None:
    decision = services.current_decision(decided)
    assert decision is not None
    letter = letters.ask_for(decision, language="en")
    letters.render_letter.enqueue(letter.pk)
    letters.ask_for_letters.enqueue("decision", decision.pk)
    run_worker(until_done=True)
    assert writer.made == 2  # en once, nb once
    letters.render_letter.call(letter.pk)
    assert writer.made == 2
    assert Letter.objects.filter(decision=decision).count() == 2


def test_asking_again_for_an_unchanged_letter_finds_the_stored_one(decided: Claim) -> None:
    run_worker(until_done=True)
    decision = services.current_decision(decided)
    assert decision is not None
    first = letters.ask_for(decision, language="en")
    again = letters.ask_for(decision, language="en")
    assert again.pk == first.pk and again.rendered
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_a_render_that_keeps_failing_is_tried_again_then_shown_to_staff(
    client: Client, alice: User, decided: Claim, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing = Writer(fail="the fonts are gone")
    monkeypatch.setattr(letters, "write_pdf", failing)
    decision = services.current_decision(decided)
    assert decision is not None
    letter = letters.ask_for(decision, language="en")
    run_worker(until_done=True)
    assert failing.made == 2 * 5  # both languages, five attempts each
    failed = [job for job in jobs.failed_jobs(since=LONG_AGO) if job.arguments == repr(letter.pk)]
    assert len(failed) == 1
    assert failed[0].path == "refusjon.letters.services.render_letter"
    assert failed[0].label == "Make the PDF of a student's letter"
    assert failed[0].attempts == 5
    assert "the fonts are gone" in failed[0].error
    assert_being_prepared(signed_in(client, alice, "en").get(pdf_url(decided)))

    monkeypatch.setattr(letters, "write_pdf", real_write_pdf)
    jobs.try_failed_again(failed[0].id)
    run_worker(until_done=True)
    assert client.get(pdf_url(decided)).content.startswith(b"%PDF")


@pytest.mark.parametrize("made", [False, True], ids=["being-prepared", "made"])
def test_carol_gets_no_letter_of_alices(
    client: Client, alice: User, bob: User, carol: User, made: bool
) -> None:
    paid = paid_claim(alice, bob, "300.00", "300.00")
    recovery = recovery_of(paid, bob)
    if made:
        run_worker(until_done=True)
    asked = Letter.objects.count()
    client = signed_in(client, carol, "en")
    assert client.get(pdf_url(paid)).status_code == 404
    assert client.get(recovery_pdf_url(recovery)).status_code == 404
    assert Letter.objects.count() == asked  # nor is anything asked for on her word


def test_a_decision_changed_on_appeal_gets_its_own_letter(
    client: Client, alice: User, bob: User, dave: User, decided: Claim, writer: Writer
) -> None:
    run_worker(until_done=True)
    first = services.current_decision(decided)
    appeal = appeals.save_appeal(decided, by=alice, text="Line 2 was paid twice.", now=NOW)
    appeals.submit_appeal(appeal, by=alice, now=NOW)
    appeals.change_decision(appeal, by=dave, note="Looked at again.", now=NOW)
    second = services.current_decision(decided)
    assert first is not None and second is not None and second.pk != first.pk

    client = signed_in(client, alice, "en")
    assert_being_prepared(client.get(pdf_url(decided)))
    run_worker(until_done=True)
    text = pdf_text(client.get(pdf_url(decided)).content)
    assert "After your appeal, this decision replaces the decision of" in text
    assert "Looked at again." in text
    assert Letter.objects.filter(decision=second, pdf__gt="").count() == 2
    assert Letter.objects.filter(decision=first, pdf__gt="").count() == 2  # kept
    assert writer.made == 4


def test_opening_a_recovery_asks_for_its_letter(
    client: Client, alice: User, bob: User, writer: Writer
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    client = signed_in(client, alice, "en")
    assert_being_prepared(client.get(recovery_pdf_url(recovery)))
    run_worker(until_done=True)
    made = writer.made
    response = client.get(recovery_pdf_url(recovery))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="tilbakekreving-{recovery.reference}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_text(response.content)
    assert recovery.reference in text and "NOK 60.00" in text
    assert "Nothing has been set off or paid back yet." in text
    assert writer.made == made


def test_when_the_letter_says_something_new_a_new_edition_is_made_and_the_old_kept(
    fiona: User, client: Client, alice: User, bob: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    run_worker(until_done=True)
    recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("15.00"))
    client = signed_in(client, alice, "en")
    assert_being_prepared(client.get(recovery_pdf_url(recovery)))
    run_worker(until_done=True)
    text = pdf_text(client.get(recovery_pdf_url(recovery)).content)
    assert "You still owe: NOK 45.00" in text
    editions = Letter.objects.filter(recovery=recovery, language="en")
    assert editions.count() == 2 and all(letter.rendered for letter in editions)


def test_with_letters_in_advance_off_nothing_is_asked_for_until_a_student_asks(
    client: Client, alice: User, bob: User, settings: Settings, writer: Writer
) -> None:
    settings.REFUSJON_LETTERS_IN_ADVANCE = False
    claim = sio_claim(alice, "300.00", "300.00")
    decide(claim, alice, bob)
    # (the notices of the submission and the decision are jobs of their own)
    assert not DBTaskResult.objects.filter(task_path__startswith="refusjon.letters").exists()
    client = signed_in(client, alice, "en")
    assert_being_prepared(client.get(pdf_url(claim)))
    run_worker(until_done=True)
    assert writer.made == 1  # only the letter asked for
    assert client.get(pdf_url(claim)).content.startswith(b"%PDF")


def test_the_command_asks_for_the_letters_of_decisions_that_have_none(
    alice: User, bob: User, settings: Settings, writer: Writer
) -> None:
    settings.REFUSJON_LETTERS_IN_ADVANCE = False
    claim = sio_claim(alice, "300.00", "300.00")
    decide(claim, alice, bob)
    out = StringIO()
    call_command("ask_for_letters", stdout=out)
    assert "Asked for the letters of 1 decisions and 0 recoveries" in out.getvalue()
    run_worker(until_done=True)
    decision = services.current_decision(claim)
    assert Letter.objects.filter(decision=decision, pdf__gt="").count() == 2
    call_command("ask_for_letters", stdout=out)
    assert "Asked for the letters of 0 decisions and 0 recoveries" in out.getvalue()
