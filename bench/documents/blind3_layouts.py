"""The third blind set's documents as HTML: helsenorge's overview printed over several pages,
the table's header on each page and the sum carried from one page to the next; the overview
with a status ("Registrert") beside each fee, sorted by amount or by provider; the app's list
with the status beside each amount; a dentist's receipt with the fee schedule's codes, the
teeth and a discount; and a clinic's receipt paid with Vipps or in cash, with its number and
the time (on paper, photographed with a phone; or as an e-mail on the phone).

Every layout still carries rows a reader must leave out: the sums carried forward, the limit
and what is missing before it, the birth date and the print date, the page numbers; on
receipts the sum before the discount and the discount, the cash handed over and the change.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape
from typing import Any

from .content import BLIND3_OVERVIEW_LAYOUTS, BLIND3_PHONE_LAYOUT, Fee, Overview, Receipt
from .content import BLIND3_RECEIPT_LAYOUTS as RECEIPT_LAYOUTS
from .layouts import day, money, org_number, page, phone_chrome, whole_kroner

LAYOUTS = frozenset((*BLIND3_OVERVIEW_LAYOUTS, BLIND3_PHONE_LAYOUT, *RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

PHOTOGRAPHED = frozenset(RECEIPT_LAYOUTS)
"""Layouts whose paper copy is photographed with a phone rather than scanned."""

ROWS_A_PAGE = 12

WORDS = {
    "nb": {
        "title": "Mine egenandeler", "name": "Navn", "born": "Fødselsdato",
        "printed": "Utskriftsdato", "year": "År", "date": "Dato", "provider": "Behandlingssted",
        "service": "Tjeneste", "fee": "Egenandel", "status": "Status", "registered": "Registrert",
        "brought": "Overført fra forrige side", "carried": "Å overføre",
        "sum": "Sum registrerte egenandeler", "page": "Side {page} av {pages}",
        "limit": "Egenandelstaket for {year} er {limit}. Du mangler {remaining} for å få "
                 "frikort.",
        "sorted": "Sortert etter", "by_amount": "beløp, høyeste først",
        "by_provider": "behandlingssted", "back": "Tilbake",
        "tabs": ("Forside", "Innboks", "Timer", "Meny"),
        "receipt": "Kvittering", "receipt_no": "Kvitteringsnr.", "time": "Kl.",
        "patient": "Pasient", "code": "Takst", "treatment": "Behandling", "amount": "Beløp",
        "before": "Sum behandling", "total": "Totalt å betale", "paid": "Betalt",
        "card": "Betalt med bankkort", "vipps": "Betalt med Vipps", "vipps_ref": "Vipps-ordre",
        "cash": "Kontant", "received": "Mottatt kontant", "change": "Tilbake",
        "vat": "Helsetjenester er fritatt for merverdiavgift.", "org": "Org.nr.",
        "phone": "Tlf.", "thanks": "Takk for besøket, velkommen tilbake!",
        "mail": "E-post", "from": "Fra", "subject": "Kvittering for timen din",
    },
    "nn": {
        "title": "Mine eigendelar", "name": "Namn", "born": "Fødselsdato",
        "printed": "Utskriftsdato", "year": "År", "date": "Dato", "provider": "Behandlingsstad",
        "service": "Teneste", "fee": "Eigendel", "status": "Status", "registered": "Registrert",
        "brought": "Overført frå førre side", "carried": "Å overføre",
        "sum": "Sum registrerte eigendelar", "page": "Side {page} av {pages}",
        "limit": "Eigendelstaket for {year} er {limit}. Du manglar {remaining} for å få "
                 "frikort.",
        "sorted": "Sortert etter", "by_amount": "beløp, høgaste først",
        "by_provider": "behandlingsstad", "back": "Tilbake",
        "tabs": ("Framside", "Innboks", "Timar", "Meny"),
        "receipt": "Kvittering", "receipt_no": "Kvitteringsnr.", "time": "Kl.",
        "patient": "Pasient", "code": "Takst", "treatment": "Behandling", "amount": "Beløp",
        "before": "Sum behandling", "total": "Totalt å betale", "paid": "Betalt",
        "card": "Betalt med bankkort", "vipps": "Betalt med Vipps", "vipps_ref": "Vipps-ordre",
        "cash": "Kontant", "received": "Motteke kontant", "change": "Tilbake",
        "vat": "Helsetenester er fritekne for meirverdiavgift.", "org": "Org.nr.",
        "phone": "Tlf.", "thanks": "Takk for besøket, velkomen att!",
        "mail": "E-post", "from": "Frå", "subject": "Kvittering for timen din",
    },
    "en": {
        "title": "My user fees", "name": "Name", "born": "Date of birth",
        "printed": "Printed", "year": "Year", "date": "Date", "provider": "Provider",
        "service": "Service", "fee": "User fee", "status": "Status", "registered": "Registered",
        "brought": "Brought forward", "carried": "Carried forward",
        "sum": "Total registered user fees", "page": "Page {page} of {pages}",
        "limit": "The user fee ceiling for {year} is {limit}. You need {remaining} more to get "
                 "an exemption card.",
        "sorted": "Sorted by", "by_amount": "amount, highest first",
        "by_provider": "provider", "back": "Back",
        "tabs": ("Home", "Inbox", "Appointments", "Menu"),
        "receipt": "Receipt", "receipt_no": "Receipt no.", "time": "Time",
        "patient": "Patient", "code": "Code", "treatment": "Treatment", "amount": "Amount",
        "before": "Treatment total", "total": "Total to pay", "paid": "Paid",
        "card": "Paid by card", "vipps": "Paid with Vipps", "vipps_ref": "Vipps order",
        "cash": "Cash", "received": "Cash received", "change": "Change",
        "vat": "Health services are exempt from VAT.", "org": "Org. no.",
        "phone": "Phone", "thanks": "Thank you for your visit!",
        "mail": "Mail", "from": "From", "subject": "Receipt for your appointment",
    },
}  # fmt: skip


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout; ``phone`` for a screenshot (the app, or an e-mail)."""
    if isinstance(document, Receipt):
        return _receipt(document, phone=phone)
    words = WORDS[document.language]
    match document.layout:
        case "carried":
            return _carried(document, words)
        case "status":
            return _status(document, words)
        case _:
            return _status_app(document, words)


