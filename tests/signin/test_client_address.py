"""Which address a request is counted as: X-Forwarded-For is read only from a trusted proxy,
and only as far as the last trusted proxy wrote it; IPv6 clients count by their /64."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from pytest_django import Settings

from refusjon.web.signin import client_address


def address(peer: str, forwarded: str | None = None) -> str | None:
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=peer, **headers))


def test_a_client_straight_from_the_internet_is_its_own_address() -> None:
    assert address("198.51.100.7", "10.0.0.1") == "198.51.100.7"


def test_behind_the_proxy_the_address_it_appended_counts() -> None:
    assert address("127.0.0.1", "198.51.100.7") == "198.51.100.7"
    assert address("127.0.0.1", "10.0.0.1, 1.2.3.4, 198.51.100.7") == "198.51.100.7"


def test_garbage_the_proxy_did_not_write_is_not_read() -> None:
    assert address("127.0.0.1", "198.51.100.7, not-an-address") == "127.0.0.1"
    assert address("127.0.0.1") == "127.0.0.1"


def test_a_chain_of_trusted_proxies_is_walked_back(settings: Settings) -> None:
    settings.REFUSJON_FORWARDED_ALLOW_IPS = ["127.0.0.1", "10.1.0.0/16"]
    assert address("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.1.2.3") == "198.51.100.7"


def test_over_a_unix_socket_the_proxy_is_trusted() -> None:
    assert address("", "198.51.100.7") == "198.51.100.7"


@pytest.mark.parametrize(
    ("peer", "counted"),
    [
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::"),
        ("2001:db8:1:2:bbbb::2", "2001:db8:1:2::"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
    ],
)
def test_an_ipv6_client_counts_by_its_network(peer: str, counted: str) -> None:
    assert address(peer) == counted
