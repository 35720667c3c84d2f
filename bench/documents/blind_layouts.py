"""The second blind set's documents as HTML: helsenorge's overview printed in landscape with the
amount Helfo covered beside each fee, the overview grouped by provider with a subtotal under
each, the app in dark mode; a pharmacy's receipt for medicines on blue prescription and a
provider's unpaid invoice with a KID number, an account and a due date (on a phone, both in
dark mode).

Every layout still carries rows a reader must leave out: the exemption card limit and what
remains before the card, the period and the print date, the birth date, Helfo's share and its
sum, subtotals, a medicine's price and VAT, the account, the KID and the due date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape
from typing import Any

from .content import BLIND_OVERVIEW_LAYOUTS, BLIND_PHONE_LAYOUT, Fee, Overview, Receipt
from .content import BLIND_RECEIPT_LAYOUTS as RECEIPT_LAYOUTS
from .layouts import (
    CARDS_CSS,
    NBSP,
    PHONE_CSS,
    SLIP_CSS,
    day,
    money,
    org_number,
    page,
    whole_kroner,
)

LAYOUTS = frozenset((*BLIND_OVERVIEW_LAYOUTS, BLIND_PHONE_LAYOUT, *RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

WORDS = {
    "nb": {
        "title": "Oversikt over egenandeler", "period": "Periode", "name": "Navn",
        "born": "Født", "printed": "Skrevet ut", "date": "Dato", "practitioner": "Behandler",
        "service": "Tjeneste", "fee": "Egenandel", "covered": "Dekket av Helfo",
        "yours": "Din egenandel", "subtotal": "Delsum", "total": "Sum i perioden", "sum": "Sum",
        "limit": "Egenandelstaket for {year} er {limit}. Du har {remaining} igjen før du får "
                 "frikort.",
        "page": "Side {page} av {pages}", "back": "Tilbake",
        "tabs": ("Forside", "Innboks", "Timer", "Meny"),
        "receipt": "Kvittering", "number": "Nr.", "patient": "Pasient",
        "prescription": "Resept: blå resept", "price": "Pris", "refund": "Refusjon Helfo",
        "to_pay": "Å betale", "vat": "Herav mva. 25 %", "paid": "Betalt BankAxept",
        "counts": "Egenandelen teller mot frikort for helsetjenester.",
        "thanks": "Takk for handelen!", "org": "Org.nr.", "phone": "Tlf.",
        "invoice": "Faktura", "invoice_no": "Fakturanr.", "invoice_date": "Fakturadato",
        "visit": "Behandlingsdato", "due": "Forfallsdato", "code": "Kode",
        "description": "Beskrivelse", "amount": "Beløp", "payment": "Betalingsinformasjon",
        "account": "Kontonummer", "kid": "KID", "pay_by": "Betales innen {due} til konto "
        "{account}. Husk KID.", "vat_free": "Helsetjenester er fritatt for merverdiavgift.",
        "interest": "Ved betaling etter forfall beregnes forsinkelsesrente.",
        "apps": ("Mine kjøp", "E-post", "Mine fakturaer"),
    },
    "nn": {
        "title": "Oversikt over eigendelar", "period": "Periode", "name": "Namn",
        "born": "Fødd", "printed": "Skrive ut", "date": "Dato", "practitioner": "Behandlar",
        "service": "Teneste", "fee": "Eigendel", "covered": "Dekt av Helfo",
        "yours": "Din eigendel", "subtotal": "Delsum", "total": "Sum i perioden", "sum": "Sum",
        "limit": "Eigendelstaket for {year} er {limit}. Du har {remaining} att før du får "
                 "frikort.",
        "page": "Side {page} av {pages}", "back": "Tilbake",
        "tabs": ("Framside", "Innboks", "Timar", "Meny"),
        "receipt": "Kvittering", "number": "Nr.", "patient": "Pasient",
        "prescription": "Resept: blå resept", "price": "Pris", "refund": "Refusjon Helfo",
        "to_pay": "Å betale", "vat": "Av dette mva. 25 %", "paid": "Betalt BankAxept",
        "counts": "Eigendelen tel mot frikort for helsetenester.",
        "thanks": "Takk for handelen!", "org": "Org.nr.", "phone": "Tlf.",
        "invoice": "Faktura", "invoice_no": "Fakturanr.", "invoice_date": "Fakturadato",
        "visit": "Behandlingsdato", "due": "Forfallsdato", "code": "Kode",
        "description": "Skildring", "amount": "Beløp", "payment": "Betalingsinformasjon",
        "account": "Kontonummer", "kid": "KID", "pay_by": "Betalast innan {due} til konto "
        "{account}. Hugs KID.", "vat_free": "Helsetenester er fritekne for meirverdiavgift.",
        "interest": "Ved betaling etter forfall blir det rekna forseinkingsrente.",
        "apps": ("Mine kjøp", "E-post", "Mine fakturaer"),
    },
    "en": {
        "title": "Overview of user fees", "period": "Period", "name": "Name",
        "born": "Born", "printed": "Printed on", "date": "Date", "practitioner": "Practitioner",
        "service": "Service", "fee": "User fee", "covered": "Covered by Helfo",
        "yours": "Your user fee", "subtotal": "Subtotal", "total": "Total for the period",
        "sum": "Total", "limit": "The user fee ceiling for {year} is {limit}. You have "
                                 "{remaining} left before you get an exemption card.",
        "page": "Page {page} of {pages}", "back": "Back",
        "tabs": ("Home", "Inbox", "Appointments", "Menu"),
        "receipt": "Receipt", "number": "No.", "patient": "Patient",
        "prescription": "Prescription: blue prescription", "price": "Price",
        "refund": "Reimbursed by Helfo", "to_pay": "To pay", "vat": "Incl. VAT 25 %",
        "paid": "Paid BankAxept", "counts": "The user fee counts towards the exemption card.",
        "thanks": "Thank you!", "org": "Org. no.", "phone": "Phone",
        "invoice": "Invoice", "invoice_no": "Invoice no.", "invoice_date": "Invoice date",
        "visit": "Date of treatment", "due": "Due date", "code": "Code",
        "description": "Description", "amount": "Amount", "payment": "Payment details",
        "account": "Account number", "kid": "KID (payment reference)",
        "pay_by": "Please pay by {due} to account {account}, quoting the KID.",
        "vat_free": "Health services are exempt from VAT.",
        "interest": "Interest is charged on late payment.",
        "apps": ("My purchases", "Mail", "My invoices"),
    },
}  # fmt: skip


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout; ``phone`` for a screenshot of the app in dark mode."""
    if isinstance(document, Receipt):
        return _receipt(document, phone=phone)
    words = WORDS[document.language]
    match document.layout:
        case "helfo_share":
            return _helfo_share(document, words)
        case "by_provider":
            return _by_provider(document, words)
        case _:
            return _dark_app(document, words)


