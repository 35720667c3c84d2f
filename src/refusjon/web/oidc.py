"""Sign-in through an OpenID Connect provider (Feide, ID-porten) beside the local accounts.

A person who signs in this way is the user named ``oidc-`` followed by the provider's stable
subject (``sub``). The email is copied but never used to find anyone, so an identity at the
provider cannot take over a local account that happens to have the same email.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from refusjon.claims.models import User

USERNAME_PREFIX = "oidc-"

log = logging.getLogger(__name__)
security_log = logging.getLogger("django.security.oidc")

# Which claim fills which field of the user, on the first and on every later sign-in.
CLAIM_FIELDS = {"given_name": "first_name", "family_name": "last_name", "email": "email"}


def oidc_username(subject: str) -> str:
    """The username of the person the provider knows by ``subject``."""
    return USERNAME_PREFIX + subject


class RefusjonOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Finds or creates the user by the provider's subject, never by email."""

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> User | None:
        # Only the callback view passes a nonce. Without this, a password sign-in posted to an
        # address with ``?code=...&state=...`` would send that code to the provider.
        if request is None or "nonce" not in kwargs:
            return None
        user: User | None = super().authenticate(request, **kwargs)
        return user

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The ID token's claims, refused unless it was issued to us (and by our issuer)."""
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("the ID token was issued to another client")
        issuer = getattr(settings, "REFUSJON_OIDC_ISSUER", "")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("the ID token comes from another issuer")
        return payload

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        """The userinfo claims, which must be about the subject of the ID token."""
        claims: dict[str, Any] = super().get_userinfo(access_token, id_token, payload)
        if not payload.get("sub") or claims.get("sub") != payload["sub"]:
            raise SuspiciousOperation("the userinfo and the ID token name different subjects")
        return claims

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        # ID-porten gives no email; the subject is all we need.
        return bool(claims.get("sub"))

    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        return f"subject {claims.get('sub')}"

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return User.objects.filter(username=oidc_username(claims["sub"]))

    def create_user(self, claims: dict[str, Any]) -> User:
        user = User(username=oidc_username(claims["sub"]))
        user.set_unusable_password()
        copy_claims(user, claims)
        user.save()
        return user

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        if user.has_usable_password():
            # Someone made a local account with this name; it is not the provider's person.
            raise SuspiciousOperation("a local account has the username of this identity")
        changed = copy_claims(user, claims)
        if changed:
            user.save(update_fields=changed)
        return user


def copy_claims(user: User, claims: dict[str, Any]) -> list[str]:
    """Copy the names and email the provider gave onto ``user``; the fields that changed."""
    changed = []
    for claim, field in CLAIM_FIELDS.items():
        value = claims.get(claim)
        if not isinstance(value, str) or not value:
            continue
        model_field = User._meta.get_field(field)
        assert isinstance(model_field, models.CharField)
        value = value[: model_field.max_length]
        if getattr(user, field) != value:
            setattr(user, field, value)
            changed.append(field)
    return changed


class RefusjonOIDCCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """The provider's way back: on failure, the sign-in page with a message."""

    def get(self, request: HttpRequest) -> HttpResponse:
        # A forged or stale answer (unknown state, wrong nonce, issuer or audience) is logged
        # and ends like any failed sign-in, not as a bare 400 page.
        try:
            response: HttpResponse = super().get(request)
        except SuspiciousOperation as error:
            security_log.warning("OpenID Connect sign-in refused: %s", error)
            return self.login_failure()
        except OSError as error:
            # requests' errors are OSErrors: the provider refused the code or did not answer.
            log.warning("OpenID Connect sign-in failed at the provider: %s", error)
            return self.login_failure()
        return response

    def login_failure(self) -> HttpResponse:
        messages.error(
            self.request,
            _(
                "Signing in through your institution did not succeed. Try again, or sign in "
                "with your user name and password."
            ),
        )
        return redirect(settings.LOGIN_URL)
