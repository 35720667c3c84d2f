"""The fourth blind set's documents as HTML: helsenorge's newer "Frikort og egenandeler" page
(printed, or in the app) with the fees under month headings ("Mars 2025") and each row dated
by day and month only ("12.03"), the name at the top right ("Innlogget som Kari Nordmann");
a physiotherapist's monthly statement of treatments with their user fees and the sum; and a
private psychologist's receipt in English ("Session fee", "Paid by card"). Amounts as
"NOK 1.234,50" or "1.234,50 kr"; on a phone, the statement and the receipt are an e-mail.

Every layout still carries things a reader must leave out: the limit, what has been paid and
what is left before it, the print date and the statement's date, the birth date, the receipt's
number and the card's last digits.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND4_OVERVIEW_LAYOUT,
    BLIND4_PHONE_LAYOUT,
    BLIND4_RECEIPT_LAYOUT,
    BLIND4_STATEMENT_LAYOUT,
    PLACES,
    THERAPISTS,
    Fee,
    Overview,
    Receipt,
    organisation_number,
)
from .layouts import NBSP, org_number, page, phone_chrome
from .layouts import WORDS as MONTHS

LAYOUTS = frozenset(
    (BLIND4_OVERVIEW_LAYOUT, BLIND4_PHONE_LAYOUT, BLIND4_STATEMENT_LAYOUT, BLIND4_RECEIPT_LAYOUT)
)
"""The layouts this module draws (and no other)."""

WORDS = {
    "nb": {
        "title": "Frikort og egenandeler", "signed_in": "Innlogget som", "log_out": "Logg ut",
        "home": "Forside", "limit": "Egenandelstak {year}", "paid": "Registrerte egenandeler",
        "left": "Gjenstår før frikort", "year": "Velg år", "fees": "Egenandeler per måned",
        "sum": "Sum {year}", "printed": "Skrevet ut", "back": "Tilbake",
        "tabs": ("Forside", "Innboks", "Timer", "Meny"),
        "statement": "Oppgave over egenandeler", "patient": "Pasient", "born": "Født",
        "dated": "Dato", "date": "Dato", "code": "Takst", "treatment": "Behandling",
        "fee": "Egenandel", "individual": "Individuell behandling",
        "total": "Sum egenandeler", "settled": "Betalt med kort ved hver behandling.",
        "note": "Oppgaven kan brukes som dokumentasjon på betalte egenandeler.",
        "org": "Org.nr.", "phone": "Tlf.", "mail": "E-post", "from": "Fra",
        "subject": "Oppgave over egenandeler",
    },
    "nn": {
        "title": "Frikort og eigendelar", "signed_in": "Innlogga som", "log_out": "Logg ut",
        "home": "Framside", "limit": "Eigendelstak {year}", "paid": "Registrerte eigendelar",
        "left": "Att før frikort", "year": "Vel år", "fees": "Eigendelar per månad",
        "sum": "Sum {year}", "printed": "Skrive ut", "back": "Tilbake",
        "tabs": ("Framside", "Innboks", "Timar", "Meny"),
        "statement": "Oppgåve over eigendelar", "patient": "Pasient", "born": "Fødd",
        "dated": "Dato", "date": "Dato", "code": "Takst", "treatment": "Behandling",
        "fee": "Eigendel", "individual": "Individuell behandling",
        "total": "Sum eigendelar", "settled": "Betalt med kort ved kvar behandling.",
        "note": "Oppgåva kan brukast som dokumentasjon på betalte eigendelar.",
        "org": "Org.nr.", "phone": "Tlf.", "mail": "E-post", "from": "Frå",
        "subject": "Oppgåve over eigendelar",
    },
    "en": {
        "title": "Exemption card and user fees", "signed_in": "Logged in as",
        "log_out": "Log out", "home": "Home", "limit": "User fee ceiling {year}",
        "paid": "Registered user fees", "left": "Left before exemption card",
        "year": "Choose year", "fees": "User fees by month", "sum": "Total {year}",
        "printed": "Printed", "back": "Back", "tabs": ("Home", "Inbox", "Appointments", "Menu"),
        "receipt": "RECEIPT", "receipt_no": "Receipt no.", "date": "Date", "client": "Client",
        "born": "Date of birth", "description": "Description", "qty": "Qty",
        "amount": "Amount", "total": "Total", "card": "Paid by card",
        "vat": "Health services are exempt from VAT (Merverdiavgiftsloven § 3-2).",
        "private": "Private practice without a public contract: no Helfo reimbursement, "
                   "not counted towards the exemption card.",
        "psychologist": "Psychologist", "org": "Org. no.", "phone": "Phone", "mail": "Mail",
        "from": "From", "subject": "Your receipt",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "NOK 1.234,50" (nok_dots) or "1.234,50 kr" (dots_kr)."""
    whole, cents = f"{amount:.2f}".split(".")
    shown = f"{int(whole):,}".replace(",", ".") + f",{cents}"
    return f"NOK{NBSP}{shown}" if style == "nok_dots" else f"{shown}{NBSP}kr"


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "12.03" (day_month, the year in the month's heading), "4.3.2025"
    (numeric_trim) or "12 March 2025" (day_month_name)."""
    match style:
        case "day_month":
            return value.strftime("%d.%m")
        case "numeric_trim":
            return f"{value.day}.{value.month}.{value.year}"
        case _:
            month = MONTHS[language]["months"][value.month - 1]
            return f"{value.day} {month} {value.year}"


def month_heading(value: date, language: str) -> str:
    """A month's heading: "Mars 2025", "March 2025"."""
    month = str(MONTHS[language]["months"][value.month - 1])
    return f"{month[0].upper()}{month[1:]} {value.year}"


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout; ``phone`` for a screenshot (the app, or an e-mail)."""
    if isinstance(document, Receipt):
        return _mail(document, _session(document), phone=phone, lines=len(document.items))
    if document.layout == BLIND4_STATEMENT_LAYOUT:
        return _mail(document, _statement(document), phone=phone, lines=len(document.fees))
    if phone or document.layout == BLIND4_PHONE_LAYOUT:
        return _app(document)
    return _printed(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def by_month(document: Overview) -> list[tuple[str, list[Fee]]]:
    """The fees under their months' headings, in the order the page shows them."""
    fees = sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)
    groups: list[tuple[str, list[Fee]]] = []
    for fee in fees:
        heading = month_heading(fee.day, document.language)
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append(fee)
    return groups


