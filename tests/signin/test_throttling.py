"""Guessing passwords is slow: a few wrong ones lock the account out from that address for a
while, more lock the account from anywhere, and an address is locked out whatever names it
tries. The right password is refused while locked out, and the page says when to try again."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django import Settings

from refusjon.claims.models import AuditEntry, User
from tests.conftest import Clock

PASSWORD = "correct horse battery staple"
GUESSER = "198.51.100.7"
OWNER = "203.0.113.20"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages_in_english(settings: Settings) -> None:
    settings.LANGUAGE_CODE = "en"


def sign_in(
    client: Client, username: str, password: str, *, address: str = GUESSER, **headers: str
) -> HttpResponse:
    response: HttpResponse = client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        headers=headers,
    )
    return response


def guess(client: Client, username: str, times: int, *, address: str = GUESSER) -> HttpResponse:
    response = HttpResponse()
    for number in range(times):
        response = sign_in(client, username, f"wrong guess {number}", address=address)
    return response


def signed_in(response: HttpResponse) -> bool:
    return response.status_code == 302 and response.wsgi_request.user.is_authenticated


def test_the_fifth_wrong_password_locks_the_account_and_says_when_to_try_again(
    client: Client, alice: User, axes_time: time_machine.Coordinates
) -> None:
    fourth = guess(client, "alice", 4)
    assert fourth.status_code == 200
    assert "The user name or password is wrong" in fourth.text

    fifth = guess(client, "alice", 1)

    assert fifth.status_code == 429
    assert "Too many failed attempts to sign in" in fifth.text
    # 11:00 in Oslo now; fifteen minutes of cool-down.
    assert "Try again in 15 minutes, at 11:15." in fifth.text


def test_the_right_password_is_refused_while_the_account_is_locked_out(
    client: Client, alice: User, axes_time: time_machine.Coordinates
) -> None:
    guess(client, "alice", 5)
    axes_time.shift(timedelta(minutes=10))

    response = sign_in(client, "alice", PASSWORD)

    assert response.status_code == 429
    assert not response.wsgi_request.user.is_authenticated
    assert "_auth_user_id" not in client.session
    # Trying while locked out does not push the end further.
    assert "Try again in 5 minutes, at 11:15." in response.text


def test_the_account_signs_in_again_after_the_cool_down(
    client: Client, alice: User, axes_time: time_machine.Coordinates, clock: Clock
) -> None:
    guess(client, "alice", 5)
    axes_time.shift(timedelta(minutes=15, seconds=1))
    clock.advance(timedelta(minutes=15, seconds=1))

    assert signed_in(sign_in(client, "alice", PASSWORD))


def test_the_cool_down_follows_the_setting(
    client: Client, alice: User, axes_time: time_machine.Coordinates, settings: Settings
) -> None:
    settings.REFUSJON_SIGNIN_FAILURES = 3
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=30)

    response = guess(client, "alice", 3)

    assert response.status_code == 429
    assert "Try again in 30 minutes, at 11:30." in response.text
    axes_time.shift(timedelta(minutes=29))
    assert sign_in(client, "alice", PASSWORD).status_code == 429
    axes_time.shift(timedelta(minutes=2))
    assert signed_in(sign_in(client, "alice", PASSWORD))


def test_a_guesser_at_one_address_does_not_lock_the_owner_out_elsewhere(
    client: Client, alice: User, axes_time: time_machine.Coordinates
) -> None:
    guess(client, "alice", 5, address=GUESSER)
    assert guess(client, "alice", 1, address=GUESSER).status_code == 429

    assert signed_in(sign_in(Client(), "alice", PASSWORD, address=OWNER))


def test_guesses_from_many_addresses_lock_the_account_everywhere(
    client: Client, alice: User, axes_time: time_machine.Coordinates
) -> None:
    guess(client, "alice", 5, address="198.51.100.1")
    guess(client, "alice", 5, address="198.51.100.2")

    response = sign_in(Client(), "alice", PASSWORD, address=OWNER)

    assert response.status_code == 429
    assert "Try again in 15 minutes" in response.text


def test_one_address_is_locked_out_whatever_user_names_it_tries(
    client: Client, alice: User, carol: User, axes_time: time_machine.Coordinates
) -> None:
    # Password spraying: a few guesses at each of many accounts, from one address.
    for number in range(5):
        guess(client, f"student{number}", 4)

    assert sign_in(client, "carol", PASSWORD).status_code == 429
    assert sign_in(client, "alice", PASSWORD).status_code == 429
    # Elsewhere, both still sign in; neither account was locked by it.
    assert signed_in(sign_in(Client(), "carol", PASSWORD, address=OWNER))
    assert signed_in(sign_in(Client(), "alice", PASSWORD, address="203.0.113.21"))


def test_a_forwarded_for_header_from_the_internet_gives_no_fresh_address(
    client: Client, alice: User, axes_time: time_machine.Coordinates
) -> None:
    for number in range(5):
        sign_in(client, "alice", "wrong", address=GUESSER, x_forwarded_for=f"10.0.0.{number}")

    response = sign_in(client, "alice", PASSWORD, address=GUESSER, x_forwarded_for="10.0.0.99")

    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {GUESSER}


def test_behind_the_proxy_the_address_it_saw_counts_not_what_the_client_wrote(
    client: Client, alice: User, axes_time: time_machine.Coordinates
) -> None:
    # nginx on 127.0.0.1 appends the address it saw to whatever the client sent.
    for number in range(5):
        sign_in(
            client,
            "alice",
            "wrong",
            address="127.0.0.1",
            x_forwarded_for=f"10.0.0.{number}, {GUESSER}",
        )

    locked = sign_in(
        client, "alice", PASSWORD, address="127.0.0.1", x_forwarded_for=f"10.9.9.9, {GUESSER}"
    )
    owner = sign_in(Client(), "alice", PASSWORD, address="127.0.0.1", x_forwarded_for=OWNER)

    assert locked.status_code == 429
    assert signed_in(owner)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {GUESSER}


def test_a_lockout_is_logged_for_security_review(
    client: Client, alice: User, axes_time: time_machine.Coordinates
) -> None:
    guess(client, "alice", 5)
    sign_in(client, "alice", PASSWORD)  # refused while locked out

    entry = AuditEntry.objects.get(action="web.signin.locked_out")
    assert entry.data["username"] == "alice"
    assert entry.data["address"] == GUESSER
    assert entry.data["path"] == "/login/"
    assert entry.data["until"].startswith("2026-11-02T10:15:00")
    # django-axes keeps every failure, the last of them marked as the one that locked out.
    failures = AccessFailureLog.objects.filter(username="alice", ip_address=GUESSER)
    assert failures.count() == 5
    assert failures.filter(locked_out=True).count() == 1
    # One lock-out, one entry: the refused try does not add another.
    assert AuditEntry.objects.filter(action="web.signin.locked_out").count() == 1


def test_the_lockout_message_is_in_norwegian(
    client: Client, alice: User, axes_time: time_machine.Coordinates, settings: Settings
) -> None:
    settings.LANGUAGE_CODE = "nb"
    with translation.override("nb"):
        response = guess(client, "alice", 5)

    assert response.status_code == 429
    assert "For mange mislykkede forsøk på å logge inn." in response.text
    assert "Prøv igjen om 15 minutter, klokken 11:15." in response.text


def test_wrong_old_passwords_lock_the_password_change_and_the_sign_in(
    client: Client, alice: User, axes_time: time_machine.Coordinates
) -> None:
    # Someone at a computer where alice is signed in tries to find her password.
    client.force_login(alice)
    url = reverse("password_change")
    new = "fjellbekk-lyng-kaffe-93"
    for number in range(4):
        response = client.post(
            url,
            {"old_password": f"guess {number}", "new_password1": new, "new_password2": new},
            REMOTE_ADDR=GUESSER,
        )
        assert response.status_code == 200
        assert "Your old password was entered incorrectly" in response.text

    fifth = client.post(
        url,
        {"old_password": "guess 5", "new_password1": new, "new_password2": new},
        REMOTE_ADDR=GUESSER,
    )
    right = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        REMOTE_ADDR=GUESSER,
    )

    assert fifth.status_code == 429
    assert "Try again in 15 minutes, at 11:15." in fifth.text
    assert right.status_code == 429
    # What was typed is not kept with the failures.
    kept = AccessAttempt.objects.get(username="alice").post_data
    assert "guess" not in kept
    assert new not in kept
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)
    assert sign_in(Client(), "alice", PASSWORD, address=GUESSER).status_code == 429
    assert AuditEntry.objects.filter(action="web.signin.locked_out").count() == 1


def test_the_right_old_password_changes_it(client: Client, alice: User) -> None:
    client.force_login(alice)
    new = "fjellbekk-lyng-kaffe-93"

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new)
    assert AuditEntry.objects.filter(action="web.signin.password_changed", actor=alice).exists()
    assert client.get(reverse("portal:home")).status_code == 200  # still signed in


def test_the_password_page_is_for_signed_in_people_with_a_password_here(
    client: Client, alice: User
) -> None:
    url = reverse("password_change")
    assert client.get(url)["Location"].startswith(reverse("login"))

    client.force_login(alice)
    page = client.get(url)
    assert page.status_code == 200
    assert 'autocomplete="current-password"' in page.text

    alice.set_unusable_password()  # as for those who sign in through their institution
    alice.save()
    client.force_login(alice)
    assert client.get(url)["Location"] == reverse("portal:home")
