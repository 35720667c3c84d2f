"""The fifth blind set's documents as HTML: helsenorge's overview as a table with a category
("Kategori" or "Helsetjeneste") and the business ("Virksomhet") beside each fee, printed from a
browser, captured from a desktop browser (the page in the middle of a wide window, the tab and
address bars above it and the task bar with its clock below), or in the app; an emergency
clinic's thermal slip; a hospital trust's invoice for an outpatient consultation; and an
optician's, eye specialist's or speech therapist's receipt. Dates as "2025.03.12" or
"12-03-2025"; amounts as "179,-" (and "84,50"), "1 234,50 kr" or "NOK 1 234.50" with a narrow
no-break space; the sum as "Sum egenandeler hittil i år" ("Total paid so far").

Every layout still carries things a reader must leave out: the limit and what is missing before
it, the year tabs, the birth date, the date the page was updated and the clock's date, the
invoice's date, due date, account and KID, the receipt's number and the card's last digits.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND5_DESKTOP_LAYOUT,
    BLIND5_OVERVIEW_LAYOUT,
    BLIND5_PHONE_LAYOUT,
    BLIND5_RECEIPT_LAYOUTS,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page, phone_chrome

LAYOUTS = frozenset(
    (BLIND5_OVERVIEW_LAYOUT, BLIND5_DESKTOP_LAYOUT, BLIND5_PHONE_LAYOUT, *BLIND5_RECEIPT_LAYOUTS)
)
"""The layouts this module draws (and no other)."""

NNBSP = "\u202f"
"""A narrow no-break space: the thousands separator of "1 234,50 kr"."""

DESKTOPS = ((1440, 1.0, 900), (1536, 1.25, 864), (1920, 1.0, 1080))
"""A desktop browser's window: CSS pixels wide, device pixels per CSS pixel, screen height
(1440 × 900, 1920 × 1080 at 125 %, 1920 × 1080)."""

WORDS = {
    "nb": {
        "title": "Dine egenandeler", "for": "Egenandeler for", "born": "født",
        "category": ("Kategori", "Helsetjeneste"), "business": "Virksomhet",
        "date": "Dato", "fee": ("Egenandel", "Betalt"), "sum": "Sum egenandeler hittil i år",
        "limit": "Egenandelstak {year}", "missing": "Til frikort mangler",
        "updated": "Sist oppdatert", "years": "Velg år", "home": "Forside",
        "menu": ("Innboks", "Timeavtaler", "Legemidler", "Helsekontakter", "Egenandeler"),
        "logout": "Logg ut", "help": "Mangler en egenandel? Kontakt virksomheten som behandlet "
        "deg.", "back": "Tilbake", "tabs": ("Forside", "Innboks", "Timer", "Meny"),
        "search": "Søk",
        "slip": "KVITTERING", "voucher": "Bilagsnr.", "time": "Kl.", "patient": "Pasient",
        "birth": "Fødselsdato", "total": "TOTALT", "terminal": "Betalt i terminal",
        "card": "Kort", "registered": "Egenandelen er registrert og teller mot frikortet.",
        "invoice": "Faktura – poliklinisk konsultasjon", "invoice_no": "Fakturanr.",
        "invoice_date": "Fakturadato", "due": "Forfallsdato", "account": "Kontonummer",
        "kid": "KID", "treated": "Behandlingsdato", "description": "Beskrivelse",
        "amount": "Beløp", "to_pay": "Sum å betale",
        "pay": "Betales til konto {account} med KID {kid} innen {due}.",
        "patient_fee": "Pasientbetaling (egenandel) etter forskrift om egenandel for "
        "helsehjelp i spesialisthelsetjenesten.",
        "receipt": "Kvittering", "receipt_no": "Kvitteringsnr.", "sum_receipt": "Totalt",
        "paid_terminal": "Betalt med kort i terminal", "org": "Org.nr.", "phone": "Tlf.",
        "no_refund": "Tjenesten gir ikke rett til refusjon fra Helfo.",
        "mail": "E-post", "from": "Fra", "subject": "Kvittering",
        "subject_invoice": "Faktura fra sykehuset",
    },
    "nn": {
        "title": "Dine eigendelar", "for": "Eigendelar for", "born": "fødd",
        "category": ("Kategori", "Helseteneste"), "business": "Verksemd",
        "date": "Dato", "fee": ("Eigendel", "Betalt"), "sum": "Sum eigendelar hittil i år",
        "limit": "Eigendelstak {year}", "missing": "Til frikort manglar",
        "updated": "Sist oppdatert", "years": "Vel år", "home": "Framside",
        "menu": ("Innboks", "Timeavtalar", "Legemiddel", "Helsekontaktar", "Eigendelar"),
        "logout": "Logg ut", "help": "Manglar ein eigendel? Kontakt verksemda som behandla "
        "deg.", "back": "Tilbake", "tabs": ("Framside", "Innboks", "Timar", "Meny"),
        "search": "Søk",
        "slip": "KVITTERING", "voucher": "Bilagsnr.", "time": "Kl.", "patient": "Pasient",
        "birth": "Fødselsdato", "total": "TOTALT", "terminal": "Betalt i terminal",
        "card": "Kort", "registered": "Eigendelen er registrert og tel mot frikortet.",
        "invoice": "Faktura – poliklinisk konsultasjon", "invoice_no": "Fakturanr.",
        "invoice_date": "Fakturadato", "due": "Forfallsdato", "account": "Kontonummer",
        "kid": "KID", "treated": "Behandlingsdato", "description": "Skildring",
        "amount": "Beløp", "to_pay": "Sum å betale",
        "pay": "Betalast til konto {account} med KID {kid} innan {due}.",
        "patient_fee": "Pasientbetaling (eigendel) etter forskrift om eigendel for "
        "helsehjelp i spesialisthelsetenesta.",
        "receipt": "Kvittering", "receipt_no": "Kvitteringsnr.", "sum_receipt": "Totalt",
        "paid_terminal": "Betalt med kort i terminal", "org": "Org.nr.", "phone": "Tlf.",
        "no_refund": "Tenesta gir ikkje rett til refusjon frå Helfo.",
        "mail": "E-post", "from": "Frå", "subject": "Kvittering",
        "subject_invoice": "Faktura frå sjukehuset",
    },
    "en": {
        "title": "Your user fees", "for": "User fees for", "born": "born",
        "category": ("Category", "Health service"), "business": "Business",
        "date": "Date", "fee": ("User fee", "Paid"), "sum": "Total paid so far",
        "limit": "User fee cap {year}", "missing": "Still to pay before exemption card",
        "updated": "Last updated", "years": "Select year", "home": "Home",
        "menu": ("Inbox", "Appointments", "Medicines", "Health contacts", "User fees"),
        "logout": "Log out", "help": "Is a fee missing? Contact the business that treated you.",
        "back": "Back", "tabs": ("Home", "Inbox", "Appointments", "Menu"), "search": "Search",
        "slip": "RECEIPT", "voucher": "Voucher no.", "time": "Time", "patient": "Patient",
        "birth": "Date of birth", "total": "TOTAL", "terminal": "Paid at terminal",
        "card": "Card", "registered": "The user fee is registered towards your exemption card.",
        "invoice": "Invoice – outpatient consultation", "invoice_no": "Invoice no.",
        "invoice_date": "Invoice date", "due": "Due date", "account": "Account number",
        "kid": "KID", "treated": "Date of treatment", "description": "Description",
        "amount": "Amount", "to_pay": "Total to pay",
        "pay": "Pay to account {account} with KID {kid} by {due}.",
        "patient_fee": "Patient fee (user fee) under the regulations on user fees in the "
        "specialist health service.",
        "receipt": "Receipt", "receipt_no": "Receipt no.", "sum_receipt": "Total",
        "paid_terminal": "Paid by card at the terminal", "org": "Org. no.", "phone": "Phone",
        "no_refund": "This service is not reimbursed by Helfo.",
        "mail": "Mail", "from": "From", "subject": "Receipt",
        "subject_invoice": "Invoice from the hospital",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "179,-", "84,50" or "1 230,12" (dash_bare), "1 234,50 kr" (narrow_kr) or
    "NOK 1 234.50" (nok_narrow), the thousands parted by a narrow no-break space."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    match style:
        case "dash_bare":
            return f"{grouped.replace(',', NBSP)}," + ("-" if cents == "00" else cents)
        case "nok_narrow":
            return f"NOK{NBSP}{grouped.replace(',', NNBSP)}.{cents}"
        case _:
            return f"{grouped.replace(',', NNBSP)},{cents}{NBSP}kr"


def day(value: date, style: str) -> str:
    """A date as "2025.03.12" (dotted_iso) or "12-03-2025" (dashed)."""
    return value.strftime("%Y.%m.%d" if style == "dotted_iso" else "%d-%m-%Y")


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout; ``phone`` for a phone's screenshot (the app, or an e-mail).
    An overview laid out ``desktop`` is a desktop browser's window, whatever ``phone`` says."""
    if isinstance(document, Receipt):
        inner = _receipt(document)
        if phone:
            return _mail(document, inner)
        return inner
    if document.layout == BLIND5_DESKTOP_LAYOUT:
        return _desktop(document)
    if phone or document.layout == BLIND5_PHONE_LAYOUT:
        return _app(document)
    return _printed(document)


