"""Sign-in through an OpenID Connect provider, against a mock provider over real HTTP.

The mock (oidc-provider-mock) runs on 127.0.0.1 in a background thread. The Django test client
plays the browser towards the site; urllib plays it towards the provider's sign-in form.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import threading
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import jwt
import pytest
import werkzeug.serving
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import clear_url_caches

from refusjon.claims.models import AuditEntry, StudentProfile, User
from refusjon.web import settings as settings_module
from refusjon.web.oidc import assurance_suffices

PASSWORD = "correct horse battery staple"

# The mock provider's libraries warn about their own deprecations as they serve: not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """The address of a mock OpenID provider that insists on a nonce."""
    with warnings.catch_warnings():
        # Its libraries warn about their own deprecations on import; those are not ours.
        # (authlib puts an "always" filter first when imported, so import it first.)
        import authlib.deprecate

        warnings.simplefilter("ignore", authlib.deprecate.AuthlibDeprecationWarning)
        import oidc_provider_mock

    server = werkzeug.serving.make_server(
        "127.0.0.1", 0, oidc_provider_mock.app(require_nonce=True), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


def settings_from(environment: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """A fresh copy of the settings module, read from ``environment``."""
    for name in list(os.environ):
        if name.startswith("REFUSJON_OIDC_"):
            monkeypatch.delenv(name)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location(
        "refusjon_settings_copy", settings_module.__file__
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def provider_environment(provider: str) -> dict[str, str]:
    return {
        "REFUSJON_OIDC_ISSUER": provider,
        "REFUSJON_OIDC_CLIENT_ID": "refusjon",
        "REFUSJON_OIDC_CLIENT_SECRET": "not-a-secret",
        "REFUSJON_OIDC_AUTHORIZATION_ENDPOINT": f"{provider}/oauth2/authorize",
        "REFUSJON_OIDC_TOKEN_ENDPOINT": f"{provider}/oauth2/token",
        "REFUSJON_OIDC_USERINFO_ENDPOINT": f"{provider}/userinfo",
        "REFUSJON_OIDC_JWKS_ENDPOINT": f"{provider}/jwks",
        # The mock's ID tokens carry no key id.
        "REFUSJON_OIDC_VERIFY_KID": "0",
    }


def reload_urls() -> None:
    """Read the URL configuration again, under the settings now in force."""
    import refusjon.web.urls

    importlib.reload(refusjon.web.urls)
    clear_url_caches()


@contextmanager
def site_configured(
    provider: str, monkeypatch: pytest.MonkeyPatch, **environment: str
) -> Iterator[str]:
    """The site as configured by an environment that names the mock provider (and more)."""
    configured = settings_from({**provider_environment(provider), **environment}, monkeypatch)
    names = [
        name
        for name in dir(configured)
        if name.startswith(("OIDC_", "REFUSJON_OIDC_"))
        or name in ("INSTALLED_APPS", "AUTHENTICATION_BACKENDS")
    ]
    try:
        with override_settings(**{name: getattr(configured, name) for name in names}):
            reload_urls()
            yield provider
    finally:
        reload_urls()


@pytest.fixture(autouse=True)
def pages_in_english(settings: Any) -> None:
    """The messages the sign-in pages show are read in English."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def oidc_on(provider: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The site as configured by an environment that names the mock provider."""
    with site_configured(provider, monkeypatch) as configured:
        yield configured