def _say(words: dict[str, Any], key: str) -> str:
    return escape(str(words[key]))


def _when(document: Overview | Receipt, value: date) -> str:
    return day(value, document.date_style, document.language)


def _plain(document: Overview | Receipt, value: date) -> str:
    """A date in the document's style but without the weekday (a birth date, a period, the
    day an invoice is due)."""
    return day(value, "iso" if document.date_style == "iso" else "numeric")


def _fees_in_order(document: Overview) -> list[Fee]:
    return list(reversed(document.fees)) if document.newest_first else list(document.fees)


def _limit_sentence(document: Overview, words: dict[str, Any]) -> str:
    limit, remaining = document.limit, document.limit - document.total
    text = str(words["limit"]).format(
        year=document.year,
        limit=whole_kroner(limit, document.language),
        remaining=whole_kroner(remaining, document.language),
    )
    return f"<p class='limit'>{escape(text)}</p>"


def _period(document: Overview) -> str:
    assert document.period is not None
    first, last = document.period
    return f"{_plain(document, first)}{NBSP}–{NBSP}{_plain(document, last)}"


def _meta(document: Overview, words: dict[str, Any]) -> str:
    rows = (
        (words["name"], escape(document.shown_name)),
        (words["born"], _plain(document, document.birth_date)),
        (words["period"], _period(document)),
        (words["printed"], _plain(document, document.printed_at)),
    )
    cells = "".join(
        f"<tr><td>{escape(str(label))}:</td><td>{value}</td></tr>" for label, value in rows
    )
    return f"<table class='meta'>{cells}</table>"


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