def desktop(document: Overview) -> tuple[int, float, int]:
    """The window a desktop overview is captured from: CSS width, scale, CSS height."""
    width, scale, screen = DESKTOPS[document.printed_at.toordinal() % len(DESKTOPS)]
    needed = 560 + 41 * len(document.fees)
    return width, scale, max(int(screen / scale), needed)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _pick(words: dict[str, Any], key: str, document: Overview) -> str:
    return escape(words[key][document.birth_date.day % 2])


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _limit(document: Overview) -> str:
    if document.amount_style == "nok_narrow":
        return f"NOK{NBSP}{int(document.limit):,}".replace(",", NNBSP)
    return f"{int(document.limit):,}{NBSP}kr".replace(",", NNBSP)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def _table(document: Overview, words: dict[str, Any]) -> str:
    head = (
        f"<tr><th>{_say(words, 'date')}</th><th>{_pick(words, 'category', document)}</th>"
        f"<th>{_say(words, 'business')}</th>"
        f"<th class='amount'>{_pick(words, 'fee', document)}</th></tr>"
    )
    rows = "".join(
        f"<tr><td class='when'>{day(fee.day, document.date_style)}</td>"
        f"<td>{escape(fee.service)}</td><td>{escape(fee.provider)}</td>"
        f"<td class='amount'>{_amount(fee.amount, document)}</td></tr>"
        for fee in _ordered(document)
    )
    total = (
        f"<tr class='sum'><td colspan='3'>{_say(words, 'sum')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr>"
    )
    return f"<table class='fees'><thead>{head}</thead><tbody>{rows}{total}</tbody></table>"


