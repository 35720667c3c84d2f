"""How a notice reaches a student: a channel takes a :class:`Notice` and delivers it, or
raises (the job is then tried again). E-mail goes through Django's mail framework (SMTP in
production, the EMAIL_* settings from REFUSJON_* variables); a student who chose no channel
gets nothing sent.

A notice carries no health details: the reference, the step, dates and a link to the portal
page (:mod:`refusjon.notices.content` composes it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage


@dataclass(frozen=True, slots=True)
class Notice:
    """One message to one student, composed in their language."""

    recipient: str  # the address (for e-mail)
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


CHANNELS: dict[str, Channel] = {"email": EmailChannel()}
