"""Cells of a CSV file that people open in a spreadsheet, written so none of them can act.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab or
a carriage return before one) as a formula: a student's name, a bank's reason or any other text
someone outside chose could then compute, link or call out when a caseworker opens an export
(CSV injection, OWASP). Every text cell that starts so gets a single quote in front, which the
spreadsheet shows as text and does not evaluate.

Numbers are not text: an amount is written from its ``Decimal`` as a number with a decimal
comma (``-12,50``), which a Norwegian spreadsheet reads as the number it is, negative or not,
and which cannot hold a formula. Only values that are ``str`` (or anything else turned into
one) are neutralised, so a text that happens to look like a negative number (``-5``) is kept
as text (``'-5``): the export never turns a person's text into a number or a formula.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

# What makes a spreadsheet read a cell as a formula, or lets one hide behind it (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """The value as a CSV cell: empty for None, an amount with two decimals and a decimal
    comma, an ISO date, and any text with a quote before it when it would start a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return neutralised(str(value))


def neutralised(text: str) -> str:
    """``text`` with a single quote in front if a spreadsheet would take it for a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