def _facts(document: Overview, words: dict[str, Any]) -> str:
    missing = document.limit - document.total
    return (
        f"<p class='who'>{_say(words, 'for')} <b>{escape(document.name)}</b>, "
        f"{_say(words, 'born')} {day(document.birth_date, document.date_style)}</p>"
        f"<div class='facts'><span>{_say(words, 'limit', year=document.year)}: "
        f"<b>{_limit(document)}</b></span><span>{_say(words, 'missing')}: "
        f"<b>{_amount(missing, document)}</b></span></div>"
        f"<p class='years'>{_say(words, 'years')}: "
        + " ".join(
            f"<span class='{'on' if year == document.year else 'off'}'>{year}</span>"
            for year in range(document.year - 2, document.year + 1)
        )
        + "</p>"
    )


SITE_CSS = """
.site { display: flex; justify-content: space-between; align-items: center;
  border-bottom: 1px solid #d6d6d6; padding: 6px 0; }
.logo { color: #188097; font-weight: bold; font-size: 17pt; }
.menu span { margin-left: 14px; color: #00263d; }
.profile { color: #00263d; }
h1 { color: #00263d; margin: 12px 0 6px 0; }
.who { margin: 4px 0; }
.facts { display: flex; gap: 24px; background: #f2f8fa; border-left: 4px solid #188097;
  padding: 6px 10px; margin: 8px 0; }
.years span { padding: 2px 8px; margin-right: 4px; border-radius: 10px; }
.years .on { background: #00263d; color: #fff; } .years .off { border: 1px solid #aaa; }
table.fees th { border-bottom: 2px solid #00263d; padding: 5px 6px; }
table.fees td { border-bottom: 1px solid #e1e1e1; padding: 5px 6px; }
table.fees tr { break-inside: avoid; }
tr.sum td { font-weight: bold; border-top: 2px solid #00263d; border-bottom: none; }
.help { color: #555; margin-top: 14px; }
"""

