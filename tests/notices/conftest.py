"""A real SMTP server on 127.0.0.1 (aiosmtpd) that Django's SMTP backend sends to, and the
cast with e-mail addresses: alice (bokmål) and carol (English) are students, bob and dave
caseworkers."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from pytest_django import Settings

from refusjon.claims.models import StudentProfile, User
from tests.claims.conftest import bob, dave, student  # noqa: F401

SITE = "https://refusjon.example.no"


@dataclass
class Mailbox:
    """What the SMTP server received, each message parsed as a mail client would."""

    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def one(self) -> EmailMessage:
        assert len(self.messages) == 1, [m["Subject"] for m in self.messages]
        return self.messages[0]

    def clear(self) -> None:
        self.messages.clear()


def body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp(settings: Settings) -> Iterator[Mailbox]:
    """An SMTP server on 127.0.0.1, and the site's e-mail pointed at it."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "refusjon@sio.example.no"
    settings.REFUSJON_SITE_URL = SITE
    settings.REFUSJON_PROCESSING_TARGET_DAYS = 30
    try:
        yield mailbox
    finally:
        controller.stop()


def with_address(user: User, *, language: str = "") -> User:
    user.email = f"{user.get_username()}@student.example.no"
    user.save(update_fields=["email"])
    StudentProfile.objects.filter(user=user).update(notice_language=language)
    return user


@pytest.fixture
def alice(db: None) -> User:
    return with_address(student("alice", "P-ALICE"), language="nb")


@pytest.fixture
def carol(db: None) -> User:
    return with_address(student("carol", "P-CAROL"), language="en")