PRINT_CSS = """
@page { size: A4 var(--orientation); margin: 14mm 14mm 16mm 14mm;
  @bottom-left { content: 'helsenorge.no · Egenandeler og frikort'; font-size: 7.5pt;
    color: #555; }
  @bottom-right { content: var(--page); font-size: 7.5pt; } }
.logo { color: #188097; font-weight: bold; font-size: 14pt; border-bottom: 2px solid #188097;
  padding-bottom: 4px; }
h1 { font-size: 16pt; color: #00263d; margin: 8px 0 6px 0; }
h2 { font-size: 11pt; margin: 14px 0 3px 0; color: #00263d; break-after: avoid; }
.meta { width: auto; } .meta td { padding: 1px 12px 1px 0; font-size: 9pt; }
.limit { background: #f1f6f7; border-left: 4px solid #188097; padding: 6px 10px; }
table.fees td, table.fees th { padding: 4px 6px; border-bottom: 1px solid #c8c8c8;
  font-size: 9pt; }
table.fees th { border-bottom: 2px solid #00263d; }
tr.sub td { font-style: italic; border-bottom: none; }
tr.sum td { font-weight: bold; border-top: 2px solid #00263d; border-bottom: none; }
.grand { font-size: 11pt; font-weight: bold; margin-top: 16px; border-top: 2px solid #00263d;
  padding-top: 6px; display: flex; justify-content: space-between; }
"""


def _print_page(body: str, words: dict[str, Any], *, landscape: bool) -> str:
    numbers = str(words["page"]).format(page="' counter(page) '", pages="' counter(pages) '")
    css = PRINT_CSS.replace("var(--orientation)", "landscape" if landscape else "portrait")
    css = css.replace("var(--page)", f"'{numbers}'")
    return page(body, css)


def _helfo_share(document: Overview, words: dict[str, Any]) -> str:
    """A landscape print with two amounts a row: what Helfo covered, and the user fee paid."""
    helfo_first = document.birth_date.day % 2 == 0
    labels = [words["covered"], words["yours"]]
    if not helfo_first:
        labels.reverse()
    heads = [words["date"], words["practitioner"], words["service"]]
    head = "".join(f"<th>{escape(str(label))}</th>" for label in heads) + "".join(
        f"<th class='amount'>{escape(str(label))}</th>" for label in labels
    )
    fees = _fees_in_order(document)
    rows = "".join(
        f"<tr><td>{_when(document, fee.day)}</td><td>{escape(fee.provider)}</td>"
        f"<td>{escape(fee.service)}</td>{_pair(_covered(fee), fee.amount, document, helfo_first)}"
        "</tr>"
        for fee in fees
    )
    covered = sum((_covered(fee) for fee in fees), Decimal("0.00"))
    total = (
        f"<tr class='sum'><td colspan='3'>{_say(words, 'sum')}</td>"
        f"{_pair(covered, document.total, document, helfo_first)}</tr>"
    )
    body = (
        f"<div class='logo'>helsenorge</div><h1>{_say(words, 'title')}</h1>"
        f"{_meta(document, words)}{_limit_sentence(document, words)}"
        f"<table class='fees'><thead><tr>{head}</tr></thead><tbody>{rows}{total}</tbody></table>"
    )
    return _print_page(body, words, landscape=True)