def _say(words: dict[str, Any], key: str) -> str:
    return escape(str(words[key]))


def _when(document: Overview | Receipt, value: date) -> str:
    return day(value, document.date_style, document.language)


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _fee_head(document: Overview | Receipt, words: dict[str, Any], key: str = "fee") -> str:
    """The amount column's heading: "Egenandel (kr)" when the amounts are bare numbers."""
    label = str(words[key])
    return escape(f"{label} (kr)" if document.amount_style == "column_kr" else label)


def sorted_fees(document: Overview) -> list[Fee]:
    """The fees in the order the document prints them."""
    fees = sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)
    match document.order:
        case "amount":
            return sorted(fees, key=lambda fee: fee.amount, reverse=True)
        case "provider":
            return sorted(fees, key=lambda fee: fee.provider)
        case _:
            return fees


def _limit_sentence(document: Overview, words: dict[str, Any]) -> str:
    text = str(words["limit"]).format(
        year=document.year,
        limit=whole_kroner(document.limit, document.language),
        remaining=whole_kroner(document.limit - document.total, document.language),
    )
    return f"<p class='limit'>{escape(text)}</p>"


def _meta(document: Overview, words: dict[str, Any]) -> str:
    rows = (
        (words["name"], escape(document.name)),
        (
            words["born"],
            day(document.birth_date, "slash" if document.date_style == "slash" else "numeric"),
        ),
        (words["year"], str(document.year)),
        (words["printed"], _when(document, document.printed_at)),
    )
    return (
        "<table class='meta'>"
        + "".join(
            f"<tr><td>{escape(str(label))}</td><td><b>{value}</b></td></tr>"
            for label, value in rows
        )
        + "</table>"
    )


