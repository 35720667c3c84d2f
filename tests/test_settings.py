"""Settings come from the environment, and production settings pass Django's deploy check."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("REFUSJON_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_production_settings_pass_the_deploy_check() -> None:
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        REFUSJON_ENV="production",
        REFUSJON_SECRET_KEY="k" * 60 + "-Secret-From-The-Vault-42",
        REFUSJON_ALLOWED_HOSTS="refusjon.example.no",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = manage("check", REFUSJON_ENV="production", REFUSJON_ALLOWED_HOSTS="x.example.no")
    assert result.returncode != 0
    assert "REFUSJON_SECRET_KEY" in result.stderr


def test_database_url_switches_to_postgresql() -> None:
    from refusjon.web.settings import database_from_url

    database = database_from_url("postgres://refusjon:s%40cret@db.example.no:5433/claims")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["USER"], database["PASSWORD"]) == ("refusjon", "s@cret")
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.example.no",
        "5433",
        "claims",
    )


def test_a_session_ends_with_the_browser_and_after_eight_hours() -> None:
    from django.conf import settings

    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


def test_the_session_age_comes_from_the_environment() -> None:
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SESSION_COOKIE_AGE)",
        REFUSJON_SESSION_HOURS="2",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(2 * 60 * 60)
