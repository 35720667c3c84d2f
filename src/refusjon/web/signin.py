"""Sign-in throttling: how many wrong guesses an account and an address get, which address a
request comes from, and what a person who is locked out is told.

django-axes records each failed sign-in (``AccessAttempt``, one row per user name, address and
browser, and ``AccessFailureLog``, one row per failure) and refuses sign-ins in its
authentication backend while they are locked out. This module sets its policy: three limits
over the cool-down (settings ``REFUSJON_SIGNIN_*``):

- one account from one address: the person guessing there stops after a few tries, and the
  account's owner elsewhere is not locked out by them;
- one account from anywhere, higher: guessing one account from many addresses is slow, and one
  address alone can never lock an account for others (it stops at the first limit);
- one address whatever the account, higher still: trying one common password on many accounts
  (password spraying) from one address is slow; a campus behind one address has room for typos.

Time is django-axes' own (``django.utils.timezone.now``): the attempt times it stores and
compares are its, and the end of a lock-out is computed from them.
"""

from __future__ import annotations

import ipaddress
import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from refusjon.claims.services import audit

security_log = logging.getLogger("django.security.signin")

# An IPv6 client is counted by its /64 network: one subscriber holds a whole /64 (often more),
# and could otherwise take a fresh address for every guess.
IPV6_PREFIX = 64


@dataclass(frozen=True)
class Limit:
    """At most ``failures`` failed sign-ins within the cool-down among the attempts that share
    ``fields`` (django-axes' names: ``username``, ``ip_address``)."""

    fields: tuple[str, ...]
    failures: int


@dataclass(frozen=True)
class Count:
    """The failures counted against one limit, and the time of the latest of them."""

    limit: Limit
    failures: int
    latest: datetime | None

    @property
    def reached(self) -> bool:
        return self.failures >= self.limit.failures


def limits() -> list[Limit]:
    """The three limits, as the settings give them."""
    return [
        Limit(("username", "ip_address"), settings.REFUSJON_SIGNIN_FAILURES),
        Limit(("username",), settings.REFUSJON_SIGNIN_ACCOUNT_FAILURES),
        Limit(("ip_address",), settings.REFUSJON_SIGNIN_ADDRESS_FAILURES),
    ]


