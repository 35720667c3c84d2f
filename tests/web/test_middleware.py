"""Every page carries a content security policy, nothing a signed-in person sees is cached, and
an htmx request whose session has ended is sent to sign in as a whole page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from pytest_django import Settings

from refusjon.claims import services
from refusjon.claims.models import User
from refusjon.intake import services as intake
from refusjon.intake.views import INLINE_POLICY
from refusjon.web.middleware import (
    CONTENT_SECURITY_POLICY,
    SecurityHeadersMiddleware,
    content_security_policy,
)
from tests.factories import NOW, sio_draft
from tests.intake.files import png

HTMX = {"HX-Request": "true"}


def test_a_page_has_the_sites_policy(client: Client, alice: User) -> None:
    client.force_login(alice)
    response = client.get(reverse("portal:home"))
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY


def test_the_sign_in_page_has_the_policy_too(client: Client) -> None:
    assert client.get(reverse("login"))["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_a_document_keeps_the_stricter_policy_its_view_set(
    client: Client, alice: User, bob: User, tmp_path: Path, settings: Settings
) -> None:
    settings.MEDIA_ROOT = tmp_path
    claim = sio_draft(alice, "700.00")
    attachment = intake.attach_document(
        claim, by=alice, data=png(), filename="scan.png", document_type="receipt", now=NOW
    )
    client.force_login(bob)
    inline = client.get(reverse("intake:inline", args=[attachment.pk]))
    assert inline.status_code == 200
    assert inline["Content-Security-Policy"] == INLINE_POLICY
    assert inline["Cache-Control"] == "private, no-store"


def test_a_response_that_is_not_a_page_gets_no_policy(client: Client, bob: User) -> None:
    client.force_login(bob)
    response = client.get(reverse("workspace:report_decisions_csv"))
    assert not response["Content-Type"].startswith("text/html")
    assert "Content-Security-Policy" not in response


def test_nothing_a_signed_in_person_sees_is_cached(client: Client, alice: User) -> None:
    client.force_login(alice)
    assert client.get(reverse("portal:home"))["Cache-Control"] == "no-store, private"


def test_a_cache_control_the_view_set_is_kept(client: Client, alice: User) -> None:
    client.force_login(alice)
    assert client.get(reverse("portal:recoveries"))["Cache-Control"] == "private, no-store"


def test_a_response_to_someone_not_signed_in_is_not_marked(rf: RequestFactory) -> None:
    request = rf.get("/")
    request.user = AnonymousUser()
    response = SecurityHeadersMiddleware(lambda request: HttpResponse("<p>Hello</p>"))(request)
    assert "Cache-Control" not in response
    assert response["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_signing_out_to_the_provider_is_a_form_action_the_policy_allows(
    settings: Settings,
) -> None:
    settings.REFUSJON_OIDC_LOGOUT_URL = "https://idp.example.no/logout?x=1"
    policy = content_security_policy()
    assert policy.endswith("form-action 'self' https://idp.example.no")
    del settings.REFUSJON_OIDC_LOGOUT_URL
    assert content_security_policy() == CONTENT_SECURITY_POLICY


def test_an_htmx_request_after_the_session_ended_is_sent_to_sign_in_whole(
    client: Client, alice: User
) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026")
    page = reverse("portal:claim", args=[claim.reference])
    response = client.get(
        reverse("portal:estimate", args=[claim.reference]),
        headers={**HTMX, "HX-Current-URL": f"http://testserver{page}?tab=lines"},
    )
    assert response.status_code == 401
    assert (
        response["HX-Redirect"] == f"{reverse('login')}?next={quote(page + '?tab=lines', safe='')}"
    )
    assert response.content == b""


def test_without_the_page_htmx_names_the_path_it_asked_for(client: Client, alice: User) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026")
    asked = reverse("portal:add_line", args=[claim.reference])
    response = client.post(asked, {}, headers=HTMX)
    assert response.status_code == 401
    assert response["HX-Redirect"] == f"{reverse('login')}?next={quote(asked, safe='')}"


def test_a_page_of_another_site_is_not_where_sign_in_leads_back(
    client: Client, alice: User
) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026")
    asked = reverse("portal:estimate", args=[claim.reference])
    response = client.get(
        asked, headers={**HTMX, "HX-Current-URL": "https://evil.example.com/phish"}
    )
    assert response["HX-Redirect"] == f"{reverse('login')}?next={quote(asked, safe='')}"


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "false"}])
def test_a_plain_request_is_still_redirected_to_sign_in(
    client: Client, alice: User, headers: dict[str, str]
) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026")
    response = client.get(reverse("portal:claim", args=[claim.reference]), headers=headers)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    assert "HX-Redirect" not in response


def test_a_signed_in_htmx_request_is_answered_as_usual(client: Client, alice: User) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026")
    client.force_login(alice)
    response = client.get(reverse("portal:estimate", args=[claim.reference]), headers=HTMX)
    assert response.status_code == 200
    assert "HX-Redirect" not in response


def test_a_debug_error_page_keeps_its_inline_styles(rf: RequestFactory, settings: Settings) -> None:
    settings.DEBUG = True
    request = rf.get("/")
    request.user = AnonymousUser()
    response = SecurityHeadersMiddleware(lambda request: HttpResponse("<p>Oops</p>", status=500))(
        request
    )
    assert "Content-Security-Policy" not in response
