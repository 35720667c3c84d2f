"""The deploy check says so when the sign-in throttle is turned off."""

from __future__ import annotations

from tests.test_settings import PAYERS, PRODUCTION, manage


def test_the_deploy_check_warns_when_the_throttle_is_off() -> None:
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        **PAYERS,
        REFUSJON_SIGNIN_THROTTLE="0",
    )

    assert result.returncode != 0
    assert "refusjon.W010" in result.stdout + result.stderr
