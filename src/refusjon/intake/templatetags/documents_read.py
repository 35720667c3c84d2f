"""The readings of a claim's documents on the portal's and the workspace's pages.

Portal, workspace and intake do not import each other (the import contracts): the pages load
this library instead, so what was read is gathered and drawn by intake alone, as its URLs
are reached by name (docs/decisions.md, E4)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.text import capfirst

from refusjon.claims import offers
from refusjon.claims.models import Attachment, Claim
from refusjon.intake.found import ClaimReading, Document, LineCheck, claim_reading
from refusjon.intake.models import ReadLine
from refusjon.rules.terms import CATEGORIES, term
from refusjon.web.pages import rules_language

register = template.Library()


@register.inclusion_tag("intake/found_lines.html", takes_context=True)
def found_lines(context: template.Context, claim: Claim, editable: bool) -> dict[str, Any]:
    """The student's "Lines found in your documents", with an Add for each fee not added."""
    return found_context(context.get("request"), claim, editable=editable)


def found_context(request: Any, claim: Claim, *, editable: bool) -> dict[str, Any]:
    lang = rules_language()
    categories = sorted(
        ((code, capfirst(term(CATEGORIES, code, lang))) for code in offers.categories(claim)),
        key=lambda choice: choice[1],
    )
    return {
        "request": request,
        "claim": claim,
        "editable": editable,
        "reading": claim_reading(claim, lang),
        "categories": categories,
    }


@register.simple_tag
def documents_read(claim: Claim) -> ClaimReading:
    """The claim's documents as read, and its lines beside them."""
    return claim_reading(claim, rules_language())


@register.filter
def check_of(reading: ClaimReading, number: int) -> LineCheck | None:
    """The match of the claim's line ``number`` against its documents."""
    return reading.lines.get(number)


@register.filter
def document_of(reading: ClaimReading, attachment: Attachment) -> Document | None:
    """The attachment as read (None for one that is not read)."""
    return reading.of_attachment(attachment.pk)


@register.simple_tag
def found_place(attachment: Attachment, read_line: str | None) -> ReadLine | None:
    """The line read from ``attachment`` whose id ``read_line`` is (from the page's address),
    if it is one of that document's and has a place on a page."""
    if not read_line or not read_line.isdigit():
        return None
    row = ReadLine.objects.filter(pk=int(read_line), reading__attachment=attachment).first()
    return row if row is not None and row.has_box else None
