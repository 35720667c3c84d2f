"""A new password must be hard to guess: common ones, a season and a year, Norwegian words and
the person's own names are refused, with the reason in the person's language."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from refusjon.claims.models import User

PASSWORD = "correct horse battery staple"

pytestmark = pytest.mark.django_db


def refusal(password: str, user: User | None = None) -> str:
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    return " ".join(refused.value.messages)


@pytest.mark.parametrize(
    "password",
    [
        "Sommer2026",  # the outside test's
        "Sommer2026!",
        "Vinter2025!",
        "Høsten2026",
        "Passord123",
        "Velkommen1",
        "Oslo2026!",
        "Tromsø2026",
        "Refusjon2026",
        "Januar2027",
        "qwertyuiop",
        "1234567890",
    ],
)
def test_a_guessable_password_is_refused(password: str) -> None:
    assert "too guessable" in refusal(password) or "too common" in refusal(password)


def test_the_persons_own_names_and_email_are_refused() -> None:
    user = User(
        username="kari.nordmann",
        first_name="Kari",
        last_name="Nordmann",
        email="kari.nordmann@student.uio.no",
    )
    for password in ("KariNordmann1", "Nordmann2026", "kari.nordmann@uio"):
        assert refusal(password, user)


def test_a_short_password_is_refused_however_random() -> None:
    assert "at least 10 characters" in refusal("x7#Qv!9p")


@pytest.mark.parametrize(
    "password", ["fjellbekk-lyng-kaffe-93", "korrekt hest batteri stift", "Tr0ub4dor&3-lilla"]
)
def test_a_strong_password_is_accepted(password: str, alice: User) -> None:
    validate_password(password, alice)


def test_the_refusal_reads_in_norwegian(client: Client, alice: User) -> None:
    client.force_login(alice)
    with translation.override("nb"):
        response = client.post(
            reverse("password_change"),
            {
                "old_password": PASSWORD,
                "new_password1": "Sommer2026",
                "new_password2": "Sommer2026",
            },
            HTTP_ACCEPT_LANGUAGE="nb",
        )

    assert response.status_code == 200
    assert "Passordet ditt er for lett å gjette" in response.text
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