def provider_knows(provider: str, sub: str, **claims: object) -> None:
    """Tell the mock provider what it says about ``sub``."""
    request = urllib.request.Request(
        f"{provider}/users/{quote(sub)}",
        data=json.dumps(claims).encode(),
        headers={"Content-Type": "application/json"},
        method="PUT",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def answer_at_provider(authorize_url: str, form: dict[str, str]) -> str:
    """Submit the provider's sign-in form; where it sends the browser back to."""
    opener = urllib.request.build_opener(_KeepRedirects)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(authorize_url, data=urlencode(form).encode(), timeout=10)
    assert redirect.value.code == 302
    return str(redirect.value.headers["Location"])


def sign_in(client: Client, provider: str, sub: str) -> HttpResponse:
    """Go through the authorization-code flow as ``sub``; the site's answer to the callback."""
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302
    authorize_url = start["Location"]
    assert authorize_url.startswith(f"{provider}/oauth2/authorize?")
    back = urlsplit(answer_at_provider(authorize_url, {"sub": sub}))
    assert back.path == "/oidc/callback/"
    response: HttpResponse = client.get(f"{back.path}?{back.query}")
    return response


def messages_of(response: HttpResponse) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_a_student_signs_in_through_the_provider_and_gets_an_account(
    oidc_on: str, client: Client
) -> None:
    provider_knows(
        oidc_on, "student-42", given_name="Kari", family_name="Nordmann", email="kari@uio.no"
    )

    response = sign_in(client, oidc_on, "student-42")

    assert response.status_code == 302
    assert response["Location"] == "/profile/"
    assert client.get("/").status_code == 200
    user = User.objects.get(username="oidc-student-42")
    assert (user.first_name, user.last_name, user.email) == ("Kari", "Nordmann", "kari@uio.no")
    assert not user.has_usable_password()


@pytest.mark.django_db
def test_a_second_sign_in_reuses_the_account_and_updates_the_names(
    oidc_on: str, client: Client
) -> None:
    provider_knows(oidc_on, "student-42", given_name="Kari", family_name="Nordmann")
    sign_in(client, oidc_on, "student-42")
    first = User.objects.get(username="oidc-student-42")
    client.logout()
    provider_knows(oidc_on, "student-42", given_name="Kari", family_name="Hansen")

    sign_in(client, oidc_on, "student-42")

    assert client.get("/").status_code == 200
    assert User.objects.filter(username__startswith="oidc-").count() == 1
    again = User.objects.get(username="oidc-student-42")
    assert again.pk == first.pk
    assert again.last_name == "Hansen"


@pytest.mark.django_db
def test_the_student_returns_to_the_page_they_asked_for(oidc_on: str, client: Client) -> None:
    start = client.get("/oidc/authenticate/?next=/claim/new/")
    back = urlsplit(answer_at_provider(start["Location"], {"sub": "student-7"}))

    response = client.get(f"{back.path}?{back.query}")

    assert response["Location"] == "/claim/new/"


@pytest.mark.django_db
def test_a_provider_identity_never_takes_over_a_local_account_with_the_same_email(
    oidc_on: str, client: Client
) -> None:
    local = User.objects.create_user(
        "kari", email="kari@uio.no", password=PASSWORD, first_name="Kari", last_name="Lokal"
    )
    provider_knows(oidc_on, "student-42", family_name="Nordmann", email="kari@uio.no")

    sign_in(client, oidc_on, "student-42")

    assert client.session["_auth_user_id"] != str(local.pk)
    local.refresh_from_db()
    assert local.last_name == "Lokal"
    assert local.check_password(PASSWORD)
    assert User.objects.get(username="oidc-student-42").pk != local.pk


@pytest.mark.django_db
def test_a_local_account_named_like_a_provider_identity_is_refused(
    oidc_on: str, client: Client
) -> None:
    User.objects.create_user("oidc-student-42", password=PASSWORD, last_name="Lokal")

    response = sign_in(client, oidc_on, "student-42")

    assert response.status_code == 302
    assert response["Location"] == "/login/"
    assert "_auth_user_id" not in client.session
    assert messages_of(response)
    assert User.objects.get(username="oidc-student-42").last_name == "Lokal"


@pytest.mark.django_db
def test_an_id_token_from_another_issuer_is_refused(
    oidc_on: str, client: Client, settings: Any
) -> None:
    settings.REFUSJON_OIDC_ISSUER = "https://idp.example"

    response = sign_in(client, oidc_on, "student-42")

    assert response["Location"] == "/login/"
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="oidc-student-42").exists()


@pytest.mark.django_db
def test_a_sign_in_refused_at_the_provider_leads_back_to_the_sign_in_page(
    oidc_on: str, client: Client
) -> None:
    start = client.get("/oidc/authenticate/")
    back = urlsplit(answer_at_provider(start["Location"], {"action": "deny"}))

    response = client.get(f"{back.path}?{back.query}")

    assert "error=access_denied" in back.query
    assert response["Location"] == "/login/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_callback_without_a_started_sign_in_signs_no_one_in(oidc_on: str, client: Client) -> None:
    response = client.get("/oidc/callback/?code=made-up&state=made-up")

    assert response["Location"] == "/login/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_an_answer_with_a_forged_state_signs_no_one_in(oidc_on: str, client: Client) -> None:
    start = client.get("/oidc/authenticate/")
    back = urlsplit(answer_at_provider(start["Location"], {"sub": "student-42"}))
    code = parse_qs(back.query)["code"][0]

    response = client.get("/oidc/callback/", {"code": code, "state": "forged"})

    assert response["Location"] == "/login/"
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="oidc-student-42").exists()


