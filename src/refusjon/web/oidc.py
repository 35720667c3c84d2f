"""Sign-in through an OpenID Connect provider (Feide, ID-porten) beside the local accounts.

A person who signs in this way is the user named ``oidc-`` followed by the provider's stable
subject (``sub``). The email is copied but never used to find anyone, so an identity at the
provider cannot take over a local account that happens to have the same email.

When the provider vouches for a national identity number (ID-porten's ``pid``), the first
sign-in starts the person's profile with it, and every later one must bring the same number.
When levels of assurance are asked for, an ID token with a lower ``acr`` signs no one in.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import LogoutView
from django.core.exceptions import SuspiciousOperation
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from refusjon.claims.models import StudentProfile, User
from refusjon.claims.profiles import (
    ProfileError,
    refuse_identity_held,
    start_profile_from_identity,
)
from refusjon.claims.services import is_caseworker
from refusjon.web import signin

USERNAME_PREFIX = "oidc-"

log = logging.getLogger(__name__)
security_log = logging.getLogger("django.security.oidc")

# Which claim fills which field of the user, on the first and on every later sign-in.
CLAIM_FIELDS = {"given_name": "first_name", "family_name": "last_name", "email": "email"}

# Levels of assurance (``acr``) by rank, so that a higher level than the one asked for also
# passes: ID-porten's names, its names before 2023, and eIDAS's. Any other value passes only
# when it is one of those asked for.
ASSURANCE_RANKS = {
    "idporten-loa-low": 1,
    "idporten-loa-substantial": 2,
    "idporten-loa-high": 3,
    "Level3": 2,
    "Level4": 3,
    "http://eidas.europa.eu/LoA/low": 1,
    "http://eidas.europa.eu/LoA/substantial": 2,
    "http://eidas.europa.eu/LoA/high": 3,
}


class SignInRefused(Exception):
    """A sign-in the provider vouched for that the site still refuses; ``message`` tells the
    person why, ``reason`` tells the security log."""

    def __init__(self, message: Any, *, reason: str) -> None:
        super().__init__(reason)
        self.message = message
        self.reason = reason


def oidc_username(subject: str) -> str:
    """The username of the person the provider knows by ``subject``."""
    return USERNAME_PREFIX + subject


def assurance_suffices(acr: object, required: Sequence[str]) -> bool:
    """Whether an ID token's level of assurance is one of those asked for, or higher."""
    if not required:
        return True
    if not isinstance(acr, str):
        return False
    if acr in required:
        return True
    asked = [ASSURANCE_RANKS[value] for value in required if value in ASSURANCE_RANKS]
    return bool(asked) and ASSURANCE_RANKS.get(acr, 0) >= min(asked)


def person_id_claim() -> str:
    """The claim with the national identity number; empty when none is read."""
    return str(getattr(settings, "REFUSJON_OIDC_PERSON_ID_CLAIM", ""))


def person_id_in(claims: dict[str, Any]) -> str | None:
    """The national identity number the provider gave, as given (not yet checked)."""
    claim = person_id_claim()
    value = claims.get(claim) if claim else None
    if value is None or value == "":
        return None
    return str(value)


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
        """The userinfo claims, which must be about the subject of the ID token; the identity
        number as the ID token gives it, when it does (ID-porten's userinfo need not)."""
        claims: dict[str, Any] = super().get_userinfo(access_token, id_token, payload)
        if not payload.get("sub") or claims.get("sub") != payload["sub"]:
            raise SuspiciousOperation("the userinfo and the ID token name different subjects")
        claim = person_id_claim()
        if claim and claim in payload:
            claims = {**claims, claim: payload[claim]}
        return claims

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User | None:
        required = getattr(settings, "REFUSJON_OIDC_ACR_VALUES", [])
        if not assurance_suffices(payload.get("acr"), required):
            raise SignInRefused(
                gettext_lazy(
                    "This service needs a sign-in with a higher level of security than the one "
                    "you used. Sign in again with, for example, BankID."
                ),
                reason=f"level of assurance {payload.get('acr')!r} is below {required}",
            )
        user: User | None = super().get_or_create_user(access_token, id_token, payload)
        return user

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        # ID-porten gives no email; the subject is all we need.
        return bool(claims.get("sub"))

    def describe_user_by_claims(self, claims: dict[str, Any]) -> str:
        return f"subject {claims.get('sub')}"

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        return User.objects.filter(username=oidc_username(claims["sub"]))

    def create_user(self, claims: dict[str, Any]) -> User:
        check_identity_free(claims)
        # One transaction: a refused identity number leaves no user behind.
        try:
            with transaction.atomic():
                user = User(username=oidc_username(claims["sub"]))
                user.set_unusable_password()
                copy_claims(user, claims)
                user.save()
                check_identity(user, claims)
        except SignInRefused:
            # The number was taken between the check and the profile: the refusal logged
            # inside the block went with it, so it is logged again, outside.
            check_identity_free(claims)
            raise
        return user

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        if user.has_usable_password():
            # Someone made a local account with this name; it is not the provider's person.
            raise SuspiciousOperation("a local account has the username of this identity")
        check_identity(user, claims)
        changed = copy_claims(user, claims)
        if changed:
            user.save(update_fields=changed)
        return user