def _covered(fee: Fee) -> Decimal:
    assert fee.covered is not None
    return fee.covered


def _pair(covered: Decimal, fee: Decimal, document: Overview, helfo_first: bool) -> str:
    cells = [_amount(covered, document), _amount(fee, document)]
    if not helfo_first:
        cells.reverse()
    return "".join(f"<td class='amount'>{cell}</td>" for cell in cells)


def _by_provider(document: Overview, words: dict[str, Any]) -> str:
    """A portrait print with the fees under each provider's name, a subtotal under each, and
    the sum for the period at the end."""
    providers: dict[str, list[Fee]] = {}
    for fee in _fees_in_order(document):
        providers.setdefault(fee.provider, []).append(fee)
    head = (
        f"<tr><th style='width:28%'>{_say(words, 'date')}</th>"
        f"<th>{_say(words, 'service')}</th>"
        f"<th class='amount'>{_say(words, 'fee')}</th></tr>"
    )
    groups = []
    for provider, fees in providers.items():
        rows = "".join(
            f"<tr><td>{_when(document, fee.day)}</td><td>{escape(fee.service)}</td>"
            f"<td class='amount'>{_amount(fee.amount, document)}</td></tr>"
            for fee in fees
        )
        subtotal = sum((fee.amount for fee in fees), Decimal("0.00"))
        groups.append(
            f"<h2>{escape(provider)}</h2><table class='fees'><thead>{head}</thead><tbody>{rows}"
            f"<tr class='sub'><td colspan='2'>{_say(words, 'subtotal')}</td>"
            f"<td class='amount'>{_amount(subtotal, document)}</td></tr></tbody></table>"
        )
    body = (
        f"<div class='logo'>helsenorge</div><h1>{_say(words, 'title')}</h1>"
        f"{_meta(document, words)}{_limit_sentence(document, words)}{''.join(groups)}"
        f"<div class='grand'><span>{_say(words, 'total')}</span>"
        f"<span>{_amount(document.total, document)}</span></div>"
    )
    return _print_page(body, words, landscape=False)


DARK_CSS = """
body { background: #121212; color: #e6e6e6; }
.status, .appbar, .tabs { background: #1c1c1c; color: #e6e6e6; border-color: #333; }
.appbar { color: #6fc7d9; }
h1 { color: #f2f2f2; }
.muted, .who, .card .sub, .tabs { color: #a8a8a8; }
.summary, .limit { background: #1f3338; color: #dcecef; border-radius: 10px; padding: 10px 12px; }
.card { background: #1e1e1e; border-color: #3a3a3a; color: #ececec; }
.total { border-top-color: #6fc7d9; }
table.items td, table.items th { border-bottom: 1px solid #3a3a3a; padding: 4px 2px; }
.head { display: block; } .doc h1 { font-size: 22px; margin: 14px 0 4px 0; }
.clinic { font-weight: bold; font-size: 18px; } .to { margin: 12px 0; }
tr.sum td { font-weight: bold; } .pay { margin-top: 14px; }
.c { text-align: center; } .i { padding-left: 12px; }
hr { border: none; border-top: 1px solid #3a3a3a; }
"""


def _dark_phone(inner: str, *, back: str, height: int, hour: int, battery: int, app: str) -> str:
    """A phone screen in dark mode: the status bar, the app's top bar, the content."""
    css = PHONE_CSS.replace("var(--height)", f"{height}px") + CARDS_CSS + DARK_CSS
    body = (
        f"<div class='status'><span>{hour:02d}:{17 + battery % 40:02d}</span>"
        f"<span>▂▄▆ 4G {battery} %</span></div>"
        f"<div class='appbar'>‹ {escape(back)} &nbsp;&nbsp;&nbsp; <b>{escape(app)}</b></div>"
        f"<div class='content'>{inner}</div>"
    )
    return page(body, css)


