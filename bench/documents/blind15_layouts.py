"""The fifteenth blind set's documents as HTML: a GP office's list of the bills paid there in a
year, printed from its patient record system ("Regningsoversikt": each bill's date and time as
"12.03.25 kl. 08.45", its number, its tariff codes, how it was paid, amounts as
"NKr 1 234,50"); the user fees registered in a year in an Android app in Material style, on the
upper half of a phone in split screen with an e-mail being written below ("12.03.2025 kl.
10.41", "1 234.50 NOK"); a private lung specialist's receipt on A5 ("Time: 12.3.2025 kl.
14.30", "12 March 2025, 2.30 pm", "1,234.50 NOK").

Names are Welsh, Mongolian, Kenyan, Tamil, Yoruba or Zulu (``content.blind15_name``); pages in
bokmål, nynorsk or English; providers at the set's own places (``content.BLIND15_PLACES``).

Renditions (``render``): a page whose fee lines the student ticked off with a ballpoint pen
in the margin, scanned in colour; a page with a paper clip over its top edge, scanned in
colour; an Android phone's screenshot in split screen (the app above, the mail app below).

Every layout still carries what a reader must leave out: the print's date, the birth date,
the patient and bill numbers, the tariff codes, the limit and what is registered towards it,
the phone's clock, the receipt's number, the card's last digits, the next check-up, the
organisation and phone numbers.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND15_PAPER_LAYOUT,
    BLIND15_PHONE_LAYOUT,
    BLIND15_RECEIPT_LAYOUT,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((BLIND15_PAPER_LAYOUT, BLIND15_PHONE_LAYOUT, BLIND15_RECEIPT_LAYOUT))
"""The layouts this module draws (and no other)."""

SCREEN = (360, 800)
"""CSS pixels of the Android phone (device scale 3: 1080 × 2400 pixels)."""
SPLIT_TOP = 454
"""CSS pixels of the upper window (with the status bar) in split screen."""
DIVIDER = 10
"""CSS pixels of the bar between the two windows."""
SPLIT_BOTTOM = SCREEN[1] - SPLIT_TOP - DIVIDER
"""CSS pixels of the lower window (the mail app, with the gesture bar)."""

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip

WORDS: dict[str, dict[str, Any]] = {
    "nb": {
        "g_title": "Regningsoversikt – betalte regninger {year}", "g_patient": "Pasient",
        "g_born": "Fødselsdato", "g_no": "Pasientnr.", "g_period": "Periode", "g_when":
        "Dato/tid", "g_bill": "Regningsnr.", "g_codes": "Takster", "g_service": "Tjeneste",
        "g_via": "Betalt", "g_fee": "Egenandel", "g_sum": "Sum betalte egenandeler {year}",
        "g_note": "Egenandelene er meldt til Helfo og teller mot egenandelstaket ({limit}).",
        "g_printed": "Skrevet ut {when} av {who}", "g_page": "Side 1",
        "pay": ("Kort", "Vipps", "Faktura betalt"),
        "a_title": "Egenandeler", "a_year": "Egenandelstak {year}", "a_reg": "Registrert",
        "a_of": "av {limit}", "a_count": "{n} registrerte egenandeler", "a_chip":
        "Registrert", "m_new": "Ny e-post", "m_from": "Fra", "m_to": "Til", "m_subject":
        "Emne", "m_subject_text": "Søknad om refusjon av egenandeler",
        "m_body": "Hei! Jeg sender oversikten over egenandelene mine som vedlegg. Hilsen",
        "r_title": "KVITTERING", "r_no": "Kvittering nr.", "r_patient": "Pasient", "r_born":
        "Født", "r_time": "Time", "r_what": "Ytelse", "r_amount": "Beløp", "r_total":
        "Betalt", "r_card": "Betalt med BankAxept", "r_next": "Neste kontroll", "r_note":
        "Lungelegen har avtale med Helse Sør-Øst. Egenandelen teller mot egenandelstaket.",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "nn": {
        "g_title": "Rekningsoversikt – betalte rekningar {year}", "g_patient": "Pasient",
        "g_born": "Fødselsdato", "g_no": "Pasientnr.", "g_period": "Periode", "g_when":
        "Dato/tid", "g_bill": "Rekningsnr.", "g_codes": "Takstar", "g_service": "Teneste",
        "g_via": "Betalt", "g_fee": "Eigendel", "g_sum": "Sum betalte eigendelar {year}",
        "g_note": "Eigendelane er melde til Helfo og tel mot eigendelstaket ({limit}).",
        "g_printed": "Skrive ut {when} av {who}", "g_page": "Side 1",
        "pay": ("Kort", "Vipps", "Faktura betalt"),
        "a_title": "Eigendelar", "a_year": "Eigendelstak {year}", "a_reg": "Registrert",
        "a_of": "av {limit}", "a_count": "{n} registrerte eigendelar", "a_chip":
        "Registrert", "m_new": "Ny e-post", "m_from": "Frå", "m_to": "Til", "m_subject":
        "Emne", "m_subject_text": "Søknad om refusjon av eigendelar",
        "m_body": "Hei! Eg sender oversikta over eigendelane mine som vedlegg. Helsing",
        "r_title": "KVITTERING", "r_no": "Kvittering nr.", "r_patient": "Pasient", "r_born":
        "Fødd", "r_time": "Time", "r_what": "Yting", "r_amount": "Beløp", "r_total":
        "Betalt", "r_card": "Betalt med BankAxept", "r_next": "Neste kontroll", "r_note":
        "Lungelegen har avtale med Helse Sør-Aust. Eigendelen tel mot eigendelstaket.",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "en": {
        "g_title": "Statement of bills paid {year}", "g_patient": "Patient",
        "g_born": "Date of birth", "g_no": "Patient no.", "g_period": "Period", "g_when":
        "Date/time", "g_bill": "Bill no.", "g_codes": "Tariff codes", "g_service": "Service",
        "g_via": "Paid by", "g_fee": "User fee", "g_sum": "Total user fees paid {year}",
        "g_note": "The user fees have been reported to Helfo and count towards the user fee "
        "ceiling ({limit}).", "g_printed": "Printed {when} by {who}", "g_page": "Page 1",
        "pay": ("Card", "Vipps", "Invoice paid"),
        "a_title": "User fees", "a_year": "User fee ceiling {year}", "a_reg": "Registered",
        "a_of": "of {limit}", "a_count": "{n} registered user fees", "a_chip": "Registered",
        "m_new": "New email", "m_from": "From", "m_to": "To", "m_subject": "Subject",
        "m_subject_text": "Application for a refund of user fees",
        "m_body": "Hi! I am attaching the overview of my user fees. Best regards,",
        "r_title": "RECEIPT", "r_no": "Receipt no.", "r_patient": "Patient", "r_born": "Born",
        "r_time": "Appointment", "r_what": "Service", "r_amount": "Amount", "r_total":
        "Paid", "r_card": "Paid by debit card", "r_next": "Next check-up", "r_note":
        "The pulmonologist has an agreement with the regional health authority. The user fee "
        "counts towards the user fee ceiling.",
        "org": "Org. no.", "phone": "Phone",
    },
}  # fmt: skip

CODES = {
    "Fastlege": "2ad", "GP": "2ad", "Fastlege, video": "2ae", "GP, video": "2ae",
    "Laboratorieprøver": "701a 705b", "Laboratory tests": "701a 705b",
}  # fmt: skip
"""The tariff codes a GP office's bill carries, by service."""


