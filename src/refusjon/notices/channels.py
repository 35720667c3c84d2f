"""How a notice reaches a student: a channel takes a :class:`Notice` and delivers it, or
raises (the job is then tried again). E-mail goes through Django's mail framework (SMTP in
production, the EMAIL_* settings from REFUSJON_* variables); a student who chose no channel
gets nothing sent. Where an operator configures a gateway (REFUSJON_SMS_GATEWAY_URL), a
text message goes through it instead for students who chose that.

A notice carries no health details: the reference, the step, dates and a link to the portal
page (:mod:`refusjon.notices.content` composes it)."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage


@dataclass(frozen=True, slots=True)
class Notice:
    """One message to one student, composed in their language."""

    recipient: str  # the address (e-mail) or the mobile number (SMS)
    kind: str
    language: str
    subject: str
    body: str
    link: str


class Channel(Protocol):
    name: str

    def deliver(self, notice: Notice) -> None:
        """Send ``notice``, or raise."""


class EmailChannel:
    """E-mail through Django's mail framework, plain text, from DEFAULT_FROM_EMAIL."""

    name = "email"

    def deliver(self, notice: Notice) -> None:
        message = EmailMessage(
            subject=notice.subject,
            body=notice.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notice.recipient],
            headers={"Content-Language": notice.language},
        )
        message.send(fail_silently=False)


class SmsError(Exception):
    """The gateway did not take the message."""


class SmsChannel:
    """A text message through the operator's HTTP gateway: a JSON POST of ``to``, ``from`` and
    ``message`` (the subject and the link), the token as a bearer. Anything but a 2xx answer
    raises, and the job is tried again."""

    name = "sms"
    TIMEOUT_SECONDS = 10

    def deliver(self, notice: Notice) -> None:
        payload = {
            "to": notice.recipient,
            "from": settings.REFUSJON_SMS_SENDER,
            "message": text_message(notice),
        }
        request = urllib.request.Request(
            settings.REFUSJON_SMS_GATEWAY_URL,
            data=json.dumps(payload).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {settings.REFUSJON_SMS_GATEWAY_TOKEN}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.TIMEOUT_SECONDS) as answer:
                status = answer.status
        except OSError as error:  # HTTPError (an answer of 4xx/5xx) is one
            raise SmsError(f"the SMS gateway refused the message: {error}") from error
        if not 200 <= status < 300:
            raise SmsError(f"the SMS gateway answered {status}")


def text_message(notice: Notice) -> str:
    """The short form of a notice: its subject and the link."""
    return f"{notice.subject}. {notice.link}"


def sms_configured() -> bool:
    return bool(settings.REFUSJON_SMS_GATEWAY_URL)


CHANNELS: dict[str, Channel] = {"email": EmailChannel(), "sms": SmsChannel()}
