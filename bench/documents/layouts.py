"""The documents as HTML, in the layouts a student meets: helsenorge's page printed to PDF, a
compact ruled table, the app's card-per-fee list, and (held out) a list grouped by month with
subtotals; receipts as a letter, a till slip and (held out) an invoice marked paid.

Every layout carries the rows a reader must leave out: the exemption card limit, what remains
before the card, running totals, subtotals, the birth date, the printed date and page numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import Fee, Overview, Receipt

WORDS = {
    "nb": {
        "title": ("Egenandeler", "Frikort og egenandeler", "Betalte egenandeler"),
        "total": ("Sum egenandeler", "Totalt betalt", "Sum betalt i år", "Samlet egenandel",
                  "Til sammen"),
        "remaining": ("Gjenstående før frikort", "Gjenstår til frikort", "Igjen til frikort"),
        "date": "Dato", "provider": "Behandlingssted", "service": "Tjeneste", "amount": "Beløp",
        "running": "Sum hittil", "limit": "Egenandelstak {year}", "paid": "Du har betalt",
        "of": "av", "name": "Navn", "birth": "Fødselsdato", "printed": "Utskrift",
        "page": "Side", "year": "År", "no_card": "Du har ikke frikort for {year}.",
        "intro": "Egenandeler registrert på deg i {year} som teller mot frikortet.",
        "menu": ("Forside", "Innboks", "Timeavtaler", "Legemidler", "Pasientjournal",
                 "Egenandeler og frikort"),
        "logout": "Logg ut", "back": "Tilbake", "sum_month": "Sum {month}",
        "months": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                   "september", "oktober", "november", "desember"),
        "tabs": ("Forside", "Innboks", "Timer", "Meny"),
        "receipt": "Kvittering", "receipt_no": "Kvitteringsnr.", "patient": "Pasient",
        "code": "Kode", "description": "Beskrivelse", "receipt_total": "Totalt",
        "paid_card": "Betalt med kort {day}", "org": "Org.nr.", "phone": "Tlf.",
        "vat": "Helsetjenester er fritatt for merverdiavgift.", "account": "Kontonr.",
        "invoice": "Faktura / kvittering", "invoice_no": "Fakturanr.", "due": "Forfallsdato",
        "to_pay": "Å betale", "paid_stamp": "BETALT", "thanks": "Takk for besøket!",
        "amount_due": "Beløp å betale", "vat_free": "Fritatt mva.", "vat_line": "Herav mva.",
        "short_months": ("jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.",
                         "okt.", "nov.", "des."),
        "weekdays": ("man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn."),
    },
    "nn": {
        "title": ("Eigendelar", "Frikort og eigendelar", "Betalte eigendelar"),
        "total": ("Sum eigendelar", "Totalt betalt", "Sum betalt i år", "Samla eigendel",
                  "Til saman"),
        "remaining": ("Att før frikort", "Står att til frikort", "Igjen til frikort"),
        "date": "Dato", "provider": "Behandlingsstad", "service": "Teneste", "amount": "Beløp",
        "running": "Sum så langt", "limit": "Eigendelstak {year}", "paid": "Du har betalt",
        "of": "av", "name": "Namn", "birth": "Fødselsdato", "printed": "Utskrift",
        "page": "Side", "year": "År", "no_card": "Du har ikkje frikort for {year}.",
        "intro": "Eigendelar registrerte på deg i {year} som tel mot frikortet.",
        "menu": ("Framside", "Innboks", "Timeavtalar", "Legemiddel", "Pasientjournal",
                 "Eigendelar og frikort"),
        "logout": "Logg ut", "back": "Tilbake", "sum_month": "Sum {month}",
        "months": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                   "september", "oktober", "november", "desember"),
        "tabs": ("Framside", "Innboks", "Timar", "Meny"),
        "receipt": "Kvittering", "receipt_no": "Kvitteringsnr.", "patient": "Pasient",
        "code": "Kode", "description": "Skildring", "receipt_total": "Totalt",
        "paid_card": "Betalt med kort {day}", "org": "Org.nr.", "phone": "Tlf.",
        "vat": "Helsetenester er fritekne for meirverdiavgift.", "account": "Kontonr.",
        "invoice": "Faktura / kvittering", "invoice_no": "Fakturanr.", "due": "Forfallsdato",
        "to_pay": "Å betale", "paid_stamp": "BETALT", "thanks": "Takk for besøket!",
        "amount_due": "Beløp å betale", "vat_free": "Fritake mva.", "vat_line": "Av dette mva.",
        "short_months": ("jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.",
                         "okt.", "nov.", "des."),
        "weekdays": ("mån.", "tys.", "ons.", "tor.", "fre.", "lau.", "sun."),
    },
    "en": {
        "title": ("User fees", "Exemption card and user fees", "User fees paid"),
        "total": ("Total user fees", "Total paid", "Total paid this year", "Total amount",
                  "Altogether"),
        "remaining": ("Remaining before exemption card", "Left until exemption card",
                      "Remaining"),
        "date": "Date", "provider": "Provider", "service": "Service", "amount": "Amount",
        "running": "Running total", "limit": "User fee ceiling {year}", "paid": "You have paid",
        "of": "of", "name": "Name", "birth": "Date of birth", "printed": "Printed",
        "page": "Page", "year": "Year", "no_card": "You do not have an exemption card for {year}.",
        "intro": "User fees registered for you in {year} that count towards the exemption card.",
        "menu": ("Home", "Inbox", "Appointments", "Medicines", "Health records",
                 "User fees and exemption card"),
        "logout": "Log out", "back": "Back", "sum_month": "Total {month}",
        "months": ("January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"),
        "tabs": ("Home", "Inbox", "Appointments", "Menu"),
        "receipt": "Receipt", "receipt_no": "Receipt no.", "patient": "Patient",
        "code": "Code", "description": "Description", "receipt_total": "Total",
        "paid_card": "Paid by card {day}", "org": "Org. no.", "phone": "Phone",
        "vat": "Health services are exempt from VAT.", "account": "Account no.",
        "invoice": "Invoice / receipt", "invoice_no": "Invoice no.", "due": "Due date",
        "to_pay": "Amount due", "paid_stamp": "PAID", "thanks": "Thank you for your visit!",
        "amount_due": "Amount to pay", "vat_free": "VAT exempt", "vat_line": "Of which VAT",
        "short_months": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                         "Nov", "Dec"),
        "weekdays": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    },
}  # fmt: skip

NBSP = "\u00a0"


def money(amount: Decimal, style: str) -> str:
    """An amount as the document prints it: "179,00 kr", "kr 1 234,50", "NOK 1,234.50" …
    (the second blind set's: "179 kr" and "84,50 kr", "kr. 179,00", "NOK 179", "NOK 179,00"; the
    third's: "179,00 NOK", "kr 179" and "kr 84,50", and "179" or "84,50" under "Egenandel (kr)")."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    if style == "nok":
        return f"NOK {grouped}.{cents}"
    if style == "nok_space":
        return f"{grouped.replace(',', NBSP)}.{cents}{NBSP}NOK"
    if style == "kr_dots":
        return f"kr{NBSP}{grouped.replace(',', '.')},{cents}"
    if style == "bare":
        return f"{whole},{cents}"
    if style == "nok_trim":
        return f"NOK{NBSP}{grouped}" + ("" if cents == "00" else f".{cents}")
    norwegian = f"{grouped.replace(',', NBSP)},{cents}"
    trimmed = grouped.replace(",", NBSP) if cents == "00" else norwegian
    match style:
        case "nok_after":
            return f"{norwegian}{NBSP}NOK"
        case "kr_lead_trim":
            return f"kr{NBSP}{trimmed}"
        case "column_kr":
            return trimmed
        case "kr_trim":
            shown = grouped.replace(",", NBSP) if cents == "00" else norwegian
            return f"{shown}{NBSP}kr"
        case "kr_period":
            return f"kr.{NBSP}{norwegian}"
        case "nok_comma":
            return f"NOK{NBSP}{norwegian}"
        case "kr_after":
            return f"{norwegian}{NBSP}kr"
        case "kr_before":
            return f"kr{NBSP}{norwegian}"
        case "dash":
            shown = f"{grouped.replace(',', NBSP)},-" if cents == "00" else norwegian
            return f"kr{NBSP}{shown}"
        case _:
            return norwegian


def whole_kroner(amount: Decimal, language: str) -> str:
    """The limit and what remains, as helsenorge prints them: "3 278 kr"."""
    text = f"{int(amount):,}".replace(",", NBSP)
    return f"{text}{NBSP}kr" if language != "en" else f"NOK{NBSP}{text}"


def day(value: date, style: str = "numeric", language: str = "nb") -> str:
    """A date as printed: "12.03.2025", or (fresh set only) "12.03.25" or "12. mar. 2025", or
    (the second blind set only) "2025-03-12" or "ons. 12.03.2025", or (the third only)
    "12. mars 2025" ("March 12, 2025") or "12/03/2025"."""
    match style:
        case "long":
            month = WORDS[language]["months"][value.month - 1]
            if language == "en":
                return f"{month}{NBSP}{value.day}, {value.year}"
            return f"{value.day}.{NBSP}{month}{NBSP}{value.year}"
        case "slash":
            return value.strftime("%d/%m/%Y")
        case "iso":
            return value.isoformat()
        case "weekday":
            weekday = WORDS[language]["weekdays"][value.weekday()]
            return f"{weekday}{NBSP}{value.strftime('%d.%m.%Y')}"
        case "short":
            return value.strftime("%d.%m.%y")
        case "abbreviated":
            month = WORDS[language]["short_months"][value.month - 1]
            if language == "en":
                return f"{value.day} {month} {value.year}"
            return f"{value.day}.{NBSP}{month}{NBSP}{value.year}"
        case _:
            return value.strftime("%d.%m.%Y")


BASE_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; color: #1a1a1a; font-size: 10pt; margin: 0; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; }
.amount { text-align: right; white-space: nowrap; }
.muted { color: #555; }
"""


def page(body: str, css: str) -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{BASE_CSS}{css}</style>"
        f"</head><body>{body}</body></html>"
    )


# ---- the overview ------------------------------------------------------------------------


def overview_html(document: Overview, *, phone: bool = False) -> str:
    """The overview in its layout; ``phone`` for the app at 390 CSS pixels, with its chrome."""
    words = WORDS[document.language]
    if phone:
        return _phone(document, words)
    match document.layout:
        case "web":
            return _web(document, words)
        case "table":
            return _table(document, words, grouped=False)
        case "monthly":
            return _table(document, words, grouped=True)
        case "amount_first":
            return _amount_first(document, words)
        case "banded":
            return _banded(document, words)
        case "tablet":
            return _tablet(document, words)
        case _:
            return _cards_page(document, words)


def _fees_in_order(document: Overview) -> list[tuple[int, Fee]]:
    fees = list(enumerate(document.fees))
    return list(reversed(fees)) if document.newest_first else fees


def _summary(document: Overview, words: dict[str, Any]) -> str:
    limit = document.limit
    remaining = limit - document.total
    title = str(words["limit"]).format(year=document.year)
    remaining_label = _pick(words, "remaining", document.wording)
    return (
        f"<div class='summary'><p>{escape(title)}: <b>{whole_kroner(limit, document.language)}"
        f"</b></p><p>{escape(remaining_label)}: "
        f"<b>{whole_kroner(remaining, document.language)}</b></p>"
        f"<div class='bar'><div style='width:{int(100 * document.total / limit)}%'></div></div>"
        f"<p class='muted'>{escape(str(words['no_card']).format(year=document.year))}</p></div>"
    )


def _pick(words: dict[str, Any], key: str, wording: int) -> str:
    options = words[key]
    assert isinstance(options, tuple)
    return str(options[min(wording, len(options) - 1)])


def _total_line(document: Overview, words: dict[str, Any]) -> str:
    label = _pick(words, "total", document.wording)
    return (
        f"<p class='total'>{escape(label)} {document.year}: "
        f"<b>{money(document.total, document.amount_style)}</b></p>"
    )


WEB_CSS = """
@page { size: A4; margin: 16mm 12mm 16mm 12mm;
  @top-left { content: var(--printed); font-size: 8pt; }
  @top-center { content: var(--tab); font-size: 8pt; }
  @bottom-left { content: 'https://www.helsenorge.no/egenandeler-og-frikort/'; font-size: 8pt; }
  @bottom-right { content: counter(page) '/' counter(pages); font-size: 8pt; } }
.head { display: flex; justify-content: space-between; border-bottom: 3px solid #188097;
  padding: 6px 0; }
.logo { font-size: 18pt; color: #188097; font-weight: bold; }
.menu { background: #e4f3f6; padding: 6px; font-size: 9pt; margin-bottom: 8px; }
.menu span { margin-right: 14px; }
.crumbs { font-size: 8pt; color: #555; }
h1 { font-size: 18pt; color: #00263d; margin: 6px 0; }
.summary { background: #f4f4f4; border-radius: 6px; padding: 6px 10px; margin: 8px 0; }
.summary p { margin: 3px 0; }
.bar { height: 8px; background: #ddd; } .bar div { height: 8px; background: #188097; }
td, th { padding: 5px 4px; border-bottom: 1px solid #ccc; font-size: 9pt; }
th { background: #e4f3f6; }
.total { font-size: 11pt; margin-top: 10px; }
"""


def _web(document: Overview, words: dict[str, Any]) -> str:
    title = _pick(words, "title", document.wording)
    printed = f"{day(document.printed_at)}, {9 + document.year % 9}:{17 + document.year % 40}"
    css = WEB_CSS.replace("var(--printed)", repr(printed)).replace(
        "var(--tab)", repr(f"{title} - helsenorge")
    )
    running = not document.newest_first
    rows, paid = [], Decimal(0)
    for _, fee in _fees_in_order(document):
        paid += fee.amount
        rows.append(_row(fee, document, running=paid if running else None))
    head = [words["date"], words["service"], words["provider"], words["amount"]]
    if running:
        head.append(words["running"])
    menu = "".join(f"<span>{escape(str(item))}</span>" for item in words["menu"])
    body = (
        f"<div class='head'><span class='logo'>helsenorge</span><span>{escape(document.name)}"
        f" &nbsp;|&nbsp; {escape(str(words['logout']))}</span></div><div class='menu'>{menu}</div>"
        f"<p class='crumbs'>{escape(str(words['menu'][0]))} › {escape(title)}</p>"
        f"<h1>{escape(title)} {document.year}</h1>"
        f"<p>{escape(str(words['name']))}: {escape(document.name)} &nbsp; "
        f"{escape(str(words['birth']))}: {day(document.birth_date)}</p>"
        f"<p class='muted'>{escape(str(words['intro']).format(year=document.year))}</p>"
        f"{_summary(document, words)}<table><thead><tr>{_heads(head)}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{_total_line(document, words)}"
    )
    return page(body, css)


def _heads(labels: Iterable[object]) -> str:
    return "".join(
        f"<th class='{'amount' if index >= 3 else ''}'>{escape(str(label))}</th>"
        for index, label in enumerate(labels)
    )


def _row(fee: Fee, document: Overview, *, running: Decimal | None) -> str:
    cells = [
        day(fee.day, document.date_style, document.language),
        escape(fee.service),
        escape(fee.provider),
    ]
    amounts = [money(fee.amount, document.amount_style)]
    if running is not None:
        amounts.append(money(running, document.amount_style))
    return (
        "<tr>"
        + "".join(f"<td>{cell}</td>" for cell in cells)
        + "".join(f"<td class='amount'>{cell}</td>" for cell in amounts)
        + "</tr>"
    )


TABLE_CSS = """
@page { size: A4; margin: 18mm 15mm;
  @bottom-center { content: var(--page) ' ' counter(page) ' ' var(--of) ' ' counter(pages);
    font-size: 8pt; } }
h1 { font-size: 15pt; margin: 0 0 6px 0; }
.meta { width: auto; } .meta td { border: none; padding: 1px 8px 1px 0; }
table.fees { margin-top: 10px; }
table.fees td, table.fees th { border: 1px solid #000; padding: 3px 5px; font-size: 9pt; }
table.fees th { background: #eee; }
tr.sum td { font-weight: bold; }
tr.month td { background: #f2f2f2; font-weight: bold; }
.summary { margin-top: 10px; } .summary p { margin: 2px 0; }
.bar { display: none; }
"""


def _table(document: Overview, words: dict[str, Any], *, grouped: bool) -> str:
    css = TABLE_CSS.replace("var(--page)", repr(words["page"])).replace(
        "var(--of)", repr(words["of"])
    )
    plain = document.amount_style == "plain"
    amount_head = f"{words['amount']} (kr)" if plain else str(words["amount"])
    head = [words["date"], words["provider"], words["service"], amount_head]
    rows: list[str] = []
    fees = [fee for _, fee in _fees_in_order(document)]
    if grouped:
        months = words["months"]
        assert isinstance(months, tuple)
        for month in sorted({fee.day.month for fee in fees}, reverse=document.newest_first):
            in_month = [fee for fee in fees if fee.day.month == month]
            name = str(months[month - 1])
            rows.append(f"<tr class='month'><td colspan='4'>{escape(name.capitalize())}</td></tr>")
            rows.extend(_table_row(fee, document) for fee in in_month)
            subtotal = sum((fee.amount for fee in in_month), Decimal(0))
            label = str(words["sum_month"]).format(month=name)
            rows.append(
                f"<tr><td colspan='3'><i>{escape(label)}</i></td>"
                f"<td class='amount'><i>{money(subtotal, document.amount_style)}</i></td></tr>"
            )
    else:
        rows.extend(_table_row(fee, document) for fee in fees)
    total_label = _pick(words, "total", document.wording)
    rows.append(
        f"<tr class='sum'><td colspan='3'>{escape(total_label)}</td>"
        f"<td class='amount'>{money(document.total, document.amount_style)}</td></tr>"
    )
    title = _pick(words, "title", document.wording)
    meta = (
        f"<table class='meta'><tr><td>{escape(str(words['name']))}:</td>"
        f"<td>{escape(document.name)}</td></tr><tr><td>{escape(str(words['birth']))}:</td>"
        f"<td>{day(document.birth_date)}</td></tr><tr><td>{escape(str(words['year']))}:</td>"
        f"<td>{document.year}</td></tr><tr><td>{escape(str(words['printed']))}:</td>"
        f"<td>{day(document.printed_at)}</td></tr></table>"
    )
    body = (
        f"<h1>{escape(title)} {document.year}</h1>{meta}<table class='fees'><thead><tr>"
        f"{_heads(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{_summary(document, words)}"
    )
    return page(body, css)


def _table_row(fee: Fee, document: Overview) -> str:
    return (
        f"<tr><td>{day(fee.day, document.date_style, document.language)}</td>"
        f"<td>{escape(fee.provider)}</td>"
        f"<td>{escape(fee.service)}</td>"
        f"<td class='amount'>{money(fee.amount, document.amount_style)}</td></tr>"
    )


CARDS_CSS = """
h1 { font-size: 20px; margin: 10px 0; color: #00263d; }
.summary { background: #e4f3f6; border-radius: 10px; padding: 10px 12px; margin: 10px 0; }
.summary p { margin: 4px 0; }
.bar { height: 10px; background: #fff; border-radius: 5px; }
.bar div { height: 10px; background: #188097; border-radius: 5px; }
.card { border: 1px solid #d6d6d6; border-radius: 10px; padding: 9px 12px; margin: 8px 0;
  background: #fff; break-inside: avoid; }
.card .top { display: flex; justify-content: space-between; font-weight: bold; }
.card .sub { color: #444; margin-top: 2px; }
.total { border-top: 2px solid #00263d; padding-top: 8px; margin-top: 12px; }
.who { color: #444; }
"""


def _cards(document: Overview, words: dict[str, Any]) -> str:
    title = _pick(words, "title", document.wording)
    cards = "".join(
        f"<div class='card'><div class='top'><span>"
        f"{day(fee.day, document.date_style, document.language)}</span>"
        f"<span>{money(fee.amount, document.amount_style)}</span></div>"
        f"<div class='sub'>{escape(fee.service)}</div>"
        f"<div class='sub'>{escape(fee.provider)}</div></div>"
        for _, fee in _fees_in_order(document)
    )
    return (
        f"<h1>{escape(title)}</h1><p class='who'>{escape(document.name)}<br>"
        f"{escape(str(words['birth']))}: {day(document.birth_date)}</p>"
        f"<p><b>{escape(str(words['year']))}: {document.year}</b></p>"
        f"{_summary(document, words)}{cards}{_total_line(document, words)}"
    )


def _cards_page(document: Overview, words: dict[str, Any]) -> str:
    css = (
        "@page { size: A5; margin: 12mm; @bottom-right { content: counter(page) ' / ' "
        "counter(pages); font-size: 8pt; } } body { font-size: 10pt; }" + CARDS_CSS
    )
    return page(_cards(document, words), css)


PHONE_CSS = """
@page { size: 390px var(--height); margin: 0; }
body { font-size: 15px; background: #f3f3f3; }
.status { display: flex; justify-content: space-between; padding: 12px 24px 6px 24px;
  font-weight: bold; font-size: 14px; background: #fff; }
.appbar { background: #fff; padding: 8px 16px 12px 16px; border-bottom: 1px solid #ddd;
  color: #188097; font-size: 15px; }
.content { padding: 4px 16px 16px 16px; }
.tabs { display: flex; justify-content: space-around; background: #fff; padding: 10px 0 28px 0;
  border-top: 1px solid #ddd; font-size: 11px; color: #555; }
"""


def phone_chrome(
    inner: str, *, back: str, height: int, hour: int, battery: int, app: str = "helsenorge"
) -> str:
    """A phone screen: the status bar, the app's top bar, the content and the tab bar."""
    css = PHONE_CSS.replace("var(--height)", f"{height}px") + CARDS_CSS
    body = (
        f"<div class='status'><span>{hour:02d}:41</span><span>▂▄▆ 5G {battery} %</span></div>"
        f"<div class='appbar'>‹ {escape(back)} &nbsp;&nbsp;&nbsp; <b>{escape(app)}</b></div>"
        f"<div class='content'>{inner}</div>"
    )
    return page(body, css)


def _phone(document: Overview, words: dict[str, Any]) -> str:
    tabs = "".join(f"<span>{escape(str(tab))}</span>" for tab in words["tabs"])
    inner = _cards(document, words) + f"</div><div class='tabs'>{tabs}"
    height = 700 + 96 * len(document.fees)
    hour = 8 + document.printed_at.day % 12
    return phone_chrome(
        inner, back=str(words["back"]), height=height, hour=hour, battery=40 + document.year % 57
    )


# ---- receipts ----------------------------------------------------------------------------


def when(document: Receipt, value: date) -> str:
    return day(value, document.date_style, document.language)


def org_number(number: str, style: int) -> str:
    return (number, f"{number[:3]} {number[3:6]} {number[6:]}", f"NO {number}")[style % 3]


LETTER_CSS = """
@page { size: A4; margin: 20mm 18mm; }
.letterhead { display: flex; justify-content: space-between; border-bottom: 2px solid #333;
  padding-bottom: 8px; }
.clinic { font-size: 16pt; font-weight: bold; }
.doc { text-align: right; } .doc h1 { font-size: 16pt; margin: 0 0 4px 0; letter-spacing: 1px; }
.patient { margin: 14px 0; }
table.items td, table.items th { border-bottom: 1px solid #bbb; padding: 5px 4px; }
tr.sum td { font-weight: bold; border-top: 2px solid #333; border-bottom: none; }
.foot { margin-top: 30px; font-size: 8.5pt; color: #444; }
.stamp { display: inline-block; border: 3px solid #b00; color: #b00; font-size: 18pt;
  font-weight: bold; padding: 4px 14px; transform: rotate(-8deg); margin-top: 16px; }
"""


def receipt_html(document: Receipt, *, phone: bool = False) -> str:
    words = WORDS[document.language]
    if document.layout == "slip" and not phone:
        return _slip(document, words)
    if document.layout == "till" and not phone:
        return _till(document, words)
    inner = _receipt_letter(document, words)
    if phone:
        inner = f"<div class='card'>{inner}</div>"
        return phone_chrome(
            inner,
            back=str(words["back"]),
            height=1100 + 40 * len(document.items),
            hour=8 + document.day.day % 12,
            battery=30 + document.day.month * 5,
            app=("Mine kvitteringer", "E-post", "Timebestilling")[document.invoice_number % 3],
        )
    return page(inner, LETTER_CSS)


def _items_rows(document: Receipt, words: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{escape(item.code)}</td><td>{escape(item.text)}</td>"
        f"<td class='amount'>{money(item.amount, document.amount_style)}</td></tr>"
        for item in document.items
    )
    return (
        f"<table class='items'><thead><tr><th>{escape(str(words['code']))}</th>"
        f"<th>{escape(str(words['description']))}</th><th class='amount'>"
        f"{escape(str(words['amount']))}</th></tr></thead><tbody>{rows}"
        f"<tr class='sum'><td></td><td>{escape(str(words['receipt_total']))}</td>"
        f"<td class='amount'>{money(document.total, document.amount_style)}</td></tr>"
        f"</tbody></table>"
    )


def _receipt_letter(document: Receipt, words: dict[str, Any]) -> str:
    invoice = document.layout == "invoice"
    title = words["invoice"] if invoice else words["receipt"]
    number = words["invoice_no"] if invoice else words["receipt_no"]
    due = (
        f"<br>{escape(str(words['due']))}: {when(document, document.day + timedelta(days=14))}"
        if invoice
        else ""
    )
    paid = (
        f"<p>{escape(str(words['to_pay']))}: {money(Decimal(0), document.amount_style)}</p>"
        f"<div class='stamp'>{escape(str(words['paid_stamp']))}</div>"
        if invoice
        else f"<p>{escape(str(words['paid_card']).format(day=when(document, document.day)))}</p>"
    )
    return (
        f"<div class='letterhead'><div><div class='clinic'>{escape(document.provider)}</div>"
        f"{escape(document.address)}<br>{escape(str(words['org']))} "
        f"{org_number(document.organisation_number, document.invoice_number)}<br>"
        f"{escape(str(words['phone']))} {document.phone}</div><div class='doc'>"
        f"<h1>{escape(str(title))}</h1>{escape(str(number))} {document.invoice_number}<br>"
        f"{escape(str(words['date']))}: {when(document, document.day)}{due}</div></div>"
        f"<div class='patient'>{escape(str(words['patient']))}: <b>{escape(document.patient)}"
        f"</b><br>{escape(str(words['birth']))}: {day(document.birth_date)}</div>"
        f"{_items_rows(document, words)}{paid}<div class='foot'>{escape(str(words['vat']))}<br>"
        f"{escape(str(words['account']))} {document.account}</div>"
    )


SLIP_CSS = """
@page { size: 80mm var(--height); margin: 5mm 4mm; }
body { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }
.c { text-align: center; } hr { border: none; border-top: 1px dashed #000; }
td { padding: 1px 0; vertical-align: top; }
"""


def _slip(document: Receipt, words: dict[str, Any]) -> str:
    height = 78 + 6 * len(document.items)
    items = "".join(
        f"<tr><td>{escape(' '.join(filter(None, (item.code, item.text))))}</td>"
        f"<td class='amount'>{money(item.amount, document.amount_style)}</td></tr>"
        for item in document.items
    )
    body = (
        f"<div class='c'><b>{escape(document.provider)}</b><br>{escape(document.address)}<br>"
        f"{escape(str(words['org']))} {org_number(document.organisation_number, 2)}<br>"
        f"{escape(str(words['phone']))} {document.phone}</div><hr>"
        f"<div class='c'><b>{escape(str(words['receipt']).upper())}</b> "
        f"#{document.invoice_number}</div>"
        f"{escape(str(words['date']))}: {when(document, document.day)} "
        f"1{document.invoice_number % 10}:"
        f"{document.invoice_number % 60:02d}<br>{escape(str(words['patient']))}: "
        f"{escape(document.patient)}<hr><table>{items}</table><hr><table><tr><td><b>"
        f"{escape(str(words['receipt_total']).upper())}</b></td><td class='amount'><b>"
        f"{money(document.total, document.amount_style)}</b></td></tr></table>"
        f"{escape(str(words['paid_card']).format(day=when(document, document.day)))}<br>BankAxept "
        f"**** {document.invoice_number % 9000 + 1000}<hr><div class='c'>"
        f"{escape(str(words['vat']))}<br>{escape(str(words['thanks']))}</div>"
    )
    return page(body, SLIP_CSS.replace("var(--height)", f"{height}mm"))


# ---- the fresh (blind) set's layouts ----------------------------------------------------


def _amount_head(document: Overview, words: dict[str, Any]) -> str:
    bare = document.amount_style == "bare"
    return f"{words['amount']} (kr)" if bare else str(words["amount"])


def _amount_first(document: Overview, words: dict[str, Any]) -> str:
    """A ruled table with the amount in the first column: amount, date, provider, service."""
    css = TABLE_CSS.replace("var(--page)", repr(words["page"])).replace(
        "var(--of)", repr(words["of"])
    )
    heads = [_amount_head(document, words), words["date"], words["provider"], words["service"]]
    head = "".join(f"<th>{escape(str(label))}</th>" for label in heads)
    rows = "".join(
        f"<tr><td class='amount'>{money(fee.amount, document.amount_style)}</td>"
        f"<td>{day(fee.day, document.date_style, document.language)}</td>"
        f"<td>{escape(fee.provider)}</td><td>{escape(fee.service)}</td></tr>"
        for _, fee in _fees_in_order(document)
    )
    total = (
        f"<tr class='sum'><td class='amount'>{money(document.total, document.amount_style)}</td>"
        f"<td colspan='3'>{escape(_pick(words, 'total', document.wording))}</td></tr>"
    )
    title = _pick(words, "title", document.wording)
    body = (
        f"<h1>{escape(title)} {document.year}</h1><p>{escape(str(words['name']))}: "
        f"{escape(document.name)}<br>{escape(str(words['birth']))}: {day(document.birth_date)}"
        f"<br>{escape(str(words['printed']))}: {day(document.printed_at)}</p>"
        f"<table class='fees'><thead><tr>{head}</tr></thead><tbody>{rows}{total}</tbody></table>"
        f"{_summary(document, words)}"
    )
    return page(body, css)


BANDED_CSS = """
@page { size: A4; margin: 30mm 14mm 16mm 14mm;
  @top-center { content: element(band); width: 100%; }
  @bottom-right { content: var(--page) ' ' counter(page) ' / ' counter(pages); font-size: 8pt; } }
.band { position: running(band); background: #188097; color: #fff; padding: 6px 10px;
  font-size: 9pt; display: flex; justify-content: space-between; }
.band b { font-size: 12pt; }
h1 { font-size: 16pt; color: #00263d; margin: 4px 0 8px 0; }
td, th { padding: 4px; border-bottom: 1px solid #ccc; font-size: 9pt; }
th { background: #e4f3f6; }
tr.sum td { font-weight: bold; border-top: 2px solid #00263d; border-bottom: none; }
.summary { margin-top: 10px; } .summary p { margin: 2px 0; } .bar { display: none; }
"""


def _banded(document: Overview, words: dict[str, Any]) -> str:
    """helsenorge's print-out with its header band (name, birth date, year) on every page."""
    css = BANDED_CSS.replace("var(--page)", repr(words["page"]))
    title = _pick(words, "title", document.wording)
    band = (
        f"<div class='band'><span><b>helsenorge</b> &nbsp; {escape(title)} {document.year}</span>"
        f"<span>{escape(document.name)}, {escape(str(words['birth']).lower())} "
        f"{day(document.birth_date)}</span></div>"
    )
    heads = [words["date"], words["service"], words["provider"], _amount_head(document, words)]
    rows = "".join(_row(fee, document, running=None) for _, fee in _fees_in_order(document))
    total = (
        f"<tr class='sum'><td colspan='3'>{escape(_pick(words, 'total', document.wording))}</td>"
        f"<td class='amount'>{money(document.total, document.amount_style)}</td></tr>"
    )
    body = (
        f"{band}<h1>{escape(title)}</h1><p class='muted'>{escape(str(words['printed']))}: "
        f"{day(document.printed_at)}</p><table><thead><tr>{_heads(heads)}</tr></thead>"
        f"<tbody>{rows}{total}</tbody></table>{_summary(document, words)}"
    )
    return page(body, css)


TABLET_CSS = """
@page { size: 820px 1180px; margin: 24px;
  @bottom-center { content: counter(page) ' / ' counter(pages); font-size: 11px; } }
body { font-size: 14px; background: #f3f3f3; }
.grid .card { display: inline-block; box-sizing: border-box; width: 48%; margin: 6px 0.8%;
  vertical-align: top; min-height: 70px; }
"""


def _tablet(document: Overview, words: dict[str, Any]) -> str:
    """The overview on a tablet: the app's cards two to a row."""
    title = _pick(words, "title", document.wording)
    cards = "".join(
        f"<div class='card'><div class='top'><span>"
        f"{day(fee.day, document.date_style, document.language)}</span>"
        f"<span>{money(fee.amount, document.amount_style)}</span></div>"
        f"<div class='sub'>{escape(fee.service)}</div>"
        f"<div class='sub'>{escape(fee.provider)}</div></div>"
        for _, fee in _fees_in_order(document)
    )
    body = (
        f"<h1>{escape(title)} {document.year}</h1><p class='who'>{escape(document.name)} "
        f"&nbsp; {escape(str(words['birth']))}: {day(document.birth_date)}</p>"
        f"{_summary(document, words)}<div class='grid'>{cards}</div>"
        f"<p class='total'>{escape(_pick(words, 'total', document.wording))}: "
        f"<b>{money(document.total, document.amount_style)}</b></p>"
    )
    return page(body, CARDS_CSS + TABLET_CSS)


def _till(document: Receipt, words: dict[str, Any]) -> str:
    """A clinic's till receipt: each line marked VAT-free, "Beløp å betale", the VAT lines."""
    height = 96 + 6 * len(document.items)
    vat_free = escape(str(words["vat_free"]))
    items = "".join(
        f"<tr><td>{escape(item.text)}<br><span class='m'>{vat_free}</span></td>"
        f"<td class='amount'>{money(item.amount, document.amount_style)}</td></tr>"
        for item in document.items
    )
    zero = money(Decimal("0.00"), document.amount_style)
    body = (
        f"<div class='c'><b>{escape(document.provider)}</b><br>{escape(document.address)}<br>"
        f"{escape(str(words['org']))} {org_number(document.organisation_number, 1)}</div><hr>"
        f"{escape(str(words['receipt']))} {document.invoice_number}<br>"
        f"{when(document, document.day)} 1{document.invoice_number % 10}:"
        f"{document.invoice_number % 60:02d}<br>{escape(str(words['patient']))}: "
        f"{escape(document.patient)}<hr><table>{items}</table><hr><table>"
        f"<tr><td><b>{escape(str(words['amount_due']))}</b></td><td class='amount'><b>"
        f"{money(document.total, document.amount_style)}</b></td></tr>"
        f"<tr><td>{escape(str(words['vat_line']))} 0 %</td><td class='amount'>{zero}</td></tr>"
        f"</table>{escape(str(words['paid_card']).format(day=when(document, document.day)))}"
        f"<br>Visa **** {document.invoice_number % 9000 + 1000}<hr><div class='c'>"
        f"{escape(str(words['vat']))}<br>{escape(str(words['thanks']))}</div>"
    )
    css = SLIP_CSS.replace("var(--height)", f"{height}mm") + ".m { font-size: 7pt; }"
    return page(body, css)