def money(amount: Decimal, style: str) -> str:
    """An amount as "NKr 1 234,50" (nkr_capital_k), "1 234.50 NOK" (code_after_spaced_point) or
    "1,234.50 NOK" (code_after_point)."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    spaced = grouped.replace(",", NBSP)
    match style:
        case "nkr_capital_k":
            return f"NKr{NBSP}{spaced},{cents}"
        case "code_after_spaced_point":
            return f"{spaced}.{cents}{NBSP}NOK"
        case _:
            return f"{grouped}.{cents}{NBSP}NOK"


def clock(value: date, salt: int) -> tuple[int, int]:
    """An hour (8 to 15) and minute a day's bill or visit bears (from the day alone)."""
    seed = value.toordinal() * 7 + salt
    return 8 + seed % 8, seed * 13 % 60


def day(value: date, style: str, language: str = "nb") -> str:
    """A date with its time as "12.03.25 kl. 08.45" ("12.03.25 at 08:45"; short_time), as
    "12.03.2025 kl. 10.41" ("12.03.2025 at 10:41"; phone_clock) or as an appointment "12.3.2025
    kl. 14.30" ("12 March 2025, 2.30 pm"; appointment_time)."""
    english = language == "en"
    match style:
        case "short_time":
            hour, minute = clock(value, 1)
            if english:
                return f"{value:%d.%m.%y} at {hour:02d}:{minute:02d}"
            return f"{value:%d.%m.%y} kl.{NBSP}{hour:02d}.{minute:02d}"
        case "phone_clock":
            hour, minute = clock(value, 2)
            if english:
                return f"{value:%d.%m.%Y} at {hour:02d}:{minute:02d}"
            return f"{value:%d.%m.%Y} kl.{NBSP}{hour:02d}.{minute:02d}"
        case _:
            hour, minute = clock(value, 3)
            minute = minute // 15 * 15
            if english:
                twelve = hour - 12 if hour > 12 else hour
                noon = "pm" if hour >= 12 else "am"
                month = MONTHS[value.month - 1]
                return f"{value.day} {month} {value.year}, {twelve}.{minute:02d}{NBSP}{noon}"
            return f"{value.day}.{value.month}.{value.year} kl.{NBSP}{hour}.{minute:02d}"


