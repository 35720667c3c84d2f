"""The seventh blind set's documents as HTML: the fees copied into a spreadsheet and printed
with its grid (column letters, row numbers, the sheet's tab); helsenorge's page printed with
the list flowing in two columns; the app's list with a calendar tile for each date (portrait,
or the phone turned sideways); a private imaging centre's receipt (A4) and a podiatrist's
receipt (A5); on a phone a receipt is the payment's confirmation in a payment app.

Dates as "12.mar.25" ("12-Mar-25"), "12 mars 2025" ("Mar 12, 2025"), a tile "12 / MAR /
2025", "12.03.2025 kl. 14.32" or "5.3.25"; amounts as "NOK 179,-" ("NOK 84,50"), "179.00 kr"
or "1,234.50" under "Amount (NOK)".

Every layout still carries what a reader must leave out: row numbers and column letters, the
limit and what is left before it, the print date, the referral's date, the receipt's number,
the birth date, the organisation number, the phone number and the payment's reference.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND7_OVERVIEW_LAYOUTS,
    BLIND7_PHONE_LAYOUT,
    BLIND7_RECEIPT_LAYOUTS,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((*BLIND7_OVERVIEW_LAYOUTS, BLIND7_PHONE_LAYOUT, *BLIND7_RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

PORTRAIT = (390, 844)
LANDSCAPE = (844, 390)
"""CSS pixels of a phone's screen held upright and turned sideways (device scale 3)."""

MONTHS = {
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "nn": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
LONG_MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
}  # fmt: skip
LONG_MONTHS["nn"] = LONG_MONTHS["nb"]