def _networks(entries: list[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue
    return networks


def _is_trusted_proxy(peer: str) -> bool:
    """Whether ``peer`` is one of the reverse proxies whose X-Forwarded-For is believed. A
    request over a Unix socket has no peer address: only the proxy on this machine reaches it
    (gunicorn trusts it likewise)."""
    trusted: list[str] = settings.REFUSJON_FORWARDED_ALLOW_IPS
    if not peer or "*" in trusted:
        return True
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(address in network for network in _networks(trusted))


def _counted_as(address: str) -> str | None:
    """The address as it is counted: IPv4 as it is, IPv6 as its /64 network; None if it is
    not an address."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return None
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return str(parsed)


def client_address(request: HttpRequest) -> str | None:
    """The address the request comes from (django-axes' ``AXES_CLIENT_IP_CALLABLE``).

    The peer's address, unless the peer is a trusted reverse proxy: then X-Forwarded-For is
    read from the right (each proxy appends the address it saw), past further trusted
    proxies, to the first address no trusted proxy has. What a client writes into the header
    itself stands to the left of that and is never read, so it cannot choose its address."""
    peer = str(request.META.get("REMOTE_ADDR", "") or "")
    address = peer
    if _is_trusted_proxy(peer):
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        for hop in reversed([hop.strip() for hop in forwarded.split(",") if hop.strip()]):
            if _counted_as(hop) is None:
                break
            address = hop
            if not _is_trusted_proxy(hop):
                break
    return _counted_as(address) if address else None


class SignInThrottle(AxesDatabaseHandler):  # type: ignore[misc]
    """django-axes' database handler with three limits instead of one, and the lock-out
    written to the audit log."""

    def counts(self, request: Any, credentials: dict[str, Any] | None = None) -> list[Count]:
        """The failures within the cool-down counted against each limit that applies: a
        failure with no user name (a provider's sign-in) counts against its address only."""
        username = get_client_username(request, credentials)
        values = {"username": username, "ip_address": request.axes_ip_address}
        since = get_cool_off_threshold(request)
        found = []
        for limit in limits():
            if "username" in limit.fields and not username:
                continue
            totals = AccessAttempt.objects.filter(
                attempt_time__gte=since, **{field: values[field] for field in limit.fields}
            ).aggregate(failures=Sum("failures_since_start"), latest=Max("attempt_time"))
            found.append(Count(limit, totals["failures"] or 0, totals["latest"]))
        return found

    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        """The failures, scaled to ``AXES_FAILURE_LIMIT`` (against which django-axes compares
        them) by the limit each count is held to: the result reaches it when any count reaches
        its own limit."""
        scale = settings.AXES_FAILURE_LIMIT
        return max(
            (
                count.failures * scale // count.limit.failures
                for count in self.counts(request, credentials)
            ),
            default=0,
        )

    def locked_until(
        self, request: Any, credentials: dict[str, Any] | None = None
    ) -> datetime | None:
        """When the lock-out ends: the cool-down after the latest failure counted against each
        limit reached (the failures then fall out of the count). None when not locked out."""
        cool_off = get_cool_off(request) or timedelta(0)
        ends = [
            count.latest + cool_off
            for count in self.counts(request, credentials)
            if count.reached and count.latest is not None
        ]
        return max(ends, default=None)

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
    ) -> None:
        refused_while_locked = bool(getattr(request, "axes_locked_out", False))
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None:
            return
        username = get_client_username(request, credentials)
        if refused_while_locked:
            security_log.warning(
                "Sign-in refused while locked out: user name %r from %s (%s)",
                username,
                request.axes_ip_address,
                request.axes_path_info,
            )
        elif request.axes_locked_out:
            record_lockout(request, username, self.locked_until(request, credentials))


def record_lockout(request: Any, username: str | None, until: datetime | None) -> None:
    """A lock-out has just begun: into the audit log and the security log."""
    address = request.axes_ip_address or ""
    security_log.warning(
        "Sign-in locked out until %s: user name %r from %s (%s)",
        until.isoformat() if until else "further notice",
        username,
        address,
        request.axes_path_info,
    )
    audit(
        "web.signin.locked_out",
        actor=None,
        username=(username or "")[:150],
        address=address,
        path=request.axes_path_info,
        until=until.isoformat() if until else None,
    )


def sign_in_refused(request: HttpRequest, *, username: str | None) -> None:
    """Count a failed sign-in that no authentication backend saw: a wrong old password when
    changing it, a provider's answer that failed before the backends ran."""
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


def is_locked_out(request: HttpRequest, *, username: str | None) -> bool:
    """Whether sign-ins as ``username`` (None: any, by a provider) from this request's
    address are refused now."""
    return not AxesProxyHandler.is_allowed(request, {"username": username})


def throttle() -> SignInThrottle:
    implementation = AxesProxyHandler.get_implementation()
    assert isinstance(implementation, SignInThrottle)
    return implementation


def locked_out_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The answer to a sign-in refused for too many failures (django-axes'
    ``AXES_LOCKOUT_CALLABLE``): the sign-in page, or for a person already signed in (changing
    their password) a page of its own, saying when to try again; HTTP 429."""
    until = throttle().locked_until(request, credentials)
    minutes = None
    if until is not None:
        seconds = (until - request.axes_attempt_time).total_seconds()  # type: ignore[attr-defined]
        minutes = max(1, math.ceil(seconds / 60))
    context: dict[str, Any] = {"locked_until": until, "locked_minutes": minutes, "locked_out": True}
    if request.user.is_authenticated:
        template = "web/locked_out.html"
    else:
        template = "registration/login.html"
        # Unbound: a bound form would check the password again as the page shows its errors.
        username = request.POST.get("username", "")
        context["form"] = AuthenticationForm(request, initial={"username": username})
        context["next"] = request.POST.get("next", request.GET.get("next", ""))
    response = TemplateResponse(request, template, context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response.render()
    return response
