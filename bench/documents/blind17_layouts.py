"""The seventeenth blind set's documents as HTML: a student health service's statement of the
user fees paid there, the lines grouped under a heading for each month ("MARS 2025", the line
itself only "ti 4." or "Tue 4"; amounts as "kr. 1.234,-" or "kr. 1,234"); the user fees
registered in a year in an app on an unfolded foldable phone, a list pane and a detail pane
side by side ("4. mar. · tir.", "4 Mar · Tue"); a neurologist's receipt on an A5 sheet
("4. mars 2025, kl. 09.40", "4 March 2025, 09:40").

Names are Hungarian, Samoan or Kurdish (``content.blind17_name``); pages in bokmål, nynorsk
or English; providers at the set's own places (``content.BLIND17_PLACES``).

Renditions (``render``): a page scanned through a sheet feeder whose glass is dirty, thin
dark streaks down the page; a small receipt taped onto an A4 sheet and scanned; a screenshot
of the unfolded phone's wide inner screen.

Every layout still carries what a reader must leave out: the statement's date, the birth
date, the addresses, the semester, the student number, the limit, the phone's clock, the
receipt's number, the card's last digits, the account, the organisation and phone numbers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND17_PAPER_LAYOUT,
    BLIND17_PHONE_LAYOUT,
    BLIND17_RECEIPT_LAYOUT,
    BLIND17_STREETS,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((BLIND17_PAPER_LAYOUT, BLIND17_PHONE_LAYOUT, BLIND17_RECEIPT_LAYOUT))
"""The layouts this module draws (and no other)."""

SCREEN = (604, 725)
"""CSS pixels of the unfolded phone's inner screen (device scale 3: 1812 × 2175 pixels)."""

MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "nn": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
SHORT_MONTHS = ("jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.",
                "nov.", "des.")  # fmt: skip
