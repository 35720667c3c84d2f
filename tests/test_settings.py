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


PRODUCTION = {
    "REFUSJON_ENV": "production",
    "REFUSJON_SECRET_KEY": "k" * 60 + "-Secret-From-The-Vault-42",
    "REFUSJON_ALLOWED_HOSTS": "refusjon.example.no",
}
PAYERS = {
    f"REFUSJON_PAYER_{scheme}_{field}": value
    for scheme in (
        "SIO",
        "SSN",
        "HELFO_ABROAD",
        "SIS",
        "SIA",
        "SIOST",
        "STUDENTINORD",
        "SIVOLDA",
        "SAMMEN",
    )
    for field, value in {
        "NAME": f"{scheme} payer",
        "ORGANISATION_NUMBER": "974760673",
        "ACCOUNT": "86011117947",
        "BIC": "DNBANOKKXXX",
        "ADDRESS": "Postboks 1; 0001 Oslo",
        "EMAIL": "helse@example.no",
        "PHONE": "+47 22 22 22 22",
    }.items()
}


def test_production_settings_pass_the_deploy_check() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **PAYERS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deploy_check_names_the_payer_settings_left_at_the_demo_values() -> None:
    payers = {k: v for k, v in PAYERS.items() if k != "REFUSJON_PAYER_SSN_ACCOUNT"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **payers)
    assert result.returncode != 0
    assert "refusjon.W001" in result.stderr + result.stdout
    assert "REFUSJON_PAYER_SSN_ACCOUNT" in result.stderr + result.stdout
    assert "REFUSJON_PAYER_SIO_ACCOUNT" not in result.stderr + result.stdout


def test_the_deploy_check_warns_while_one_organisation_s_payer_is_the_demo_s() -> None:
    payers = {k: v for k, v in PAYERS.items() if not k.startswith("REFUSJON_PAYER_SAMMEN_")}
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **payers)
    assert result.returncode != 0
    assert "REFUSJON_PAYER_SAMMEN_ACCOUNT" in result.stderr + result.stdout
    assert "REFUSJON_PAYER_SIS_ACCOUNT" not in result.stderr + result.stdout


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


def test_the_site_hashes_passwords_with_argon2() -> None:
    """The tests sign in with a fast hasher (tests/conftest.py); the site keeps argon2."""
    from django.contrib.auth.hashers import make_password
    from django.test import override_settings

    from refusjon.web import settings as site

    assert site.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=site.PASSWORD_HASHERS):
        assert make_password("correct horse battery staple").startswith("argon2$")