PRINT_CSS = """
@page { size: A4; margin: 14mm 13mm 16mm 13mm;
  @top-right { content: var(--url); font-size: 7.5pt; color: #555; }
  @bottom-left { content: var(--updated); font-size: 7.5pt; color: #555; }
  @bottom-right { content: counter(page) ' / ' counter(pages); font-size: 7.5pt; } }
body { font-size: 9.5pt; } h1 { font-size: 18pt; } .menu { display: none; }
"""


def _site_head(document: Overview, words: dict[str, Any]) -> str:
    menu = "".join(f"<span>{escape(str(item))}</span>" for item in words["menu"])
    return (
        f"<div class='site'><div class='logo'>helsenorge</div><div class='menu'>{menu}</div>"
        f"<div class='profile'>{escape(document.name)} ▾ · {_say(words, 'logout')}</div></div>"
    )


def _printed(document: Overview) -> str:
    """The page printed from a browser: the site's head, the person and the limit, the year
    tabs, then the table and its sum."""
    words = WORDS[document.language]
    body = (
        f"{_site_head(document, words)}<h1>{_say(words, 'title')}</h1>"
        f"{_facts(document, words)}{_table(document, words)}"
        f"<p class='help'>{_say(words, 'help')}</p>"
    )
    updated = f"{words['updated']} {day(document.printed_at, document.date_style)}"
    css = PRINT_CSS.replace("var(--url)", repr("https://www.helsenorge.no/egenandeler/")).replace(
        "var(--updated)", repr(updated)
    )
    return page(body, SITE_CSS + css)


DESKTOP_CSS = """
@page { size: var(--width) var(--height); margin: 0; }
body { font-size: 15px; background: #fff; }
.tabsbar { background: #dee1e6; padding: 8px 10px 0 10px; display: flex; gap: 4px;
  font-size: 12px; }
.tab { background: #c8ccd2; padding: 7px 14px; border-radius: 8px 8px 0 0; width: 220px; }
.tab.active { background: #fff; }
.address { background: #fff; padding: 6px 12px; display: flex; gap: 14px; font-size: 14px;
  border-bottom: 1px solid #ddd; }
.url { background: #f1f3f4; border-radius: 14px; padding: 4px 14px; flex: 1; color: #202124; }
.bookmarks { font-size: 12px; color: #333; padding: 4px 12px; border-bottom: 1px solid #ddd; }
.bookmarks span { margin-right: 18px; }
.column { width: 960px; margin: 0 auto; padding-top: 4px; }
h1 { font-size: 30px; }
.taskbar { position: fixed; bottom: 0; left: 0; right: 0; height: 44px; background: #1f1f1f;
  color: #fff; display: flex; justify-content: space-between; align-items: center;
  padding: 0 16px; font-size: 12px; }
.clock { text-align: right; line-height: 1.3; }
"""