def _summary(document: Overview, words: dict[str, Any]) -> str:
    whole = f"{document.limit:,.0f}".replace(",", NBSP)
    rows = (
        (_say(words, "limit", year=document.year), f"{whole}{NBSP}kr"),
        (_say(words, "paid"), _amount(document.total, document)),
        (_say(words, "left"), _amount(document.limit - document.total, document)),
    )
    return (
        "<div class='summary'>"
        + "".join(
            f"<div class='box'><div class='label'>{label}</div><div class='big'>{value}</div></div>"
            for label, value in rows
        )
        + "</div>"
    )


PRINT_CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm;
  @bottom-left { content: var(--printed); font-size: 7.5pt; color: #555; }
  @bottom-right { content: counter(page) '/' counter(pages); font-size: 7.5pt; } }
.top { display: flex; justify-content: space-between; align-items: center;
  border-bottom: 1px solid #d0d0d0; padding-bottom: 6px; }
.logo { color: #188097; font-weight: bold; font-size: 15pt; }
.user { font-size: 8.5pt; text-align: right; color: #333; }
.crumb { font-size: 8pt; color: #188097; margin: 6px 0 0 0; }
h1 { font-size: 18pt; color: #00263d; margin: 4px 0 8px 0; }
.summary { display: flex; gap: 8px; margin-bottom: 8px; }
.box { flex: 1; background: #eef7f9; border-radius: 6px; padding: 6px 9px; }
.box .label { font-size: 8pt; color: #333; } .box .big { font-size: 12pt; font-weight: bold; }
.pick { font-size: 9pt; margin: 4px 0 10px 0; }
h2 { font-size: 12pt; margin: 10px 0 2px 0; }
h3 { font-size: 10.5pt; color: #00263d; margin: 10px 0 2px 0; border-bottom: 2px solid #188097;
  padding-bottom: 2px; }
table.fees td { padding: 4px 6px; border-bottom: 1px solid #e2e2e2; font-size: 9.5pt;
  vertical-align: top; }
table.fees td.when { width: 14mm; }
table.fees tr { break-inside: avoid; } h3 { break-after: avoid; }
.where { font-size: 8pt; color: #555; }
.sumline { display: flex; justify-content: space-between; font-weight: bold;
  border-top: 2px solid #00263d; padding-top: 5px; margin-top: 12px; }
"""


def _rows(document: Overview, fees: list[Fee]) -> str:
    return "".join(
        f"<tr><td class='when'>{day(fee.day, document.date_style)}</td><td>"
        f"{escape(fee.service)}<div class='where'>{escape(fee.provider)}</div></td>"
        f"<td class='amount'>{_amount(fee.amount, document)}</td></tr>"
        for fee in fees
    )


def _printed(document: Overview) -> str:
    """The page printed from a browser: the name at the top right, the limit and what is left,
    then the fees under each month's heading and the year's sum."""
    words = WORDS[document.language]
    months = "".join(
        f"<h3>{escape(heading)}</h3><table class='fees'>{_rows(document, fees)}</table>"
        for heading, fees in by_month(document)
    )
    body = (
        f"<div class='top'><div class='logo'>helsenorge</div><div class='user'>"
        f"{_say(words, 'signed_in')} <b>{escape(document.name)}</b><br>"
        f"{_say(words, 'log_out')}</div></div>"
        f"<p class='crumb'>{_say(words, 'home')} › {_say(words, 'title')}</p>"
        f"<h1>{_say(words, 'title')}</h1>{_summary(document, words)}"
        f"<p class='pick'>{_say(words, 'year')}: <b>{document.year}</b> ▾</p>"
        f"<h2>{_say(words, 'fees')}</h2>{months}<div class='sumline'>"
        f"<span>{_say(words, 'sum', year=document.year)}</span>"
        f"<span>{_amount(document.total, document)}</span></div>"
    )
    printed = f"{words['printed']} {document.printed_at:%d.%m.%Y}"
    return page(body, PRINT_CSS.replace("var(--printed)", repr(printed)))


APP_CSS = """
.user { font-size: 12px; color: #444; text-align: right; }
.summary { display: flex; gap: 6px; margin: 8px 0; }
.box { flex: 1; background: #e4f3f6; border-radius: 10px; padding: 7px 8px; }
.box .label { font-size: 11px; color: #333; } .box .big { font-size: 14px; font-weight: bold; }
h3 { font-size: 15px; margin: 14px 0 4px 0; color: #00263d; }
.row { background: #fff; border-radius: 10px; padding: 9px 11px; margin: 6px 0;
  display: flex; justify-content: space-between; }
.row .when { color: #555; width: 48px; } .row .mid { flex: 1; }
.row .where { color: #555; font-size: 12px; } .row .fee { font-weight: bold; }
.sumline { display: flex; justify-content: space-between; font-weight: bold;
  border-top: 2px solid #00263d; padding-top: 8px; margin-top: 12px; }
"""


def _app(document: Overview) -> str:
    """The app: the name at the top right, the three boxes, then each month's fees as rows."""
    words = WORDS[document.language]
    months = "".join(
        f"<h3>{escape(heading)}</h3>"
        + "".join(
            f"<div class='row'><div class='when'>{day(fee.day, document.date_style)}</div>"
            f"<div class='mid'>{escape(fee.service)}<div class='where'>"
            f"{escape(fee.provider)}</div></div>"
            f"<div class='fee'>{_amount(fee.amount, document)}</div></div>"
            for fee in fees
        )
        for heading, fees in by_month(document)
    )
    tabs = "".join(f"<span>{escape(str(tab))}</span>" for tab in words["tabs"])
    inner = (
        f"<style>{APP_CSS}</style><p class='user'>{_say(words, 'signed_in')} "
        f"<b>{escape(document.name)}</b></p><h1>{_say(words, 'title')}</h1>"
        f"<p class='muted'>{document.year}</p>{_summary(document, words)}{months}"
        f"<div class='sumline'><span>{_say(words, 'sum', year=document.year)}</span>"
        f"<span>{_amount(document.total, document)}</span></div></div><div class='tabs'>{tabs}"
    )
    groups = len(by_month(document))
    return phone_chrome(
        inner,
        back=str(words["back"]),
        height=900 + 70 * len(document.fees) + 50 * groups,
        hour=8 + document.printed_at.day % 13,
        battery=20 + document.birth_date.day * 2,
    )


# ---- the statement and the receipt --------------------------------------------------------

LETTER_CSS = """
@page { size: A4; margin: 18mm 18mm 18mm 18mm; }
.head { display: flex; justify-content: space-between; border-bottom: 2px solid #2d5d4b;
  padding-bottom: 6px; }
.clinic { font-size: 15pt; font-weight: bold; color: #2d5d4b; }
.small { font-size: 8.5pt; color: #333; }
h1 { font-size: 14pt; margin: 14px 0 6px 0; }
table.meta { width: auto; } table.meta td { padding: 1px 16px 1px 0; }
table.lines { margin-top: 12px; }
table.lines th { border-bottom: 1.5px solid #000; padding: 4px 4px; font-size: 9pt; }
table.lines td { border-bottom: 1px solid #ddd; padding: 4px 4px; }
tr.sum td { font-weight: bold; border-top: 1.5px solid #000; border-bottom: none; }
.paid { margin-top: 12px; }
"""

MAIL_CSS = """
.clinic { font-size: 17px; font-weight: bold; } .small { font-size: 12px; color: #555; }
h1 { font-size: 18px; } td, th { padding: 3px 2px; vertical-align: top; font-size: 14px; }
tr.sum td { font-weight: bold; border-top: 1px solid #000; } .head div { margin-bottom: 4px; }
"""


def _mail(document: Overview | Receipt, inner: str, *, phone: bool, lines: int) -> str:
    """On paper, an A4 letter; on a phone, the same in an e-mail."""
    if not phone:
        return page(inner, LETTER_CSS)
    words = WORDS[document.language]
    provider = document.provider if isinstance(document, Receipt) else document.fees[0].provider
    mail = (
        f"<div class='card'><p class='muted'>{_say(words, 'from')}: {escape(provider)}<br>"
        f"<b>{_say(words, 'subject')}</b></p><hr>{inner}</div>"
    )
    moment = document.day if isinstance(document, Receipt) else document.printed_at
    return phone_chrome(
        f"<style>{MAIL_CSS}</style>{mail}",
        back=str(words["back"]),
        height=1100 + 60 * lines,
        hour=9 + moment.day % 11,
        battery=30 + moment.month * 5,
        app=str(words["mail"]),
    )


def _clinic_head(provider: str, address: str, phone: str, organisation: str, words: dict) -> str:
    return (
        f"<div class='head'><div><div class='clinic'>{escape(provider)}</div>"
        f"<div class='small'>{escape(address)}</div></div><div class='small amount'>"
        f"{_say(words, 'phone')} {escape(phone)}<br>{_say(words, 'org')} {organisation}"
        "</div></div>"
    )


def _statement(document: Overview) -> str:
    """A physiotherapist's statement for one month: each treatment day with the fee schedule's
    code and the user fee, then the sum; paid by card at each visit."""
    words = WORDS[document.language]
    provider = document.fees[0].provider
    seed = document.birth_date.toordinal()
    place = next(place for place in PLACES if place in provider)
    town = "Oslo" if place in ("Grünerløkka", "Majorstuen", "Sagene") else place
    address = f"Fjordgata {seed % 40 + 1}, {1000 + seed % 8000} {town}"
    phone = f"+47 {seed % 70 + 22} {seed % 89 + 10} {seed % 79 + 11} {seed % 83 + 12}"
    organisation = org_number(organisation_number(random.Random(seed)), 1)
    rows = "".join(
        f"<tr><td>{day(fee.day, document.date_style)}</td><td>A2a</td>"
        f"<td>{_say(words, 'individual')}</td>"
        f"<td class='amount'>{_amount(fee.amount, document)}</td></tr>"
        for fee in document.fees
    )
    rows += (
        f"<tr class='sum'><td colspan='3'>{_say(words, 'total')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr>"
    )
    month = month_heading(document.fees[0].day, document.language).lower()
    meta = (
        (words["patient"], escape(document.name)),
        (words["born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["dated"], day(document.printed_at, document.date_style)),
    )
    return (
        f"{_clinic_head(provider, address, phone, organisation, words)}"
        f"<h1>{_say(words, 'statement')} – {escape(month)}</h1><table class='meta'>"
        + "".join(f"<tr><td>{escape(str(k))}</td><td><b>{v}</b></td></tr>" for k, v in meta)
        + f"</table><table class='lines'><tr><th>{_say(words, 'date')}</th>"
        f"<th>{_say(words, 'code')}</th><th>{_say(words, 'treatment')}</th>"
        f"<th class='amount'>{_say(words, 'fee')}</th></tr>{rows}</table>"
        f"<p class='paid'>{_say(words, 'settled')}</p><p class='small'>{_say(words, 'note')}</p>"
    )


def _session(document: Receipt) -> str:
    """A private psychologist's receipt in English: the session fee (and any extra), the total
    and the card payment."""
    words = WORDS["en"]
    organisation = org_number(document.organisation_number, 2)
    when = day(document.day, document.date_style, "en")
    meta = (
        (words["receipt_no"], str(document.invoice_number)),
        (words["date"], when),
        (words["client"], escape(document.patient)),
        (words["born"], f"{document.birth_date:%d.%m.%Y}"),
    )
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td>1</td>"
        f"<td class='amount'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    rows += (
        f"<tr class='sum'><td colspan='2'>{_say(words, 'total')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr>"
    )
    return (
        f"{_clinic_head(document.provider, document.address, document.phone, organisation, words)}"
        f"<h1>{_say(words, 'receipt')}</h1><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}</td><td><b>{v}</b></td></tr>" for k, v in meta)
        + f"</table><table class='lines'><tr><th>{_say(words, 'description')}</th>"
        f"<th>{_say(words, 'qty')}</th><th class='amount'>{_say(words, 'amount')}</th></tr>"
        f"{rows}</table><p class='paid'>{_say(words, 'card')}: "
        f"{_amount(document.total, document)} · Visa **** {document.account}</p>"
        f"<p class='small'>{_say(words, 'psychologist')}: "
        f"{escape(THERAPISTS[document.invoice_number % len(THERAPISTS)])}<br>"
        f"{_say(words, 'private')}<br>{_say(words, 'vat')}</p>"
    )
