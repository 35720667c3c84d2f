"""What every response of the site carries beside its content: a content security policy on
pages, no caching of what a signed-in person sees, and, for htmx, a way back to signing in."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

# Pages load only the site's own scripts, styles, images and frames (the document viewer), and
# may be framed by nobody. No inline script or style attribute is allowed, so htmx is told not
# to add its indicator styles (base.html).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)


def content_security_policy() -> str:
    """The policy for this site's pages. Browsers hold the redirect after a form is sent to
    ``form-action`` too: signing out (a form) that goes on to the identity provider's
    end_session_endpoint needs the provider's origin there."""
    logout = urlsplit(getattr(settings, "REFUSJON_OIDC_LOGOUT_URL", ""))
    if not (logout.scheme and logout.netloc):
        return CONTENT_SECURITY_POLICY
    return f"{CONTENT_SECURITY_POLICY} {logout.scheme}://{logout.netloc}"


Handler = Callable[[HttpRequest], HttpResponse]


class SecurityHeadersMiddleware:
    """A content security policy on every HTML page whose view set none of its own (the
    documents intake serves set a stricter one), and ``Cache-Control: no-store, private`` on
    every response to a signed-in person whose view said nothing of caching: a shared
    computer's browser keeps no copy of a claim or a health document.

    Django's debug pages style themselves inline; in debug, error pages get no policy.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self._wants_policy(response):
            response["Content-Security-Policy"] = self.policy
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store, private"
        return response

    @staticmethod
    def _wants_policy(response: HttpResponse) -> bool:
        """A page of the site whose view set no policy of its own (and no debug page)."""
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        if "Content-Security-Policy" in response:
            return False
        return not (settings.DEBUG and response.status_code >= 400)


class HtmxLoginMiddleware:
    """An htmx request whose session has ended would swap the sign-in page into the part it
    asked for. Its redirect to sign in becomes ``401`` with ``HX-Redirect``: htmx then loads
    the sign-in page whole, which brings the person back to the page they were on."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.headers.get("HX-Request") != "true" or not _to_login(response):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return response  # a signed-in person sent to sign in as someone else
        login = resolve_url(settings.LOGIN_URL)
        sign_in = HttpResponse(status=401)
        sign_in["HX-Redirect"] = f"{login}?{urlencode({REDIRECT_FIELD_NAME: _page(request)})}"
        return sign_in


def _to_login(response: HttpResponse) -> bool:
    if response.status_code not in (301, 302, 303, 307, 308):
        return False
    login = urlsplit(resolve_url(settings.LOGIN_URL)).path
    return urlsplit(response.get("Location", "")).path == login


def _page(request: HttpRequest) -> str:
    """The page the person was on (htmx sends its address), or else the path htmx asked for;
    only a page of this site."""
    current = request.headers.get("HX-Current-URL", "")
    if current and url_has_allowed_host_and_scheme(
        current, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(current)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.get_full_path()