PRINT_CSS = """
@page { size: A4; margin: 15mm 15mm 18mm 15mm;
  @top-right { content: var(--printed); font-size: 7.5pt; color: #555; }
  @bottom-left { content: 'https://www.helsenorge.no/egenandeler-og-frikort/'; font-size: 7pt;
    color: #555; }
  @bottom-right { content: var(--page); font-size: 7.5pt; } }
.logo { color: #188097; font-weight: bold; font-size: 15pt; }
h1 { font-size: 17pt; color: #00263d; margin: 6px 0 8px 0; }
.meta { width: auto; margin-bottom: 6px; } .meta td { padding: 1px 14px 1px 0; font-size: 9pt; }
.limit { border: 1px solid #188097; background: #eef7f9; padding: 6px 10px; font-size: 9pt; }
.sorted { font-size: 8.5pt; color: #444; margin: 4px 0; }
table.fees { margin-top: 6px; }
table.fees td, table.fees th { padding: 5px 6px; border-bottom: 1px solid #cfcfcf; font-size: 9pt; }
table.fees th { background: #00263d; color: #fff; }
table.fees td:first-child { white-space: nowrap; }
tr.carry td { font-style: italic; background: #f4f4f4; }
tr.sum td { font-weight: bold; border-top: 2px solid #00263d; border-bottom: none; }
.chip { display: inline-block; background: #e2f1e6; color: #205c2c; border-radius: 8px;
  padding: 0 6px; font-size: 8pt; }
.next { break-before: page; }
"""


def _print_page(body: str, document: Overview, words: dict[str, Any]) -> str:
    numbers = str(words["page"]).format(page="' counter(page) '", pages="' counter(pages) '")
    css = PRINT_CSS.replace("var(--page)", f"'{numbers}'").replace(
        "var(--printed)", f"'{_when(document, document.printed_at)}'"
    )
    return page(body, css)


def _heading(document: Overview, words: dict[str, Any]) -> str:
    return (
        f"<div class='logo'>helsenorge</div><h1>{_say(words, 'title')}</h1>"
        f"{_meta(document, words)}{_limit_sentence(document, words)}"
    )


def _fee_row(fee: Fee, document: Overview, *, status: str = "") -> str:
    cell = f"<td><span class='chip'>{escape(status)}</span></td>" if status else ""
    return (
        f"<tr><td>{_when(document, fee.day)}</td><td>{escape(fee.provider)}</td>"
        f"<td>{escape(fee.service)}</td><td class='amount'>{_amount(fee.amount, document)}</td>"
        f"{cell}</tr>"
    )


def _carry_row(label: object, amount: Decimal, document: Overview, cls: str = "carry") -> str:
    return (
        f"<tr class='{cls}'><td colspan='3'>{escape(str(label))}</td>"
        f"<td class='amount'>{_amount(amount, document)}</td></tr>"
    )


def _carried(document: Overview, words: dict[str, Any]) -> str:
    """A table over as many pages as it takes, its header on each: each page but the last ends
    with the sum so far ("Å overføre"), each but the first begins with it ("Overført")."""
    fees = sorted_fees(document)
    head = (
        f"<thead><tr><th>{_say(words, 'date')}</th><th>{_say(words, 'provider')}</th>"
        f"<th>{_say(words, 'service')}</th><th class='amount'>{_fee_head(document, words)}</th>"
        "</tr></thead>"
    )
    chunks = [fees[start : start + ROWS_A_PAGE] for start in range(0, len(fees), ROWS_A_PAGE)]
    tables, so_far = [], Decimal("0.00")
    for number, chunk in enumerate(chunks):
        rows = [_carry_row(words["brought"], so_far, document)] if number else []
        rows += [_fee_row(fee, document) for fee in chunk]
        so_far += sum((fee.amount for fee in chunk), Decimal("0.00"))
        if number < len(chunks) - 1:
            rows.append(_carry_row(words["carried"], so_far, document))
        else:
            rows.append(_carry_row(words["sum"], document.total, document, "sum"))
        cls = " next" if number else ""
        tables.append(f"<table class='fees{cls}'>{head}<tbody>{''.join(rows)}</tbody></table>")
    return _print_page(_heading(document, words) + "".join(tables), document, words)


def _status(document: Overview, words: dict[str, Any]) -> str:
    """One table with a status beside each amount, sorted by amount or by provider."""
    order = words["by_amount"] if document.order == "amount" else words["by_provider"]
    head = (
        f"<thead><tr><th>{_say(words, 'date')}</th><th>{_say(words, 'provider')}</th>"
        f"<th>{_say(words, 'service')}</th><th class='amount'>{_fee_head(document, words)}</th>"
        f"<th>{_say(words, 'status')}</th></tr></thead>"
    )
    status = str(words["registered"])
    rows = "".join(_fee_row(fee, document, status=status) for fee in sorted_fees(document))
    total = (
        f"<tr class='sum'><td colspan='3'>{_say(words, 'sum')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td><td></td></tr>"
    )
    body = (
        f"{_heading(document, words)}<p class='sorted'>{_say(words, 'sorted')}: "
        f"{escape(str(order))}</p><table class='fees'>{head}<tbody>{rows}{total}</tbody></table>"
    )
    return _print_page(body, document, words)


