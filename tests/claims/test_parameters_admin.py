"""Administrators change dated parameter values; the engine uses them; every change is logged."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import Group
from django.test import Client

from refusjon.claims import services
from refusjon.claims.models import Attachment, AuditEntry, ParameterOverride, User


def admin_client(client: Client) -> tuple[Client, User]:
    admin = User.objects.create_superuser("root", password="x" * 20)
    client.force_login(admin)
    return client, admin


def test_an_edited_threshold_is_used_by_the_engine_and_logged(alice: User, client: Client) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026")
    services.add_line(
        claim,
        by=alice,
        category="gp",
        service_on=date(2026, 3, 1),
        amount=Decimal("700.00"),
        public_user_fee=True,
    )
    Attachment.objects.create(
        claim=claim, document_type="user_fee_overview", shows_applicant_name=True
    )
    assert services.estimate(claim).refund_nok == Decimal("210.00")  # above the shipped 490

    client, admin = admin_client(client)
    response = client.post(
        "/admin/claims/parameteroverride/add/",
        {
            "name": "sio.threshold_gp",
            "valid_from": "2026-01-01",
            "value": '"600"',
            "source": "SiO board decision 2026-03",
            "assumed": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert services.estimate(claim).refund_nok == Decimal("100.00")
    entry = AuditEntry.objects.get(action="claims.parameter.changed")
    assert entry.actor == admin and entry.data["value"] == "600"


def test_a_value_the_engine_cannot_read_is_refused_with_the_reason(
    db: None, client: Client
) -> None:
    client, _ = admin_client(client)
    response = client.post(
        "/admin/claims/parameteroverride/add/",
        {
            "name": "sio.threshold_gp",
            "valid_from": "2026-01-01",
            "value": "600.5",
            "source": "typo",
            "assumed": "",
        },
    )
    assert response.status_code == 200
    assert "quoted strings" in response.content.decode()
    assert not ParameterOverride.objects.exists()


def test_caseworkers_cannot_edit_parameters(bob: User, client: Client) -> None:
    Group.objects.get(name="caseworkers")
    client.force_login(bob)
    assert client.get("/admin/claims/parameteroverride/").status_code == 302


def test_the_figures_of_the_scheme_files_can_be_edited_by_their_names(
    db: None, client: Client
) -> None:
    client, _ = admin_client(client)
    edits = [
        ("ssn.refund_rate", '"0.80"'),
        ("helfo_abroad.accepted_languages", '["en", "nb"]'),
        ("sio.deadline_spring", '{"month_day": "07-16", "years_after": 0}'),
    ]
    for name, value in edits:
        response = client.post(
            "/admin/claims/parameteroverride/add/",
            {"name": name, "valid_from": "2027-01-01", "value": value, "source": "board"},
        )
        assert response.status_code == 302, (name, response.content.decode()[:2000])
    assert ParameterOverride.objects.count() == len(edits)