@pytest.mark.django_db
def test_a_code_the_provider_does_not_know_leads_back_to_the_sign_in_page(
    oidc_on: str, client: Client
) -> None:
    start = client.get("/oidc/authenticate/")
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]

    response = client.get("/oidc/callback/", {"code": "made-up", "state": state})

    assert response["Location"] == "/login/"
    assert messages_of(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_local_accounts_still_sign_in_when_the_provider_is_on(oidc_on: str, client: Client) -> None:
    User.objects.create_user("alice", password=PASSWORD)

    response = client.post("/login/", {"username": "alice", "password": PASSWORD})

    assert response.status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_a_password_sign_in_with_a_code_in_its_address_goes_nowhere_near_the_provider(
    oidc_on: str, client: Client
) -> None:
    User.objects.create_user("alice", password=PASSWORD)

    response = client.post(
        "/login/?code=made-up&state=made-up", {"username": "alice", "password": "wrong"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_sign_in_page_offers_the_provider_when_it_is_on(
    oidc_on: str, client: Client, settings: Any
) -> None:
    settings.REFUSJON_OIDC_LABEL = "Sign in with Feide"

    page = client.get("/login/?next=/claim/new/").content.decode()

    assert 'href="/oidc/authenticate/?next=/claim/new/"' in page
    assert "Sign in with Feide" in page


@pytest.mark.django_db
def test_with_the_provider_off_there_is_no_oidc_address_and_no_button(client: Client) -> None:
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/").status_code == 404
    assert "/oidc/" not in client.get("/login/").content.decode()


def test_the_provider_is_off_when_the_environment_names_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configured = settings_from({}, monkeypatch)

    assert not configured.REFUSJON_OIDC_ENABLED
    assert "mozilla_django_oidc" not in configured.INSTALLED_APPS
    assert configured.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    assert not hasattr(configured, "OIDC_RP_CLIENT_ID")


def test_a_half_configured_provider_stops_the_site(monkeypatch: pytest.MonkeyPatch) -> None:
    environment = provider_environment("https://idp.example")
    del environment["REFUSJON_OIDC_JWKS_ENDPOINT"]

    with pytest.raises(ImproperlyConfigured, match="REFUSJON_OIDC_JWKS_ENDPOINT"):
        settings_from(environment, monkeypatch)


def test_an_issuer_alone_stops_the_site(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImproperlyConfigured, match="REFUSJON_OIDC_CLIENT_ID"):
        settings_from({"REFUSJON_OIDC_ISSUER": "https://idp.example"}, monkeypatch)


def test_a_configured_provider_keeps_the_local_accounts(monkeypatch: pytest.MonkeyPatch) -> None:
    configured = settings_from(provider_environment("https://idp.example"), monkeypatch)

    assert configured.REFUSJON_OIDC_ENABLED
    assert configured.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        "refusjon.web.oidc.RefusjonOIDCBackend",
    ]
    assert configured.OIDC_RP_SIGN_ALGO == "RS256"
    assert configured.OIDC_RP_SCOPES == "openid profile email"
    assert configured.OIDC_VERIFY_KID is False
    assert configured.OIDC_OP_USER_ENDPOINT == "https://idp.example/userinfo"


# ID-porten: the national identity number (pid), the level of assurance (acr), signing out.

KARI_PID = "15030450024"  # a fødselsnummer with real check digits: born 15 March 2004
OLA_D_NUMBER = "41079900085"  # a D-number (day + 40): born 1 July 1999
KARI_PID_BAD_CHECK_DIGIT = "15030450025"


def student_with_a_full_profile(username: str, person_id: str) -> User:
    user = User.objects.create_user(username)
    user.set_unusable_password()
    user.save()
    StudentProfile.objects.create(
        user=user, person_id=person_id, birth_date=date(2004, 3, 15), bank_account="86011117947"
    )
    return user


@pytest.mark.django_db
def test_the_first_sign_in_with_a_pid_starts_the_profile_with_the_birth_date_in_it(
    oidc_on: str, client: Client
) -> None:
    provider_knows(oidc_on, "idporten-kari", pid=KARI_PID, given_name="Kari")

    response = sign_in(client, oidc_on, "idporten-kari")

    user = User.objects.get(username="oidc-idporten-kari")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert (user.profile.person_id, user.profile.birth_date) == (KARI_PID, date(2004, 3, 15))
    started = AuditEntry.objects.get(action="claims.profile.started")
    assert started.actor == user
    assert KARI_PID not in json.dumps(started.data)
    # The rest of the profile (where to pay) is still to be filled in.
    assert response["Location"] == "/profile/"


@pytest.mark.django_db
def test_a_d_number_gives_the_birth_date_too(oidc_on: str, client: Client) -> None:
    provider_knows(oidc_on, "idporten-ola", pid=OLA_D_NUMBER)

    sign_in(client, oidc_on, "idporten-ola")

    profile = StudentProfile.objects.get(user__username="oidc-idporten-ola")
    assert (profile.person_id, profile.birth_date) == (OLA_D_NUMBER, date(1999, 7, 1))


@pytest.mark.django_db
def test_a_pid_with_a_wrong_check_digit_signs_no_one_in_and_makes_no_account(
    oidc_on: str, client: Client
) -> None:
    provider_knows(oidc_on, "idporten-bad", pid=KARI_PID_BAD_CHECK_DIGIT)

    response = sign_in(client, oidc_on, "idporten-bad")

    assert response["Location"] == "/login/"
    assert messages_of(response) == ["The national identity number from your sign-in is not valid."]
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="oidc-idporten-bad").exists()
    assert not StudentProfile.objects.exists()


@pytest.mark.django_db
def test_a_returning_person_with_the_same_pid_gets_the_same_account_and_profile(
    oidc_on: str, client: Client
) -> None:
    provider_knows(oidc_on, "idporten-kari", pid=KARI_PID)
    sign_in(client, oidc_on, "idporten-kari")
    client.logout()

    sign_in(client, oidc_on, "idporten-kari")

    user = User.objects.get(username="oidc-idporten-kari")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert User.objects.filter(username__startswith="oidc-").count() == 1
    assert StudentProfile.objects.get().user == user
    assert AuditEntry.objects.filter(action="claims.profile.started").count() == 1


@pytest.mark.django_db
def test_a_pid_other_than_the_one_on_the_profile_is_refused_and_logged(
    oidc_on: str, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    kari = student_with_a_full_profile("oidc-idporten-kari", KARI_PID)
    provider_knows(oidc_on, "idporten-kari", pid=OLA_D_NUMBER, family_name="Changed")

    response = sign_in(client, oidc_on, "idporten-kari")

    assert response["Location"] == "/login/"
    assert messages_of(response) == [
        "This account belongs to someone else than the person who signed in."
    ]
    assert "_auth_user_id" not in client.session
    kari.refresh_from_db()
    assert kari.profile.person_id == KARI_PID
    assert kari.last_name == ""
    refused = AuditEntry.objects.get(action="claims.profile.identity_refused")
    assert (refused.actor, refused.data) == (kari, {"reason": "another_number"})
    warnings = [r for r in caplog.records if r.name == "django.security.oidc"]
    assert len(warnings) == 1
    assert "idporten-kari" in warnings[0].getMessage()
    assert OLA_D_NUMBER not in caplog.text


@pytest.mark.django_db
def test_a_pid_that_another_account_holds_makes_no_second_account(
    oidc_on: str, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    carol = student_with_a_full_profile("carol", KARI_PID)
    provider_knows(oidc_on, "idporten-new-sub", pid=KARI_PID)

    response = sign_in(client, oidc_on, "idporten-new-sub")

    assert response["Location"] == "/login/"
    assert messages_of(response) == [
        "Another account already belongs to your national identity number."
    ]
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="oidc-idporten-new-sub").exists()
    assert StudentProfile.objects.get().user == carol
    assert any(r.name == "django.security.oidc" for r in caplog.records)
    # The refusal is in the audit log although no user was made: no actor, the provider's
    # subject, never the number.
    refused = AuditEntry.objects.get(action="claims.profile.identity_refused")
    assert (refused.actor, refused.data) == (
        None,
        {"reason": "number_taken", "subject": "idporten-new-sub"},
    )
    assert KARI_PID not in json.dumps(refused.data)


@pytest.mark.django_db
def test_a_pid_taken_during_the_first_sign_in_is_refused_and_logged_once(
    oidc_on: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from refusjon.web import oidc

    student_with_a_full_profile("carol", KARI_PID)
    checks = []
    real_check = oidc.refuse_identity_held

    def free_at_first(person_id: str, *, subject: str) -> None:
        # The first check runs before carol's profile "is saved": it finds the number free.
        checks.append(subject)
        if len(checks) > 1:
            real_check(person_id, subject=subject)

    monkeypatch.setattr(oidc, "refuse_identity_held", free_at_first)
    provider_knows(oidc_on, "idporten-racer", pid=KARI_PID)

    response = sign_in(client, oidc_on, "idporten-racer")

    assert messages_of(response) == [
        "Another account already belongs to your national identity number."
    ]
    assert not User.objects.filter(username="oidc-idporten-racer").exists()
    refused = AuditEntry.objects.get(action="claims.profile.identity_refused")
    assert (refused.actor, refused.data) == (
        None,
        {"reason": "number_taken", "subject": "idporten-racer"},
    )


@pytest.mark.django_db
def test_without_a_pid_no_profile_is_started(oidc_on: str, client: Client) -> None:
    provider_knows(oidc_on, "feide-kari", given_name="Kari")

    sign_in(client, oidc_on, "feide-kari")

    assert client.session["_auth_user_id"]
    assert not StudentProfile.objects.exists()


@pytest.mark.django_db
def test_the_identity_number_claim_can_be_feides(
    provider: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    feide_nin = "https://n.feide.no/claims/nin"
    provider_knows(provider, "feide-ola", **{feide_nin: OLA_D_NUMBER, "pid": KARI_PID})

    with site_configured(provider, monkeypatch, REFUSJON_OIDC_PERSON_ID_CLAIM=feide_nin):
        sign_in(client, provider, "feide-ola")

    assert StudentProfile.objects.get(user__username="oidc-feide-ola").person_id == OLA_D_NUMBER


@pytest.mark.django_db
def test_a_returning_student_with_a_full_profile_lands_on_the_start_page(
    oidc_on: str, client: Client
) -> None:
    student_with_a_full_profile("oidc-idporten-kari", KARI_PID)
    provider_knows(oidc_on, "idporten-kari", pid=KARI_PID)

    response = sign_in(client, oidc_on, "idporten-kari")

    assert response["Location"] == "/"


@pytest.mark.django_db
def test_a_caseworker_without_a_profile_lands_on_the_start_page(
    oidc_on: str, client: Client
) -> None:
    bob = User.objects.create_user("oidc-feide-bob")
    bob.set_unusable_password()
    bob.save()
    bob.groups.add(Group.objects.get_or_create(name="caseworkers")[0])

    response = sign_in(client, oidc_on, "feide-bob")

    assert response["Location"] == "/"


@pytest.mark.django_db
def test_a_level_of_assurance_lower_than_asked_for_is_refused(
    provider: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider_knows(provider, "idporten-minid", pid=KARI_PID, acr="idporten-loa-substantial")

    with site_configured(provider, monkeypatch, REFUSJON_OIDC_ACR_VALUES="idporten-loa-high"):
        start = client.get("/oidc/authenticate/")
        assert parse_qs(urlsplit(start["Location"]).query)["acr_values"] == ["idporten-loa-high"]
        response = sign_in(client, provider, "idporten-minid")

    assert response["Location"] == "/login/"
    assert messages_of(response) == [
        "This service needs a sign-in with a higher level of security than the one you used. "
        "Sign in again with, for example, BankID."
    ]
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(username="oidc-idporten-minid").exists()


@pytest.mark.django_db
def test_the_level_of_assurance_asked_for_signs_in(
    provider: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider_knows(provider, "idporten-bankid", acr="idporten-loa-high")

    with site_configured(provider, monkeypatch, REFUSJON_OIDC_ACR_VALUES="idporten-loa-high"):
        sign_in(client, provider, "idporten-bankid")

    assert client.session["_auth_user_id"]


@pytest.mark.django_db
def test_an_id_token_without_a_level_of_assurance_is_refused_when_one_is_asked_for(
    provider: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    provider_knows(provider, "idporten-no-acr")

    with site_configured(provider, monkeypatch, REFUSJON_OIDC_ACR_VALUES="idporten-loa-high"):
        response = sign_in(client, provider, "idporten-no-acr")

    assert response["Location"] == "/login/"
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("acr", "required", "suffices"),
    [
        ("idporten-loa-high", ["idporten-loa-substantial"], True),
        ("idporten-loa-substantial", ["idporten-loa-high"], False),
        ("Level4", ["idporten-loa-high"], True),
        ("Level3", ["idporten-loa-high"], False),
        ("something-else", ["idporten-loa-substantial"], False),
        ("house-level-7", ["house-level-7"], True),
        (None, ["idporten-loa-substantial"], False),
        (None, [], True),
    ],
)
def test_a_higher_level_of_assurance_than_asked_for_suffices(
    acr: str | None, required: list[str], suffices: bool
) -> None:
    assert assurance_suffices(acr, required) is suffices


@pytest.mark.django_db
def test_signing_out_ends_the_session_at_the_provider_too(
    provider: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    end_session = f"{provider}/oauth2/end_session"
    provider_knows(provider, "idporten-kari", pid=KARI_PID)

    with site_configured(provider, monkeypatch, REFUSJON_OIDC_LOGOUT_URL=end_session):
        sign_in(client, provider, "idporten-kari")
        id_token = client.session["oidc_id_token"]
        response = client.post("/logout/")

    assert response.status_code == 302
    to = urlsplit(response["Location"])
    assert f"{to.scheme}://{to.netloc}{to.path}" == end_session
    assert parse_qs(to.query) == {
        "id_token_hint": [id_token],
        "post_logout_redirect_uri": ["http://testserver/login/"],
    }
    assert jwt.decode(id_token, options={"verify_signature": False})["sub"] == "idporten-kari"
    assert "_auth_user_id" not in client.session
    # The provider shows its own sign-out page, which then sends the browser back to us.
    with urllib.request.urlopen(response["Location"], timeout=10) as page:
        assert page.status == 200


@pytest.mark.django_db
def test_the_providers_own_logout_address_ends_the_session_there_too(
    provider: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    end_session = f"{provider}/oauth2/end_session"

    with site_configured(provider, monkeypatch, REFUSJON_OIDC_LOGOUT_URL=end_session):
        sign_in(client, provider, "idporten-kari")
        response = client.post("/oidc/logout/")

    assert response["Location"].startswith(f"{end_session}?id_token_hint=")
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_local_account_signs_out_locally_when_the_provider_has_a_logout(
    provider: str, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    User.objects.create_user("alice", password=PASSWORD)
    client.post("/login/", {"username": "alice", "password": PASSWORD})

    with site_configured(
        provider, monkeypatch, REFUSJON_OIDC_LOGOUT_URL=f"{provider}/oauth2/end_session"
    ):
        response = client.post("/logout/")

    assert response["Location"] == "/login/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_without_a_provider_logout_signing_out_stays_here(oidc_on: str, client: Client) -> None:
    sign_in(client, oidc_on, "idporten-kari")

    response = client.post("/logout/")

    assert response["Location"] == "/login/"
    assert "oidc_id_token" not in client.session
    assert "_auth_user_id" not in client.session


def test_the_environment_names_the_level_of_assurance_claim_and_logout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    environment = provider_environment("https://idp.example")
    environment["REFUSJON_OIDC_ACR_VALUES"] = "idporten-loa-substantial idporten-loa-high"
    environment["REFUSJON_OIDC_LOGOUT_URL"] = "https://idp.example/logout"

    configured = settings_from(environment, monkeypatch)

    assert configured.REFUSJON_OIDC_ACR_VALUES == [
        "idporten-loa-substantial",
        "idporten-loa-high",
    ]
    assert configured.OIDC_AUTH_REQUEST_EXTRA_PARAMS == {
        "acr_values": "idporten-loa-substantial idporten-loa-high"
    }
    assert configured.REFUSJON_OIDC_PERSON_ID_CLAIM == "pid"
    assert configured.OIDC_STORE_ID_TOKEN is True
    assert configured.OIDC_OP_LOGOUT_URL_METHOD == "refusjon.web.oidc.provider_logout_url"


def test_by_default_no_level_of_assurance_is_asked_for_and_no_id_token_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configured = settings_from(provider_environment("https://idp.example"), monkeypatch)

    assert configured.REFUSJON_OIDC_ACR_VALUES == []
    assert not hasattr(configured, "OIDC_AUTH_REQUEST_EXTRA_PARAMS")
    assert not hasattr(configured, "OIDC_STORE_ID_TOKEN")
