"""Every URL pattern of the site, walked with alice's real claim, documents, appeal, recovery
and payout run: carol gets nothing of alice's, and no student reaches a workspace page.

The patterns are read from the URL configuration, so a page added later is walked too.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from pytest_django import Settings

from refusjon.claims import appeals
from refusjon.claims.models import (
    Appeal,
    Attachment,
    AuditEntry,
    Claim,
    ExpenseLine,
    User,
)
from refusjon.intake import services as intake
from refusjon.payouts import recoveries
from refusjon.payouts import services as payouts
from refusjon.payouts.models import Payment, Recovery
from tests.factories import NOW, sio_claim
from tests.intake.files import png
from tests.payouts.conftest import decided_claim, with_account

STUDENT_APPS = ("portal", "intake")


def patterns(namespace: str) -> list[tuple[str, str, list[str]]]:
    """(name, route, parameter names) of every URL in ``namespace``."""
    resolver = next(
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and entry.namespace == namespace
    )
    found = []
    for entry in resolver.url_patterns:
        assert isinstance(entry, URLPattern)
        route = str(entry.pattern)
        found.append((f"{namespace}:{entry.name}", route, list(entry.pattern.converters)))  # type: ignore[attr-defined]
    return found


@pytest.fixture
def alices(
    alice: User, bob: User, dave: User, fiona: User, settings: Settings, tmp_path: Path
) -> dict[str, Any]:
    """alice's things, as far along as they go: a paid claim with a document, under a
    recovery; a decided claim with an appeal being written; the frozen run that paid her."""
    settings.MEDIA_ROOT = tmp_path
    with_account(alice)
    paid = decided_claim(alice, bob, "600.00")
    document = intake.attach_document(
        sio_claim(alice, "100.00"),
        by=alice,
        data=png(),
        filename="receipt.png",
        document_type="receipt",
    )
    run = payouts.build_run("sio", by=fiona, execution_date=NOW.date(), now=NOW).run
    run = payouts.freeze_run(run, by=fiona, now=NOW)
    payment = run.payments.get()
    payouts.mark_paid(payment, now=NOW)
    recovery = recoveries.open_recovery(
        Claim.objects.get(pk=paid.pk),
        by=dave,
        amount_nok=Decimal("50.00"),
        reason="Refunded twice.",
        source="Forvaltningsloven § 35",
        now=NOW,
    )
    appealed = decided_claim(alice, bob, "100.00")
    appeal = appeals.save_appeal(appealed, by=alice, text="Please look again.")
    return {
        "claim": paid,
        "draft": document.claim,
        "document": document,
        "run": run,
        "payment": payment,
        "recovery": recovery,
        "appealed": appealed,
        "appeal": appeal,
    }


def arguments(route: str, parameters: list[str], things: dict[str, Any]) -> dict[str, Any]:
    """alice's value for each parameter of a route: the right kind of reference for it."""
    values: dict[str, Any] = {}
    for name in parameters:
        if name == "reference":
            if route.startswith("recovery/"):
                values[name] = things["recovery"].reference
            elif route.startswith("payouts/run/"):
                values[name] = things["run"].reference
            elif "appeal" in route:
                values[name] = things["appealed"].reference
            elif "lines" in route or "documents" in route or "submit" in route:
                values[name] = things["draft"].reference
            else:
                values[name] = things["claim"].reference
        elif name == "pk":
            values[name] = things["document"].pk
        elif name == "number":
            values[name] = 1
        elif name == "end_to_end_id":
            values[name] = things["payment"].end_to_end_id
        elif name == "scheme":  # one carol, of UiO, is not shown (SiS's), or its versions' page
            values[name] = "sis"
        elif name == "job_id":  # a background job's: a failed one is tried again by staff
            values[name] = "00000000-0000-0000-0000-000000000000"
        else:
            raise AssertionError(f"a new kind of URL parameter to walk: {name} in {route}")
    return values


def snapshot() -> tuple[Any, ...]:
    """What carol's requests must not change."""
    return (
        sorted(Claim.objects.values_list("reference", "status", "version")),
        ExpenseLine.objects.count(),
        Attachment.objects.count(),
        sorted(Appeal.objects.values_list("pk", "status", "text")),
        sorted(Recovery.objects.values_list("pk", "status", "appeal_text")),
        sorted(Payment.objects.values_list("pk", "status")),
    )


def test_every_student_url_is_walked() -> None:
    names = {name for app in STUDENT_APPS for name, _route, _params in patterns(app)}
    assert {"portal:claim", "portal:appeal", "portal:recovery", "intake:inline"} <= names


def test_carol_gets_nothing_of_alices_from_any_url(
    client: Client, alices: dict[str, Any], carol: User
) -> None:
    client.force_login(carol)
    before = snapshot()
    mine = [
        alices["claim"].reference,
        alices["draft"].reference,
        alices["appealed"].reference,
        alices["recovery"].reference,
    ]
    for app in STUDENT_APPS:
        for name, route, parameters in patterns(app):
            url = reverse(name, kwargs=arguments(route, parameters, alices))
            for method in ("get", "post"):
                response = getattr(client, method)(url, {"text": "mine", "action": "send"})
                if parameters:
                    assert response.status_code in (403, 404, 405), f"{method} {url}"
                else:
                    body = response.content.decode() if response.status_code == 200 else ""
                    assert not [ref for ref in mine if ref in body], f"{method} {url}"
    assert snapshot() == before
    assert not AuditEntry.objects.filter(actor=carol, claim__applicant__username="alice")


@pytest.mark.parametrize("student", ["alice", "carol"])
def test_no_student_reaches_a_workspace_page(
    client: Client, alices: dict[str, Any], student: str, request: pytest.FixtureRequest
) -> None:
    client.force_login(request.getfixturevalue(student))
    before = snapshot()
    for name, route, parameters in patterns("workspace"):
        url = reverse(name, kwargs=arguments(route, parameters, alices))
        for method in ("get", "post"):
            assert getattr(client, method)(url).status_code == 403, f"{student}: {method} {url}"
    assert snapshot() == before
