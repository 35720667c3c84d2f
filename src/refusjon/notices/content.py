"""The words of a notice, in the student's language, from the templates
``notices/<kind>.subject.txt`` and ``notices/<kind>.body.txt``.

What a template may be given is the :class:`Facts` record: a reference, the step, dates, a
count and a masked account, and the link to the portal page. Nothing about the treatment,
the provider, the diagnosis or the amounts is in it, so no template can leak them into an
inbox that others may read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from refusjon.notices.channels import Notice


@dataclass(frozen=True, slots=True)
class Facts:
    """What a notice may say."""

    reference: str
    path: str  # the portal page, without the site's address
    dates: dict[str, date] = field(default_factory=dict)
    count: int = 0
    account: str = ""  # masked but for its last digits
    outcome: str = ""  # a code the template words: approved, partly, rejected, changed, ...


def claim_path(reference: str) -> str:
    return reverse("portal:claim", args=[reference])


def compose(kind: str, facts: Facts, *, to: str, language: str) -> Notice:
    link = settings.REFUSJON_SITE_URL.rstrip("/") + facts.path
    context = {"facts": facts, "link": link, **facts.dates}
    with translation.override(language):
        subject = render_to_string(f"notices/{kind}.subject.txt", context)
        body = render_to_string(f"notices/{kind}.body.txt", context)
    return Notice(
        recipient=to,
        kind=kind,
        language=language,
        subject=" ".join(subject.split()),
        body=body.strip() + "\n",
        link=link,
    )
