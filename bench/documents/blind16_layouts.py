"""The sixteenth blind set's documents as HTML: a private psychology practice's annual statement
of the user fees paid there, a letter for a window envelope ("Årsoppgave": each session's date
as "04.mar.2025" or "Mar 04 2025", its kind, amounts in whole kroner as "411 NOK"); the user
fees registered in a year in an iOS app with a segmented control ("4. mar. 2025 · 14:32",
"1 234 NOK"); a rheumatologist's receipt for a window envelope ("04.03.2025, kl. 10.15–10.45",
"04/03/2025, 10:15–10:45").

Names are Georgian, Armenian, Māori or Basque (``content.blind16_name``); pages in bokmål,
nynorsk or English; providers at the set's own places (``content.BLIND16_PLACES``).

Renditions (``render``): a page printed on pale coloured paper, scanned in colour; a page fed
crooked through a sheet feeder, the feeder's dark backing round it; the app's screenshot
opened in the phone's photo viewer and captured again there.

Every layout still carries what a reader must leave out: the letter's date, the birth date,
the addresses, the therapist's and doctor's names, the limit, the phone's clock, the receipt's
number, the card's last digits, the account, the organisation and phone numbers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND16_PAPER_LAYOUT,
    BLIND16_PHONE_LAYOUT,
    BLIND16_RECEIPT_LAYOUT,
    BLIND16_SESSIONS,
    BLIND16_STREETS,
    BLIND16_THERAPISTS,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((BLIND16_PAPER_LAYOUT, BLIND16_PHONE_LAYOUT, BLIND16_RECEIPT_LAYOUT))
"""The layouts this module draws (and no other)."""

SCREEN = (390, 844)
"""CSS pixels of the iPhone's screen (device scale 3: 1170 × 2532 pixels)."""

MONTHS_NB = ("jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.",
             "nov.", "des.")  # fmt: skip
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

DOCTORS = ("Ragnhild Nesheim", "Arild Skjærvold", "Kjersti Lomsdalen", "Torbjørn Vassbotn")