def _desktop(document: Overview) -> str:
    """The page in a desktop browser, captured whole: the tab bar, the address and bookmarks
    bars, the site in a middle column, and the task bar with its clock at the bottom."""
    words = WORDS[document.language]
    width, _, height = desktop(document)
    title = f"{words['title']} – helsenorge"
    captured = document.printed_at
    hour = 8 + captured.day % 12
    chrome = (
        f"<div class='tabsbar'><div class='tab active'>{escape(title)}  ✕</div>"
        "<div class='tab'>Canvas – Dashboard  ✕</div><div class='tab'>Innboks – Outlook  ✕</div>"
        "<div>+</div></div><div class='address'><span>←  →  ↻</span><span class='url'>"
        "https://www.helsenorge.no/egenandeler-og-frikort/</span><span>☆  ⋮</span></div>"
        "<div class='bookmarks'><span>Studentweb</span><span>Canvas</span><span>Lånekassen"
        "</span><span>Vy</span><span>Finn.no</span></div>"
    )
    column = (
        f"<div class='column'>{_site_head(document, words)}<h1>{_say(words, 'title')}</h1>"
        f"{_facts(document, words)}{_table(document, words)}"
        f"<p class='help'>{_say(words, 'help')} · {_say(words, 'updated')} "
        f"{day(document.printed_at, document.date_style)}</p></div>"
    )
    taskbar = (
        f"<div class='taskbar'><span>⊞   {_say(words, 'search')}</span>"
        f"<span class='clock'>{hour:02d}:{captured.day + 10:02d}<br>"
        f"{captured:%d.%m.%Y}</span></div>"
    )
    css = SITE_CSS + DESKTOP_CSS.replace("var(--width)", f"{width}px").replace(
        "var(--height)", f"{height}px"
    )
    return page(chrome + column + taskbar, css)


APP_CSS = """
.who { font-size: 13px; color: #444; }
.facts { display: block; background: #e4f3f6; border-radius: 10px; padding: 8px 10px;
  font-size: 13px; margin: 8px 0; } .facts span { display: block; }
.fee { background: #fff; border-radius: 10px; padding: 10px 12px; margin: 7px 0; }
.fee .top { display: flex; justify-content: space-between; font-weight: bold; }
.fee .sub { display: flex; justify-content: space-between; color: #555; font-size: 13px;
  margin-top: 3px; }
.sumline { display: flex; justify-content: space-between; font-weight: bold;
  border-top: 2px solid #00263d; padding-top: 8px; margin-top: 12px; }
"""


def _app(document: Overview) -> str:
    """The app: who the fees are for and the limit, then a card a fee (the category and the
    amount, the business and the date), then the sum."""
    words = WORDS[document.language]
    cards = "".join(
        f"<div class='fee'><div class='top'><span>{escape(fee.service)}</span>"
        f"<span>{_amount(fee.amount, document)}</span></div><div class='sub'>"
        f"<span>{escape(fee.provider)}</span><span>{day(fee.day, document.date_style)}</span>"
        "</div></div>"
        for fee in _ordered(document)
    )
    missing = document.limit - document.total
    tabs = "".join(f"<span>{escape(str(tab))}</span>" for tab in words["tabs"])
    inner = (
        f"<style>{APP_CSS}</style><h1>{_say(words, 'title')}</h1>"
        f"<p class='who'>{_say(words, 'for')} <b>{escape(document.name)}</b></p>"
        f"<div class='facts'><span>{_say(words, 'limit', year=document.year)}: "
        f"<b>{_limit(document)}</b></span><span>{_say(words, 'missing')}: "
        f"<b>{_amount(missing, document)}</b></span></div>{cards}"
        f"<div class='sumline'><span>{_say(words, 'sum')}</span>"
        f"<span>{_amount(document.total, document)}</span></div></div><div class='tabs'>{tabs}"
    )
    return phone_chrome(
        inner,
        back=str(words["back"]),
        height=760 + 80 * len(document.fees),
        hour=7 + document.printed_at.day % 14,
        battery=15 + document.birth_date.month * 6,
    )


# ---- receipts ---------------------------------------------------------------------------


def _receipt(document: Receipt) -> str:
    match document.layout:
        case "legevakt_slip":
            return _slip(document)
        case "hospital_invoice":
            return _invoice(document)
        case _:
            return _specialist(document)


SLIP_CSS = """
@page { size: 80mm var(--height); margin: 4mm 4mm; }
body { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }
.c { text-align: center; } hr { border: none; border-top: 1px dashed #000; }
td { padding: 1px 0; vertical-align: top; }
"""


