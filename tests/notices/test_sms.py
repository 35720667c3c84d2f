"""Where an operator configures an SMS gateway, a student who chose text messages gets each
notice as a short text through it: here a real HTTP server on 127.0.0.1 stands in for the
gateway. Without a gateway nobody is offered text messages."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from refusjon.claims.models import StudentProfile, User
from refusjon.notices.models import NoticeKind, SentNotice
from tests.notices.conftest import SITE, Mailbox
from tests.notices.test_notices import HEALTH, submitted

TOKEN = "gateway-token-for-tests"


@dataclass
class Gateway:
    """What the gateway was sent, and what it answers."""

    received: list[tuple[dict[str, str], dict[str, Any]]] = field(default_factory=list)
    status: int = 202


@pytest.fixture
def gateway(settings: Settings) -> Iterator[Gateway]:
    state = Gateway()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            payload = json.loads(self.rfile.read(length))
            state.received.append((dict(self.headers), payload))
            self.send_response(state.status)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.REFUSJON_SMS_GATEWAY_URL = f"http://127.0.0.1:{server.server_port}/messages"
    settings.REFUSJON_SMS_GATEWAY_TOKEN = TOKEN
    settings.REFUSJON_SMS_SENDER = "SiO"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def by_text(student: User) -> User:
    StudentProfile.objects.filter(user=student).update(notice_channel="sms", phone="+4791234567")
    return student


def test_a_receipt_by_text_message(smtp: Mailbox, gateway: Gateway, alice: User) -> None:
    claim = submitted(by_text(alice))
    [(headers, payload)] = gateway.received
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert payload["to"] == "+4791234567" and payload["from"] == "SiO"
    assert payload["message"].startswith(f"Vi har mottatt søknaden din {claim.reference}")
    assert payload["message"].endswith(f"{SITE}/claim/{claim.reference}/")
    assert not HEALTH.search(payload["message"])
    assert smtp.messages == []  # the text instead of the e-mail


def test_a_gateway_that_refuses_leaves_the_notice_to_be_tried_again(
    smtp: Mailbox, gateway: Gateway, alice: User
) -> None:
    gateway.status = 503
    submitted(by_text(alice))
    assert len(gateway.received) == 5  # every attempt (the jobs run at once in tests)
    assert not SentNotice.objects.filter(kind=NoticeKind.RECEIPT).exists()


def test_without_a_gateway_nothing_is_sent_by_text(
    smtp: Mailbox, alice: User, settings: Settings
) -> None:
    settings.REFUSJON_SMS_GATEWAY_URL = ""
    submitted(by_text(alice))
    assert SentNotice.objects.get(kind=NoticeKind.RECEIPT).channel == "none"


def test_text_messages_are_offered_only_with_a_gateway(
    alice: User, settings: Settings, gateway: Gateway
) -> None:
    client = Client()
    client.force_login(alice)
    page = client.get(reverse("portal:profile"))
    assert b'value="sms"' in page.content and b'name="phone"' in page.content
    settings.REFUSJON_SMS_GATEWAY_URL = ""
    page = client.get(reverse("portal:profile"))
    assert b'value="sms"' not in page.content and b'name="phone"' not in page.content


def test_a_student_chooses_text_messages_and_gives_a_number(alice: User, gateway: Gateway) -> None:
    from tests.payouts.conftest import ALICE_ACCOUNT

    client = Client()
    client.force_login(alice)
    form = client.get(reverse("portal:profile")).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, False)}
    data.update(bank_account=ALICE_ACCOUNT, notice_channel="sms", phone="+47 912 34")
    page = client.post(reverse("portal:profile"), data)
    assert page.status_code == 200 and "phone" in page.context["form"].errors
    data.update(phone="+47 912 34 567")
    assert client.post(reverse("portal:profile"), data).status_code == 302
    profile = StudentProfile.objects.get(user=alice)
    assert (profile.notice_channel, profile.phone) == ("sms", "+4791234567")