WORDS = {
    "nb": {
        "sheet_title": "Egenandeler {year}", "sheet_who": "Navn:", "c_date": "Dato",
        "c_where": "Sted", "c_what": "Hva", "c_amount": "Beløp", "grand": "Sum alle",
        "sheet_tab": "Ark1", "limit_note": "Tak {year}: {limit}",
        "col_title": "Oversikt over betalte egenandeler {year}", "for": "Gjelder",
        "born": "f.", "accumulated": "Akkumulert egenandel {year}",
        "left": "Mangler til frikort", "limit": "Egenandelstak", "printed": "Utskriftsdato",
        "app_title": "Betalte egenandeler", "app_year": "År {year}", "tab_home": "Hjem",
        "tab_msg": "Meldinger", "tab_me": "Meg", "app_sum": "Akkumulert",
        "receipt": "Kvittering", "patient": "Pasient", "birth": "Født", "referral":
        "Henvist av fastlege", "exam": "Undersøkelse", "code": "Kode", "amount": "Beløp",
        "total": "Å betale totalt", "paid": "Betalt med bankkort", "no": "Kvittering nr.",
        "org": "Foretaksnr.", "phone": "Tlf.", "date": "Behandlet",
        "pod_title": "Kvittering – fotterapi", "treatment": "Behandling",
        "pod_total": "Totalt betalt", "pod_note": "Autorisert fotterapeut",
        "pay_done": "Betaling fullført", "pay_to": "Betalt til", "pay_ref": "Referanse",
        "pay_when": "Tidspunkt", "pay_share": "Del kvittering", "pay_for": "Betaler",
    },
    "nn": {
        "sheet_title": "Eigendelar {year}", "sheet_who": "Namn:", "c_date": "Dato",
        "c_where": "Stad", "c_what": "Kva", "c_amount": "Beløp", "grand": "Sum alle",
        "sheet_tab": "Ark1", "limit_note": "Tak {year}: {limit}",
        "col_title": "Oversyn over betalte eigendelar {year}", "for": "Gjeld",
        "born": "f.", "accumulated": "Akkumulert eigendel {year}",
        "left": "Manglar til frikort", "limit": "Eigendelstak", "printed": "Utskriftsdato",
        "app_title": "Betalte eigendelar", "app_year": "År {year}", "tab_home": "Heim",
        "tab_msg": "Meldingar", "tab_me": "Meg", "app_sum": "Akkumulert",
        "receipt": "Kvittering", "patient": "Pasient", "birth": "Fødd", "referral":
        "Tilvist av fastlege", "exam": "Undersøking", "code": "Kode", "amount": "Beløp",
        "total": "Å betale totalt", "paid": "Betalt med bankkort", "no": "Kvittering nr.",
        "org": "Føretaksnr.", "phone": "Tlf.", "date": "Behandla",
        "pod_title": "Kvittering – fotterapi", "treatment": "Behandling",
        "pod_total": "Totalt betalt", "pod_note": "Autorisert fotterapeut",
        "pay_done": "Betaling fullført", "pay_to": "Betalt til", "pay_ref": "Referanse",
        "pay_when": "Tidspunkt", "pay_share": "Del kvittering", "pay_for": "Betalar",
    },
    "en": {
        "sheet_title": "User fees {year}", "sheet_who": "Name:", "c_date": "Date",
        "c_where": "Where", "c_what": "What", "c_amount": "Amount (NOK)", "grand": "Grand total",
        "sheet_tab": "Sheet1", "limit_note": "Ceiling {year}: {limit}",
        "col_title": "Summary of user fees paid {year}", "for": "For",
        "born": "b.", "accumulated": "Accumulated user fees {year}",
        "left": "Still to pay before exemption card", "limit": "User fee ceiling",
        "printed": "Print date",
        "app_title": "User fees paid", "app_year": "Year {year}", "tab_home": "Home",
        "tab_msg": "Messages", "tab_me": "Me", "app_sum": "Accumulated",
        "receipt": "Receipt", "patient": "Patient", "birth": "Born", "referral":
        "Referred by GP", "exam": "Examination", "code": "Code", "amount": "Amount (NOK)",
        "total": "Total to pay", "paid": "Paid by bank card", "no": "Receipt no.",
        "org": "Business reg. no.", "phone": "Tel.", "date": "Treated",
        "pod_title": "Receipt – podiatry", "treatment": "Treatment",
        "pod_total": "Total paid", "pod_note": "Authorised podiatrist",
        "pay_done": "Payment completed", "pay_to": "Paid to", "pay_ref": "Reference",
        "pay_when": "Time", "pay_share": "Share receipt", "pay_for": "Payer",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "NOK 179,-" or "NOK 84,50" (nok_dash), "1 234.50 kr" (point_kr) or
    "1,234.50" (bare_point, under "Amount (NOK)")."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    match style:
        case "nok_dash":
            shown = f"{grouped.replace(',', NBSP)}," + ("-" if cents == "00" else cents)
            return f"NOK{NBSP}{shown}"
        case "point_kr":
            return f"{grouped.replace(',', NBSP)}.{cents}{NBSP}kr"
        case _:
            return f"{grouped}.{cents}"


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "12.mar.25" (excel_month; "12-Mar-25" in English), "12 mars 2025"
    (spaced_month; "Mar 12, 2025"), "12 MAR 2025" (tile, drawn stacked), "12.03.2025 kl.
    14.32" (dot_time, the time from ``clock``) or "5.3.25" (unpadded_short)."""
    short = MONTHS[language][value.month - 1]
    match style:
        case "excel_month":
            if language == "en":
                return f"{value.day:02d}-{short}-{value:%y}"
            return f"{value.day:02d}.{short}.{value:%y}"
        case "spaced_month":
            if language == "en":
                return f"{short} {value.day}, {value.year}"
            return f"{value.day} {LONG_MONTHS[language][value.month - 1]} {value.year}"
        case "tile":
            return f"{value.day} {short.upper()} {value.year}"
        case "unpadded_short":
            return f"{value.day}.{value.month}.{value:%y}"
        case _:
            return value.strftime("%d.%m.%Y")


def clock(document: Receipt) -> str:
    """The time of the receipt, as "14.32"."""
    return f"{8 + document.invoice_number % 9:02d}.{document.invoice_number % 60:02d}"


def when(document: Receipt) -> str:
    """The receipt's date as it prints it (with the time, for ``dot_time``)."""
    shown = day(document.day, document.date_style, document.language)
    if document.date_style != "dot_time":
        return shown
    joiner = "at" if document.language == "en" else "kl."
    return f"{shown} {joiner} {clock(document)}"


def html(document: Overview | Receipt, *, phone: bool = False, landscape: bool = False) -> str:
    """The document in its layout; ``phone`` for a phone's screenshot (the app's list, upright
    or, with ``landscape``, turned sideways; a receipt as the payment app's confirmation)."""
    if isinstance(document, Receipt):
        if phone:
            return _payment(document)
        if document.layout == "imaging_receipt":
            return _imaging(document)
        return _podiatry(document)
    if phone or document.layout == BLIND7_PHONE_LAYOUT:
        return tiles(document, landscape=landscape)
    if document.layout == "spreadsheet":
        return _spreadsheet(document)
    return _two_column(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _day(value: date, document: Overview) -> str:
    return day(value, document.date_style, document.language)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def _whole(amount: Decimal, document: Overview) -> str:
    return money(amount.quantize(Decimal("1")), document.amount_style)


# ---- a spreadsheet -----------------------------------------------------------------------

SHEET_CSS = """
@page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm;
  @top-center { content: var(--file); font-size: 8pt; color: #333; }
  @bottom-center { content: var(--tab) ' · ' counter(page); font-size: 8pt; color: #333; } }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; }
table.sheet { border-collapse: collapse; width: auto; }
table.sheet td, table.sheet th { border: 0.6px solid #b7b7b7; padding: 2px 6px; height: 15px; }
table.sheet th { background: #efefef; color: #444; font-weight: normal; text-align: center;
  font-size: 8pt; }
table.sheet td.n { background: #efefef; color: #444; text-align: center; font-size: 8pt;
  width: 22px; }
table.sheet tr { break-inside: avoid; }
.b { font-weight: bold; } .r { text-align: right; white-space: nowrap; }
.big { font-size: 12pt; font-weight: bold; }
"""


def _spreadsheet(document: Overview) -> str:
    """The fees copied into a spreadsheet by the person and printed with the grid: column
    letters, row numbers, a title and the name in the first rows, then the date, the place,
    the service and the amount, the sum, and a note of the year's limit."""
    words = WORDS[document.language]
    rows: list[tuple[str, str, str, str, str]] = [
        (f"<span class='big'>{_say(words, 'sheet_title', year=document.year)}</span>", "", "",
         "", ""),
        (_say(words, "sheet_who"), escape(document.name), "", "", ""),
        ("", "", "", "", ""),
        (f"<b>{_say(words, 'c_date')}</b>", f"<b>{_say(words, 'c_where')}</b>",
         f"<b>{_say(words, 'c_what')}</b>", f"<b>{_say(words, 'c_amount')}</b>", ""),
    ]  # fmt: skip
    for fee in _ordered(document):
        rows.append(
            (_day(fee.day, document), escape(fee.provider), escape(fee.service),
             _amount(fee.amount, document), "")
        )  # fmt: skip
    rows.append(("", "", f"<b>{_say(words, 'grand')}</b>",
                 f"<b>{_amount(document.total, document)}</b>", ""))  # fmt: skip
    rows.append(("", "", "", "", ""))
    limit = _whole(document.limit, document)
    rows.append(("", "", _say(words, "limit_note", year=document.year, limit=limit), "", ""))
    body_rows = "".join(
        f"<tr><td class='n'>{number}</td><td>{a}</td><td>{b}</td><td>{c}</td>"
        f"<td class='r'>{d}</td><td>{e}</td></tr>"
        for number, (a, b, c, d, e) in enumerate(rows, start=1)
    )
    table = (
        "<table class='sheet'><tr><th></th><th>A</th><th>B</th><th>C</th><th>D</th><th>E</th>"
        f"</tr>{body_rows}</table>"
    )
    file_name = f"{words['sheet_title'].format(year=document.year).replace(' ', '_')}.xlsx"
    css = SHEET_CSS.replace("var(--file)", repr(file_name)).replace(
        "var(--tab)", repr(words["sheet_tab"])
    )
    return page(table, css)


# ---- helsenorge's page, the list in two columns -------------------------------------------

COLUMNS_CSS = """
@page { size: A4; margin: 14mm 13mm 15mm 13mm;
  @bottom-left { content: var(--printed); font-size: 7.5pt; color: #555; }
  @bottom-right { content: counter(page) ' (' counter(pages) ')'; font-size: 7.5pt; } }
body { font-size: 9pt; }
.top { display: flex; justify-content: space-between; align-items: baseline;
  border-bottom: 2px solid #0a5c6b; padding-bottom: 4px; }
.logo { color: #0a5c6b; font-size: 15pt; font-weight: bold; }
h1 { font-size: 14pt; margin: 10px 0 2px 0; color: #0a3140; }
.who { margin-bottom: 8px; }
.list { columns: 2; column-gap: 14px; column-rule: 0.5px solid #ccc; }
.fee { break-inside: avoid; border-bottom: 0.5px solid #ddd; padding: 3px 0; }
.fee .l1 { display: flex; justify-content: space-between; font-weight: bold; }
.fee .l2 { color: #444; font-size: 8pt; }
.acc { margin-top: 12px; border: 1.5px solid #0a5c6b; padding: 6px 10px; display: flex;
  justify-content: space-between; font-weight: bold; font-size: 10.5pt; }
.facts { margin-top: 6px; color: #333; font-size: 8.5pt; }
"""


def _two_column(document: Overview) -> str:
    """helsenorge's overview printed with the list flowing in two columns (the date and the
    amount on the first line, the service and place under them), then the accumulated sum, the
    limit and what is left before it."""
    words = WORDS[document.language]
    fees = "".join(
        f"<div class='fee'><div class='l1'><span>{_day(fee.day, document)}</span>"
        f"<span>{_amount(fee.amount, document)}</span></div><div class='l2'>"
        f"{escape(fee.service)} – {escape(fee.provider)}</div></div>"
        for fee in _ordered(document)
    )
    left = document.limit - document.total
    born = f"{document.birth_date:%d.%m.%Y}"
    body = (
        f"<div class='top'><span class='logo'>helsenorge</span><span>{escape(document.name)}"
        "</span></div>"
        f"<h1>{_say(words, 'col_title', year=document.year)}</h1>"
        f"<div class='who'>{_say(words, 'for')}: {escape(document.name)}, "
        f"{_say(words, 'born')} {born}</div><div class='list'>{fees}</div>"
        f"<div class='acc'><span>{_say(words, 'accumulated', year=document.year)}</span>"
        f"<span>{_amount(document.total, document)}</span></div>"
        f"<div class='facts'>{_say(words, 'limit')} {document.year}: "
        f"{_whole(document.limit, document)} · {_say(words, 'left')}: "
        f"{_amount(left, document)}</div>"
    )
    printed = f"{words['printed']}: {day(document.printed_at, 'spaced_month', document.language)}"
    return page(body, COLUMNS_CSS.replace("var(--printed)", repr(printed)))


# ---- the app with calendar tiles ----------------------------------------------------------

TILES_CSS = """
@page { size: var(--width) var(--height); margin: 0; }
body { font-size: 15px; background: #f6f7f9; }
.status { display: flex; justify-content: space-between; padding: 10px 24px 4px 24px;
  font-weight: bold; font-size: 14px; background: #fff; }
.bar { background: #fff; padding: 8px 16px 10px 16px; border-bottom: 1px solid #ddd; }
.bar h1 { font-size: 21px; margin: 2px 0; color: #06343f; }
.bar .sub { color: #555; font-size: 13px; }
.year { display: inline-block; background: #06343f; color: #fff; border-radius: 14px;
  padding: 2px 12px; font-size: 13px; margin-top: 6px; }
.list { padding: 6px 12px; }
.land .list { display: flex; gap: 12px; } .land .half { flex: 1; }
.item { display: flex; align-items: center; background: #fff; border-radius: 10px;
  margin: 6px 0; padding: 8px; break-inside: avoid; }
.tile { width: 52px; text-align: center; border: 1px solid #cfd6dc; border-radius: 8px;
  margin-right: 10px; line-height: 1.05; }
.tile .d { font-size: 21px; font-weight: bold; } .tile .m { font-size: 11px; color: #b3261e;
  font-weight: bold; } .tile .y { font-size: 10px; color: #666; }
.what { flex: 1; } .what .s { font-weight: bold; } .what .p { color: #555; font-size: 13px; }
.amt { font-weight: bold; white-space: nowrap; margin-left: 8px; }
.sum { margin: 4px 12px; background: #06343f; color: #fff; border-radius: 10px;
  padding: 10px 14px; display: flex; justify-content: space-between; font-weight: bold; }
.tabs { position: fixed; bottom: 0; left: 0; right: 0; background: #fff;
  border-top: 1px solid #ccc; display: flex; justify-content: space-around;
  padding: 6px 0 18px 0; font-size: 12px; color: #06343f; }
"""


def tiles_height(document: Overview, *, landscape: bool) -> int:
    """The page's CSS height: at least a screen, and room for every row."""
    rows = len(document.fees)
    if landscape:
        return max(LANDSCAPE[1], 260 + 74 * ((rows + 1) // 2))
    return max(PORTRAIT[1], 300 + 74 * rows)


def tiles(document: Overview, *, landscape: bool = False) -> str:
    """The app's list of user fees paid, each with a calendar tile for its date (the day
    large, the month and the year under it), the service and the place, the amount at the
    right; the accumulated sum at the end. ``landscape``: the phone turned sideways, the list
    in two columns."""
    words = WORDS[document.language]
    cards = [
        f"<div class='item'><div class='tile'><div class='d'>{fee.day.day}</div>"
        f"<div class='m'>{MONTHS[document.language][fee.day.month - 1].upper()}</div>"
        f"<div class='y'>{fee.day.year}</div></div><div class='what'>"
        f"<div class='s'>{escape(fee.service)}</div><div class='p'>{escape(fee.provider)}</div>"
        f"</div><div class='amt'>{_amount(fee.amount, document)}</div></div>"
        for fee in _ordered(document)
    ]
    items = "".join(cards)
    if landscape:
        cut = (len(cards) + 1) // 2
        items = "".join(
            f"<div class='half'>{''.join(half)}</div>" for half in (cards[:cut], cards[cut:])
        )
    hour = 8 + document.printed_at.day % 13
    minute = (document.printed_at.month * 11) % 60
    width, _ = LANDSCAPE if landscape else PORTRAIT
    height = tiles_height(document, landscape=landscape)
    css = TILES_CSS.replace("var(--width)", f"{width}px").replace("var(--height)", f"{height}px")
    body = (
        f"<div class='{'land' if landscape else 'port'}'><div class='status'>"
        f"<span>{hour:02d}:{minute:02d}</span><span>5G ▮▮▮ {40 + document.birth_date.day} %"
        "</span></div>"
        f"<div class='bar'><h1>{_say(words, 'app_title')}</h1><div class='sub'>"
        f"{escape(document.name)}</div><span class='year'>"
        f"{_say(words, 'app_year', year=document.year)} ▾</span></div>"
        f"<div class='list'>{items}</div><div class='sum'>"
        f"<span>{_say(words, 'app_sum')}</span><span>{_amount(document.total, document)}</span>"
        "</div>"
        + (
            ""
            if landscape
            else f"<div class='tabs'><span>⌂ {_say(words, 'tab_home')}</span><span>✉ "
            f"{_say(words, 'tab_msg')}</span><span>☺ {_say(words, 'tab_me')}</span></div>"
        )
        + "</div>"
    )
    return page(body, css)


# ---- receipts ----------------------------------------------------------------------------

IMAGING_CSS = """
@page { size: A4; margin: 18mm 20mm; }
body { font-size: 10pt; }
.head { display: flex; justify-content: space-between; border-bottom: 4px solid #5b2a86;
  padding-bottom: 6px; }
.name { font-size: 17pt; color: #5b2a86; font-weight: bold; }
.addr { font-size: 8.5pt; text-align: right; color: #333; }
h1 { font-size: 15pt; margin: 16px 0 6px 0; }
table.meta td { padding: 2px 12px 2px 0; }
table.items { margin-top: 14px; }
table.items th { border-bottom: 1.5px solid #333; padding: 4px; font-size: 9pt; }
table.items td { border-bottom: 0.5px solid #ccc; padding: 5px 4px; }
tr.tot td { font-weight: bold; border-top: 1.5px solid #333; border-bottom: none; font-size: 11pt; }
.foot { margin-top: 26px; font-size: 8.5pt; color: #444; }
"""


def _imaging(document: Receipt) -> str:
    """A private imaging centre's receipt: the examination on a GP's referral, now and then
    contrast or images on a CD, the sum to pay, paid by card."""
    words = WORDS[document.language]
    meta = (
        (words["patient"], escape(document.patient)),
        (words["birth"], f"{document.birth_date:%d.%m.%Y}"),
        (words["date"], when(document)),
        (words["no"], str(document.invoice_number)),
        (words["referral"], "✓"),
    )
    rows = "".join(
        f"<tr><td>{escape(item.code)}</td><td>{escape(item.text)}</td>"
        f"<td class='amount'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    body = (
        f"<div class='head'><div class='name'>{escape(document.provider)}</div><div class='addr'>"
        f"{escape(document.address)}<br>{_say(words, 'phone')} {document.phone}<br>"
        f"{_say(words, 'org')} {org_number(document.organisation_number, 2)} MVA</div></div>"
        f"<h1>{_say(words, 'receipt')}</h1><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{v}</td></tr>" for k, v in meta)
        + f"</table><table class='items'><thead><tr><th>{_say(words, 'code')}</th>"
        f"<th>{_say(words, 'exam')}</th><th class='amount'>{_say(words, 'amount')}</th></tr>"
        f"</thead><tbody>{rows}<tr class='tot'><td></td><td>{_say(words, 'total')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr></tbody></table>"
        f"<div class='foot'>{_say(words, 'paid')} · {words['no']} {document.invoice_number}</div>"
    )
    return page(body, IMAGING_CSS)


PODIATRY_CSS = """
@page { size: A5; margin: 12mm 12mm; }
body { font-size: 9pt; }
.name { font-size: 13pt; font-weight: bold; color: #1f6f43; }
.small { font-size: 8pt; color: #444; }
h1 { font-size: 12pt; margin: 12px 0 4px 0; border-bottom: 1px solid #1f6f43; }
table.items td { padding: 4px 2px; border-bottom: 0.5px dotted #999; }
tr.tot td { font-weight: bold; border-top: 1px solid #000; border-bottom: none; }
"""


def _podiatry(document: Receipt) -> str:
    """A podiatrist's receipt (A5): the treatment, now and then insoles, the total paid."""
    words = WORDS[document.language]
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='amount'>{_amount(item.amount, document)}"
        "</td></tr>"
        for item in document.items
    )
    body = (
        f"<div class='name'>{escape(document.provider)}</div><div class='small'>"
        f"{_say(words, 'pod_note')} · {escape(document.address)} · {_say(words, 'org')} "
        f"{org_number(document.organisation_number, 1)}</div>"
        f"<h1>{_say(words, 'pod_title')}</h1><p>{_say(words, 'patient')}: "
        f"<b>{escape(document.patient)}</b><br>{_say(words, 'date')}: {when(document)}<br>"
        f"{_say(words, 'no')} {document.invoice_number}</p><table class='items'>"
        f"<tr><td><b>{_say(words, 'treatment')}</b></td><td class='amount'><b>"
        f"{_say(words, 'amount')}</b></td></tr>{rows}<tr class='tot'><td>"
        f"{_say(words, 'pod_total')}</td><td class='amount'>{_amount(document.total, document)}"
        f"</td></tr></table><p class='small'>{_say(words, 'paid')} · {_say(words, 'phone')} "
        f"{document.phone}</p>"
    )
    return page(body, PODIATRY_CSS)


PAYMENT_CSS = """
@page { size: 390px 844px; margin: 0; }
body { font-size: 15px; background: #fff; }
.status { display: flex; justify-content: space-between; padding: 12px 24px 6px 24px;
  font-weight: bold; font-size: 14px; }
.tick { margin: 40px auto 6px auto; width: 74px; height: 74px; border-radius: 37px;
  background: #ff5b24; color: #fff; font-size: 44px; text-align: center; line-height: 74px; }
.done { text-align: center; font-size: 20px; font-weight: bold; margin-bottom: 4px; }
.big { text-align: center; font-size: 34px; font-weight: bold; margin: 10px 0 24px 0; }
dl { margin: 0 22px; display: grid; grid-template-columns: 120px auto; row-gap: 9px; }
dt { color: #666; } dd { margin: 0; }
.items { margin: 18px 22px 0 22px; border-top: 1px solid #ddd; padding-top: 8px; }
.items div { display: flex; justify-content: space-between; margin: 4px 0; color: #333; }
.share { position: fixed; bottom: 34px; left: 22px; right: 22px; border: 2px solid #ff5b24;
  border-radius: 24px; text-align: center; padding: 10px; color: #ff5b24; font-weight: bold; }
"""


def _payment(document: Receipt) -> str:
    """The receipt on a phone: the payment app's confirmation (paid to the provider, the
    amount large, the payer, the time, the reference, the lines of the purchase)."""
    words = WORDS[document.language]
    rows = "".join(
        f"<div><span>{escape(item.text)}</span><span>{_amount(item.amount, document)}</span></div>"
        for item in document.items
    )
    facts = (
        (words["pay_to"], f"{escape(document.provider)}<br><span style='color:#666'>"
         f"{_say(words, 'org')} {org_number(document.organisation_number, 0)}</span>"),
        (words["pay_for"], escape(document.patient)),
        (words["pay_when"], when(document)),
        (words["pay_ref"], f"{document.invoice_number}-{document.phone.replace(' ', '')[-4:]}"),
    )  # fmt: skip
    body = (
        f"<div class='status'><span>{clock(document).replace('.', ':')}</span>"
        f"<span>4G ▮▮▮ {30 + document.birth_date.day * 2} %</span></div>"
        f"<div class='tick'>✓</div><div class='done'>{_say(words, 'pay_done')}</div>"
        f"<div class='big'>{_amount(document.total, document)}</div><dl>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in facts)
        + f"</dl><div class='items'>{rows}</div>"
        f"<div class='share'>{_say(words, 'pay_share')}</div>"
    )
    return page(body, PAYMENT_CSS)