SHORT_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                   "Dec")  # fmt: skip
WEEKDAYS = {
    "nb": ("ma", "ti", "on", "to", "fr", "lø", "sø"),
    "nn": ("må", "ty", "on", "to", "fr", "la", "su"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
LONG_WEEKDAYS = {
    "nb": ("man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn."),
    "nn": ("mån.", "tys.", "ons.", "tor.", "fre.", "lau.", "sun."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
DOCTORS = ("Dr. Krisztina Hegedűs", "Dr. Steinar Ulvik", "Dr. Marit Hovdenak")

WORDS: dict[str, dict[str, Any]] = {
    "nb": {
        "s_title": "Oversikt over betalte egenandeler", "s_period": "Periode",
        "s_for": "Utskrift for", "s_born": "Fødselsdato", "s_student": "Studentnr.",
        "s_date": "Dato", "s_what": "Tjeneste", "s_fee": "Egenandel",
        "s_month": "Sum {month}", "s_total": "Totalt betalt {year}",
        "s_printed": "Utskrevet", "s_note": "Egenandelene er meldt til Helfo og teller med i "
        "egenandelstaket ({limit} i {year}). Oversikten er ikke en faktura.",
        "semester": ("Vår", "Høst"),
        "a_title": "Egenandeler", "a_menu": ("Oversikt", "Egenandeler", "Frikort", "Timer",
                                             "Meldinger"),
        "a_year": "Registrert {year}", "a_of": "av {limit}", "a_detail": "Detaljer",
        "a_provider": "Behandler", "a_service": "Tjeneste", "a_amount": "Egenandel",
        "a_date": "Dato", "a_status": "Status", "a_ok": "Registrert hos Helfo",
        "r_title": "KVITTERING", "r_sub": "Betalt egenandel", "r_no": "Kvittering nr.",
        "r_time": "Time", "r_patient": "Pasient", "r_born": "Født", "r_doctor": "Lege",
        "r_what": "Beskrivelse", "r_amount": "Beløp", "r_total": "Å betale / betalt",
        "r_card": "Betalt med bankkort", "r_account": "Bankkonto",
        "r_note": "Nevrologen har avtale med Helse {region}. Egenandelen er meldt til Helfo.",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "nn": {
        "s_title": "Oversikt over betalte eigendelar", "s_period": "Periode",
        "s_for": "Utskrift for", "s_born": "Fødselsdato", "s_student": "Studentnr.",
        "s_date": "Dato", "s_what": "Teneste", "s_fee": "Eigendel",
        "s_month": "Sum {month}", "s_total": "Totalt betalt {year}",
        "s_printed": "Skrive ut", "s_note": "Eigendelane er melde til Helfo og tel med i "
        "eigendelstaket ({limit} i {year}). Oversikta er ikkje ein faktura.",
        "semester": ("Vår", "Haust"),
        "a_title": "Eigendelar", "a_menu": ("Oversikt", "Eigendelar", "Frikort", "Timar",
                                            "Meldingar"),
        "a_year": "Registrert {year}", "a_of": "av {limit}", "a_detail": "Detaljar",
        "a_provider": "Behandlar", "a_service": "Teneste", "a_amount": "Eigendel",
        "a_date": "Dato", "a_status": "Status", "a_ok": "Registrert hos Helfo",
        "r_title": "KVITTERING", "r_sub": "Betalt eigendel", "r_no": "Kvittering nr.",
        "r_time": "Time", "r_patient": "Pasient", "r_born": "Fødd", "r_doctor": "Lege",
        "r_what": "Skildring", "r_amount": "Beløp", "r_total": "Å betale / betalt",
        "r_card": "Betalt med bankkort", "r_account": "Bankkonto",
        "r_note": "Nevrologen har avtale med Helse {region}. Eigendelen er meld til Helfo.",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "en": {
        "s_title": "Statement of user fees paid", "s_period": "Period",
        "s_for": "Printed for", "s_born": "Date of birth", "s_student": "Student no.",
        "s_date": "Date", "s_what": "Service", "s_fee": "User fee",
        "s_month": "Total {month}", "s_total": "Total paid {year}",
        "s_printed": "Printed", "s_note": "The user fees have been reported to Helfo and count "
        "towards the user fee ceiling ({limit} in {year}). This statement is not an invoice.",
        "semester": ("Spring", "Autumn"),
        "a_title": "User fees", "a_menu": ("Overview", "User fees", "Exemption card",
                                           "Appointments", "Messages"),
        "a_year": "Registered {year}", "a_of": "of {limit}", "a_detail": "Details",
        "a_provider": "Provider", "a_service": "Service", "a_amount": "User fee",
        "a_date": "Date", "a_status": "Status", "a_ok": "Registered with Helfo",
        "r_title": "RECEIPT", "r_sub": "User fee paid", "r_no": "Receipt no.",
        "r_time": "Appointment", "r_patient": "Patient", "r_born": "Born", "r_doctor": "Doctor",
        "r_what": "Description", "r_amount": "Amount", "r_total": "Due / paid",
        "r_card": "Paid by debit card", "r_account": "Bank account",
        "r_note": "The neurologist has an agreement with Helse {region}. The user fee has "
        "been reported to Helfo.", "org": "Org. no.", "phone": "Phone",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """A whole amount of kroner as "kr. 1.234,-" (kr_dot_dash) or "kr. 1,234"
    (kr_dot_whole_comma); the set has no amount with øre."""
    whole, cents = f"{amount:.2f}".split(".")
    if cents != "00":
        raise ValueError(f"the seventeenth blind set prints whole kroner only: {amount}")
    grouped = f"{int(whole):,}"
    match style:
        case "kr_dot_dash":
            return f"kr.{NBSP}{grouped.replace(',', '.')},-"
        case _:
            return f"kr.{NBSP}{grouped}"


def month_heading(value: date, language: str) -> str:
    """The heading the statement prints over a month's lines: "MARS 2025"."""
    return f"{MONTHS[language][value.month - 1]} {value.year}".upper()


def clock(value: date) -> tuple[int, int]:
    """An appointment's hour (8 to 15) and minute (a fifth of an hour) from the day alone."""
    seed = value.toordinal() * 13 + 5
    return 8 + seed % 8, seed * 7 % 12 * 5


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "ti 4." ("Tue 4"; day_under_month, the month in the heading above), as
    "4. mar. · tir." ("4 Mar · Tue"; day_month_weekday, the year in the pane's heading), or as
    "4. mars 2025, kl. 09.40" ("4 March 2025, 09:40"; long_month_clock)."""
    english = language == "en"
    match style:
        case "day_under_month":
            weekday = WEEKDAYS[language][value.weekday()]
            return f"{weekday}{NBSP}{value.day}" + ("" if english else ".")
        case "day_month_weekday":
            weekday = LONG_WEEKDAYS[language][value.weekday()]
            if english:
                return f"{value.day}{NBSP}{SHORT_MONTHS_EN[value.month - 1]} · {weekday}"
            return f"{value.day}.{NBSP}{SHORT_MONTHS[value.month - 1]} · {weekday}"
        case _:
            hour, minute = clock(value)
            month = MONTHS[language][value.month - 1]
            if english:
                return f"{value.day}{NBSP}{month}{NBSP}{value.year}, {hour:02d}:{minute:02d}"
            return f"{value.day}.{NBSP}{month}{NBSP}{value.year}, kl.{NBSP}{hour:02d}.{minute:02d}"


def shown_date(document: Overview | Receipt, value: date) -> str:
    return day(value, document.date_style, document.language)


def limit_shown(document: Overview) -> str:
    return money(document.limit, document.amount_style)


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout (``phone``: the app, always one screen)."""
    if isinstance(document, Receipt):
        return _neurology(document)
    if phone or document.layout == BLIND17_PHONE_LAYOUT:
        return _fold_app(document)
    return _statement(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def _home(seed: int) -> tuple[str, str]:
    """A student's address and postcode with place (from the birth date alone)."""
    street = BLIND17_STREETS[seed % 4]
    place = ("Hamar", "Ålesund", "Førde", "Haugesund")[seed // 4 % 4]
    return (
        f"{street} {seed % 29 + 1}, H{seed % 5 + 1}0{seed % 9 + 1}",
        f"{5000 + seed % 900} {place}",
    )


# ---- a student health service's statement, month by month (A4) ---------------------------

STATEMENT_CSS = """
@page { size: A4; margin: 15mm 18mm 16mm 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #202020; }
.band { background: #1f4e5f; color: #fff; padding: 8px 12px; display: flex;
  justify-content: space-between; align-items: center; }
.band .n { font-size: 13pt; font-weight: bold; } .band .c { font-size: 7.5pt; text-align: right; }
h1 { font-size: 13pt; margin: 7mm 0 3mm 0; color: #1f4e5f; }
table.who { width: auto; font-size: 9pt; margin-bottom: 5mm; }
table.who td { padding: 1px 14px 1px 0; } table.who td.k { color: #5a6a70; }
table.f { width: 100%; border-collapse: collapse; }
table.f th { text-align: left; font-size: 8pt; color: #5a6a70; border-bottom: 1px solid #1f4e5f;
  padding: 3px 6px; font-weight: normal; }
tr.m td { background: #e3eef1; font-weight: bold; color: #1f4e5f; padding: 5px 6px;
  letter-spacing: 0.6px; }
tr.l td { padding: 4px 6px 4px 6px; border-bottom: 1px dotted #b9c6ca; }
tr.s td { padding: 3px 6px 8px 6px; font-size: 8pt; color: #5a6a70; }
td.r, th.r { text-align: right; white-space: nowrap; }
tr.t td { border-top: 2px solid #1f4e5f; font-weight: bold; font-size: 10pt; padding: 7px 6px; }
.note { margin-top: 7mm; font-size: 8pt; color: #444; }
"""


def _statement(document: Overview) -> str:
    """A student health service's statement of the user fees paid there (A4): a coloured band
    with the service's name, address, phone and organisation number; the title, the
    semesters it covers; the student's name, birth date, student number, address and the
    date printed; the fees under a heading for each month (the line only the weekday and the
    day), each month's sum under its lines, the year's total; a note on the ceiling."""
    words = WORDS[document.language]
    service = document.fees[0].provider
    seed = document.birth_date.toordinal()
    place = service.split(" ")[-1]
    rows, month, running = [], 0, Decimal(0)
    for fee in _ordered(document):
        if fee.day.month != month:
            if month:
                rows.append(_month_sum(document, words, month, running))
            month, running = fee.day.month, Decimal(0)
            rows.append(
                f"<tr class='m'><td colspan='3'>{month_heading(fee.day, document.language)}"
                "</td></tr>"
            )
        running += fee.amount
        rows.append(
            f"<tr class='l'><td>{shown_date(document, fee.day)}</td>"
            f"<td>{escape(fee.service)}</td><td class='r'>{_amount(fee.amount, document)}</td>"
            "</tr>"
        )
    rows.append(_month_sum(document, words, month, running))
    first, last = document.fees[0].day.month, document.fees[-1].day.month
    spring, autumn = words["semester"]
    period = (
        f"{spring} {document.year}" if last <= 6 else
        f"{autumn} {document.year}" if first > 6 else
        f"{spring} {document.year} – {autumn.lower()} {document.year}"
    )  # fmt: skip
    street, town = _home(seed)
    body = (
        f"<div class='band'><div class='n'>{escape(service)}</div><div class='c'>"
        f"{BLIND17_STREETS[(seed + 1) % 4]} {seed % 17 + 2}, {6000 + seed % 900} "
        f"{escape(place)}<br>{_say(words, 'phone')} {40 + seed % 50} {seed % 89 + 10} "
        f"{seed % 79 + 10} {seed % 69 + 30} · {_say(words, 'org')} "
        f"{org_number(str(920000000 + seed * 61 % 79999999), 1)}</div></div>"
        f"<h1>{_say(words, 's_title')}</h1><table class='who'>"
        f"<tr><td class='k'>{_say(words, 's_for')}</td><td><b>{escape(document.name)}</b></td>"
        f"</tr><tr><td class='k'>{_say(words, 's_born')}</td>"
        f"<td>{document.birth_date:%d.%m.%Y}</td></tr><tr><td class='k'>"
        f"{_say(words, 's_student')}</td><td>{100000 + seed * 7 % 899999}</td></tr>"
        f"<tr><td class='k'></td><td>{escape(street)}, {escape(town)}</td></tr>"
        f"<tr><td class='k'>{_say(words, 's_period')}</td><td>{escape(period)}</td></tr>"
        f"<tr><td class='k'>{_say(words, 's_printed')}</td>"
        f"<td>{document.printed_at:%d.%m.%Y}</td></tr></table>"
        f"<table class='f'><tr><th>{_say(words, 's_date')}</th><th>{_say(words, 's_what')}"
        f"</th><th class='r'>{_say(words, 's_fee')}</th></tr>{''.join(rows)}"
        f"<tr class='t'><td colspan='2'>{_say(words, 's_total', year=document.year)}</td>"
        f"<td class='r'>{_amount(document.total, document)}</td></tr></table>"
        f"<div class='note'>"
        f"{_say(words, 's_note', limit=limit_shown(document), year=document.year)}</div>"
    )
    return page(body, STATEMENT_CSS)


def _month_sum(document: Overview, words: dict[str, Any], month: int, amount: Decimal) -> str:
    name = MONTHS[document.language][month - 1]
    return (
        f"<tr class='s'><td colspan='2'>{_say(words, 's_month', month=name)}</td>"
        f"<td class='r'>{_amount(amount, document)}</td></tr>"
    )


# ---- the registered user fees on an unfolded phone: two panes ------------------------------

FOLD_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; background: #fafafa; color: #1b1b1f; }
.status { height: 30px; box-sizing: border-box; padding: 7px 22px 0 22px; display: flex;
  justify-content: space-between; font-size: 12px; color: #333; }
.wrap { display: flex; height: 640px; }
.nav { width: 150px; background: #eef1f6; padding-top: 10px; }
.nav div { font-size: 12px; padding: 10px 16px; color: #44474e; }
.nav div.on { background: #d6e3ff; color: #001a41; font-weight: bold;
  border-radius: 0 18px 18px 0; margin-right: 10px; }
.pane { flex: 1; padding: 6px 16px 0 16px; }
h1 { font-size: 20px; margin: 6px 0 2px 0; } .who { font-size: 12px; color: #44474e; }
.card { background: #fff; border: 1px solid #dde2ea; border-radius: 14px; padding: 8px 12px;
  margin: 8px 0; display: flex; justify-content: space-between; align-items: baseline; }
.card .v { font-size: 20px; font-weight: bold; } .card .k { font-size: 11px; color: #44474e; }
.row { display: flex; justify-content: space-between; background: #fff; border-radius: 10px;
  padding: 7px 12px; margin: 5px 0; border: 1px solid #e3e6ec; }
.row.sel { border: 2px solid #2f5fa8; background: #f3f7ff; }
.row .d { font-size: 12px; font-weight: bold; } .row .p { font-size: 11px; color: #44474e; }
.row .a { font-size: 13px; font-weight: bold; white-space: nowrap; align-self: center; }
.detail { width: 170px; border-left: 1px solid #dde2ea; padding: 14px 12px; font-size: 11px; }
.detail h2 { font-size: 14px; margin: 0 0 10px 0; } .detail .k { color: #5d6068; margin-top: 8px; }
.detail .v { font-size: 12px; }
.bar { position: absolute; bottom: 0; left: 0; right: 0; height: 55px; background: #f0f0f3;
  display: flex; justify-content: center; align-items: center; }
.bar span { display: inline-block; width: 28px; height: 28px; border-radius: 8px;
  background: #c9ccd4; margin: 0 9px; }
"""


def fold_clock(document: Overview) -> tuple[int, int]:
    """The hour and minute on the status bar (from the person alone)."""
    seed = document.birth_date.toordinal()
    return 7 + seed % 14, seed * 3 % 60


def _fold_app(document: Overview) -> str:
    """The user fees registered in a year as an app shows them on the wide inner screen of an
    unfolded phone, one screen: the status bar; a navigation rail; the list pane (the title
    with the year, the person's name and birth date, a card with the year's registered sum
    and the ceiling, a row for each fee: date, provider, amount; newest first, the newest
    chosen); the detail pane (the chosen fee's provider, service, date, amount, status); the
    taskbar."""
    words = WORDS[document.language]
    seed = document.birth_date.toordinal()
    hour, minute = fold_clock(document)
    ordered = _ordered(document)
    rows = "".join(
        f"<div class='row{' sel' if n == 0 else ''}'><div><div class='d'>"
        f"{shown_date(document, fee.day)}</div><div class='p'>{escape(fee.provider)}</div>"
        f"</div><div class='a'>{_amount(fee.amount, document)}</div></div>"
        for n, fee in enumerate(ordered)
    )
    chosen = ordered[0]
    menu = "".join(
        f"<div{' class=' + chr(39) + 'on' + chr(39) if n == 1 else ''}>{escape(item)}</div>"
        for n, item in enumerate(words["a_menu"])
    )
    detail = (
        f"<h2>{_say(words, 'a_detail')}</h2><div class='k'>{_say(words, 'a_provider')}</div>"
        f"<div class='v'>{escape(chosen.provider)}</div><div class='k'>"
        f"{_say(words, 'a_service')}</div><div class='v'>{escape(chosen.service)}</div>"
        f"<div class='k'>{_say(words, 'a_date')}</div><div class='v'>"
        f"{shown_date(document, chosen.day)} {chosen.day.year}</div><div class='k'>"
        f"{_say(words, 'a_amount')}</div>"
        f"<div class='v'>{_amount(chosen.amount, document)}</div><div class='k'>"
        f"{_say(words, 'a_status')}</div><div class='v'>{_say(words, 'a_ok')}</div>"
    )
    body = (
        f"<div class='status'><span>{hour:02d}:{minute:02d}</span><span>"
        f"5G ▮▮▮ {15 + seed % 80}%</span></div><div class='wrap'><div class='nav'>{menu}</div>"
        f"<div class='pane'><h1>{_say(words, 'a_title')} {document.year}</h1>"
        f"<div class='who'>{escape(document.name)} · {document.birth_date:%d.%m.%Y}</div>"
        f"<div class='card'><div><div class='k'>{_say(words, 'a_year', year=document.year)}"
        f"</div><div class='v'>{_amount(document.total, document)}</div></div><div class='k'>"
        f"{_say(words, 'a_of', limit=limit_shown(document))}</div></div>{rows}</div>"
        f"<div class='detail'>{detail}</div></div><div class='bar'>"
        + "<span></span>" * 5
        + "</div>"
    )
    frame = f"@page {{ size: {SCREEN[0]}px {SCREEN[1]}px; margin: 0; }}"
    return page(body, frame + FOLD_CSS)


# ---- a neurologist's receipt on an A5 sheet ----------------------------------------------

NEUROLOGY_CSS = """
@page { size: A5; margin: 16mm 13mm 16mm 13mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 8.4pt; color: #222; }
.clinic { font-size: 13pt; font-weight: bold; color: #2a4f6b; text-align: center; }
.addr { text-align: center; font-size: 7.4pt; color: #666; margin-top: 2px; }
.title { text-align: center; margin: 7mm 0 1mm 0; font-size: 11pt; font-weight: bold;
  letter-spacing: 2px; } .sub { text-align: center; font-size: 8pt; color: #555; }
table.m { margin-top: 6mm; width: 100%; } table.m td { padding: 2px 0; }
table.m td.k { color: #666; width: 32mm; }
table.i { margin-top: 5mm; width: 100%; border-collapse: collapse; }
table.i th { border-top: 1px solid #2a4f6b; border-bottom: 1px solid #2a4f6b; padding: 4px 2px;
  font-size: 8pt; } table.i td { padding: 4px 2px; }
table.i .r { text-align: right; white-space: nowrap; }
tr.t td { border-top: 1px solid #2a4f6b; font-weight: bold; font-size: 9.5pt; padding-top: 6px; }
.foot { margin-top: 6mm; font-size: 7.4pt; color: #555; line-height: 1.5; }
"""

REGIONS = ("Sør-Øst", "Vest", "Midt-Norge", "Nord")


def _neurology(document: Receipt) -> str:
    """A neurologist's receipt on an A5 sheet: the clinic, its address, phone and
    organisation number, centred; the title; the receipt's number, the appointment's date and
    time, the patient's name and birth date, the doctor; each service with its amount, the
    total paid; the card's last digits, the account, a note on the agreement."""
    words = WORDS[document.language]
    number = document.invoice_number
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='r'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    meta = (
        (words["r_no"], str(number)),
        (words["r_time"], shown_date(document, document.day)),
        (words["r_patient"], f"<b>{escape(document.patient)}</b>"),
        (words["r_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["r_doctor"], escape(DOCTORS[number % len(DOCTORS)])),
    )
    body = (
        f"<div class='clinic'>{escape(document.provider)}</div><div class='addr'>"
        f"{escape(document.address)} · {_say(words, 'phone')} {document.phone} · "
        f"{_say(words, 'org')} {org_number(document.organisation_number, 2)}</div>"
        f"<div class='title'>{_say(words, 'r_title')}</div><div class='sub'>"
        f"{_say(words, 'r_sub')}</div><table class='m'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{v}</td></tr>" for k, v in meta)
        + f"</table><table class='i'><tr><th style='text-align:left'>{_say(words, 'r_what')}"
        f"</th><th class='r'>{_say(words, 'r_amount')}</th></tr>{rows}"
        f"<tr class='t'><td>{_say(words, 'r_total')}</td><td class='r'>"
        f"{_amount(document.total, document)}</td></tr></table><div class='foot'>"
        f"{_say(words, 'r_card')} **** {number * 7 % 9000 + 1000}<br>"
        f"{_say(words, 'r_account')} {document.account}<br>"
        f"{_say(words, 'r_note', region=REGIONS[number % 4])}</div>"
    )
    return page(body, NEUROLOGY_CSS)
