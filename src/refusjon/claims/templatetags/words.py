"""Codes and amounts as a reader is shown them, in the page's language: ``{% load words %}``,
then ``{{ claim.period|period }}`` ("høsten 2026", "autumn 2026") and ``{{ amount|money }}``
("kr 1 234,50", "NOK 1,234.50"), or ``|amount`` without the currency for a column whose
heading names it, and ``{{ line.country|country }}`` ("USA", "United States")."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import get_language

from refusjon.claims import adapter, countries

register = template.Library()


def _lang() -> str:
    return "en" if (get_language() or "").startswith("en") else "nb"


@register.filter
def period(code: str) -> str:
    """A claim's period code (``2026-fall``) in words."""
    return adapter.period_words(code, _lang()) if code else ""


@register.filter
def money(amount: Decimal | str | None) -> str:
    """An amount of NOK with its currency, written the reader's way."""
    if amount is None or amount == "":
        return ""
    return adapter.money_words(Decimal(amount), _lang())


@register.filter
def amount(value: Decimal | str | None) -> str:
    """An amount without its currency, for a column whose heading names it or beside a
    currency code ("4 500,00 USD")."""
    return money(value).split(" ", 1)[-1]


@register.filter
def country(code: str | None) -> str:
    """An ISO 3166 country code (``US``) as the country's name in the reader's language."""
    return countries.country_name(code, _lang()) if code else ""
