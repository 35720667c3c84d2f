"""The sixth blind set's documents as HTML: Helfo's letter with an extract of the user fee
register (an address block, "Vår dato", the reference, the table, "Egenandeler i alt");
helsenorge's "Mine egenandeler" printed with every row unfolded (the treatment's date, the
place and the date the fee was reported); the site in a phone's web browser (Safari or Chrome
on Android), whole or as two screenshots side by side; a GP office's receipt with the takst
codes and, for each, the fee, Helfo's refund and the user fee; and an online doctor's receipt
(printed, or in its app). On a phone the GP's receipt is a PDF opened in the Files app.

Dates as "12-mar-2025", "onsdag 12. mars 2025", "12/03/25" or "onsdag 12. mars 2025, kl.
14:32"; amounts as "1 234,50 kroner", "Kr 1 234,50" or "kr 1,234.50".

Every layout still carries what a reader must leave out: the limit and what is missing before
it, the letter's date and reference, the birth number's first six digits, the postcode, the
date each fee was reported, the fee and Helfo's refund beside each user fee and their sums,
the order number, the doctor's HPR number and the VAT.
"""

from __future__ import annotations

import base64
import io
from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

import pypdfium2 as pdfium

from . import render
from .content import (
    BLIND6_OVERVIEW_LAYOUTS,
    BLIND6_PHONE_LAYOUT,
    BLIND6_RECEIPT_LAYOUTS,
    BLIND6_STREETS,
    BLIND6_TOWNS,
    THERAPISTS,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((*BLIND6_OVERVIEW_LAYOUTS, BLIND6_PHONE_LAYOUT, *BLIND6_RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

IOS = (390, 844)
ANDROID = (412, 915)
"""CSS pixels of a phone's screen: an iPhone's (device scale 3), an Android phone's (2.625)."""

MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "nn": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nn": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

WORDS = {
    "nb": {
        "letter_title": "Utskrift av egenandelsregisteret {year}", "our_date": "Vår dato",
        "our_ref": "Vår referanse", "fnr": "Fødselsnummer",
        "intro": "Du har bedt om en utskrift av egenandelene som er registrert på deg i {year}. "
        "Egenandelstaket for {year} er {limit}. Når du har betalt egenandeler for dette "
        "beløpet, får du frikort automatisk.",
        "treated": "Behandlingsdato", "provider": "Tjenesteyter", "type": "Tjenestetype",
        "fee": "Egenandel", "in_all": "Egenandeler i alt",
        "missing_sentence": "Du mangler {missing} før du får frikort.",
        "regards": "Med vennlig hilsen", "page": "Side",
        "title": "Mine egenandeler", "threshold": "Frikortgrense {year}",
        "to_threshold": "Beløp til frikortgrensen", "place": "Behandlingssted",
        "reported": "Innrapportert", "source": "Kilde", "total": "Totalsum registrerte egenandeler",
        "menu": "Meny", "printed": "Skrevet ut",
        "web_title": "Egenandelsoversikt", "viewing": "Du ser egenandelene til",
        "year": "År", "web_total": "Totalt registrert", "crumbs": "Forside › Egenandeler",
        "receipt": "Kvittering", "patient": "Pasient", "date": "Dato", "code": "Takst",
        "text": "Beskrivelse", "honorar": "Honorar", "refund": "Refusjon Helfo",
        "own": "Egenandel", "sum": "Sum", "to_pay": "Egenandel betalt",
        "paid_card": "Betalt med bankkort", "receipt_no": "Kvitteringsnr.", "org": "Org.nr.",
        "phone": "Telefon", "doctor": "Lege", "files": "Filer",
        "order": "Ordrenr.", "time": "Tidspunkt", "clinician": "Behandler",
        "doc_title": "Kvittering for digital legetime", "amount": "Beløp",
        "total_paid": "Totalbeløp", "vat": "Merverdiavgift (0 %)",
        "vipps_app": "Betalt med Vipps", "apple_pay": "Betalt med Apple Pay",
        "visa": "Betalt med Visa", "back": "Kvitteringer",
        "online_note": "Digitale konsultasjoner hos oss har ikke avtale med Helfo og teller "
        "ikke mot frikortet.",
    },
    "nn": {
        "letter_title": "Utskrift frå eigendelsregisteret {year}", "our_date": "Vår dato",
        "our_ref": "Vår referanse", "fnr": "Fødselsnummer",
        "intro": "Du har bede om ei utskrift av eigendelane som er registrerte på deg i {year}. "
        "Eigendelstaket for {year} er {limit}. Når du har betalt eigendelar for dette "
        "beløpet, får du frikort automatisk.",
        "treated": "Behandlingsdato", "provider": "Tenesteytar", "type": "Tenestetype",
        "fee": "Eigendel", "in_all": "Eigendelar i alt",
        "missing_sentence": "Du manglar {missing} før du får frikort.",
        "regards": "Med venleg helsing", "page": "Side",
        "title": "Mine eigendelar", "threshold": "Frikortgrense {year}",
        "to_threshold": "Beløp til frikortgrensa", "place": "Behandlingsstad",
        "reported": "Innrapportert", "source": "Kjelde", "total": "Totalsum registrerte eigendelar",
        "menu": "Meny", "printed": "Skrive ut",
        "web_title": "Eigendelsoversikt", "viewing": "Du ser eigendelane til",
        "year": "År", "web_total": "Totalt registrert", "crumbs": "Framside › Eigendelar",
        "receipt": "Kvittering", "patient": "Pasient", "date": "Dato", "code": "Takst",
        "text": "Skildring", "honorar": "Honorar", "refund": "Refusjon Helfo",
        "own": "Eigendel", "sum": "Sum", "to_pay": "Eigendel betalt",
        "paid_card": "Betalt med bankkort", "receipt_no": "Kvitteringsnr.", "org": "Org.nr.",
        "phone": "Telefon", "doctor": "Lege", "files": "Filer",
        "order": "Ordrenr.", "time": "Tidspunkt", "clinician": "Behandlar",
        "doc_title": "Kvittering for digital legetime", "amount": "Beløp",
        "total_paid": "Totalbeløp", "vat": "Meirverdiavgift (0 %)",
        "vipps_app": "Betalt med Vipps", "apple_pay": "Betalt med Apple Pay",
        "visa": "Betalt med Visa", "back": "Kvitteringar",
        "online_note": "Digitale konsultasjonar hos oss har ikkje avtale med Helfo og tel "
        "ikkje mot frikortet.",
    },
    "en": {
        "letter_title": "Extract from the user fee register {year}", "our_date": "Our date",
        "our_ref": "Our reference", "fnr": "National identity number",
        "intro": "You asked for an extract of the user fees registered for you in {year}. The "
        "user fee ceiling for {year} is {limit}. When you have paid user fees up to this "
        "amount, you get an exemption card automatically.",
        "treated": "Date of treatment", "provider": "Service provider", "type": "Type of service",
        "fee": "User fee", "in_all": "User fees in total",
        "missing_sentence": "You need {missing} more before you get an exemption card.",
        "regards": "Kind regards", "page": "Page",
        "title": "My user fees", "threshold": "Exemption card threshold {year}",
        "to_threshold": "Amount left to the threshold", "place": "Place of treatment",
        "reported": "Reported", "source": "Source", "total": "Total of registered user fees",
        "menu": "Menu", "printed": "Printed",
        "web_title": "User fee summary", "viewing": "You are viewing the user fees of",
        "year": "Year", "web_total": "Total registered", "crumbs": "Home › User fees",
        "receipt": "Receipt", "patient": "Patient", "date": "Date", "code": "Tariff",
        "text": "Description", "honorar": "Fee", "refund": "Helfo refund",
        "own": "User fee", "sum": "Sum", "to_pay": "User fee paid",
        "paid_card": "Paid by debit card", "receipt_no": "Receipt no.", "org": "Org. no.",
        "phone": "Phone", "doctor": "Doctor", "files": "Files",
        "order": "Order no.", "time": "Time", "clinician": "Clinician",
        "doc_title": "Receipt for your online appointment", "amount": "Amount",
        "total_paid": "Total amount", "vat": "VAT (0 %)",
        "vipps_app": "Paid with Vipps", "apple_pay": "Paid with Apple Pay",
        "visa": "Paid with Visa", "back": "Receipts",
        "online_note": "Our online consultations have no agreement with Helfo and do not count "
        "towards the exemption card.",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "1 234,50 kroner" (kroner_word), "Kr 1 234,50" (kr_capital) or
    "kr 1,234.50" (kr_point)."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    match style:
        case "kroner_word":
            return f"{grouped.replace(',', NBSP)},{cents}{NBSP}kroner"
        case "kr_capital":
            return f"Kr{NBSP}{grouped.replace(',', NBSP)},{cents}"
        case _:
            return f"kr{NBSP}{grouped}.{cents}"


def _whole(amount: Decimal, style: str) -> str:
    """The limit, in whole kroner in the document's style."""
    text = f"{int(amount):,}"
    match style:
        case "kroner_word":
            return f"{text.replace(',', NBSP)}{NBSP}kroner"
        case "kr_capital":
            return f"Kr{NBSP}{text.replace(',', NBSP)}"
        case _:
            return f"kr{NBSP}{text}"


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "12-mar-2025" (dash_month; "12-Mar-2025" in English), "onsdag 12. mars 2025"
    (long_weekday; "Wednesday 12 March 2025"), or "12/03/25" (short_slash). A receipt's
    ``weekday_time`` adds the time after it (``when``)."""
    match style:
        case "dash_month":
            month = MONTHS[language][value.month - 1][:3]
            return f"{value.day:02d}-{month}-{value.year}"
        case "short_slash":
            return value.strftime("%d/%m/%y")
        case _:
            weekday = WEEKDAYS[language][value.weekday()]
            month = MONTHS[language][value.month - 1]
            if language == "en":
                return f"{weekday} {value.day} {month} {value.year}"
            return f"{weekday} {value.day}. {month} {value.year}"


def when(document: Receipt) -> str:
    """The receipt's date as it prints it (with the time, for ``weekday_time``)."""
    shown = day(document.day, document.date_style, document.language)
    if document.date_style != "weekday_time":
        return shown
    clock = f"{8 + document.invoice_number % 13:02d}:{document.invoice_number % 60:02d}"
    return f"{shown}, kl. {clock}" if document.language != "en" else f"{shown}, {clock}"


def reported(fee: Fee) -> date:
    """The day a fee was reported to Helfo: one to nine days after the treatment."""
    return fee.day + timedelta(days=1 + (fee.day.toordinal() * 7 + int(fee.amount)) % 9)


def html(document: Overview | Receipt, *, phone: bool = False, part: int = 0) -> str:
    """The document in its layout; ``phone`` for a phone's screenshot (the site in a browser,
    the receipt in the Files app or the online doctor's app). ``part`` 1 or 2 draws only the
    first or second half of a phone's list (two screenshots side by side)."""
    if isinstance(document, Receipt):
        if document.layout == "takst_receipt":
            return _files_app(document) if phone else _takst(document)
        return _online(document, phone=phone)
    if phone or document.layout == BLIND6_PHONE_LAYOUT:
        return mobile(document, android=False, part=part)
    if document.layout == "register_letter":
        return _letter(document)
    return _expanded(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _day(value: date, document: Overview) -> str:
    return day(value, document.date_style, document.language)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def _birth_number(document: Overview | Receipt) -> str:
    return f"{document.birth_date:%d%m%y}{NBSP}*****"


# ---- Helfo's letter ----------------------------------------------------------------------

LETTER_CSS = """
@page { size: A4; margin: 18mm 20mm 22mm 22mm;
  @bottom-left { content: 'helfo.no · Telefon 23 32 70 00'; font-size: 7.5pt; color: #444; }
  @bottom-right { content: var(--page) ' ' counter(page) ' / ' counter(pages); font-size: 7.5pt; } }
body { font-family: 'DejaVu Serif', serif; font-size: 10pt; }
.head { display: flex; justify-content: space-between; }
.logo { font-family: 'DejaVu Sans', sans-serif; font-size: 22pt; font-weight: bold;
  color: #1b3f6b; letter-spacing: 2px; }
.small { font-size: 8pt; color: #333; text-align: right; }
.addr { margin: 26px 0 20px 0; line-height: 1.35; }
table.meta { width: auto; margin-left: auto; font-size: 9pt; }
table.meta td { padding: 1px 0 1px 14px; }
h1 { font-family: 'DejaVu Sans', sans-serif; font-size: 13pt; margin: 18px 0 8px 0; }
table.fees th { font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt;
  border-bottom: 1px solid #000; padding: 4px; }
table.fees td { padding: 3px 4px; border-bottom: 0.5px dotted #999; }
table.fees tr { break-inside: avoid; }
tr.all td { font-weight: bold; border-top: 1px solid #000; border-bottom: 3px double #000; }
"""


def _letter(document: Overview) -> str:
    """Helfo's letter: the address, the date and reference, a few sentences with the limit,
    the register's rows (the treatment's date, the provider, the service, the user fee) and
    the sum, and what is missing before the card."""
    words = WORDS[document.language]
    style = document.amount_style
    street = BLIND6_STREETS[document.birth_date.toordinal() % len(BLIND6_STREETS)]
    postcode, town = BLIND6_TOWNS[document.birth_date.day % len(BLIND6_TOWNS)]
    reference = f"{document.printed_at:%y}/{document.birth_date.toordinal() % 900_000 + 100_000}"
    meta = (
        (words["our_date"], _day(document.printed_at, document)),
        (words["our_ref"], reference),
        (words["fnr"], _birth_number(document)),
    )
    rows = "".join(
        f"<tr><td>{_day(fee.day, document)}</td><td>{escape(fee.provider)}</td>"
        f"<td>{escape(fee.service)}</td><td class='amount'>{_amount(fee.amount, document)}</td>"
        "</tr>"
        for fee in _ordered(document)
    )
    missing = document.limit - document.total
    body = (
        "<div class='head'><div class='logo'>HELFO</div><div class='small'>"
        "Helseøkonomiforvaltningen<br>Postboks 2415<br>3104 Tønsberg</div></div>"
        f"<div class='addr'>{escape(document.name)}<br>{escape(street)} "
        f"{document.birth_date.month + 3} B<br>{postcode} {town}</div><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{v}</td></tr>" for k, v in meta)
        + f"</table><h1>{_say(words, 'letter_title', year=document.year)}</h1>"
        f"<p>{_say(words, 'intro', year=document.year, limit=_whole(document.limit, style))}</p>"
        f"<table class='fees'><thead><tr><th>{_say(words, 'treated')}</th>"
        f"<th>{_say(words, 'provider')}</th><th>{_say(words, 'type')}</th>"
        f"<th class='amount'>{_say(words, 'fee')}</th></tr></thead><tbody>{rows}"
        f"<tr class='all'><td colspan='3'>{_say(words, 'in_all')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr></tbody></table>"
        f"<p>{_say(words, 'missing_sentence', missing=_amount(missing, document))}</p>"
        f"<p>{_say(words, 'regards')}<br>Helfo</p>"
    )
    return page(body, LETTER_CSS.replace("var(--page)", repr(words["page"])))


# ---- helsenorge's page, every row unfolded ------------------------------------------------

EXPANDED_CSS = """
@page { size: A4; margin: 15mm 14mm 16mm 14mm;
  @top-left { content: var(--printed); font-size: 7.5pt; color: #555; }
  @top-right { content: 'helsenorge.no/mine-egenandeler'; font-size: 7.5pt; color: #555; }
  @bottom-right { content: counter(page) '/' counter(pages); font-size: 7.5pt; } }
body { font-size: 9.5pt; }
.site { display: flex; justify-content: space-between; border-bottom: 3px solid #188097;
  padding-bottom: 5px; }
.logo { color: #188097; font-size: 16pt; font-weight: bold; }
h1 { font-size: 17pt; color: #00263d; margin: 10px 0 2px 0; }
.box { border: 1px solid #188097; border-radius: 6px; padding: 6px 10px; margin: 8px 0 10px 0; }
.fee { border: 1px solid #cfd8dc; border-radius: 6px; margin: 6px 0; break-inside: avoid; }
.fee .top { display: flex; justify-content: space-between; background: #eef5f7;
  padding: 5px 10px; font-weight: bold; }
.fee dl { margin: 4px 10px 6px 10px; display: grid; grid-template-columns: 120px auto; }
.fee dt { color: #555; } .fee dd { margin: 0 0 2px 0; }
.total { display: flex; justify-content: space-between; font-weight: bold; font-size: 11pt;
  border-top: 2px solid #00263d; margin-top: 10px; padding-top: 6px; }
"""


def _expanded(document: Overview) -> str:
    """helsenorge's "Mine egenandeler" printed with every row unfolded: the service and the
    user fee on the row, and under it the treatment's date, the place and the day the fee was
    reported; the limit and what is left before it; the sum at the end."""
    words = WORDS[document.language]
    fees = "".join(
        f"<div class='fee'><div class='top'><span>{escape(fee.service)}</span>"
        f"<span>{_amount(fee.amount, document)}</span></div><dl>"
        f"<dt>{_say(words, 'treated')}</dt><dd>{_day(fee.day, document)}</dd>"
        f"<dt>{_say(words, 'place')}</dt><dd>{escape(fee.provider)}</dd>"
        f"<dt>{_say(words, 'reported')}</dt><dd>{_day(reported(fee), document)}</dd></dl></div>"
        for fee in _ordered(document)
    )
    missing = document.limit - document.total
    body = (
        f"<div class='site'><span class='logo'>helsenorge</span><span>{escape(document.name)}"
        f" · {_say(words, 'menu')} ☰</span></div><h1>{_say(words, 'title')}</h1>"
        f"<div class='muted'>{_say(words, 'fnr')} {_birth_number(document)}</div>"
        f"<div class='box'>{_say(words, 'threshold', year=document.year)}: "
        f"<b>{_whole(document.limit, document.amount_style)}</b> &nbsp;·&nbsp; "
        f"{_say(words, 'to_threshold')}: <b>{_amount(missing, document)}</b></div>{fees}"
        f"<div class='total'><span>{_say(words, 'total')}</span>"
        f"<span>{_amount(document.total, document)}</span></div>"
    )
    printed = f"{words['printed']} {_day(document.printed_at, document)}"
    return page(body, EXPANDED_CSS.replace("var(--printed)", repr(printed)))


# ---- the site in a phone's browser --------------------------------------------------------

MOBILE_CSS = """
@page { size: var(--width) var(--height); margin: 0; }
body { font-size: 15px; background: #fff; }
.status { display: flex; justify-content: space-between; padding: 12px 22px 6px 22px;
  font-weight: bold; font-size: 14px; }
.android .status { background: #202124; color: #fff; padding: 6px 14px; font-size: 13px;
  font-weight: normal; }
.chrome { background: #f1f3f4; padding: 8px 10px; display: flex; gap: 10px; font-size: 14px;
  border-bottom: 1px solid #ddd; } .chrome .url { background: #fff; border-radius: 16px;
  padding: 4px 12px; flex: 1; color: #202124; }
.site { display: flex; justify-content: space-between; padding: 10px 16px;
  border-bottom: 3px solid #188097; } .logo { color: #188097; font-weight: bold; font-size: 19px; }
.content { padding: 4px 16px; }
.crumbs { font-size: 12px; color: #188097; margin: 6px 0; }
h1 { font-size: 23px; color: #00263d; margin: 4px 0 6px 0; }
.viewing { background: #eef5f7; border-radius: 8px; padding: 7px 10px; font-size: 14px; }
.select { border: 1px solid #999; border-radius: 6px; padding: 4px 10px; display: inline-block;
  margin: 8px 0; font-size: 14px; }
.row { border-bottom: 1px solid #e3e3e3; padding: 8px 0; }
.row .a { display: flex; justify-content: space-between; font-weight: bold; }
.row .b { color: #555; font-size: 13px; margin-top: 2px; }
.sum { display: flex; justify-content: space-between; font-weight: bold;
  border-top: 2px solid #00263d; padding-top: 8px; margin-top: 6px; }
.limit { font-size: 13px; color: #444; margin-top: 10px; }
.safari { position: fixed; bottom: 0; left: 0; right: 0; background: #f7f7f7;
  border-top: 1px solid #ccc; padding: 8px 16px 26px 16px; font-size: 13px; }
.safari .url { background: #e9e9eb; border-radius: 10px; padding: 7px 12px; text-align: center;
  margin-bottom: 8px; } .safari .keys { display: flex; justify-content: space-between;
  color: #1a73e8; font-size: 17px; }
.nav { position: fixed; bottom: 0; left: 0; right: 0; background: #202124; color: #fff;
  display: flex; justify-content: space-around; padding: 10px 0; font-size: 16px; }
"""


def mobile_height(document: Overview, rows: int, *, android: bool) -> int:
    """The page's CSS height: at least a screen, and room for every row."""
    screen = (ANDROID if android else IOS)[1]
    return max(screen, 470 + 78 * rows)


def halves(document: Overview) -> tuple[list[Fee], list[Fee]]:
    """The list as two screenshots show it: the first half, then the rest."""
    fees = _ordered(document)
    cut = (len(fees) + 1) // 2
    return fees[:cut], fees[cut:]


def mobile(document: Overview, *, android: bool, part: int = 0) -> str:
    """The helsenorge site in a phone's web browser (Safari, or Chrome on Android): the site's
    head, who the fees are for, the year, a row a fee (the date and the user fee, the service
    and the place under them), the sum and the limit. ``part`` 1 or 2: one half of the list,
    as the first or the second of two screenshots."""
    words = WORDS[document.language]
    fees = _ordered(document)
    if part:
        fees = halves(document)[part - 1]
    rows = "".join(
        f"<div class='row'><div class='a'><span>{_day(fee.day, document)}</span>"
        f"<span>{_amount(fee.amount, document)}</span></div><div class='b'>"
        f"{escape(fee.service)} · {escape(fee.provider)}</div></div>"
        for fee in fees
    )
    missing = document.limit - document.total
    head = (
        f"<div class='crumbs'>{_say(words, 'crumbs')}</div><h1>{_say(words, 'web_title')}</h1>"
        f"<div class='viewing'>{_say(words, 'viewing')} <b>{escape(document.name)}</b></div>"
        f"<div class='select'>{_say(words, 'year')}: {document.year} ▾</div>"
    )
    tail = (
        f"<div class='sum'><span>{_say(words, 'web_total')}</span>"
        f"<span>{_amount(document.total, document)}</span></div><div class='limit'>"
        f"{_say(words, 'threshold', year=document.year)}: "
        f"{_whole(document.limit, document.amount_style)}<br>{_say(words, 'to_threshold')}: "
        f"{_amount(missing, document)}</div>"
    )
    content = (head if part != 2 else "") + rows + (tail if part != 1 else "")
    hour = 7 + document.printed_at.day % 15
    minute = (document.printed_at.month * 7) % 60
    if android:
        top = (
            f"<div class='status'><span>{hour:02d}:{minute:02d}</span><span>▼◢ "
            f"{30 + document.birth_date.day * 2} %</span></div><div class='chrome'><span>⌂</span>"
            "<span class='url'>helsenorge.no/egenandeler</span><span>⋮</span></div>"
        )
        bottom = "<div class='nav'><span>◁</span><span>○</span><span>□</span></div>"
    else:
        top = (
            f"<div class='status'><span>{hour:02d}:{minute:02d}</span>"
            f"<span>▂▄▆ 4G {20 + document.birth_date.day * 2} %</span></div>"
        )
        bottom = (
            "<div class='safari'><div class='url'>AA &nbsp; helsenorge.no &nbsp; ↻</div>"
            "<div class='keys'><span>‹</span><span>›</span><span>↑</span><span>□</span>"
            "<span>≡</span></div></div>"
        )
    width = (ANDROID if android else IOS)[0]
    count = max(len(half) for half in halves(document)) if part else len(fees)
    height = mobile_height(document, count, android=android)
    css = MOBILE_CSS.replace("var(--width)", f"{width}px").replace("var(--height)", f"{height}px")
    body = (
        f"<div class='{'android' if android else 'ios'}'>{top}<div class='site'>"
        f"<span class='logo'>helsenorge</span><span>☰ {_say(words, 'menu')}</span></div>"
        f"<div class='content'>{content}</div>{bottom}</div>"
    )
    return page(body, css)


# ---- receipts ----------------------------------------------------------------------------

TAKST_CSS = """
@page { size: A5; margin: 11mm 10mm; }
body { font-size: 8.5pt; }
.head { display: flex; justify-content: space-between; border-bottom: 1.5px solid #333;
  padding-bottom: 4px; } .clinic { font-size: 12.5pt; font-weight: bold; }
.small { font-size: 7.5pt; color: #333; }
h1 { font-size: 12pt; margin: 10px 0 6px 0; }
table.meta { width: auto; } table.meta td { padding: 1px 12px 1px 0; }
table.items { margin-top: 10px; }
table.items th { border-bottom: 1px solid #000; padding: 3px; font-size: 7.5pt; }
table.items td { padding: 3px; border-bottom: 0.5px solid #bbb; }
tr.sum td { font-weight: bold; border-top: 1px solid #000; border-bottom: none; }
.paid { margin-top: 10px; font-weight: bold; }
"""


def _takst(document: Receipt) -> str:
    """A GP office's receipt as its records system prints it: each takst with its fee, Helfo's
    refund and the user fee, the three sums, and the user fee paid."""
    words = WORDS[document.language]
    meta = (
        (words["receipt_no"], str(document.invoice_number)),
        (words["date"], when(document)),
        (words["patient"], document.patient),
        (words["fnr"], _birth_number(document)),
        (words["doctor"], THERAPISTS[document.invoice_number % len(THERAPISTS)]),
    )
    rows = ""
    for item in document.items:
        price = item.price if item.price is not None else item.amount
        rows += (
            f"<tr><td>{escape(item.code)}</td><td>{escape(item.text)}</td>"
            f"<td class='amount'>{_amount(price, document)}</td>"
            f"<td class='amount'>{_amount(price - item.amount, document)}</td>"
            f"<td class='amount'>{_amount(item.amount, document)}</td></tr>"
        )
    honorar = sum((item.price or item.amount for item in document.items), Decimal("0.00"))
    rows += (
        f"<tr class='sum'><td></td><td>{_say(words, 'sum')}</td>"
        f"<td class='amount'>{_amount(honorar, document)}</td>"
        f"<td class='amount'>{_amount(honorar - document.total, document)}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr>"
    )
    return page(
        f"<div class='head'><div><div class='clinic'>{escape(document.provider)}</div>"
        f"<div class='small'>{escape(document.address)}</div></div><div class='small amount'>"
        f"{_say(words, 'org')} {org_number(document.organisation_number, 1)}<br>"
        f"{_say(words, 'phone')} {document.phone}</div></div><h1>{_say(words, 'receipt')}</h1>"
        "<table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}</td><td><b>{escape(v)}</b></td></tr>" for k, v in meta)
        + f"</table><table class='items'><thead><tr><th>{_say(words, 'code')}</th>"
        f"<th>{_say(words, 'text')}</th><th class='amount'>{_say(words, 'honorar')}</th>"
        f"<th class='amount'>{_say(words, 'refund')}</th>"
        f"<th class='amount'>{_say(words, 'own')}</th></tr></thead><tbody>{rows}</tbody>"
        f"</table><p class='paid'>{_say(words, 'to_pay')}: {_amount(document.total, document)}"
        f" · {_say(words, 'paid_card')}</p>",
        TAKST_CSS,
    )


FILES_CSS = """
@page { size: 390px var(--height); margin: 0; }
body { background: #e8e8ed; font-size: 14px; }
.status { display: flex; justify-content: space-between; padding: 12px 22px 6px 22px;
  font-weight: bold; background: #f7f7f7; }
.bar { display: flex; justify-content: space-between; padding: 6px 14px 10px 14px;
  background: #f7f7f7; border-bottom: 1px solid #ccc; color: #007aff; }
.bar b { color: #000; } .sheet { margin: 14px 8px; box-shadow: 0 1px 6px #888; }
.sheet img { width: 374px; display: block; }
.pill { margin: 0 auto; width: 70px; text-align: center; background: #777; color: #fff;
  border-radius: 10px; font-size: 12px; padding: 3px; }
"""


def _files_app(document: Receipt) -> str:
    """The GP's receipt as a PDF opened in the phone's Files app: the page as an image on a
    grey background, the file's name above it."""
    data = _page_image(_takst(document))
    words = WORDS[document.language]
    height = 120 + int(374 * 210 / 148) + 60
    hour = 9 + document.day.day % 11
    body = (
        f"<div class='status'><span>{hour:02d}:{document.day.month + 10:02d}</span>"
        f"<span>▂▄▆ 5G {35 + document.day.day} %</span></div><div class='bar'>"
        f"<span>‹ {_say(words, 'files')}</span><b>kvittering_{document.invoice_number}.pdf</b>"
        f"<span>⋯</span></div><div class='sheet'><img src='data:image/png;base64,{data}'>"
        f"</div><div class='pill'>1 / 1</div>"
    )
    return page(body, FILES_CSS.replace("var(--height)", f"{height}px"))


def _page_image(html_text: str) -> str:
    """The first page of the HTML as a PNG (374 CSS pixels wide at device scale 3), base64."""
    document = pdfium.PdfDocument(render.pdf(html_text))
    try:
        first = document[0]
        image = first.render(scale=374 * 3 / first.get_width()).to_pil().convert("RGB")
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode("ascii")


ONLINE_CSS = """
@page { size: A5; margin: 12mm 12mm; }
body { font-size: 9.5pt; }
.brand { font-size: 15pt; font-weight: bold; color: #6b2fa3; }
.small { font-size: 8pt; color: #444; }
h1 { font-size: 12.5pt; margin: 10px 0 8px 0; }
table.meta { width: auto; } table.meta td { padding: 2px 14px 2px 0; vertical-align: top; }
table.items { margin-top: 10px; }
table.items td { padding: 4px 2px; border-bottom: 1px solid #ddd; }
tr.sum td { font-weight: bold; border-top: 1.5px solid #000; border-bottom: none; }
"""

ONLINE_PHONE_CSS = """
@page { size: 390px var(--height); margin: 0; }
body { font-size: 15px; background: #f6f2fa; }
.status { display: flex; justify-content: space-between; padding: 12px 22px 6px 22px;
  font-weight: bold; }
.bar { padding: 6px 16px 12px 16px; color: #6b2fa3; border-bottom: 1px solid #ddd; }
.card { background: #fff; border-radius: 14px; margin: 12px; padding: 12px 14px; }
.brand { font-size: 18px; font-weight: bold; color: #6b2fa3; }
.small { font-size: 12px; color: #555; } h1 { font-size: 19px; }
td { padding: 4px 2px; vertical-align: top; } tr.sum td { font-weight: bold;
  border-top: 1.5px solid #000; }
"""


def _online(document: Receipt, *, phone: bool) -> str:
    """An online doctor's receipt: the order number and time, the patient, the clinician and
    his HPR number, the services, the total, the VAT, and how it was paid."""
    words = WORDS[document.language]
    hpr = 1_000_000 + document.invoice_number % 8_999_999
    meta = (
        (words["order"], f"#{document.invoice_number:06d}"),
        (words["time"], when(document)),
        (words["patient"], document.patient),
        (words["clinician"], f"{THERAPISTS[hpr % len(THERAPISTS)]} · HPR {hpr}"),
    )
    items = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='amount'>{_amount(item.amount, document)}"
        "</td></tr>"
        for item in document.items
    )
    items += (
        f"<tr class='sum'><td>{_say(words, 'total_paid')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr>"
        f"<tr><td class='small'>{_say(words, 'vat')}</td>"
        f"<td class='amount small'>{_amount(Decimal('0.00'), document)}</td></tr>"
    )
    inner = (
        f"<div class='brand'>{escape(document.provider)}</div><div class='small'>"
        f"{escape(document.address)} · {_say(words, 'org')} "
        f"{org_number(document.organisation_number, 2)}</div>"
        f"<h1>{_say(words, 'doc_title')}</h1><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}</td><td><b>{escape(v)}</b></td></tr>" for k, v in meta)
        + f"</table><table class='items'>{items}</table><p>{_say(words, document.payment)}"
        f"</p><p class='small'>{_say(words, 'online_note')}</p>"
    )
    if not phone:
        return page(inner, ONLINE_CSS)
    hour = 8 + document.invoice_number % 13
    height = max(IOS[1], 640 + 50 * len(document.items))
    body = (
        f"<div class='status'><span>{hour:02d}:{document.invoice_number % 60:02d}</span>"
        f"<span>▂▄▆ 5G {40 + document.day.day} %</span></div>"
        f"<div class='bar'>‹ {_say(words, 'back')}</div><div class='card'>{inner}</div>"
    )
    return page(body, ONLINE_PHONE_CSS.replace("var(--height)", f"{height}px"))