def shown_date(document: Overview | Receipt, value: date) -> str:
    return day(value, document.date_style, document.language)


def limit_shown(document: Overview) -> str:
    return money(document.limit, document.amount_style)


def next_visit(document: Receipt) -> date:
    return document.day + timedelta(days=60 + document.invoice_number % 90)


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout (``phone``: the app, always the upper window of a split
    screen)."""
    if isinstance(document, Receipt):
        return _lung(document)
    if phone or document.layout == BLIND15_PHONE_LAYOUT:
        return _app(document)
    return _bills(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


# ---- a GP office's bill list from its patient record system -------------------------------

BILLS_CSS = """
@page { size: A4 landscape; margin: 14mm 26mm 14mm 16mm;
  @bottom-right { content: 'EPJ-rapport R-114'; font-size: 7pt; color: #777; } }
body { font-family: 'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif; font-size: 8.6pt;
  color: #1a1a1a; }
.top { display: flex; justify-content: space-between; background: #e9eef3;
  border: 1px solid #9fb1c2; padding: 6px 10px; }
.top .office { font-size: 12pt; font-weight: bold; color: #23415e; }
.top .meta { text-align: right; font-size: 7.8pt; color: #333; line-height: 1.45; }
h1 { font-size: 11pt; margin: 12px 0 6px 0; color: #23415e; }
table.p td { padding: 1px 14px 1px 0; } table.p td.k { color: #555; }
table.b { width: 100%; border-collapse: collapse; margin-top: 10px; }
table.b th { background: #23415e; color: #fff; text-align: left; padding: 4px 6px;
  font-weight: normal; }
table.b td { padding: 4px 6px; border-bottom: 1px solid #cfd8e0; }
table.b tr:nth-child(even) td { background: #f4f7fa; }
table.b .r { text-align: right; white-space: nowrap; }
tr.s td { font-weight: bold; border-top: 2px solid #23415e; border-bottom: none;
  background: #fff !important; }
.small { margin-top: 10px; font-size: 7.8pt; color: #444; }
"""


def _bills(document: Overview) -> str:
    """A GP office's list of the bills paid there in a year (A4 landscape, from its patient
    record system): the office's band with its address, phone and organisation number; the
    title with the year; the patient (the name, the birth date, the patient number) and the
    period; a row for each bill (date and time, bill number, tariff codes, service, how it was
    paid, the user fee); the sum; a note with the ceiling; who printed it and when."""
    words = WORDS[document.language]
    office = document.fees[0].provider
    seed = document.birth_date.toordinal()
    rows = "".join(
        f"<tr><td>{shown_date(document, fee.day)}</td><td>{seed % 40000 + 20000 + 37 * n}</td>"
        f"<td>{CODES.get(fee.service, '2ad')}</td><td>{escape(fee.service)}</td>"
        f"<td>{escape(words['pay'][(seed + n) % 3])}</td>"
        f"<td class='r'>{_amount(fee.amount, document)}</td></tr>"
        for n, fee in enumerate(_ordered(document))
    )
    start = date(document.year, 1, 1)
    printed = day(document.printed_at, document.date_style, document.language)
    street = ("Storgata", "Kyrkjevegen", "Jernbanegata", "Sentrumsvegen")[seed % 4]
    place = office.replace("Legekontoret i ", "").split(" ")[0]
    patient = (
        (words["g_patient"], escape(document.name)),
        (words["g_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["g_no"], str(seed % 900000 + 100000)),
        (words["g_period"], f"{start:%d.%m.%Y} – {document.printed_at:%d.%m.%Y}"),
    )
    body = (
        f"<div class='top'><div class='office'>{escape(office)}</div><div class='meta'>"
        f"{street} {seed % 30 + 1}, {2000 + seed % 7000} {escape(place)}<br>"
        f"{_say(words, 'phone')} {60 + seed % 30} {seed % 90 + 10} {seed % 80 + 10} "
        f"{seed % 70 + 20} · {_say(words, 'org')} "
        f"{org_number(str(900000000 + seed * 37 % 99999999), 1)}</div></div>"
        f"<h1>{_say(words, 'g_title', year=document.year)}</h1><table class='p'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{v}</td></tr>" for k, v in patient)
        + f"</table><table class='b'><tr><th>{_say(words, 'g_when')}</th><th>"
        f"{_say(words, 'g_bill')}</th><th>{_say(words, 'g_codes')}</th><th>"
        f"{_say(words, 'g_service')}</th><th>{_say(words, 'g_via')}</th><th class='r'>"
        f"{_say(words, 'g_fee')}</th></tr>{rows}<tr class='s'><td colspan='5'>"
        f"{_say(words, 'g_sum', year=document.year)}</td><td class='r'>"
        f"{_amount(document.total, document)}</td></tr></table><div class='small'>"
        f"{_say(words, 'g_note', limit=limit_shown(document))}</div><div class='small'>"
        f"{_say(words, 'g_printed', when=printed, who=f'HS{seed % 90 + 10}')} · "
        f"{_say(words, 'g_page')}</div>"
    )
    return page(body, BILLS_CSS)


# ---- the registered user fees in an Android app (split screen, upper window) --------------

APP_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; background: #fdfbff; color: #1b1b1f; }
.status { height: 24px; box-sizing: border-box; padding: 4px 14px 0 16px; display: flex;
  justify-content: space-between; font-size: 11px; background: #e8e0f0; }
.bar { background: #e8e0f0; padding: 6px 16px 10px 16px; display: flex; align-items: center; }
.bar .back { font-size: 18px; margin-right: 18px; } .bar h1 { font-size: 19px; margin: 0;
  font-weight: normal; }
.who { background: #e8e0f0; padding: 0 16px 8px 16px; display: flex; align-items: center;
  font-size: 12px; color: #3d3847; } .who .i { width: 22px; height: 22px; border-radius: 11px;
  background: #6750a4; color: #fff; font-size: 10px; text-align: center; line-height: 22px;
  margin-right: 8px; }
.card { margin: 10px 12px; background: #eadcf7; border-radius: 14px; padding: 10px 14px; }
.card .k { font-size: 11px; color: #4a4458; } .card .v { font-size: 20px; font-weight: bold; }
.card .of { font-size: 11px; color: #4a4458; }
.track { height: 5px; border-radius: 3px; background: #cbbfe0; margin: 6px 0 4px 0; }
.track div { height: 5px; border-radius: 3px; background: #6750a4; }
.item { margin: 0 12px; padding: 7px 4px; border-bottom: 1px solid #e2dcea; display: flex; }
.item .l { flex: 1; } .item .d { font-size: 11px; color: #49454f; }
.item .s { font-size: 13px; font-weight: bold; } .item .p { font-size: 11px; color: #49454f; }
.item .r { text-align: right; margin-left: 8px; } .item .a { font-size: 13px;
  font-weight: bold; white-space: nowrap; }
.chip { display: inline-block; font-size: 9px; border: 1px solid #79747e; border-radius: 6px;
  padding: 1px 5px; margin-top: 3px; color: #49454f; }
"""


def _app(document: Overview) -> str:
    """The user fees registered in a year as an Android app lists them (Material style), as
    the upper window of a split screen: the status bar (the clock, the battery), the app bar
    with the title, the person's initials and name, a card with the year's registered sum, a
    bar towards the ceiling and how many fees; a row for each fee (date and time, service,
    provider; the amount and a chip), newest first."""
    words = WORDS[document.language]
    seed = document.birth_date.toordinal()
    rows = "".join(
        f"<div class='item'><div class='l'><div class='d'>{shown_date(document, fee.day)}</div>"
        f"<div class='s'>{escape(fee.service)}</div><div class='p'>{escape(fee.provider)}"
        f"</div></div><div class='r'><div class='a'>{_amount(fee.amount, document)}</div>"
        f"<div class='chip'>{_say(words, 'a_chip')}</div></div></div>"
        for fee in _ordered(document)
    )
    share = int(100 * document.total / document.limit)
    initials = escape("".join(part[0] for part in document.name.split()[:2]))
    body = (
        f"<div class='status'><span>{9 + seed % 12}:{seed % 60:02d}</span><span>"
        f"▾ ▴ {30 + seed % 65}%</span></div><div class='bar'><span class='back'>←</span><h1>"
        f"{_say(words, 'a_title')}</h1></div><div class='who'><span class='i'>{initials}</span>"
        f"{escape(document.name)}</div><div class='card'><div class='k'>"
        f"{_say(words, 'a_year', year=document.year)} · {_say(words, 'a_reg')}</div>"
        f"<div class='v'>{_amount(document.total, document)}</div><div class='track'><div "
        f"style='width: {max(share, 2)}%'></div></div><div class='of'>"
        f"{_say(words, 'a_of', limit=limit_shown(document))} · "
        f"{_say(words, 'a_count', n=len(document.fees))}</div></div>{rows}"
    )
    frame = f"@page {{ size: {SCREEN[0]}px {SPLIT_TOP}px; margin: 0; }}"
    return page(body, frame + APP_CSS)


MAIL_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; background: #fff; color: #1f1f1f;
  font-size: 13px; }
.head { display: flex; align-items: center; padding: 10px 14px; border-bottom: 1px solid #eee; }
.head .x { font-size: 18px; margin-right: 16px; } .head .t { flex: 1; font-size: 16px; }
.head .i { font-size: 15px; color: #444; margin-left: 14px; }
.f { padding: 9px 14px; border-bottom: 1px solid #eee; color: #5f6368; }
.f b { color: #1f1f1f; font-weight: normal; }
.text { padding: 10px 14px; line-height: 1.45; }
.clip { margin: 0 14px; border: 1px solid #dadce0; border-radius: 8px; padding: 6px 10px;
  font-size: 11px; color: #3c4043; width: 60%; }
.gesture { position: absolute; bottom: 6px; left: 130px; width: 100px; height: 4px;
  border-radius: 2px; background: #222; }
"""


def mail_html(document: Overview) -> str:
    """The lower window of the split screen: an e-mail being written to the welfare
    organisation, a screenshot attached (no name, date or amount of the overview in it but the
    sender's first name), and the gesture bar."""
    words = WORDS[document.language]
    given = document.name.split()[0]
    seed = document.birth_date.toordinal()
    body = (
        f"<div class='head'><span class='x'>✕</span><span class='t'>{_say(words, 'm_new')}"
        f"</span><span class='i'>➤</span></div>"
        f"<div class='f'>{_say(words, 'm_from')} <b>{escape(given.lower())}.student"
        f"{seed % 90 + 10}@gmail.com</b></div><div class='f'>{_say(words, 'm_to')} "
        f"<b>refusjon@studentvelferd.no</b></div><div class='f'>{_say(words, 'm_subject')} "
        f"<b>{_say(words, 'm_subject_text')}</b></div><div class='text'>"
        f"{_say(words, 'm_body')}<br>{escape(given)}</div><div class='clip'>✉ "
        f"Screenshot_{seed % 9000 + 1000}.png</div><div class='gesture'></div>"
    )
    frame = f"@page {{ size: {SCREEN[0]}px {SPLIT_BOTTOM}px; margin: 0; }}"
    return page(body, frame + MAIL_CSS)


# ---- a private lung specialist's receipt (A5) ---------------------------------------------

LUNG_CSS = """
@page { size: A5; margin: 12mm 12mm 12mm 0; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 8.4pt; color: #222; }
.wrap { display: flex; } .band { width: 9mm; background: #2f7d8c; margin-right: 9mm; }
.main { flex: 1; }
.clinic { font-size: 14pt; color: #2f7d8c; font-weight: bold; }
.addr { font-size: 7.6pt; color: #555; line-height: 1.45; margin-bottom: 10px; }
h1 { font-size: 12pt; letter-spacing: 2px; margin: 10px 0 6px 0; }
table.m td { padding: 1px 12px 1px 0; } table.m td.k { color: #666; }
table.i { width: 100%; border-collapse: collapse; margin-top: 10px; }
table.i th { text-align: left; border-bottom: 1px solid #2f7d8c; padding: 3px 2px;
  color: #2f7d8c; font-weight: normal; }
table.i td { padding: 4px 2px; border-bottom: 0.5px dotted #aaa; }
table.i .r { text-align: right; white-space: nowrap; }
tr.t td { font-weight: bold; border-top: 1.5px solid #2f7d8c; border-bottom: none; }
.small { font-size: 7.4pt; color: #555; margin-top: 5px; }
"""


def _lung(document: Receipt) -> str:
    """A private lung specialist's receipt (A5, a coloured band down the left): the clinic with
    its address, phone and organisation number; the title and the receipt's number; the
    patient and the birth date; the appointment (date and time); each service with its
    amount, the total paid; the card, the next check-up, a note on the ceiling."""
    words = WORDS[document.language]
    number = document.invoice_number
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='r'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    meta = (
        (words["r_no"], str(number)),
        (words["r_patient"], escape(document.patient)),
        (words["r_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["r_time"], shown_date(document, document.day)),
    )
    body = (
        f"<div class='wrap'><div class='band'></div><div class='main'><div class='clinic'>"
        f"{escape(document.provider)}</div><div class='addr'>{escape(document.address)}<br>"
        f"{_say(words, 'phone')} {document.phone} · {_say(words, 'org')} "
        f"{org_number(document.organisation_number, 2)}</div><h1>{_say(words, 'r_title')}</h1>"
        f"<table class='m'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{v}</td></tr>" for k, v in meta)
        + f"</table><table class='i'><tr><th>{_say(words, 'r_what')}</th><th class='r'>"
        f"{_say(words, 'r_amount')}</th></tr>{rows}<tr class='t'><td>"
        f"{_say(words, 'r_total')}</td><td class='r'>{_amount(document.total, document)}"
        f"</td></tr></table><div class='small'>{_say(words, 'r_card')} **** "
        f"{number * 11 % 9000 + 1000}</div><div class='small'>{_say(words, 'r_next')}: "
        f"{next_visit(document):%d.%m.%Y}</div><div class='small'>{_say(words, 'r_note')}"
        "</div></div></div>"
    )
    return page(body, LUNG_CSS)