def _slip(document: Receipt) -> str:
    """An emergency clinic's thermal slip: the fee (and what came with it), the total, paid at
    the terminal, registered towards the exemption card."""
    words = WORDS[document.language]
    when = day(document.day, document.date_style)
    clock = f"{document.invoice_number % 24:02d}:{document.invoice_number % 60:02d}"
    items = "".join(
        f"<tr><td>{escape(item.text)}</td>"
        f"<td class='amount'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    body = (
        f"<div class='c'><b>{escape(document.provider)}</b><br>{escape(document.address)}<br>"
        f"{_say(words, 'org')} {org_number(document.organisation_number, 1)}<br>"
        f"{_say(words, 'phone')} 116 117</div><hr><div class='c'><b>{_say(words, 'slip')}</b>"
        f"</div>{_say(words, 'voucher')} {document.invoice_number}<br>"
        f"{_say(words, 'date')} {when}  {_say(words, 'time')} {clock}<br>"
        f"{_say(words, 'patient')}: {escape(document.patient)}<br>"
        f"{_say(words, 'birth')}: {day(document.birth_date, document.date_style)}<hr>"
        f"<table>{items}</table><hr><table><tr><td><b>{_say(words, 'total')}</b></td>"
        f"<td class='amount'><b>{_amount(document.total, document)}</b></td></tr></table>"
        f"{_say(words, 'terminal')}<br>{_say(words, 'card')}: ************"
        f"{document.invoice_number % 9000 + 1000}<hr><div class='c'>"
        f"{_say(words, 'registered')}</div>"
    )
    height = 96 + 6 * len(document.items)
    return page(body, SLIP_CSS.replace("var(--height)", f"{height}mm"))


LETTER_CSS = """
@page { size: A4; margin: 18mm 18mm 20mm 18mm; }
.head { display: flex; justify-content: space-between; border-bottom: 2px solid #004b7a;
  padding-bottom: 6px; }
.org { font-size: 15pt; font-weight: bold; color: #004b7a; }
.small { font-size: 8.5pt; color: #333; }
.address { margin: 22px 0 14px 0; }
h1 { font-size: 14pt; margin: 12px 0 8px 0; }
table.meta { width: auto; } table.meta td { padding: 1px 18px 1px 0; }
table.lines { margin-top: 14px; }
table.lines th { border-bottom: 1.5px solid #000; padding: 4px; font-size: 9pt; }
table.lines td { border-bottom: 1px solid #ccc; padding: 4px; }
tr.sum td { font-weight: bold; border-top: 1.5px solid #000; border-bottom: none; }
.giro { margin-top: 26px; border-top: 1px dashed #666; padding-top: 8px; }
"""


def _invoice(document: Receipt) -> str:
    """A hospital trust's invoice for an outpatient consultation: the patient's fee, the
    invoice's number and date, the due date, the account and the KID."""
    words = WORDS[document.language]
    due = document.due or document.day
    issued = document.day + timedelta(days=3 + document.invoice_number % 9)
    meta = (
        (words["invoice_no"], str(document.invoice_number)),
        (words["invoice_date"], day(issued, document.date_style)),
        (words["due"], day(due, document.date_style)),
        (words["account"], document.account),
        (words["kid"], document.kid),
        (words["birth"], day(document.birth_date, document.date_style)),
    )
    when = day(document.day, document.date_style)
    rows = "".join(
        f"<tr><td>{when}</td><td>{escape(item.text)}</td>"
        f"<td class='amount'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    rows += (
        f"<tr class='sum'><td colspan='2'>{_say(words, 'to_pay')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr>"
    )
    pay = _say(
        words, "pay", account=document.account, kid=document.kid,
        due=day(due, document.date_style),
    )  # fmt: skip
    return page(
        f"<div class='head'><div><div class='org'>{escape(document.provider)}</div>"
        f"<div class='small'>{escape(document.address)}</div></div><div class='small amount'>"
        f"{_say(words, 'org')} {org_number(document.organisation_number, 0)}<br>"
        f"{_say(words, 'phone')} {document.phone}</div></div>"
        f"<div class='address'><b>{escape(document.patient)}</b></div>"
        f"<h1>{_say(words, 'invoice')}</h1><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}</td><td><b>{escape(v)}</b></td></tr>" for k, v in meta)
        + f"</table><table class='lines'><tr><th>{_say(words, 'treated')}</th>"
        f"<th>{_say(words, 'description')}</th><th class='amount'>{_say(words, 'amount')}</th>"
        f"</tr>{rows}</table><p class='small'>{_say(words, 'patient_fee')}</p>"
        f"<div class='giro'>{pay}</div>",
        LETTER_CSS,
    )