def _dark_app(document: Overview, words: dict[str, Any]) -> str:
    """helsenorge's app in dark mode: newest first, a card a fee, the period and its sum."""
    cards = "".join(
        f"<div class='card'><div class='top'><span>{_when(document, fee.day)}</span>"
        f"<span>{_amount(fee.amount, document)}</span></div>"
        f"<div class='sub'>{escape(fee.provider)}</div>"
        f"<div class='sub'>{escape(fee.service)}</div></div>"
        for fee in _fees_in_order(document)
    )
    tabs = "".join(f"<span>{escape(str(tab))}</span>" for tab in words["tabs"])
    inner = (
        f"<h1>{_say(words, 'title')}</h1><p class='who'>{escape(document.shown_name)}"
        f"<br>{_say(words, 'period')}: {_period(document)}</p>"
        f"{_limit_sentence(document, words)}{cards}<p class='total'>"
        f"{_say(words, 'total')}: <b>{_amount(document.total, document)}</b></p>"
        f"</div><div class='tabs'>{tabs}"
    )
    return _dark_phone(
        inner,
        back=str(words["back"]),
        height=760 + 110 * len(document.fees),
        hour=7 + document.printed_at.day % 14,
        battery=20 + document.birth_date.day * 2,
        app="helsenorge",
    )


# ---- receipts ----------------------------------------------------------------------------


def _receipt(document: Receipt, *, phone: bool) -> str:
    words = WORDS[document.language]
    inner = (
        _pharmacy(document, words) if document.layout == "pharmacy" else _invoice(document, words)
    )
    if phone:
        apps = words["apps"]
        return _dark_phone(
            f"<div class='card'>{inner}</div>",
            back=str(words["back"]),
            height=1250 + 90 * len(document.items),
            hour=8 + document.day.day % 12,
            battery=25 + document.day.month * 6,
            app=str(
                apps[0] if document.layout == "pharmacy" else apps[1 + document.invoice_number % 2]
            ),
        )
    if document.layout == "pharmacy":
        height = 78 + 18 * len(document.items)
        css = SLIP_CSS.replace("var(--height)", f"{height}mm") + ".i { padding-left: 3mm; }"
        return page(inner, css)
    return page(inner, INVOICE_CSS)


def _pharmacy(document: Receipt, words: dict[str, Any]) -> str:
    """A pharmacy's receipt: each medicine's price, Helfo's refund and the user fee, then the
    sum to pay with the VAT in it."""
    medicines = "".join(
        f"<tr><td colspan='2'>{escape(item.text)}</td></tr>"
        + _slip_row(words["price"], item.price or item.amount, document, indent=True)
        + _slip_row(
            words["refund"], (item.price or item.amount) - item.amount, document, indent=True
        )
        + _slip_row(words["fee"], item.amount, document, indent=True)
        for item in document.items
    )
    vat = (document.total / 5).quantize(Decimal("0.01"))
    minute = document.invoice_number % 60
    return (
        f"<div class='c'><b>{escape(document.provider)}</b><br>{escape(document.address)}<br>"
        f"{_say(words, 'org')} {org_number(document.organisation_number, 1)}<br>"
        f"{_say(words, 'phone')} {document.phone}</div><hr>"
        f"{escape(str(words['receipt']).upper())} {_say(words, 'number')} "
        f"{document.invoice_number}<br>{_when(document, document.day)} "
        f"{10 + document.invoice_number % 8}:{minute:02d}<br>"
        f"{_say(words, 'patient')}: {escape(document.shown_name)}<br>"
        f"{_say(words, 'prescription')}<hr><table>{medicines}</table><hr><table>"
        + _slip_row(str(words["to_pay"]).upper(), document.total, document, bold=True)
        + _slip_row(words["vat"], vat, document)
        + _slip_row(words["paid"], document.total, document)
        + f"</table><hr><div class='c'>{_say(words, 'counts')}<br>"
        f"{_say(words, 'thanks')}</div>"
    )