WORDS: dict[str, dict[str, Any]] = {
    "nb": {
        "s_role": "Psykologspesialist", "s_title": "Årsoppgave – betalte egenandeler {year}",
        "s_intro": "Vi bekrefter at {name} har betalt følgende egenandeler for "
        "psykologbehandling hos oss i {year}:", "s_no": "Nr.", "s_date": "Dato",
        "s_kind": "Behandling", "s_fee": "Egenandel", "s_sum": "Sum betalt {year}",
        "s_note": "Egenandelene er registrert hos Helfo og teller med i egenandelstaket, som "
        "er {limit} for {year}.", "s_regards": "Med vennlig hilsen", "s_born": "Fødselsdato",
        "a_tabs": ("Egenandeler", "Frikort"), "a_title": "Egenandeler", "a_born": "Født",
        "a_paid": "Registrert i {year}", "a_of": "av egenandelstaket på {limit}",
        "a_list": "Betalinger", "a_nav": ("Hjem", "Egenandeler", "Meldinger", "Meny"),
        "v_when": "I dag", "v_edit": "Rediger", "v_back": "Alle bilder",
        "r_role": "Spesialist i revmatologi", "r_title": "KVITTERING – BETALT EGENANDEL",
        "r_no": "Kvitteringsnr.", "r_time": "Konsultasjon", "r_born": "Fødselsdato",
        "r_doctor": "Behandler", "r_what": "Tjeneste", "r_amount": "Beløp",
        "r_total": "Totalt betalt", "r_card": "Betalt med kort", "r_account": "Kontonr.",
        "r_note": "Revmatologen har driftsavtale med helseforetaket. Egenandelen er meldt til "
        "Helfo og teller med i egenandelstaket.", "org": "Org.nr.", "phone": "Tlf.",
    },
    "nn": {
        "s_role": "Psykologspesialist", "s_title": "Årsoppgåve – betalte eigendelar {year}",
        "s_intro": "Vi stadfestar at {name} har betalt desse eigendelane for "
        "psykologbehandling hos oss i {year}:", "s_no": "Nr.", "s_date": "Dato",
        "s_kind": "Behandling", "s_fee": "Eigendel", "s_sum": "Sum betalt {year}",
        "s_note": "Eigendelane er registrerte hos Helfo og tel med i eigendelstaket, som er "
        "{limit} for {year}.", "s_regards": "Med venleg helsing", "s_born": "Fødselsdato",
        "a_tabs": ("Eigendelar", "Frikort"), "a_title": "Eigendelar", "a_born": "Fødd",
        "a_paid": "Registrert i {year}", "a_of": "av eigendelstaket på {limit}",
        "a_list": "Betalingar", "a_nav": ("Heim", "Eigendelar", "Meldingar", "Meny"),
        "v_when": "I dag", "v_edit": "Rediger", "v_back": "Alle bilete",
        "r_role": "Spesialist i revmatologi", "r_title": "KVITTERING – BETALT EIGENDEL",
        "r_no": "Kvitteringsnr.", "r_time": "Konsultasjon", "r_born": "Fødselsdato",
        "r_doctor": "Behandlar", "r_what": "Teneste", "r_amount": "Beløp",
        "r_total": "Totalt betalt", "r_card": "Betalt med kort", "r_account": "Kontonr.",
        "r_note": "Revmatologen har driftsavtale med helseføretaket. Eigendelen er meld til "
        "Helfo og tel med i eigendelstaket.", "org": "Org.nr.", "phone": "Tlf.",
    },
    "en": {
        "s_role": "Specialist in clinical psychology",
        "s_title": "Annual statement – user fees paid {year}",
        "s_intro": "We confirm that {name} has paid the following user fees for psychological "
        "treatment with us in {year}:", "s_no": "No.", "s_date": "Date",
        "s_kind": "Treatment", "s_fee": "User fee", "s_sum": "Total paid {year}",
        "s_note": "The user fees are registered with Helfo and count towards the user fee "
        "ceiling, which is {limit} for {year}.", "s_regards": "Kind regards",
        "s_born": "Date of birth",
        "a_tabs": ("User fees", "Exemption card"), "a_title": "User fees", "a_born": "Born",
        "a_paid": "Registered in {year}", "a_of": "of the user fee ceiling of {limit}",
        "a_list": "Payments", "a_nav": ("Home", "User fees", "Messages", "Menu"),
        "v_when": "Today", "v_edit": "Edit", "v_back": "All Photos",
        "r_role": "Specialist in rheumatology", "r_title": "RECEIPT – USER FEE PAID",
        "r_no": "Receipt no.", "r_time": "Consultation", "r_born": "Date of birth",
        "r_doctor": "Doctor", "r_what": "Service", "r_amount": "Amount",
        "r_total": "Total paid", "r_card": "Paid by card", "r_account": "Account no.",
        "r_note": "The rheumatologist has an agreement with the health trust. The user fee has "
        "been reported to Helfo and counts towards the user fee ceiling.",
        "org": "Org. no.", "phone": "Phone",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """A whole amount of kroner as "1 234 NOK" (whole_nok_after) or "1,234 NOK"
    (whole_nok_after_comma); the set has no amount with øre."""
    whole, cents = f"{amount:.2f}".split(".")
    if cents != "00":
        raise ValueError(f"the sixteenth blind set prints whole kroner only: {amount}")
    grouped = f"{int(whole):,}"
    match style:
        case "whole_nok_after":
            return f"{grouped.replace(',', NBSP)}{NBSP}NOK"
        case _:
            return f"{grouped}{NBSP}NOK"


def clock(value: date, salt: int) -> tuple[int, int]:
    """An hour (8 to 15) and minute a day's payment or visit bears (from the day alone)."""
    seed = value.toordinal() * 11 + salt
    return 8 + seed % 8, seed * 17 % 60


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "04.mar.2025" ("Mar 04 2025"; compact_month), with the time paid as
    "4. mar. 2025 · 14:32" ("4 Mar 2025 · 14:32"; dotted_clock) or with the consultation's
    span as "04.03.2025, kl. 10.15–10.45" ("04/03/2025, 10:15–10:45"; consultation_span)."""
    english = language == "en"
    match style:
        case "compact_month":
            if english:
                return f"{MONTHS_EN[value.month - 1]}{NBSP}{value.day:02d}{NBSP}{value.year}"
            return f"{value.day:02d}.{MONTHS_NB[value.month - 1].rstrip('.')}.{value.year}"
        case "dotted_clock":
            hour, minute = clock(value, 1)
            if english:
                shown = f"{value.day}{NBSP}{MONTHS_EN[value.month - 1]}{NBSP}{value.year}"
            else:
                shown = f"{value.day}.{NBSP}{MONTHS_NB[value.month - 1]}{NBSP}{value.year}"
            return f"{shown} · {hour:02d}:{minute:02d}"
        case _:
            hour, minute = clock(value, 2)
            minute = minute // 15 * 15
            end_hour, end_minute = hour + (minute + 30) // 60, (minute + 30) % 60
            if english:
                return f"{value:%d/%m/%Y}, {hour:02d}:{minute:02d}–{end_hour:02d}:{end_minute:02d}"
            return (
                f"{value:%d.%m.%Y}, kl.{NBSP}{hour:02d}.{minute:02d}–"
                f"{end_hour:02d}.{end_minute:02d}"
            )


def shown_date(document: Overview | Receipt, value: date) -> str:
    return day(value, document.date_style, document.language)


def limit_shown(document: Overview) -> str:
    return money(document.limit, document.amount_style)


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout (``phone``: the app, always one screen)."""
    if isinstance(document, Receipt):
        return _rheumatology(document)
    if phone or document.layout == BLIND16_PHONE_LAYOUT:
        return _app(document)
    return _statement(document)


def app_clock(document: Overview) -> tuple[int, int]:
    """The hour and minute on the app's status bar when the screenshot was taken (from the
    person alone)."""
    seed = document.birth_date.toordinal()
    return 8 + seed % 13, seed % 60


def viewer_words(document: Overview) -> tuple[str, str, str, str, str]:
    """What the phone's photo viewer shows round the screenshot: the way back, when it was
    taken (today, at the time on its status bar), the edit button, and the clock now (a few
    minutes later)."""
    words = WORDS[document.language]
    hour, minute = app_clock(document)
    later = hour * 60 + minute + 3 + document.birth_date.toordinal() % 40
    taken, now = f"{hour}:{minute:02d}", f"{later // 60}:{later % 60:02d}"
    return words["v_back"], words["v_when"], taken, words["v_edit"], now


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def _home(seed: int) -> tuple[str, str]:
    """A person's street address and postcode with place (from the birth date alone)."""
    street = ("Bjørkelia", "Fjellvegen", "Kirkebakken", "Solåsen")[seed % 4]
    place = ("Drammen", "Lillehammer", "Gjøvik", "Kongsberg")[seed // 4 % 4]
    return f"{street} {seed % 37 + 2}", f"{3000 + seed % 900} {place}"


# ---- a psychology practice's annual statement (A4 letter, window envelope) ----------------

STATEMENT_CSS = """
@page { size: A4; margin: 16mm 20mm 18mm 22mm; }
body { font-family: 'DejaVu Serif', serif; font-size: 9.6pt; color: #222; }
.head { border-bottom: 1px solid #7a6a58; padding-bottom: 6px; }
.head .practice { font-size: 15pt; color: #5b4636; letter-spacing: 0.5px; }
.head .sub { font-size: 8pt; color: #6b5e52; font-family: 'DejaVu Sans', sans-serif; }
.window { margin-top: 22mm; height: 30mm; font-size: 10pt; line-height: 1.4; }
.place { text-align: right; margin-top: -8mm; }
h1 { font-size: 12pt; margin: 12mm 0 4mm 0; }
table.s { border-collapse: collapse; margin: 5mm 0 4mm 0; width: 80%; }
table.s th { text-align: left; font-weight: normal; font-style: italic; padding: 3px 8px 3px 0;
  border-bottom: 1px solid #444; }
table.s td { padding: 4px 8px 4px 0; }
table.s .r { text-align: right; white-space: nowrap; }
tr.sum td { border-top: 1px solid #444; font-weight: bold; padding-top: 6px; }
.sign { margin-top: 12mm; line-height: 1.5; }
"""


def _statement(document: Overview) -> str:
    """A psychology practice's annual statement of the user fees paid there (A4, for a window
    envelope): the practice, the therapist's title, address, phone and organisation number;
    the person's name and address in the window, the birth date; the place and the letter's
    date; the title, a sentence with the name, a row for each session (its number, date,
    kind, user fee), the sum; the ceiling; the therapist's signature."""
    words = WORDS[document.language]
    practice = document.fees[0].provider
    seed = document.birth_date.toordinal()
    therapist = BLIND16_THERAPISTS[seed % len(BLIND16_THERAPISTS)]
    kinds = BLIND16_SESSIONS[document.language]
    place = practice.replace(" psykologpraksis", "").split(" ")[-1]
    rows = "".join(
        f"<tr><td>{n + 1}</td><td>{shown_date(document, fee.day)}</td>"
        f"<td>{escape(kinds[(fee.day.toordinal() + n) % len(kinds)])}</td>"
        f"<td class='r'>{_amount(fee.amount, document)}</td></tr>"
        for n, fee in enumerate(_ordered(document))
    )
    street, town = _home(seed)
    letter_date = day(document.printed_at, document.date_style, document.language)
    body = (
        f"<div class='head'><div class='practice'>{escape(practice)}</div><div class='sub'>"
        f"{escape(therapist)}, {_say(words, 's_role')} · {BLIND16_STREETS[seed % 4]} "
        f"{seed % 19 + 1}, {2000 + seed % 1000} {escape(place)} · {_say(words, 'phone')} "
        f"{30 + seed % 60} {seed % 90 + 10} {seed % 80 + 10} {seed % 70 + 20} · "
        f"{_say(words, 'org')} {org_number(str(910000000 + seed * 53 % 89999999), 1)}</div>"
        f"</div><div class='window'>{escape(document.name)}<br>{escape(street)}<br>"
        f"{escape(town)}</div><div class='place'>{escape(place)}, {letter_date}</div>"
        f"<h1>{_say(words, 's_title', year=document.year)}</h1>"
        f"<div>{_say(words, 's_born')}: {document.birth_date:%d.%m.%Y}</div>"
        f"<p>{_say(words, 's_intro', name=document.name, year=document.year)}</p>"
        f"<table class='s'><tr><th>{_say(words, 's_no')}</th><th>{_say(words, 's_date')}</th>"
        f"<th>{_say(words, 's_kind')}</th><th class='r'>{_say(words, 's_fee')}</th></tr>"
        f"{rows}<tr class='sum'><td colspan='3'>{_say(words, 's_sum', year=document.year)}"
        f"</td><td class='r'>{_amount(document.total, document)}</td></tr></table>"
        f"<p>{_say(words, 's_note', limit=limit_shown(document), year=document.year)}</p>"
        f"<div class='sign'>{_say(words, 's_regards')}<br><br>{escape(therapist)}<br>"
        f"{_say(words, 's_role')}</div>"
    )
    return page(body, STATEMENT_CSS)


# ---- the registered user fees in an iOS app with a segmented control -----------------------

APP_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; background: #f2f2f7; color: #000; }
.status { height: 44px; box-sizing: border-box; padding: 14px 28px 0 32px; display: flex;
  justify-content: space-between; font-size: 14px; font-weight: bold; }
h1 { font-size: 28px; margin: 6px 16px 10px 16px; }
.seg { margin: 0 16px; background: #e3e3e8; border-radius: 9px; padding: 2px; display: flex; }
.seg span { flex: 1; text-align: center; font-size: 12px; padding: 5px 0; color: #333; }
.seg span.on { background: #fff; border-radius: 7px; font-weight: bold; color: #000; }
.who { margin: 12px 16px 0 16px; font-size: 13px; color: #3c3c43; }
.who b { color: #000; font-size: 15px; }
.sum { margin: 10px 16px; background: #fff; border-radius: 12px; padding: 10px 14px; }
.sum .k { font-size: 12px; color: #6c6c70; } .sum .v { font-size: 24px; font-weight: bold;
  margin: 2px 0; } .sum .of { font-size: 11px; color: #6c6c70; }
.bar { height: 6px; background: #e5e5ea; border-radius: 3px; margin: 6px 0 4px 0; }
.bar div { height: 6px; background: #0a7d62; border-radius: 3px; }
.label { margin: 14px 32px 4px 32px; font-size: 11px; color: #6c6c70; text-transform: uppercase; }
.list { margin: 0 16px; background: #fff; border-radius: 12px; }
.row { display: flex; padding: 8px 14px; border-bottom: 0.5px solid #d8d8dc; }
.row:last-child { border-bottom: none; }
.row .l { flex: 1; } .row .p { font-size: 13px; font-weight: bold; }
.row .s { font-size: 11px; color: #6c6c70; } .row .d { font-size: 11px; color: #3c3c43;
  margin-top: 2px; } .row .a { font-size: 14px; font-weight: bold; white-space: nowrap;
  margin-left: 8px; align-self: center; }
.tabs { position: absolute; bottom: 0; left: 0; right: 0; height: 70px; background: #f9f9f9;
  border-top: 0.5px solid #c8c8cc; display: flex; padding-top: 6px; }
.tabs span { flex: 1; text-align: center; font-size: 9px; color: #8e8e93; }
.tabs span.on { color: #0a7d62; } .tabs i { display: block; font-style: normal; font-size: 18px; }
"""


ON = " class='on'"


def _app(document: Overview) -> str:
    """The user fees registered in a year as an iOS app lists them, one screen: the status bar
    (the clock, the battery), the large title, a segmented control (the fees; the exemption
    card), the person's name and birth date, a card with the year's registered sum and a bar
    towards the ceiling; a row for each payment (provider, service, date and time; the
    amount), newest first; the tab bar."""
    words = WORDS[document.language]
    seed = document.birth_date.toordinal()
    hour, minute = app_clock(document)
    rows = "".join(
        f"<div class='row'><div class='l'><div class='p'>{escape(fee.provider)}</div>"
        f"<div class='s'>{escape(fee.service)}</div><div class='d'>"
        f"{shown_date(document, fee.day)}</div></div><div class='a'>"
        f"{_amount(fee.amount, document)}</div></div>"
        for fee in _ordered(document)
    )
    share = int(100 * document.total / document.limit)
    tabs = "".join(
        f"<span{ON if n == 1 else ''}><i>{icon}</i>{escape(name)}</span>"
        for n, (icon, name) in enumerate(zip("⌂▤✉≡", words["a_nav"], strict=True))
    )
    first, second = words["a_tabs"]
    body = (
        f"<div class='status'><span>{hour}:{minute:02d}</span><span>"
        f"▮▮▮ {20 + seed % 75}%</span></div><h1>{_say(words, 'a_title')}</h1>"
        f"<div class='seg'><span class='on'>{escape(first)}</span><span>{escape(second)}"
        f"</span></div><div class='who'><b>{escape(document.name)}</b> · "
        f"{_say(words, 'a_born')} {document.birth_date:%d.%m.%Y}</div><div class='sum'>"
        f"<div class='k'>{_say(words, 'a_paid', year=document.year)}</div><div class='v'>"
        f"{_amount(document.total, document)}</div><div class='bar'><div style='width: "
        f"{max(share, 2)}%'></div></div><div class='of'>"
        f"{_say(words, 'a_of', limit=limit_shown(document))}</div></div>"
        f"<div class='label'>{_say(words, 'a_list')}</div><div class='list'>{rows}</div>"
        f"<div class='tabs'>{tabs}</div>"
    )
    frame = f"@page {{ size: {SCREEN[0]}px {SCREEN[1]}px; margin: 0; }}"
    return page(body, frame + APP_CSS)


# ---- a rheumatologist's receipt (A4, window envelope) ------------------------------------

RHEUMATOLOGY_CSS = """
@page { size: A4; margin: 14mm 18mm 16mm 20mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1d1d1d; }
.top { display: flex; justify-content: space-between; align-items: flex-start; }
.clinic { font-size: 14pt; font-weight: bold; color: #7a1f3d; }
.role { font-size: 8.5pt; color: #7a1f3d; }
.contact { text-align: right; font-size: 7.8pt; color: #555; line-height: 1.45; }
.middle { display: flex; justify-content: space-between; margin-top: 16mm; }
.window { width: 80mm; height: 28mm; font-size: 10pt; line-height: 1.4; }
table.m { font-size: 8.6pt; width: 78mm; border-collapse: collapse; }
table.m td { padding: 1px 0 1px 10px; vertical-align: top; } table.m td.k { color: #666;
  width: 26mm; }
h1 { font-size: 11.5pt; margin: 10mm 0 4mm 0; color: #7a1f3d; letter-spacing: 0.5px; }
table.i { width: 100%; border-collapse: collapse; }
table.i th { text-align: left; font-weight: bold; background: #f3e7eb; padding: 5px 6px;
  vertical-align: top; }
table.i td { padding: 5px 6px; border-bottom: 1px solid #e4d3d9; vertical-align: top; }
table.i .r { text-align: right; white-space: nowrap; }
tr.t td { font-weight: bold; border-top: 2px solid #7a1f3d; border-bottom: none; }
.small { font-size: 7.8pt; color: #555; margin-top: 6px; }
"""


def _rheumatology(document: Receipt) -> str:
    """A rheumatologist's receipt (A4, for a window envelope): the clinic, the specialty, the
    address, phone and organisation number; the patient's name and address in the window,
    beside it the receipt's number, the consultation's date and span, the birth date, the
    doctor; the title; each service with its amount, the total paid; the card, the account,
    a note on the ceiling."""
    words = WORDS[document.language]
    number = document.invoice_number
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='r'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    street, town = _home(document.birth_date.toordinal())
    meta = (
        (words["r_no"], str(number)),
        (words["r_time"], shown_date(document, document.day)),
        (words["r_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["r_doctor"], escape(DOCTORS[number % len(DOCTORS)])),
    )
    body = (
        f"<div class='top'><div><div class='clinic'>{escape(document.provider)}</div>"
        f"<div class='role'>{_say(words, 'r_role')}</div></div><div class='contact'>"
        f"{escape(document.address)}<br>{_say(words, 'phone')} {document.phone}<br>"
        f"{_say(words, 'org')} {org_number(document.organisation_number, 1)}</div></div>"
        f"<div class='middle'><div class='window'>{escape(document.patient)}<br>"
        f"{escape(street)}<br>{escape(town)}</div><table class='m'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{v}</td></tr>" for k, v in meta)
        + f"</table></div><h1>{_say(words, 'r_title')}</h1><table class='i'><tr><th>"
        f"{_say(words, 'r_what')}</th><th class='r'>{_say(words, 'r_amount')}</th></tr>{rows}"
        f"<tr class='t'><td>{_say(words, 'r_total')}</td><td class='r'>"
        f"{_amount(document.total, document)}</td></tr></table><div class='small'>"
        f"{_say(words, 'r_card')} (Visa) **** {number * 7 % 9000 + 1000}</div>"
        f"<div class='small'>{_say(words, 'r_account')} {document.account}</div>"
        f"<div class='small'>{_say(words, 'r_note')}</div>"
    )
    return page(body, RHEUMATOLOGY_CSS)