APP_CSS = """
.row { background: #fff; border-radius: 10px; padding: 10px 12px; margin: 8px 0;
  display: flex; justify-content: space-between; }
.row .left { max-width: 62%; } .row .right { text-align: right; }
.row .where { font-weight: bold; } .row .what, .row .when { color: #555; font-size: 13px; }
.row .fee { font-weight: bold; font-size: 16px; }
.chip { display: inline-block; background: #e2f1e6; color: #205c2c; border-radius: 8px;
  padding: 1px 7px; font-size: 11px; margin-top: 4px; }
.limit { background: #e4f3f6; border-radius: 10px; padding: 10px 12px; }
.sumline { display: flex; justify-content: space-between; font-weight: bold;
  border-top: 2px solid #00263d; padding-top: 8px; margin-top: 12px; }
"""


def _status_app(document: Overview, words: dict[str, Any]) -> str:
    """The app's list: the provider and service on the left, the amount and its status on the
    right, newest first, the sum at the end."""
    fee_head = _fee_head(document, words)
    rows = "".join(
        f"<div class='row'><div class='left'><div class='where'>{escape(fee.provider)}</div>"
        f"<div class='what'>{escape(fee.service)}</div>"
        f"<div class='when'>{_when(document, fee.day)}</div></div>"
        f"<div class='right'><div class='fee'>{_amount(fee.amount, document)}</div>"
        f"<span class='chip'>{_say(words, 'registered')}</span></div></div>"
        for fee in sorted_fees(document)
    )
    tabs = "".join(f"<span>{escape(str(tab))}</span>" for tab in words["tabs"])
    inner = (
        f"<style>{APP_CSS}</style><h1>{_say(words, 'title')}</h1><p class='who'>"
        f"{escape(document.name)} · {document.year}</p>{_limit_sentence(document, words)}"
        f"<p class='muted'>{fee_head}</p>{rows}<div class='sumline'><span>{_say(words, 'sum')}"
        f"</span><span>{_amount(document.total, document)}</span></div>"
        f"</div><div class='tabs'>{tabs}"
    )
    return phone_chrome(
        inner,
        back=str(words["back"]),
        height=820 + 112 * len(document.fees),
        hour=9 + document.printed_at.day % 12,
        battery=15 + document.birth_date.day * 3,
    )


# ---- receipts ----------------------------------------------------------------------------

RECEIPT_CSS = """
@page { size: 110mm var(--height); margin: 8mm 7mm; }
body { font-size: 9pt; }
.c { text-align: center; } .clinic { font-size: 12pt; font-weight: bold; }
hr { border: none; border-top: 1px solid #777; margin: 6px 0; }
td { padding: 2px 0; vertical-align: top; } td.code { width: 13mm; }
tr.sum td { font-weight: bold; border-top: 1.5px solid #000; padding-top: 4px; }
tr.minus td { font-style: italic; }
.small { font-size: 8pt; color: #333; }
"""


def _receipt(document: Receipt, *, phone: bool) -> str:
    words = WORDS[document.language]
    inner = (
        _dental(document, words)
        if document.layout == "dental_discount"
        else _clinic_payment(document, words)
    )
    if phone:
        mail = (
            f"<div class='card'><p class='muted'>{_say(words, 'from')}: "
            f"{escape(document.provider)}<br><b>{_say(words, 'subject')}</b></p><hr>{inner}</div>"
        )
        return phone_chrome(
            f"<style>{RECEIPT_PHONE_CSS}</style>{mail}",
            back=str(words["back"]),
            height=1000 + 50 * len(document.items),
            hour=7 + document.day.day % 14,
            battery=35 + document.day.month * 4,
            app=str(words["mail"]),
        )
    height = 100 + 8 * len(document.items) + (12 if document.payment == "cash" else 0)
    return page(inner, RECEIPT_CSS.replace("var(--height)", f"{height}mm"))


