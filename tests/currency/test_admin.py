"""Administrators look at the stored rates; they change only through an import."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.test import Client

from refusjon.claims.models import User
from refusjon.currency.models import ExchangeRate

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client) -> Client:
    client.force_login(User.objects.create_superuser("root", password="x" * 20))
    return client


def test_the_rates_are_listed_by_currency(admin_client: Client) -> None:
    for currency in ("USD", "EUR"):
        ExchangeRate.objects.create(
            currency=currency,
            day=date(2026, 3, 2),
            nok_per_unit=Decimal("10.1270"),
            imported_at=datetime(2026, 11, 2, tzinfo=UTC),
            source="rates.csv",
        )
    response = admin_client.get("/admin/currency/exchangerate/", {"currency": "USD"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list.values_list("currency", flat=True)) == ["USD"]


def test_no_rate_is_added_by_hand(admin_client: Client) -> None:
    assert admin_client.get("/admin/currency/exchangerate/add/").status_code == 403


def test_a_student_is_kept_out(alice: User, client: Client) -> None:
    client.force_login(alice)
    response = client.get("/admin/currency/exchangerate/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
