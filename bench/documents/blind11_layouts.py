"""The eleventh blind set's documents as HTML: helsenorge's page printed from the browser with
the fees grouped under each service (a subtotal under a group of more than one), the print's
own header and footer; Helfo's letter with the fees of a year (the address in the envelope's
window, the letter's date and reference, the fees, the sum, the limit and what is left); the
app's list with a section for each month (the month's count of fees), the total and a bar at
the top; a private allergist's receipt on A4; an orthodontist's receipt e-mailed and printed
from the mail program (the mail's header, a greeting, the table); a sports physician's receipt
in a payment app on the phone.

The styles of dates and amounts are in ``day`` and ``money``.

Overviews print the name in full; names are Latvian, Lithuanian, Romanian, Faroese or
Norwegian (``content.blind11_name``), in bokmål, nynorsk or English pages. Providers are at the
set's own places (``content.BLIND11_PLACES``).

Scans (``render``): a coffee ring on the page where it has no print, scanned in colour; a page
with a corner folded over where it has no print, scanned in grey; a page photographed with the
phone's flash on a dark desk. Screenshots: a page opened in an app's built-in browser (its own
bars), and a small phone with a home button (375 CSS pixels wide, device scale 2).

Every layout still carries what a reader must leave out: the limit and what is left before it,
the subtotals, the months' counts, the letter's date and reference, the printing's date, the
birth date, the receipt's and the payment's numbers, the mail's date, the card's last digits,
the organisation number, the account and the phone numbers.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND11_OVERVIEW_LAYOUTS,
    BLIND11_PHONE_LAYOUT,
    BLIND11_PLACES,
    BLIND11_RECEIPT_LAYOUTS,
    BLIND11_STREETS,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((*BLIND11_OVERVIEW_LAYOUTS, BLIND11_PHONE_LAYOUT, *BLIND11_RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

PHONE_WIDTH = 390
"""CSS pixels of a phone's screen across (device scale 3)."""
SMALL_PHONE = (375, 667)
"""CSS pixels of a small phone's screen with a home button (device scale 2)."""
STATUS_BAR = 44
SMALL_STATUS_BAR = 20
IN_APP_TOP = 52
"""CSS pixels of an app's built-in browser's bar under the status bar ("Done", the address)."""
IN_APP_FOOT = 50
"""CSS pixels of the built-in browser's toolbar at the foot."""

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
TWO_LETTER_WEEKDAYS = {
    "nb": ("ma.", "ti.", "on.", "to.", "fr.", "lø.", "sø."),
    "nn": ("må.", "ty.", "on.", "to.", "fr.", "la.", "su."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
SHORT_WEEKDAYS = {
    "nb": ("man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn."),
    "nn": ("mån.", "tys.", "ons.", "tor.", "fre.", "lau.", "sun."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}

WORDS: dict[str, dict[str, Any]] = {
    "nb": {
        "g_head": "Egenandeler og frikort – helsenorge.no", "g_title": "Egenandeler {year}",
        "g_who": "Innlogget: {name}", "g_intro": "Egenandelene er gruppert etter type "
        "helsetjeneste. Nyeste registreringer kan mangle.", "g_count": "{n} registrert",
        "g_date": "Dato", "g_where": "Sted", "g_amount": "Egenandel", "g_sub": "Delsum",
        "g_sum": "Totalt betalt i {year}", "g_limit": "Egenandelstak {year}: {limit}",
        "g_left": "Gjenstår til frikort: {left}", "g_printed": "Skrevet ut {day}",
        "l_from": "Helfo, Postboks 2415, 3104 Tønsberg", "l_date": "Dato", "l_ref":
        "Vår referanse", "l_title": "Oversikt over egenandeler for {year}", "l_dear":
        "Hei {name}", "l_text": "Du har bedt om en oversikt over egenandelene som er "
        "registrert på deg i {year}. Oversikten viser hver egenandel slik behandleren har "
        "meldt den inn.", "l_date_h": "Behandlingsdato", "l_who": "Behandler", "l_type":
        "Tjeneste", "l_amount": "Egenandel", "l_sum": "Sum egenandeler {year}", "l_limit":
        "Egenandelstaket for {year} er {limit}. Du har {left} igjen før du får frikort.",
        "l_bye": "Med vennlig hilsen", "l_office": "Helfo – Helseøkonomiforvaltningen",
        "l_foot": "Spørsmål? Ring Helfo veiledning på 23 32 70 00 eller skriv til oss på "
        "helsenorge.no.", "l_page": "Side",
        "a_title": "Egenandeler", "a_paid": "Betalt i {year}", "a_of": "Tak: {limit}",
        "a_left": "Igjen: {left}", "a_count": ("{n} egenandel", "{n} egenandeler"),
        "a_tabs": ("Forside", "Innboks", "Helsa mi", "Meny"),
        "b_done": "Ferdig",
        "r_title": "Kvittering", "r_no": "Kvitteringsnummer", "r_day": "Dato", "r_patient":
        "Pasient", "r_born": "født", "r_what": "Tjeneste", "r_amount": "Pris", "r_sum":
        "Sum", "r_paid": "Betalt med bankkort", "r_card": "kort", "r_org": "Foretaksregisteret",
        "r_phone": "Telefon", "r_account": "Konto", "r_vat": "Helsetjenester er unntatt mva.",
        "m_from": "Fra", "m_to": "Til", "m_subject": "Emne", "m_sent": "Dato", "m_subj":
        "Kvittering for behandling", "m_hello": "Hei {first},", "m_text": "takk for besøket. "
        "Her er kvitteringen for behandlingen:", "m_day": "Behandlingsdato", "m_no":
        "Kvittering nr.", "m_sum": "Totalt betalt", "m_paid": "Betalt med kort i resepsjonen.",
        "m_bye": "Vennlig hilsen", "m_org": "Org.nr.", "m_print": "Skrevet ut fra Webmail",
        "p_paid": "Betalt", "p_to": "Til", "p_when": "Tidspunkt", "p_lines": "Varelinjer",
        "p_total": "Totalt", "p_method": "Betalt med", "p_id": "Transaksjons-ID", "p_org":
        "Org.nr.", "p_patient": "Pasient", "p_help": "Trenger du hjelp?",
    },
    "nn": {
        "g_head": "Eigendelar og frikort – helsenorge.no", "g_title": "Eigendelar {year}",
        "g_who": "Innlogga: {name}", "g_intro": "Eigendelane er grupperte etter type "
        "helseteneste. Dei nyaste registreringane kan mangle.", "g_count": "{n} registrert",
        "g_date": "Dato", "g_where": "Stad", "g_amount": "Eigendel", "g_sub": "Delsum",
        "g_sum": "Totalt betalt i {year}", "g_limit": "Eigendelstak {year}: {limit}",
        "g_left": "Står att til frikort: {left}", "g_printed": "Skrive ut {day}",
        "l_from": "Helfo, Postboks 2415, 3104 Tønsberg", "l_date": "Dato", "l_ref":
        "Vår referanse", "l_title": "Oversikt over eigendelar for {year}", "l_dear":
        "Hei {name}", "l_text": "Du har bede om ei oversikt over eigendelane som er "
        "registrerte på deg i {year}. Oversikta viser kvar eigendel slik behandlaren har "
        "meldt han inn.", "l_date_h": "Behandlingsdato", "l_who": "Behandlar", "l_type":
        "Teneste", "l_amount": "Eigendel", "l_sum": "Sum eigendelar {year}", "l_limit":
        "Eigendelstaket for {year} er {limit}. Du har {left} att før du får frikort.",
        "l_bye": "Med venleg helsing", "l_office": "Helfo – Helseøkonomiforvaltninga",
        "l_foot": "Spørsmål? Ring Helfo rettleiing på 23 32 70 00 eller skriv til oss på "
        "helsenorge.no.", "l_page": "Side",
        "a_title": "Eigendelar", "a_paid": "Betalt i {year}", "a_of": "Tak: {limit}",
        "a_left": "Att: {left}", "a_count": ("{n} eigendel", "{n} eigendelar"),
        "a_tabs": ("Framside", "Innboks", "Helsa mi", "Meny"),
        "b_done": "Ferdig",
        "r_title": "Kvittering", "r_no": "Kvitteringsnummer", "r_day": "Dato", "r_patient":
        "Pasient", "r_born": "fødd", "r_what": "Teneste", "r_amount": "Pris", "r_sum":
        "Sum", "r_paid": "Betalt med bankkort", "r_card": "kort", "r_org": "Føretaksregisteret",
        "r_phone": "Telefon", "r_account": "Konto", "r_vat": "Helsetenester er unnatekne mva.",
        "m_from": "Frå", "m_to": "Til", "m_subject": "Emne", "m_sent": "Dato", "m_subj":
        "Kvittering for behandling", "m_hello": "Hei {first},", "m_text": "takk for besøket. "
        "Her er kvitteringa for behandlinga:", "m_day": "Behandlingsdato", "m_no":
        "Kvittering nr.", "m_sum": "Totalt betalt", "m_paid": "Betalt med kort i resepsjonen.",
        "m_bye": "Venleg helsing", "m_org": "Org.nr.", "m_print": "Skrive ut frå Webmail",
        "p_paid": "Betalt", "p_to": "Til", "p_when": "Tidspunkt", "p_lines": "Varelinjer",
        "p_total": "Totalt", "p_method": "Betalt med", "p_id": "Transaksjons-ID", "p_org":
        "Org.nr.", "p_patient": "Pasient", "p_help": "Treng du hjelp?",
    },
    "en": {
        "g_head": "User fees and exemption card – helsenorge.no", "g_title":
        "User fees {year}", "g_who": "Logged in: {name}", "g_intro": "The user fees are "
        "grouped by type of health service. The latest registrations may be missing.",
        "g_count": "{n} registered", "g_date": "Date", "g_where": "Place", "g_amount":
        "User fee", "g_sub": "Subtotal", "g_sum": "Total paid in {year}", "g_limit":
        "User fee ceiling {year}: {limit}", "g_left": "Remaining to exemption card: {left}",
        "g_printed": "Printed {day}",
        "l_from": "Helfo, PO Box 2415, 3104 Tønsberg, Norway", "l_date": "Date", "l_ref":
        "Our reference", "l_title": "Statement of user fees for {year}", "l_dear":
        "Dear {name}", "l_text": "You asked for a statement of the user fees registered for "
        "you in {year}. The statement shows each user fee as the provider reported it.",
        "l_date_h": "Date of treatment", "l_who": "Provider", "l_type": "Service",
        "l_amount": "User fee", "l_sum": "Total user fees {year}", "l_limit": "The user fee "
        "ceiling for {year} is {limit}. You have {left} left before you get an exemption "
        "card.", "l_bye": "Yours sincerely", "l_office": "Helfo – The Norwegian Health "
        "Economics Administration", "l_foot": "Questions? Call Helfo on +47 23 32 70 00 or "
        "write to us on helsenorge.no.", "l_page": "Page",
        "a_title": "User fees", "a_paid": "Paid in {year}", "a_of": "Ceiling: {limit}",
        "a_left": "Left: {left}", "a_count": ("{n} user fee", "{n} user fees"),
        "a_tabs": ("Home", "Inbox", "My health", "Menu"),
        "b_done": "Done",
        "r_title": "Receipt", "r_no": "Receipt number", "r_day": "Date", "r_patient":
        "Patient", "r_born": "born", "r_what": "Service", "r_amount": "Price", "r_sum":
        "Total", "r_paid": "Paid by debit card", "r_card": "card", "r_org":
        "Register of Business Enterprises", "r_phone": "Phone", "r_account": "Account",
        "r_vat": "Health services are exempt from VAT.",
        "m_from": "From", "m_to": "To", "m_subject": "Subject", "m_sent": "Date", "m_subj":
        "Receipt for your treatment", "m_hello": "Hi {first},", "m_text": "thank you for "
        "your visit. Here is the receipt for your treatment:", "m_day": "Date of treatment",
        "m_no": "Receipt no.", "m_sum": "Total paid", "m_paid": "Paid by card at the "
        "reception.", "m_bye": "Kind regards", "m_org": "Org. no.", "m_print":
        "Printed from Webmail",
        "p_paid": "Paid", "p_to": "To", "p_when": "Time", "p_lines": "Order lines",
        "p_total": "Total", "p_method": "Paid with", "p_id": "Transaction ID", "p_org":
        "Org. no.", "p_patient": "Patient", "p_help": "Need help?",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "1 234,50kr" (kr_tight, no space before "kr"), "NOK1,234.50" (nok_tight),
    "1 234,50 NKR" (nkr_after), "kr. 1,234.50" (kr_period_point), "1 234,50 KR"
    (upper_kr_after), "1,234.50 KR" (upper_kr_point_after) or "kr1 234,50" (kr_glued)."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    spaced = grouped.replace(",", NBSP)
    match style:
        case "kr_tight":
            return f"{spaced},{cents}kr"
        case "nok_tight":
            return f"NOK{grouped}.{cents}"
        case "nkr_after":
            return f"{spaced},{cents}{NBSP}NKR"
        case "kr_period_point":
            return f"kr.{NBSP}{grouped}.{cents}"
        case "upper_kr_after":
            return f"{spaced},{cents}{NBSP}KR"
        case "upper_kr_point_after":
            return f"{grouped}.{cents}{NBSP}KR"
        case _:
            return f"kr{spaced},{cents}"


def day(value: date, style: str, language: str = "nb", clock: str = "12:00") -> str:
    """A date as "søn. 02.03.25" ("Sun 02.03.25"; weekday_yy), "sø. 02.03.2025" ("Sun,
    02/03/2025"; two_letter_weekday), "søn 2. mar" ("Sun, 2 Mar"; weekday_day_abbr, the year
    in the month's heading), "02.MAR.2025" ("02-MAR-2025"; upper_month), "søndag, 2. mars
    2025" ("Sunday, March 2, 2025"; weekday_comma) or "2. mars 2025 kl. 14:32" ("2 March 2025
    at 14:32"; long_clock, with the payment's ``clock``)."""
    english = language == "en"
    long_month = MONTHS[language][value.month - 1]
    match style:
        case "weekday_yy":
            return f"{SHORT_WEEKDAYS[language][value.weekday()]} {value:%d.%m.%y}"
        case "two_letter_weekday":
            weekday = TWO_LETTER_WEEKDAYS[language][value.weekday()]
            if english:
                return f"{weekday}, {value:%d/%m/%Y}"
            return f"{weekday} {value:%d.%m.%Y}"
        case "weekday_day_abbr":
            weekday = SHORT_WEEKDAYS[language][value.weekday()].rstrip(".")
            short = SHORT_MONTHS[language][value.month - 1]
            if english:
                return f"{weekday}, {value.day} {short}"
            return f"{weekday} {value.day}. {short}"
        case "upper_month":
            short = SHORT_MONTHS[language][value.month - 1].upper()
            if english:
                return f"{value:%d}-{short}-{value.year}"
            return f"{value:%d}.{short}.{value.year}"
        case "weekday_comma":
            weekday = WEEKDAYS[language][value.weekday()]
            if english:
                return f"{weekday}, {long_month} {value.day}, {value.year}"
            return f"{weekday}, {value.day}. {long_month} {value.year}"
        case _:
            if english:
                return f"{value.day} {long_month} {value.year} at {clock}"
            return f"{value.day}. {long_month} {value.year} kl. {clock}"


def clock(document: Receipt) -> str:
    """The time the payment was made."""
    return f"{9 + document.invoice_number % 8:02d}:{document.invoice_number * 7 % 60:02d}"


def shown_date(document: Overview | Receipt, value: date) -> str:
    """A date of the document as it prints it."""
    if isinstance(document, Receipt) and document.date_style == "long_clock":
        return day(value, document.date_style, document.language, clock(document))
    return day(value, document.date_style, document.language)


def left(document: Overview) -> Decimal:
    """What is left before the exemption card (never the total itself: ``content``)."""
    return document.limit - document.total


def mail_sent(document: Receipt) -> date:
    """The day the receipt was e-mailed: the working day after the visit."""
    later = document.day + timedelta(days=1)
    while later.weekday() > 4:
        later += timedelta(days=1)
    return later


def groups(document: Overview) -> list[tuple[str, list[Fee]]]:
    """The fees under each service, the services in the order of their first fee."""
    found: dict[str, list[Fee]] = {}
    for fee in sorted(document.fees, key=lambda fee: fee.day):
        found.setdefault(fee.service, []).append(fee)
    return list(found.items())


def subtotals(document: Overview) -> list[Decimal]:
    """The subtotals the grouped page prints: under a group of more than one fee, when there
    is more than one group."""
    found = groups(document)
    if len(found) < 2:
        return []
    return [sum((fee.amount for fee in fees), Decimal(0)) for _, fees in found if len(fees) > 1]


def html(
    document: Overview | Receipt,
    *,
    phone: bool = False,
    in_app: bool = False,
    small: bool = False,
) -> str:
    """The document in its layout; ``phone`` for a phone's screenshot (the app's month list, or
    the payment app), ``in_app`` inside an app's built-in browser, ``small`` on a small phone
    with a home button."""
    if isinstance(document, Receipt):
        match document.layout:
            case "allergy_receipt":
                return _allergy(document)
            case "printed_mail":
                return _printed_mail(document)
            case _:
                return payment_app(document, in_app=in_app, small=small)
    if phone or document.layout == BLIND11_PHONE_LAYOUT:
        return month_sections(document, in_app=in_app, small=small)
    if document.layout == "helfo_letter":
        return _letter(document)
    return _service_groups(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _day(value: date, document: Overview | Receipt) -> str:
    return shown_date(document, value)


def _whole(amount: Decimal, document: Overview) -> str:
    """The limit, in whole kroner, in the document's own way."""
    text = f"{int(amount):,}"
    if document.language == "en":
        return f"NOK{NBSP}{text}"
    return f"{text.replace(',', NBSP)}{NBSP}kroner"


# ---- helsenorge's page printed, grouped by service ----------------------------------------

GROUPS_CSS = """
@page { size: A4; margin: 16mm 14mm 16mm 14mm;
  @top-left { content: var(--head); font-size: 7pt; color: #555; }
  @top-right { content: var(--printed); font-size: 7pt; color: #555; }
  @bottom-left { content: 'https://www.helsenorge.no/egenandeler/'; font-size: 7pt;
    color: #555; }
  @bottom-right { content: counter(page) '/' counter(pages); font-size: 7pt; color: #555; } }
body { font-size: 9.5pt; color: #222; }
.brand { color: #0c5e5a; font-size: 17pt; font-weight: bold; }
.who { float: right; font-size: 9pt; color: #333; margin-top: 6px; }
h1 { font-size: 19pt; font-weight: normal; margin: 12px 0 4px 0; }
.intro { color: #555; margin: 0 0 10px 0; }
.box { border: 1px solid #b9c7c6; background: #f3f8f7; padding: 8px 10px; margin: 0 0 12px 0; }
.box b { font-size: 13pt; } .box span { display: block; color: #444; margin-top: 2px; }
h2 { font-size: 11.5pt; margin: 14px 0 3px 0; color: #0c5e5a; break-after: avoid; }
h2 span { font-size: 8.5pt; color: #666; font-weight: normal; margin-left: 8px; }
table.g th { font-size: 8pt; color: #555; border-bottom: 1px solid #888; padding: 3px 4px;
  font-weight: normal; }
table.g td { padding: 4px 4px; border-bottom: 0.5px solid #d4dcdb; }
table.g tr { break-inside: avoid; }
col.a { width: 22%; } col.b { width: 58%; } col.c { width: 20%; }
tr.sub td { border-bottom: none; color: #555; font-style: italic; font-size: 8.5pt; }
.total { margin-top: 16px; border-top: 2px solid #222; padding-top: 6px; font-size: 11.5pt;
  font-weight: bold; display: flex; justify-content: space-between; break-inside: avoid; }
"""


def _service_groups(document: Overview) -> str:
    """helsenorge's page printed from the browser: the print's header (the page's title, the
    date printed) and footer (the address, the page), the name at the top right, a box with
    the total, the limit and what is left, then a heading for each service with its count,
    the fees under it (date, place, amount) and a subtotal under a group of more than one, and
    the total at the foot."""
    words = WORDS[document.language]
    found = groups(document)
    parts = []
    for service, fees in found:
        rows = "".join(
            f"<tr><td>{_day(fee.day, document)}</td><td>{escape(fee.provider)}</td>"
            f"<td class='amount'>{_amount(fee.amount, document)}</td></tr>"
            for fee in fees
        )
        if len(fees) > 1 and len(found) > 1:
            sub = sum((fee.amount for fee in fees), Decimal(0))
            rows += (
                f"<tr class='sub'><td colspan='2'>{_say(words, 'g_sub')}</td>"
                f"<td class='amount'>{_amount(sub, document)}</td></tr>"
            )
        parts.append(
            f"<h2>{escape(service)}<span>{_say(words, 'g_count', n=len(fees))}</span></h2>"
            "<table class='g'><col class='a'><col class='b'><col class='c'>"
            f"<tr><th>{_say(words, 'g_date')}</th><th>{_say(words, 'g_where')}</th>"
            f"<th class='amount'>{_say(words, 'g_amount')}</th></tr>{rows}</table>"
        )
    total = _amount(document.total, document)
    body = (
        f"<div class='who'>{_say(words, 'g_who', name=document.name)}</div>"
        f"<div class='brand'>helsenorge</div>"
        f"<h1>{_say(words, 'g_title', year=document.year)}</h1>"
        f"<p class='intro'>{_say(words, 'g_intro')}</p><div class='box'>"
        f"{_say(words, 'g_sum', year=document.year)}: <b>{total}</b><span>"
        f"{_say(words, 'g_limit', year=document.year, limit=_whole(document.limit, document))}"
        f"</span><span>{_say(words, 'g_left', left=_amount(left(document), document))}"
        f"</span></div>{''.join(parts)}<div class='total'><span>"
        f"{_say(words, 'g_sum', year=document.year)}</span><span>{total}</span></div>"
    )
    printed = words["g_printed"].format(day=f"{document.printed_at:%d.%m.%Y}")
    css = GROUPS_CSS.replace("var(--head)", repr(words["g_head"])).replace(
        "var(--printed)", repr(printed)
    )
    return page(body, css)


# ---- Helfo's letter ------------------------------------------------------------------------

LETTER_CSS = """
@page { size: A4; margin: 14mm 20mm 20mm 22mm;
  @bottom-center { content: var(--page) ' ' counter(page) ' / ' counter(pages);
    font-size: 7.5pt; color: #444; } }
body { font-family: 'DejaVu Serif', serif; font-size: 9.5pt; color: #111; }
.top { display: flex; justify-content: space-between; height: 64mm; }
.from { font-family: 'DejaVu Sans', sans-serif; font-size: 7pt; color: #444;
  border-bottom: 0.5px solid #444; padding-bottom: 1px; margin: 24mm 0 3mm 0; }
.to { font-size: 10.5pt; line-height: 1.45; }
.logo { font-family: 'DejaVu Sans', sans-serif; font-size: 22pt; font-weight: bold;
  color: #1f3b73; text-align: right; }
table.meta { width: auto; margin: 8mm 0 0 auto; font-size: 8.5pt; }
table.meta td { padding: 1px 0 1px 10px; }
h1 { font-size: 13pt; margin: 0 0 8px 0; }
table.f { font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; margin-top: 8px; }
table.f th { border-bottom: 1px solid #111; padding: 3px 3px; font-size: 8pt; }
table.f td { padding: 3px 3px; border-bottom: 0.5px solid #bbb; vertical-align: top; }
table.f tr { break-inside: avoid; } td.d { white-space: nowrap; }
tr.sum td { border-top: 1.5px solid #111; border-bottom: none; font-weight: bold;
  padding-top: 6px; }
.bye { margin-top: 14px; break-inside: avoid; }
.foot { margin-top: 16px; font-family: 'DejaVu Sans', sans-serif; font-size: 7.5pt;
  color: #444; border-top: 0.5px solid #888; padding-top: 4px; }
"""


def reference(document: Overview) -> str:
    """The letter's reference."""
    return f"{document.year}/{document.birth_date.toordinal() * 13 % 900_000 + 100_000}"


def postal_address(document: Overview) -> tuple[str, str]:
    """The person's street and town, as the letter's window shows them."""
    seed = document.birth_date.toordinal()
    street = f"{BLIND11_STREETS[seed % len(BLIND11_STREETS)]} {seed % 37 + 1}"
    town = BLIND11_PLACES[seed % len(BLIND11_PLACES)].upper()
    return street, f"{seed % 8000 + 1300} {town}"


def _letter(document: Overview) -> str:
    """Helfo's letter (A4): the sender's line and the person's name and address in the
    envelope's window, the letter's date and reference at the right, a greeting, a table of
    the fees (date, provider, service, amount) with the sum, the limit and what is left, the
    closing."""
    words = WORDS[document.language]
    rows = "".join(
        f"<tr><td class='d'>{_day(fee.day, document)}</td><td>{escape(fee.provider)}</td>"
        f"<td>{escape(fee.service)}</td><td class='amount'>{_amount(fee.amount, document)}"
        "</td></tr>"
        for fee in sorted(document.fees, key=lambda fee: fee.day)
    )
    street, town = postal_address(document)
    meta = (
        (words["l_date"], f"{document.printed_at:%d.%m.%Y}"),
        (words["l_ref"], reference(document)),
    )
    limit = _say(
        words, "l_limit", year=document.year, limit=_whole(document.limit, document),
        left=_amount(left(document), document),
    )  # fmt: skip
    body = (
        f"<div class='top'><div><div class='from'>{_say(words, 'l_from')}</div>"
        f"<div class='to'>{escape(document.name)}<br>{escape(street)}<br>{escape(town)}"
        f"</div></div><div><div class='logo'>HELFO</div><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in meta)
        + f"</table></div></div><h1>{_say(words, 'l_title', year=document.year)}</h1>"
        f"<p>{_say(words, 'l_dear', name=document.name)}</p>"
        f"<p>{_say(words, 'l_text', year=document.year)}</p><table class='f'><tr>"
        f"<th>{_say(words, 'l_date_h')}</th><th>{_say(words, 'l_who')}</th>"
        f"<th>{_say(words, 'l_type')}</th><th class='amount'>{_say(words, 'l_amount')}</th>"
        f"</tr>{rows}<tr class='sum'><td colspan='3'>{_say(words, 'l_sum', year=document.year)}"
        f"</td><td class='amount'>{_amount(document.total, document)}</td></tr></table>"
        f"<p>{limit}</p><div class='bye'>{_say(words, 'l_bye')}<br><br>"
        f"{_say(words, 'l_office')}</div><div class='foot'>{_say(words, 'l_foot')}</div>"
    )
    return page(body, LETTER_CSS.replace("var(--page)", repr(words["l_page"])))


# ---- the phone: chrome -----------------------------------------------------------------------


def _frame(
    body: str, css: str, *, height: int, in_app: bool, small: bool, clock: str, battery: int
) -> str:
    """A phone's page: the status bar (a small phone's thin one), an app's built-in browser's
    bars when ``in_app``, the screen at least one screen tall."""
    width = SMALL_PHONE[0] if small else PHONE_WIDTH
    screen = SMALL_PHONE[1] if small else 844
    status = SMALL_STATUS_BAR if small else STATUS_BAR
    chrome = status + (IN_APP_TOP + IN_APP_FOOT if in_app else 0)
    frame_css = (
        f"@page {{ size: {width}px {max(height + chrome, screen + 120)}px; margin: 0; }}"
        f".status {{ display: flex; justify-content: space-between; height: {status}px; "
        "box-sizing: border-box; font-weight: bold; background: #fff; color: #000; "
        + (
            "font-size: 11px; padding: 3px 8px 0 8px; }"
            if small
            else "font-size: 15px; padding: 14px 28px 0 28px; }"
        )
        + ".inapp { height: 52px; box-sizing: border-box; background: #f2f2f7; display: flex;"
        " align-items: center; padding: 0 12px; border-bottom: 1px solid #c6c6c8; }"
        ".inapp .done { color: #007aff; font-weight: bold; font-size: 16px; width: 60px; }"
        ".inapp .addr { flex: 1; text-align: center; font-size: 13px; color: #333; }"
        ".inapp .addr b { display: block; font-size: 14px; color: #000; }"
        ".inapp .more { width: 60px; text-align: right; color: #007aff; font-size: 18px; }"
        ".tools { height: 50px; box-sizing: border-box; background: #f2f2f7; display: flex;"
        " border-top: 1px solid #c6c6c8; color: #007aff; font-size: 20px; padding-top: 10px; }"
        ".tools span { flex: 1; text-align: center; }"
        f".screenful {{ min-height: {screen - chrome}px; }}"
    )
    status_bar = (
        f"<div class='status'><span>{'●●●●○ Telia' if small else clock}</span>"
        f"<span>{clock if small else ''}</span><span>{battery} %</span></div>"
    )
    if in_app:
        top = (
            f"<div class='inapp'><span class='done'>{escape(chrome_done_word(body))}</span>"
            "<span class='addr'><b>helsenorge.no</b>www.helsenorge.no</span>"
            "<span class='more'>⋯</span></div>"
        )
        foot = "<div class='tools'><span>‹</span><span>›</span><span>⇧</span><span>◎</span></div>"
        return page(status_bar + top + f"<div class='screenful'>{body}</div>" + foot,
                    frame_css + css)  # fmt: skip
    return page(status_bar + f"<div class='screenful'>{body}</div>", frame_css + css)


def chrome_done_word(body: str) -> str:
    """The built-in browser's "Done" in the page's language (marked in the body)."""
    return "Done" if "data-lang='en'" in body else "Ferdig"


# ---- the app's list with a section a month --------------------------------------------------

SECTIONS_CSS = """
body { font-size: 14px; background: #eef2f1; color: #18201f; }
.head { background: #0c5e5a; color: #fff; padding: 12px 16px 16px 16px; }
.head .t { font-size: 18px; font-weight: bold; } .head .n { font-size: 13px; opacity: 0.9; }
.head .big { font-size: 26px; font-weight: bold; margin-top: 10px; white-space: nowrap; }
.head .k { font-size: 12px; opacity: 0.9; }
.bar { height: 8px; background: rgba(255,255,255,0.3); border-radius: 4px; margin: 8px 0 6px 0; }
.bar div { height: 8px; background: #fff; border-radius: 4px; }
.head .row { display: flex; justify-content: space-between; font-size: 12px; }
.sec { margin: 12px 10px 0 10px; background: #fff; border-radius: 10px; overflow: hidden; }
.sec .h { display: flex; justify-content: space-between; padding: 9px 12px;
  background: #dcebe9; font-weight: bold; font-size: 14px; }
.sec .h span { font-weight: normal; font-size: 12px; color: #3b4a48; }
.fee { display: flex; padding: 9px 12px; border-top: 1px solid #e3e8e7; }
.fee .l { flex: 1; } .fee .d { font-size: 12px; color: #4d5b59; white-space: nowrap; }
.fee .s { font-weight: bold; font-size: 14px; } .fee .p { font-size: 12px; color: #4d5b59; }
.fee .a { font-weight: bold; white-space: nowrap; margin-left: 8px; padding-top: 14px; }
.tabs { display: flex; margin-top: 14px; background: #fff; border-top: 1px solid #d0d8d6;
  padding: 8px 0 22px 0; }
.tabs span { flex: 1; text-align: center; font-size: 11px; color: #4d5b59; }
.tabs span.on { color: #0c5e5a; font-weight: bold; }
"""


def sections_height(document: Overview) -> int:
    """The content's CSS height: room for every row (the picture is cut below it)."""
    months = len({fee.day.month for fee in document.fees})
    return 260 + 52 * months + 66 * len(document.fees)


def month_sections(document: Overview, *, in_app: bool = False, small: bool = False) -> str:
    """helsenorge's app (or its mobile page in a built-in browser): a green head with the
    name, the total paid, a bar towards the limit, the limit and what is left; then a section
    for each month with its count of fees, each fee with its date, service, provider and
    amount; the tab bar."""
    words = WORDS[document.language]
    ordered = sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)
    sections: list[tuple[int, list[Fee]]] = []
    for fee in ordered:
        if not sections or sections[-1][0] != fee.day.month:
            sections.append((fee.day.month, []))
        sections[-1][1].append(fee)
    parts = []
    for month, fees in sections:
        one, many = words["a_count"]
        count = (one if len(fees) == 1 else many).format(n=len(fees))
        name = MONTHS[document.language][month - 1].capitalize()
        rows = "".join(
            f"<div class='fee'><div class='l'><div class='d'>{_day(fee.day, document)}</div>"
            f"<div class='s'>{escape(fee.service)}</div><div class='p'>"
            f"{escape(fee.provider)}</div></div><div class='a'>"
            f"{_amount(fee.amount, document)}</div></div>"
            for fee in fees
        )
        parts.append(
            f"<div class='sec'><div class='h'>{escape(name)} {document.year}"
            f"<span>{escape(count)}</span></div>{rows}</div>"
        )
    share = min(100, int(100 * document.total / document.limit))
    tabs = "".join(
        f"<span class='{'on' if index == 2 else ''}'>{escape(tab)}</span>"
        for index, tab in enumerate(words["a_tabs"])
    )
    body = (
        f"<div data-lang='{document.language}' class='head'><div class='t'>"
        f"{_say(words, 'a_title')}</div><div class='n'>{escape(document.name)}</div>"
        f"<div class='k'>{_say(words, 'a_paid', year=document.year)}</div>"
        f"<div class='big'>{_amount(document.total, document)}</div><div class='bar'>"
        f"<div style='width:{share}%'></div></div><div class='row'><span>"
        f"{_say(words, 'a_of', limit=_whole(document.limit, document))}</span><span>"
        f"{_say(words, 'a_left', left=_amount(left(document), document))}</span></div></div>"
        f"{''.join(parts)}" + ("" if in_app else f"<div class='tabs'>{tabs}</div>")
        # A web page in a browser has no app's tab bar.
    )
    moment = document.printed_at
    return _frame(
        body, SECTIONS_CSS, height=sections_height(document), in_app=in_app, small=small,
        clock=f"{8 + moment.day % 12}:{moment.month * 4 + 3:02d}",
        battery=30 + document.birth_date.day * 2,
    )  # fmt: skip


# ---- receipts ----------------------------------------------------------------------------

ALLERGY_CSS = """
@page { size: A4; margin: 18mm 20mm 20mm 20mm; }
body { font-size: 10pt; color: #202020; }
.band { background: #2f6d3a; color: #fff; padding: 12px 14px; display: flex;
  justify-content: space-between; align-items: flex-end; }
.band b { font-size: 17pt; } .band span { font-size: 8.5pt; line-height: 1.5; text-align: right; }
h1 { font-size: 15pt; font-weight: normal; letter-spacing: 1px; margin: 18px 0 8px 0; }
table.meta td { padding: 2px 0; } table.meta td.k { width: 40mm; color: #555; }
table.i { margin-top: 16px; } table.i th { border-bottom: 1.5px solid #2f6d3a; padding: 5px 4px;
  font-size: 9pt; color: #2f6d3a; }
table.i td { padding: 6px 4px; border-bottom: 0.5px solid #ccc; }
tr.s td { font-weight: bold; border-top: 1.5px solid #2f6d3a; border-bottom: none;
  font-size: 11pt; }
tr.p td { border-bottom: none; color: #444; }
.foot { margin-top: 40px; font-size: 8pt; color: #555; border-top: 1px solid #ccc;
  padding-top: 6px; line-height: 1.6; }
"""


def _allergy(document: Receipt) -> str:
    """A private allergist's receipt (A4): a green band with the clinic and its address, the
    receipt's number, the date and the patient with the birth date, a table of the services
    and prices, the total, paid by card (the card's last digits), the clinic's register
    entry, phone and account at the foot."""
    words = WORDS[document.language]
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='amount'>{_amount(item.amount, document)}"
        "</td></tr>"
        for item in document.items
    )
    total = _amount(document.total, document)
    meta = (
        (words["r_no"], f"{document.invoice_number}"),
        (words["r_day"], _day(document.day, document)),
        (words["r_patient"], f"{document.patient} ({words['r_born']} "
         f"{document.birth_date:%d.%m.%Y})"),
    )  # fmt: skip
    digits = document.invoice_number * 7 % 9000 + 1000
    body = (
        f"<div class='band'><b>{escape(document.provider)}</b><span>"
        f"{escape(document.address)}<br>{_say(words, 'r_phone')} {document.phone}</span></div>"
        f"<h1>{_say(words, 'r_title')}</h1><table class='meta'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in meta)
        + f"</table><table class='i'><tr><th>{_say(words, 'r_what')}</th>"
        f"<th class='amount'>{_say(words, 'r_amount')}</th></tr>{rows}<tr class='s'>"
        f"<td>{_say(words, 'r_sum')}</td><td class='amount'>{total}</td></tr><tr class='p'>"
        f"<td>{_say(words, 'r_paid')} ({_say(words, 'r_card')} •••• {digits})</td>"
        f"<td class='amount'>{total}</td></tr></table><div class='foot'>"
        f"{_say(words, 'r_vat')}<br>{_say(words, 'r_org')}: "
        f"{org_number(document.organisation_number, 2)} · {_say(words, 'r_account')} "
        f"{document.account}</div>"
    )
    return page(body, ALLERGY_CSS)


MAIL_CSS = """
@page { size: A4; margin: 12mm 14mm 16mm 14mm;
  @top-left { content: var(--print); font-size: 7pt; color: #555; }
  @bottom-right { content: counter(page) '/' counter(pages); font-size: 7pt; color: #555; } }
body { font-size: 10pt; color: #1d1d1d; }
.subj { font-size: 15pt; margin: 4px 0 10px 0; }
table.h { width: auto; font-size: 9pt; margin-bottom: 12px; }
table.h td { padding: 1px 12px 1px 0; vertical-align: top; } table.h td.k { color: #666; }
hr { border: none; border-top: 1px solid #999; margin: 6px 0 14px 0; }
.mail { max-width: 150mm; line-height: 1.45; }
table.r { margin: 10px 0; width: 120mm; } table.r td { padding: 3px 0; }
table.r td.amount { padding-left: 14px; } tr.t td { font-weight: bold; border-top: 1px solid #333; }
.sig { color: #444; font-size: 9pt; margin-top: 14px; }
"""


def _printed_mail(document: Receipt) -> str:
    """An orthodontist's receipt sent by e-mail and printed from the mail program: the
    program's line at the top, the subject, the mail's header (from, to, the day it was sent
    with the time), a greeting, the receipt's number, the patient, the date of the treatment,
    each service and its price, the total, paid by card, the clinic's signature."""
    words = WORDS[document.language]
    first = document.patient.split()[0]
    sender = document.provider.split()[0].lower()
    sent = mail_sent(document)
    sent_at = (
        f"{sent:%d.%m.%Y} {8 + document.invoice_number % 3}:{document.invoice_number % 50 + 10}"
    )
    header = (
        (words["m_from"], f"{document.provider} <post@{sender}.no>"),
        (words["m_to"], f"{first.lower()}@student.no"),
        (words["m_sent"], sent_at),
    )
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='amount'>{_amount(item.amount, document)}"
        "</td></tr>"
        for item in document.items
    )
    body = (
        f"<div class='subj'>{_say(words, 'm_subj')}</div><table class='h'>"
        + "".join(
            f"<tr><td class='k'>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in header
        )
        + f"</table><hr><div class='mail'>{_say(words, 'm_hello', first=first)}<br>"
        f"{_say(words, 'm_text')}<table class='r'>"
        f"<tr><td>{_say(words, 'm_no')}</td><td class='amount'>{document.invoice_number}</td></tr>"
        f"<tr><td>{_say(words, 'r_patient')}</td><td class='amount'>{escape(document.patient)}"
        f"</td></tr><tr><td>{_say(words, 'm_day')}</td><td class='amount'>"
        f"{_day(document.day, document)}</td></tr>{rows}<tr class='t'><td>"
        f"{_say(words, 'm_sum')}</td><td class='amount'>{_amount(document.total, document)}"
        f"</td></tr></table>{_say(words, 'm_paid')}<div class='sig'>{_say(words, 'm_bye')}<br>"
        f"{escape(document.provider)}<br>{escape(document.address)}<br>{_say(words, 'm_org')} "
        f"{org_number(document.organisation_number, 1)} · {_say(words, 'r_phone')} "
        f"{document.phone}</div></div>"
    )
    css = MAIL_CSS.replace("var(--print)", repr(words["m_print"]))
    return page(body, css)


PAY_CSS = """
body { font-size: 15px; background: #fff; color: #1a1a1a; }
.top { text-align: center; padding: 18px 16px 10px 16px; }
.logo { display: inline-block; width: 56px; height: 56px; border-radius: 28px;
  background: #ff5b24; color: #fff; font-size: 24px; line-height: 56px; font-weight: bold; }
.to { margin-top: 8px; font-size: 14px; color: #555; } .to b { display: block; color: #111;
  font-size: 17px; }
.big { font-size: 34px; font-weight: bold; margin: 10px 0 4px 0; white-space: nowrap; }
.ok { display: inline-block; background: #e3f5e6; color: #1c7a32; border-radius: 12px;
  padding: 3px 12px; font-size: 13px; font-weight: bold; }
.card { margin: 14px 14px 0 14px; border: 1px solid #e4e4e4; border-radius: 12px; }
.card div.r { display: flex; justify-content: space-between; padding: 10px 14px;
  border-top: 1px solid #eee; font-size: 14px; }
.card div.r:first-child { border-top: none; }
.card div.r span:first-child { color: #666; } .card div.r span:last-child { text-align: right;
  margin-left: 12px; }
.card .h { padding: 10px 14px 2px 14px; font-size: 12px; color: #666; font-weight: bold;
  text-transform: uppercase; }
.card div.t { font-weight: bold; }
.help { text-align: center; color: #ff5b24; font-weight: bold; margin: 18px 0; font-size: 14px; }
"""


def payment_id(document: Receipt) -> str:
    return f"{document.invoice_number * 7919 % 10**10:010d}"


def payment_app(document: Receipt, *, in_app: bool = False, small: bool = False) -> str:
    """A sports physician's receipt in a payment app: the clinic, the amount, paid, the time,
    the patient, the order lines and the total, the card it was paid with, the transaction's
    number and the clinic's organisation number."""
    words = WORDS[document.language]
    total = _amount(document.total, document)
    lines = "".join(
        f"<div class='r'><span>{escape(item.text)}</span><span>"
        f"{_amount(item.amount, document)}</span></div>"
        for item in document.items
    )
    digits = document.invoice_number * 13 % 9000 + 1000
    body = (
        f"<div data-lang='{document.language}' class='top'><div class='logo'>"
        f"{escape(document.provider[0])}</div><div class='to'>{_say(words, 'p_to')}<b>"
        f"{escape(document.provider)}</b></div><div class='big'>{total}</div>"
        f"<span class='ok'>✓ {_say(words, 'p_paid')}</span></div><div class='card'>"
        f"<div class='r'><span>{_say(words, 'p_when')}</span><span>"
        f"{_day(document.day, document)}</span></div><div class='r'><span>"
        f"{_say(words, 'p_patient')}</span><span>{escape(document.patient)}</span></div></div>"
        f"<div class='card'><div class='h'>{_say(words, 'p_lines')}</div>{lines}"
        f"<div class='r t'><span>{_say(words, 'p_total')}</span><span>{total}</span></div>"
        f"</div><div class='card'><div class='r'><span>{_say(words, 'p_method')}</span>"
        f"<span>Visa •••• {digits}</span></div><div class='r'><span>{_say(words, 'p_id')}"
        f"</span><span>{payment_id(document)}</span></div><div class='r'><span>"
        f"{_say(words, 'p_org')}</span><span>{org_number(document.organisation_number, 0)}"
        f"</span></div></div><div class='help'>{_say(words, 'p_help')}</div>"
    )
    return _frame(
        body, PAY_CSS, height=560 + 44 * len(document.items), in_app=in_app, small=small,
        clock=f"{11 + document.invoice_number % 8:02d}:{document.invoice_number % 47:02d}",
        battery=20 + document.birth_date.day * 2,
    )  # fmt: skip