RECEIPT_PHONE_CSS = """
.c { text-align: center; } .clinic { font-size: 17px; font-weight: bold; }
hr { border: none; border-top: 1px solid #ccc; }
td { padding: 3px 0; vertical-align: top; } tr.sum td { font-weight: bold; }
tr.minus td { font-style: italic; } .small { font-size: 12px; color: #555; }
"""


def _head(document: Receipt, words: dict[str, Any]) -> str:
    minute = document.invoice_number % 60
    hour = 8 + document.invoice_number % 9
    return (
        f"<div class='c'><div class='clinic'>{escape(document.provider)}</div>"
        f"{escape(document.address)}<br>{_say(words, 'phone')} {document.phone} · "
        f"{_say(words, 'org')} {org_number(document.organisation_number, document.day.day)}"
        f"</div><hr><b>{escape(str(words['receipt']).upper())}</b><br><table>"
        f"<tr><td>{_say(words, 'receipt_no')}</td><td class='amount'>"
        f"{document.invoice_number}</td></tr>"
        f"<tr><td>{_say(words, 'date')}</td><td class='amount'>"
        f"{_when(document, document.day)}</td></tr>"
        f"<tr><td>{_say(words, 'time')}</td><td class='amount'>{hour:02d}:{minute:02d}</td></tr>"
        f"<tr><td>{_say(words, 'patient')}</td><td class='amount'>"
        f"{escape(document.patient)}</td></tr></table><hr>"
    )


def _line(code: str, text: str, amount: str, cls: str = "") -> str:
    attribute = f" class='{cls}'" if cls else ""
    return (
        f"<tr{attribute}><td class='code'>{escape(code)}</td><td>{escape(text)}</td>"
        f"<td class='amount'>{amount}</td></tr>"
    )


def _dental(document: Receipt, words: dict[str, Any]) -> str:
    """A dentist's receipt: each treatment with its fee schedule code, the sum, the discount
    (a negative line) and the total paid."""
    treatments = [item for item in document.items if item.amount > 0]
    discount = [item for item in document.items if item.amount < 0]
    before = sum((item.amount for item in treatments), Decimal("0.00"))
    rows = "".join(
        _line(item.code, item.text, _amount(item.amount, document)) for item in treatments
    )
    rows += _line("", str(words["before"]), _amount(before, document))
    rows += "".join(
        _line("", item.text, f"−{_amount(-item.amount, document)}", "minus") for item in discount
    )
    rows += _line("", str(words["total"]), _amount(document.total, document), "sum")
    return (
        f"{_head(document, words)}<table><tr><th>{_say(words, 'code')}</th>"
        f"<th>{_say(words, 'treatment')}</th>"
        f"<th class='amount'>{_fee_head(document, words, 'amount')}</th></tr>{rows}</table>"
        f"<hr>{_say(words, 'card')} · BankAxept **** "
        f"{document.invoice_number % 9000 + 1000}<hr><div class='c small'>{_say(words, 'vat')}"
        f"<br>{_say(words, 'thanks')}</div>"
    )


def _clinic_payment(document: Receipt, words: dict[str, Any]) -> str:
    """A chiropractor's, physiotherapist's or naprapath's receipt paid with Vipps (with the
    order number) or in cash (with what was handed over and the change)."""
    rows = "".join(
        _line(item.code, item.text, _amount(item.amount, document)) for item in document.items
    )
    rows += _line("", str(words["total"]), _amount(document.total, document), "sum")
    if document.payment == "vipps":
        paid = (
            f"{_say(words, 'vipps')}: {_amount(document.total, document)}<br>"
            f"{_say(words, 'vipps_ref')} {document.account.replace(' ', '')}"
        )
    else:
        handed = (document.total // 100 + 1) * 100 + (100 if document.day.day % 2 else 0)
        paid = (
            f"<table>{_line('', str(words['cash']), _amount(document.total, document))}"
            f"{_line('', str(words['received']), _amount(Decimal(handed), document))}"
            f"{_line('', str(words['change']), _amount(handed - document.total, document))}"
            "</table>"
        )
    return (
        f"{_head(document, words)}<table><tr><th></th><th>{_say(words, 'treatment')}</th>"
        f"<th class='amount'>{_fee_head(document, words, 'amount')}</th></tr>{rows}</table><hr>"
        f"{paid}<hr><div class='c small'>{_say(words, 'vat')}<br>{_say(words, 'thanks')}</div>"
    )
