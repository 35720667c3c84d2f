"""The fourteenth blind set's documents as HTML: an emergency clinic's (legevakt's) listing
of the user fees paid there in a year, printed from its patient system in a typewriter face
(dates as "20250312", amounts filled with asterisks: "***307,00"); a private clinic chain's
patient portal listing a year's payments on a phone, with the search field chosen and the
keyboard up over the foot of the screen ("12/3 2025", "nok 1 234,50"); a private
occupational therapist's receipt on A4 ("onsdag den 12. mars 2025", "1 250,00 nok").

Names are Georgian, Armenian, Uzbek, Basque, Faroese, Samoan or Lao
(``content.blind14_name``); pages in bokmål, nynorsk or English; providers at the set's own
places (``content.BLIND14_PLACES``).

Renditions (``render``): a page stamped in red ink where nothing is printed (an employer's
or insurer's received stamp with its own date), scanned in colour; pages fed through a
duplex scanner, each followed by its blank back; a phone's screenshot with the keyboard up.

Every layout still carries what a reader must leave out: the print's date and time, the
birth number's first digits, the contact and case numbers, the limit and what is left, the
phone's clock, the receipt's number, the card's last digits, the next appointment, the
organisation and phone numbers.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND14_PAPER_LAYOUT,
    BLIND14_PHONE_LAYOUT,
    BLIND14_RECEIPT_LAYOUT,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((BLIND14_PAPER_LAYOUT, BLIND14_PHONE_LAYOUT, BLIND14_RECEIPT_LAYOUT))
"""The layouts this module draws (and no other)."""

PHONE = (390, 844)
"""CSS pixels of the phone the portal runs on (device scale 3)."""
KEYBOARD = 291
"""CSS pixels of the phone's keyboard (with its row of suggestions) at the foot."""

MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
MONTHS["nn"] = MONTHS["nb"]
SHORT_MONTHS = {
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
SHORT_MONTHS["nn"] = SHORT_MONTHS["nb"]
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nn": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

WORDS: dict[str, dict[str, Any]] = {
    "nb": {
        "e_title": "PASIENTOPPGAVE - BETALTE EGENANDELER {year}", "e_printed": "Utskrift",
        "e_patient": "Pasient", "e_id": "Fødselsnr.", "e_period": "Periode", "e_date": "Dato",
        "e_contact": "Kontaktnr.", "e_service": "Tjeneste", "e_paid": "Betalt",
        "e_sum": "SUM BETALT {year}", "e_limit": "Egenandelstak {year}: {limit}. Gjenstår "
        "til frikort (bare betalt her): {left}.", "e_end": "*** SLUTT PÅ UTSKRIFT ***",
        "e_user": "Utskrevet av", "e_page": "Side",
        "p_title": "Mine betalinger", "p_signed": "Logget inn som", "p_search":
        "Søk i betalinger", "p_typed": "egenandel {year}", "p_cancel": "Avbryt", "p_sum":
        "Betalt i {year}", "p_count": "{n} betalinger", "p_paid": "Betalt", "p_done": "Ferdig",
        "d_title": "KVITTERING", "d_no": "Kvitteringsnr.", "d_patient": "Pasient", "d_born":
        "Født", "d_text": "Konsultasjon {day}", "d_what": "Beskrivelse", "d_amount": "Beløp",
        "d_total": "Totalt betalt", "d_paid": "Betalt med bankkort", "d_vat":
        "Helsetjenester er fritatt for merverdiavgift.", "d_next": "Neste time",
        "d_by": "Behandler", "d_note": "Ergoterapeuten har ikke avtale med Helfo. Behandlingen "
        "teller ikke mot egenandelstaket.",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "nn": {
        "e_title": "PASIENTOPPGÅVE - BETALTE EIGENDELAR {year}", "e_printed": "Utskrift",
        "e_patient": "Pasient", "e_id": "Fødselsnr.", "e_period": "Periode", "e_date": "Dato",
        "e_contact": "Kontaktnr.", "e_service": "Teneste", "e_paid": "Betalt",
        "e_sum": "SUM BETALT {year}", "e_limit": "Eigendelstak {year}: {limit}. Att til "
        "frikort (berre betalt her): {left}.", "e_end": "*** SLUTT PÅ UTSKRIFT ***",
        "e_user": "Skrive ut av", "e_page": "Side",
        "p_title": "Betalingane mine", "p_signed": "Logga inn som", "p_search":
        "Søk i betalingar", "p_typed": "eigendel {year}", "p_cancel": "Avbryt", "p_sum":
        "Betalt i {year}", "p_count": "{n} betalingar", "p_paid": "Betalt", "p_done": "Ferdig",
        "d_title": "KVITTERING", "d_no": "Kvitteringsnr.", "d_patient": "Pasient", "d_born":
        "Fødd", "d_text": "Konsultasjon {day}", "d_what": "Skildring", "d_amount": "Beløp",
        "d_total": "Totalt betalt", "d_paid": "Betalt med bankkort", "d_vat":
        "Helsetenester er fritekne for meirverdiavgift.", "d_next": "Neste time",
        "d_by": "Behandlar", "d_note": "Ergoterapeuten har ikkje avtale med Helfo. Behandlinga "
        "tel ikkje mot eigendelstaket.",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "en": {
        "e_title": "PATIENT STATEMENT - USER FEES PAID {year}", "e_printed": "Printed",
        "e_patient": "Patient", "e_id": "National ID", "e_period": "Period", "e_date": "Date",
        "e_contact": "Contact no.", "e_service": "Service", "e_paid": "Paid",
        "e_sum": "TOTAL PAID {year}", "e_limit": "User fee ceiling {year}: {limit}. Left "
        "before the exemption card (paid here only): {left}.", "e_end": "*** END OF PRINT ***",
        "e_user": "Printed by", "e_page": "Page",
        "p_title": "My payments", "p_signed": "Signed in as", "p_search": "Search payments",
        "p_typed": "user fee {year}", "p_cancel": "Cancel", "p_sum": "Paid in {year}",
        "p_count": "{n} payments", "p_paid": "Paid", "p_done": "Done",
        "d_title": "RECEIPT", "d_no": "Receipt no.", "d_patient": "Patient", "d_born": "Born",
        "d_text": "Consultation on {day}", "d_what": "Description", "d_amount": "Amount",
        "d_total": "Total paid", "d_paid": "Paid by debit card", "d_vat":
        "Health services are exempt from VAT.", "d_next": "Next appointment", "d_by":
        "Practitioner", "d_note": "The occupational therapist has no agreement with Helfo. "
        "The treatment does not count towards the user fee ceiling.",
        "org": "Org. no.", "phone": "Phone",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "***307,00" (asterisks: filled with asterisks to nine places, no grouping;
    "***307.00" asterisks_point), "nok 1 234,50" (nok_lower_before; "nok 1,234.50"
    nok_lower_before_point) or "1 234,50 nok" (nok_lower_after; "1,234.50 nok"
    nok_lower_after_point)."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    spaced = grouped.replace(",", NBSP)
    match style:
        case "asterisks":
            plain = f"{whole},{cents}"
            return "*" * max(9 - len(plain), 1) + plain
        case "asterisks_point":
            plain = f"{whole}.{cents}"
            return "*" * max(9 - len(plain), 1) + plain
        case "nok_lower_before":
            return f"nok{NBSP}{spaced},{cents}"
        case "nok_lower_before_point":
            return f"nok{NBSP}{grouped}.{cents}"
        case "nok_lower_after":
            return f"{spaced},{cents}{NBSP}nok"
        case _:
            return f"{grouped}.{cents}{NBSP}nok"


def ordinal(number: int) -> str:
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "20250312" (compact, as a patient system prints it), "12/3 2025" ("Mar. 12,
    2025"; month_dotless) or "onsdag den 12. mars 2025" ("Wednesday the 12th of March 2025";
    letter_weekday)."""
    english = language == "en"
    match style:
        case "compact":
            return f"{value:%Y%m%d}"
        case "month_dotless":
            if english:
                short = SHORT_MONTHS[language][value.month - 1]
                return f"{short}.{NBSP}{value.day},{NBSP}{value.year}"
            return f"{value.day}/{value.month}{NBSP}{value.year}"
        case _:
            weekday = WEEKDAYS[language][value.weekday()]
            month = MONTHS[language][value.month - 1]
            if english:
                return f"{weekday} the {ordinal(value.day)} of {month} {value.year}"
            return f"{weekday} den {value.day}.{NBSP}{month} {value.year}"


def shown_date(document: Overview | Receipt, value: date) -> str:
    return day(value, document.date_style, document.language)


def left(document: Overview) -> Decimal:
    """What is left before the exemption card (never the total itself: ``content``)."""
    return document.limit - document.total


def limit_shown(document: Overview) -> str:
    if document.language == "en":
        return f"NOK{NBSP}{int(document.limit):,}"
    return f"kr{NBSP}{int(document.limit):,}".replace(",", NBSP)


def next_visit(document: Receipt) -> date:
    return document.day + timedelta(days=21 + document.invoice_number % 30)


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout (``phone``: the portal, always on a phone)."""
    if isinstance(document, Receipt):
        return _ergo(document)
    if phone or document.layout == BLIND14_PHONE_LAYOUT:
        return _portal(document)
    return _emergency(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _ordered(document: Overview) -> list:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


# ---- an emergency clinic's listing from its patient system -------------------------------

EMERGENCY_CSS = """
@page { size: A4; margin: 16mm 16mm 18mm 20mm; }
body { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.8pt; color: #111; }
pre { font-family: inherit; margin: 0; white-space: pre-wrap; }
.rule { border-top: 1px dashed #333; margin: 6px 0; }
table.l th { text-align: left; font-weight: bold; padding: 3px 8px 3px 0; }
table.l td { padding: 3px 8px 3px 0; vertical-align: top; }
table.l td.amount, table.l th.amount { text-align: right; padding-right: 0; }
tr.s td { font-weight: bold; border-top: 1px dashed #333; padding-top: 6px; }
.small { margin-top: 14px; font-size: 8pt; }
"""


def _emergency(document: Overview) -> str:
    """An emergency clinic's listing printed from its patient system in a typewriter face: the
    clinic and the print's date and time, the title with the year, the patient (the name in
    capitals and as written, the birth number's first six digits), the period; a row for each
    fee (the date, the contact number, the service and the amount paid); the sum; the limit
    and what is left; the one who printed it; the end mark."""
    words = WORDS[document.language]
    office = document.fees[0].provider
    seed = document.birth_date.toordinal()
    rows = "".join(
        f"<tr><td>{shown_date(document, fee.day)}</td><td>{seed % 9000 + 1000 + 7 * number}</td>"
        f"<td>{escape(fee.service)}</td><td class='amount'>{_amount(fee.amount, document)}</td>"
        "</tr>"
        for number, fee in enumerate(_ordered(document))
    )
    start = date(document.year, 1, 1)
    head = (
        f"{escape(office.upper())}\n{_say(words, 'e_printed')}: "
        f"{document.printed_at:%Y%m%d} {8 + seed % 12:02d}:{seed % 60:02d}   "
        f"{_say(words, 'e_page')} 1\n"
    )
    who = (
        f"{_say(words, 'e_patient')}  : {escape(document.name)}\n"
        f"{_say(words, 'e_id')} : {document.birth_date:%d%m%y} *****\n"
        f"{_say(words, 'e_period')}  : {start:%Y%m%d} - {document.printed_at:%Y%m%d}"
    )
    body = (
        f"<pre>{head}</pre><div class='rule'></div><pre><b>"
        f"{_say(words, 'e_title', year=document.year)}</b>\n\n{who}</pre>"
        f"<div class='rule'></div><table class='l'><tr><th>{_say(words, 'e_date')}</th><th>"
        f"{_say(words, 'e_contact')}</th><th>{_say(words, 'e_service')}</th>"
        f"<th class='amount'>{_say(words, 'e_paid')}</th></tr>{rows}<tr class='s'>"
        f"<td colspan='3'>{_say(words, 'e_sum', year=document.year)}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td></tr></table><div class='small'>"
        + _say(
            words,
            "e_limit",
            year=document.year,
            limit=limit_shown(document),
            left=_amount(left(document), document),
        )
        + f"</div><div class='small'>{_say(words, 'e_user')}: SEKR{seed % 90 + 10}</div>"
        f"<div class='small'>{_say(words, 'e_end')}</div>"
    )
    return page(body, EMERGENCY_CSS)


# ---- a clinic chain's patient portal on a phone, the keyboard up --------------------------

PORTAL_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; background: #f4f1ec; color: #1d1d1f; }
.status { height: 47px; box-sizing: border-box; padding: 16px 28px 0 34px; display: flex;
  justify-content: space-between; font-size: 15px; font-weight: bold; background: #fff; }
.bar { background: #fff; padding: 4px 18px 10px 18px; border-bottom: 1px solid #e2ddd5; }
.bar h1 { font-size: 22px; margin: 0; } .bar .who { font-size: 12px; color: #5c5a57; }
.search { display: flex; align-items: center; padding: 10px 14px; background: #fff; }
.search .field { flex: 1; border: 2px solid #1f6f5c; border-radius: 10px; padding: 7px 10px;
  font-size: 15px; } .search .field i { color: #1f6f5c; font-style: normal; }
.search .cancel { margin-left: 12px; color: #1f6f5c; font-size: 15px; }
.sum { margin: 10px 14px; background: #1f6f5c; color: #fff; border-radius: 12px;
  padding: 10px 14px; } .sum .k { font-size: 13px; } .sum .v { font-size: 22px;
  font-weight: bold; } .sum .n { font-size: 11px; color: #d5ebe4; }
.row { margin: 0 14px; padding: 8px 4px; border-bottom: 1px solid #ddd6cc; display: flex; }
.row .l { flex: 1; } .row .d { font-size: 12px; color: #4a4845; }
.row .s { font-size: 14px; font-weight: bold; } .row .p { font-size: 12px; color: #4a4845; }
.row .a { font-size: 14px; font-weight: bold; white-space: nowrap; margin-left: 8px; }
"""


def _portal(document: Overview) -> str:
    """A private clinic chain's patient portal on a phone: the status bar (the clock, the
    battery), the title and whom it is signed in as, the search field chosen with the words
    typed, the year's sum and how many payments, a row for each payment (the date, the
    service, the clinic and the amount), newest first; the keyboard (``render``) lies over
    the screen's foot, below all of this."""
    words = WORDS[document.language]
    seed = document.birth_date.toordinal()
    rows = "".join(
        f"<div class='row'><div class='l'><div class='d'>{shown_date(document, fee.day)}</div>"
        f"<div class='s'>{escape(fee.service)}</div><div class='p'>{escape(fee.provider)}"
        f"</div></div><div class='a'>{_amount(fee.amount, document)}</div></div>"
        for fee in _ordered(document)
    )
    body = (
        f"<div class='status'><span>{8 + seed % 13}:{seed % 60:02d}</span><span>"
        f"{40 + seed % 55}% ▮</span></div><div class='bar'><h1>{_say(words, 'p_title')}</h1>"
        f"<div class='who'>{_say(words, 'p_signed')} {escape(document.name)}</div></div>"
        f"<div class='search'><div class='field'><i>⌕</i> "
        f"{_say(words, 'p_typed', year=document.year)}|</div><div class='cancel'>"
        f"{_say(words, 'p_cancel')}</div></div><div class='sum'><div class='k'>"
        f"{_say(words, 'p_sum', year=document.year)}</div><div class='v'>"
        f"{_amount(document.total, document)}</div><div class='n'>"
        f"{_say(words, 'p_count', n=len(document.fees))}</div></div>{rows}"
    )
    frame = f"@page {{ size: {PHONE[0]}px {PHONE[1]}px; margin: 0; }}"
    return page(body, frame + PORTAL_CSS)


# ---- a private occupational therapist's receipt -------------------------------------------

DIET_CSS = """
@page { size: A4; margin: 20mm 20mm 20mm 20mm; }
body { font-family: 'DejaVu Serif', serif; font-size: 10pt; color: #222; }
.head { display: flex; justify-content: space-between; border-bottom: 1px solid #7a9a3a;
  padding-bottom: 8px; }
.head .name { font-size: 18pt; color: #55701f; } .head .addr { font-size: 8.5pt;
  color: #444; text-align: right; line-height: 1.5; }
h1 { font-size: 13pt; letter-spacing: 4px; margin: 18px 0 8px 0; }
table.m td { padding: 2px 16px 2px 0; } table.m td.k { color: #666; }
.text { margin: 12px 0; }
table.i th { border-bottom: 1px solid #7a9a3a; text-align: left; padding: 4px; }
table.i td { padding: 6px 4px; border-bottom: 0.5px solid #ddd; }
tr.t td { font-weight: bold; border-top: 1.5px solid #55701f; border-bottom: none; }
.small { font-size: 8.6pt; color: #444; margin-top: 6px; }
"""


def _ergo(document: Receipt) -> str:
    """A private occupational therapist's receipt (A4, a serif face): the clinic with its
    address, phone and organisation number; the title; the receipt's number, the patient and
    the birth date, the practitioner; a sentence with the consultation's date; each service
    with its amount, the total paid by card; VAT, the next appointment, a note that it does
    not count towards the ceiling."""
    words = WORDS[document.language]
    number = document.invoice_number
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='amount'>{_amount(item.amount, document)}"
        "</td></tr>"
        for item in document.items
    )
    by = ("Ingvild Ramstad", "Helene Aune", "Kristoffer Moe")[number % 3]
    meta = (
        (words["d_no"], str(number)),
        (words["d_patient"], escape(document.patient)),
        (words["d_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["d_by"], by),
    )
    body = (
        f"<div class='head'><div class='name'>{escape(document.provider)}</div><div "
        f"class='addr'>{escape(document.address)}<br>{_say(words, 'phone')} {document.phone}"
        f"<br>{_say(words, 'org')} {org_number(document.organisation_number, 1)}</div></div>"
        f"<h1>{_say(words, 'd_title')}</h1><table class='m'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{v}</td></tr>" for k, v in meta)
        + f"</table><div class='text'>"
        f"{_say(words, 'd_text', day=shown_date(document, document.day))}</div>"
        f"<table class='i'><tr><th>{_say(words, 'd_what')}</th><th class='amount'>"
        f"{_say(words, 'd_amount')}</th></tr>{rows}<tr class='t'><td>"
        f"{_say(words, 'd_total')}</td><td class='amount'>{_amount(document.total, document)}"
        f"</td></tr></table><div class='small'>{_say(words, 'd_paid')} · Visa •••• "
        f"{number * 7 % 9000 + 1000}</div><div class='small'>{_say(words, 'd_vat')}</div>"
        f"<div class='small'>{_say(words, 'd_next')}: {next_visit(document):%d.%m.%Y}</div>"
        f"<div class='small'>{_say(words, 'd_note')}</div>"
    )
    return page(body, DIET_CSS)