def check_identity(user: User, claims: dict[str, Any]) -> None:
    """Start the profile from the identity number the provider gave, or check that the profile
    holds that number; no number, nothing to check (Feide need not give one)."""
    person_id = person_id_in(claims)
    if person_id is None:
        return
    try:
        start_profile_from_identity(user, person_id=person_id)
    except ProfileError as error:
        raise _refusal(error, f"user {user.pk}, subject {claims['sub']}") from error


def check_identity_free(claims: dict[str, Any]) -> None:
    """Before the first sign-in makes a user: refuse an identity number another profile holds
    (logged, with the subject; no user is made)."""
    person_id = person_id_in(claims)
    if person_id is None:
        return
    try:
        refuse_identity_held(person_id, subject=claims["sub"])
    except ProfileError as error:
        raise _refusal(error, f"first sign-in, subject {claims['sub']}") from error


def _refusal(error: ProfileError, who: str) -> SignInRefused:
    """The sign-in refused for ``error``; the security log reads why in English."""
    with translation.override("en"):
        reason = f"{error.args[0]} ({who})"
    return SignInRefused(error.args[0], reason=reason)


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
        # An address locked out for failed sign-ins gets no further, whatever it brings.
        if signin.is_locked_out(request, username=None):
            request.axes_locked_out = True  # type: ignore[attr-defined]
            return signin.locked_out_response(request)
        # A forged or stale answer (unknown state, wrong nonce, issuer or audience) is logged
        # and ends like any failed sign-in, not as a bare 400 page.
        try:
            response: HttpResponse = super().get(request)
        except SuspiciousOperation as error:
            security_log.warning("OpenID Connect sign-in refused: %s", error)
            return self.login_failure()
        except SignInRefused as refusal:
            security_log.warning("OpenID Connect sign-in refused: %s", refusal.reason)
            return self.login_failure(refusal.message)
        except OSError as error:
            # requests' errors are OSErrors: the provider refused the code or did not answer.
            log.warning("OpenID Connect sign-in failed at the provider: %s", error)
            return self.login_failure()
        return response

    def login_failure(self, message: Any = None) -> HttpResponse:
        # Every failed answer counts against the address (guessing codes or states is guessing
        # too), once: when no backend ran, or all of them declined, Django has counted it.
        if getattr(self.request, "axes_failures_since_start", None) is None:
            signin.sign_in_refused(self.request, username=None)
        messages.error(
            self.request,
            message
            if message is not None
            else _(
                "Signing in through your institution did not succeed. Try again, or sign in "
                "with your user name and password."
            ),
        )
        return redirect(settings.LOGIN_URL)

    def login_success(self) -> HttpResponse:
        # A student on their way to the start page without a full profile goes to the profile
        # first; one who asked for another page gets it (the portal asks there if need be).
        response: HttpResponse = super().login_success()
        if response["Location"] == resolve_url(settings.LOGIN_REDIRECT_URL) and needs_profile(
            self.user
        ):
            messages.info(self.request, _("Fill in your profile first."))
            return redirect("portal:profile")
        return response


def needs_profile(user: User) -> bool:
    """Whether a student still has to fill in their profile: they have none, or one with no
    account to pay to (as started from the identity provider). Staff need none."""
    if user.is_staff or is_caseworker(user):
        return False
    profile = StudentProfile.objects.filter(user=user).first()
    return profile is None or not (profile.bank_account or profile.iban)


def end_session_url(request: HttpRequest) -> str | None:
    """The provider's end-session address for the person signed in there, with the ID token
    they signed in with as the hint and the sign-in page as the way back; None for a person
    who signed in here (no ID token) or when the provider has no end-session endpoint."""
    endpoint = getattr(settings, "REFUSJON_OIDC_LOGOUT_URL", "")
    id_token = request.session.get("oidc_id_token")
    if not endpoint or not id_token:
        return None
    back = request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL))
    query = urlencode({"id_token_hint": id_token, "post_logout_redirect_uri": back})
    parts = urlsplit(endpoint)
    return urlunsplit(parts._replace(query=f"{parts.query}&{query}" if parts.query else query))


def provider_logout_url(request: HttpRequest) -> str:
    """For mozilla-django-oidc's ``OIDC_OP_LOGOUT_URL_METHOD``: where signing out leads."""
    return end_session_url(request) or resolve_url(settings.LOGOUT_REDIRECT_URL)


class RefusjonLogoutView(LogoutView):
    """Signing out: here, and at the provider too when the person signed in there."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        at_provider = end_session_url(request)  # before signing out forgets the ID token
        response: HttpResponse = super().post(request, *args, **kwargs)
        if at_provider is not None:
            return HttpResponseRedirect(at_provider)
        return response