RECEIPT_CSS = """
@page { size: A5; margin: 12mm 12mm; }
body { font-size: 9.5pt; }
.head { border-bottom: 2px solid #5a3e85; padding-bottom: 5px; }
.org { font-size: 14pt; font-weight: bold; color: #5a3e85; }
.small { font-size: 8pt; color: #333; }
h1 { font-size: 13pt; margin: 10px 0 6px 0; }
table.meta { width: auto; } table.meta td { padding: 1px 14px 1px 0; }
table.lines { margin-top: 10px; }
table.lines td { border-bottom: 1px solid #ccc; padding: 4px 2px; }
tr.sum td { font-weight: bold; border-top: 1.5px solid #000; border-bottom: none; }
"""


def _specialist(document: Receipt) -> str:
    """An optician's, eye specialist's or speech therapist's receipt: the services, the total,
    paid by card at the terminal."""
    words = WORDS[document.language]
    meta = (
        (words["receipt_no"], str(document.invoice_number % 100000)),
        (words["date"], day(document.day, document.date_style)),
        (words["patient"], document.patient),
        (words["birth"], day(document.birth_date, document.date_style)),
    )
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td>"
        f"<td class='amount'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    rows += (
        f"<tr class='sum'><td>{_say(words, 'sum_receipt')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr>"
    )
    note = f"<br>{_say(words, 'no_refund')}" if document.profession == "optician" else ""
    return page(
        f"<div class='head'><div class='org'>{escape(document.provider)}</div>"
        f"<div class='small'>{escape(document.address)} · {_say(words, 'phone')} "
        f"{document.phone} · {_say(words, 'org')} {org_number(document.organisation_number, 2)}"
        f"</div></div><h1>{_say(words, 'receipt')} – {escape(document.service)}</h1>"
        "<table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}</td><td><b>{escape(v)}</b></td></tr>" for k, v in meta)
        + f"</table><table class='lines'>{rows}</table><p>{_say(words, 'paid_terminal')}: "
        f"{_amount(document.total, document)}</p><p class='small'>"
        f"{_say(words, 'card')} ************{document.invoice_number % 9000 + 1000}{note}</p>",
        RECEIPT_CSS,
    )


MAIL_CSS = """
.org { font-size: 17px; font-weight: bold; } .small { font-size: 12px; color: #555; }
h1 { font-size: 18px; } td, th { padding: 3px 2px; vertical-align: top; font-size: 14px; }
tr.sum td { font-weight: bold; border-top: 1px solid #000; } hr { border: none;
  border-top: 1px dashed #000; } .c { text-align: center; }
"""


def _mail(document: Receipt, inner: str) -> str:
    """On a phone, the receipt or invoice as an e-mail (its body is the paper's)."""
    words = WORDS[document.language]
    content = inner.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    subject = "subject_invoice" if document.layout == "hospital_invoice" else "subject"
    mail = (
        f"<div class='card'><p class='muted'>{_say(words, 'from')}: "
        f"{escape(document.provider)}<br><b>{_say(words, subject)}</b></p><hr>{content}</div>"
    )
    return phone_chrome(
        f"<style>{MAIL_CSS}</style>{mail}",
        back=str(words["back"]),
        height=1250 + 60 * len(document.items),
        hour=9 + document.day.day % 11,
        battery=25 + document.day.month * 5,
        app=str(words["mail"]),
    )