def _slip_row(
    label: object, amount: Decimal, document: Receipt, *, indent: bool = False, bold: bool = False
) -> str:
    text, shown = escape(str(label)), _amount(amount, document)
    if bold:
        text, shown = f"<b>{text}</b>", f"<b>{shown}</b>"
    cls = " class='i'" if indent else ""
    return f"<tr><td{cls}>{text}</td><td class='amount'>{shown}</td></tr>"


INVOICE_CSS = """
@page { size: A4; margin: 18mm 18mm 20mm 18mm; }
.head { display: flex; justify-content: space-between; }
.clinic { font-size: 15pt; font-weight: bold; color: #2b4a6f; }
.doc h1 { font-size: 20pt; margin: 0 0 6px 0; color: #2b4a6f; }
.doc td { padding: 1px 0 1px 12px; }
.to { margin: 22px 0 18px 0; }
table.items { margin-top: 6px; }
table.items td, table.items th { border-bottom: 1px solid #bbb; padding: 5px 4px; }
tr.sum td { font-weight: bold; border-top: 2px solid #333; border-bottom: none; }
.pay { margin-top: 26px; border: 1.5px solid #2b4a6f; padding: 8px 12px; }
.pay table td { padding: 3px 10px 3px 0; }
.pay h3 { margin: 0 0 6px 0; font-size: 11pt; }
.foot { margin-top: 28px; font-size: 8.5pt; color: #444; }
"""


def _invoice(document: Receipt, words: dict[str, Any]) -> str:
    """A provider's invoice, not yet paid: the visit's items, the sum to pay, and how to pay
    it (account, KID, due date)."""
    assert document.due is not None
    due = _plain(document, document.due)
    rows = "".join(
        f"<tr><td>{escape(item.code)}</td><td>{escape(item.text)}</td>"
        f"<td class='amount'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    total = _amount(document.total, document)
    facts = (
        (words["invoice_no"], str(document.invoice_number)),
        (words["invoice_date"], _plain(document, document.day)),
        (words["due"], due),
    )
    doc = "".join(
        f"<tr><td>{escape(str(label))}</td><td>{value}</td></tr>" for label, value in facts
    )
    payment = (
        (words["account"], document.account),
        (words["kid"], document.kid),
        (words["amount"], total),
        (words["due"], due),
    )
    pay = "".join(
        f"<tr><td>{escape(str(label))}</td><td><b>{value}</b></td></tr>" for label, value in payment
    )
    return (
        f"<div class='head'><div><div class='clinic'>{escape(document.provider)}</div>"
        f"{escape(document.address)}<br>{_say(words, 'org')} "
        f"{org_number(document.organisation_number, document.invoice_number)}<br>"
        f"{_say(words, 'phone')} {document.phone}</div><div class='doc'>"
        f"<h1>{_say(words, 'invoice')}</h1><table>{doc}</table></div></div>"
        f"<div class='to'>{_say(words, 'patient')}: <b>{escape(document.shown_name)}</b>"
        f"<br>{_say(words, 'born')}: {_plain(document, document.birth_date)}"
        f"<br>{_say(words, 'visit')}: {_when(document, document.day)}</div>"
        f"<table class='items'><thead><tr><th>{_say(words, 'code')}</th>"
        f"<th>{_say(words, 'description')}</th><th class='amount'>"
        f"{_say(words, 'amount')}</th></tr></thead><tbody>{rows}<tr class='sum'><td></td>"
        f"<td>{_say(words, 'to_pay')}</td><td class='amount'>{total}</td></tr></tbody>"
        f"</table><div class='pay'><h3>{_say(words, 'payment')}</h3><table>{pay}</table>"
        f"<p>{escape(str(words['pay_by']).format(due=due, account=document.account))}</p></div>"
        f"<div class='foot'>{_say(words, 'vat_free')}<br>"
        f"{_say(words, 'interest')}</div>"
    )
