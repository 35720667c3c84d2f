"""The ninth blind set's documents as HTML: helsenorge's mobile page saved as a PDF from the
phone's browser (the narrow page blown up to A4, rows cut where a page ends, the site's menu
and footer printed along); helsenorge's desktop page printed with a bar chart of the months,
year tabs, summary tiles and an earlier year's total in a side box; the app's list with filter
chips, the person's initials in a circle and the year's total in a bar fixed at the foot (a
screenshot with the phone's text made larger, one with a message's notification over the top,
one marked with a red pen ring round the total); a manual therapist's receipt written by hand
in a pre-printed receipt book (the amount in figures and in words, the clinic's rubber stamp);
a private gynaecologist's or dermatologist's receipt from an online payment page (the amount
paid large at the top, the card's last digits, the next appointment); a clinical dietitian's
receipt from a practice system (quantity and unit price columns, the week number, the
referral's date).

Dates as "12.3." ("Mar 12"; the year in the heading), "onsdag 12.03.2025" ("Wed, 12 Mar
2025"), "ons 12. mar 2025" ("March 12th, 2025"), "12. mars -25" ("12 March '25") or "12-03-25";
amounts as "Nkr 1 234,50", "Kr. 1.234,50", "kr1,234.50 NOK" or "NKr 1,234.50" (``day``,
``money``).

Overviews print the name in full beside the person's initials; names are Portuguese, Albanian,
Slovak, Welsh, Finnish, Kenyan, Catalan or Norwegian (``content.blind9_name``), in bokmål,
nynorsk or English pages.

Scans: a hand-written receipt slip laid crooked on an A4 flatbed scanner's glass; a page
punched for a binder and stapled, fed through an office machine's document feeder (a streak
down the page from dust on its glass, a PDF even for one page); a page crumpled in a pocket,
smoothed out and photographed. Screenshots: larger text, a notification banner (a message
with a date of its own), a pen ring.

Every layout still carries what a reader must leave out: the limit and what is left before
it, the chart's axis, an earlier year's total, the birth date, the receipt's serial number,
the amount in words, the next appointment's date, the card's last digits, the unit prices,
the week number, the referral's date, the organisation number and the phone number.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND9_OVERVIEW_LAYOUTS,
    BLIND9_PHONE_LAYOUT,
    BLIND9_RECEIPT_LAYOUTS,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((*BLIND9_OVERVIEW_LAYOUTS, BLIND9_PHONE_LAYOUT, *BLIND9_RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

PHONE = (390, 844)
"""CSS pixels of a phone's screen (device scale 3)."""

SHORT_MONTHS = {
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
SHORT_MONTHS["nn"] = SHORT_MONTHS["nb"]
LONG_MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
LONG_MONTHS["nn"] = LONG_MONTHS["nb"]
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nn": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
SHORT_WEEKDAYS = {
    "nb": ("man", "tir", "ons", "tor", "fre", "lør", "søn"),
    "nn": ("mån", "tys", "ons", "tor", "fre", "lau", "sun"),
}
MONTH_INITIALS = {"nb": "JFMAMJJASOND", "nn": "JFMAMJJASOND", "en": "JFMAMJJASOND"}

WORDS = {
    "nb": {
        "menu": "Meny", "log_out": "Logg ut", "back": "Frikort og egenandeler",
        "m_title": "Egenandeler {year}", "m_card": "Du har betalt {paid} av {limit} før du får "
        "frikort.", "m_newest": "Nyeste først", "m_oldest": "Eldste først",
        "m_sum": "Totalt betalt i {year}", "m_foot": ("Om helsenorge", "Personvern",
        "Tilgjengelighetserklæring", "Kontakt oss: 23 32 70 00"),
        "c_title": "Frikort og egenandeler", "c_switch": "Bytt person", "c_paid": "Betalt i {year}",
        "c_limit": "Egenandelstak", "c_left": "Gjenstår før frikort", "c_chart":
        "Egenandeler per måned", "c_list": "Alle egenandeler i {year}", "c_date": "Dato",
        "c_who": "Behandlingssted", "c_what": "Tjeneste", "c_amount": "Egenandel",
        "c_sum": "Sum egenandeler {year}", "c_earlier": "Tidligere år", "c_earlier_row":
        "Betalt i {year}", "c_note": "Egenandeler for behandling du får i utlandet, vises ikke "
        "her.", "c_printed": "Skrevet ut",
        "a_title": "Egenandeler", "a_change": "Endre", "a_all": "Alle", "a_gp": "Lege",
        "a_pharmacy": "Apotek", "a_other": "Andre", "a_total": "Totalt i {year}",
        "a_tabs": ("Forside", "Innboks", "Timer", "Meny"),
        "n_app": "MELDINGER", "n_now": "nå", "n_from": "Mamma", "n_text":
        "Husk å søke om refusjon før 31. januar!",
        "b_receipt": "KVITTERING", "b_no": "Nr.", "b_from": "Mottatt fra", "b_words": "Kroner",
        "b_for": "For", "b_place": "Sted / dato", "b_sign": "Underskrift", "b_org": "Org.nr.",
        "b_cents": "00/100", "b_copy": "Original – til kunde",
        "o_from": "Kvittering fra {provider}", "o_no": "Kvittering", "o_paid": "Betalt {day}",
        "o_amount": "Beløp betalt", "o_date": "Dato betalt", "o_method": "Betalingsmåte",
        "o_summary": "Sammendrag", "o_patient": "Pasient", "o_born": "født", "o_total":
        "Beløp betalt", "o_next": "Din neste time", "o_at": "kl.", "o_help":
        "Har du spørsmål om kvitteringen? Kontakt {provider} på {phone}.", "o_vat":
        "Helsetjenester er fritatt for mva.", "o_platform": "Betalingen er behandlet av "
        "Paylink AS.", "o_download": "Last ned kvittering",
        "d_title": "KVITTERING", "d_sub": "Betalt konsultasjon", "d_patient": "Pasient",
        "d_born": "Fødselsdato", "d_no": "Kvitteringsnummer", "d_week": "Uke",
        "d_date": "Dato", "d_what": "Beskrivelse", "d_qty": "Antall", "d_unit": "Pris",
        "d_sum": "Sum", "d_total": "Totalt betalt", "d_paid": "Betalt med bankkort i terminal",
        "d_referral": "Henvist av fastlege, henvisning datert {day}", "d_org": "Org.nr.",
        "d_vat": "Fritatt for merverdiavgift, jf. mval. § 3-2.", "d_system":
        "Utskrift fra Journalia", "d_phone": "Tlf.",
    },
    "nn": {
        "menu": "Meny", "log_out": "Logg ut", "back": "Frikort og eigendelar",
        "m_title": "Eigendelar {year}", "m_card": "Du har betalt {paid} av {limit} før du får "
        "frikort.", "m_newest": "Nyaste først", "m_oldest": "Eldste først",
        "m_sum": "Totalt betalt i {year}", "m_foot": ("Om helsenorge", "Personvern",
        "Tilgjengelegheitserklæring", "Kontakt oss: 23 32 70 00"),
        "c_title": "Frikort og eigendelar", "c_switch": "Byt person", "c_paid": "Betalt i {year}",
        "c_limit": "Eigendelstak", "c_left": "Står att før frikort", "c_chart":
        "Eigendelar per månad", "c_list": "Alle eigendelar i {year}", "c_date": "Dato",
        "c_who": "Behandlingsstad", "c_what": "Teneste", "c_amount": "Eigendel",
        "c_sum": "Sum eigendelar {year}", "c_earlier": "Tidlegare år", "c_earlier_row":
        "Betalt i {year}", "c_note": "Eigendelar for behandling du får i utlandet, blir ikkje "
        "viste her.", "c_printed": "Skrive ut",
        "a_title": "Eigendelar", "a_change": "Endre", "a_all": "Alle", "a_gp": "Lege",
        "a_pharmacy": "Apotek", "a_other": "Andre", "a_total": "Totalt i {year}",
        "a_tabs": ("Framside", "Innboks", "Timar", "Meny"),
        "n_app": "MELDINGAR", "n_now": "no", "n_from": "Mamma", "n_text":
        "Hugs å søkje om refusjon før 31. januar!",
        "b_receipt": "KVITTERING", "b_no": "Nr.", "b_from": "Motteke frå", "b_words": "Kroner",
        "b_for": "For", "b_place": "Stad / dato", "b_sign": "Underskrift", "b_org": "Org.nr.",
        "b_cents": "00/100", "b_copy": "Original – til kunde",
        "o_from": "Kvittering frå {provider}", "o_no": "Kvittering", "o_paid": "Betalt {day}",
        "o_amount": "Beløp betalt", "o_date": "Dato betalt", "o_method": "Betalingsmåte",
        "o_summary": "Samandrag", "o_patient": "Pasient", "o_born": "fødd", "o_total":
        "Beløp betalt", "o_next": "Den neste timen din", "o_at": "kl.", "o_help":
        "Har du spørsmål om kvitteringa? Kontakt {provider} på {phone}.", "o_vat":
        "Helsetenester er fritekne for mva.", "o_platform": "Betalinga er handsama av "
        "Paylink AS.", "o_download": "Last ned kvittering",
        "d_title": "KVITTERING", "d_sub": "Betalt konsultasjon", "d_patient": "Pasient",
        "d_born": "Fødselsdato", "d_no": "Kvitteringsnummer", "d_week": "Veke",
        "d_date": "Dato", "d_what": "Skildring", "d_qty": "Tal", "d_unit": "Pris",
        "d_sum": "Sum", "d_total": "Totalt betalt", "d_paid": "Betalt med bankkort i terminal",
        "d_referral": "Tilvist av fastlege, tilvising datert {day}", "d_org": "Org.nr.",
        "d_vat": "Friteke for meirverdiavgift, jf. mval. § 3-2.", "d_system":
        "Utskrift frå Journalia", "d_phone": "Tlf.",
    },
    "en": {
        "menu": "Menu", "log_out": "Log out", "back": "Exemption card and user fees",
        "m_title": "User fees {year}", "m_card": "You have paid {paid} of {limit} before you "
        "get an exemption card.", "m_newest": "Newest first", "m_oldest": "Oldest first",
        "m_sum": "Total paid in {year}", "m_foot": ("About helsenorge", "Privacy",
        "Accessibility statement", "Contact us: +47 23 32 70 00"),
        "c_title": "Exemption card and user fees", "c_switch": "Switch person",
        "c_paid": "Paid in {year}", "c_limit": "User fee ceiling",
        "c_left": "Left before exemption card", "c_chart": "User fees by month",
        "c_list": "All user fees in {year}", "c_date": "Date", "c_who": "Place of treatment",
        "c_what": "Service", "c_amount": "User fee", "c_sum": "Total user fees {year}",
        "c_earlier": "Earlier years", "c_earlier_row": "Paid in {year}", "c_note":
        "User fees for treatment abroad are not shown here.", "c_printed": "Printed",
        "a_title": "User fees", "a_change": "Change", "a_all": "All", "a_gp": "Doctor",
        "a_pharmacy": "Pharmacy", "a_other": "Other", "a_total": "Total in {year}",
        "a_tabs": ("Home", "Inbox", "Appointments", "Menu"),
        "n_app": "MESSAGES", "n_now": "now", "n_from": "Mum", "n_text":
        "Remember to apply for the refund before 31 January!",
        "b_receipt": "RECEIPT", "b_no": "No.", "b_from": "Received from", "b_words":
        "The sum of", "b_for": "For", "b_place": "Place / date", "b_sign": "Signature",
        "b_org": "Org. no.", "b_cents": "00/100", "b_copy": "Original – customer's copy",
        "o_from": "Receipt from {provider}", "o_no": "Receipt", "o_paid": "Paid {day}",
        "o_amount": "Amount paid", "o_date": "Date paid", "o_method": "Payment method",
        "o_summary": "Summary", "o_patient": "Patient", "o_born": "born", "o_total":
        "Amount paid", "o_next": "Your next appointment", "o_at": "at", "o_help":
        "Questions about this receipt? Contact {provider} on {phone}.", "o_vat":
        "Health services are exempt from VAT.", "o_platform": "Payment processed by "
        "Paylink AS.", "o_download": "Download receipt",
        "d_title": "RECEIPT", "d_sub": "Paid consultation", "d_patient": "Patient",
        "d_born": "Date of birth", "d_no": "Receipt number", "d_week": "Week",
        "d_date": "Date", "d_what": "Description", "d_qty": "Qty", "d_unit": "Unit price",
        "d_sum": "Amount", "d_total": "Total paid", "d_paid": "Paid by card at the terminal",
        "d_referral": "Referred by GP, referral dated {day}", "d_org": "Org. no.",
        "d_vat": "Exempt from VAT (Norwegian VAT Act § 3-2).", "d_system":
        "Printed from Journalia", "d_phone": "Phone",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "Nkr 1 234,50" (nkr), "Kr. 1.234,50" (upper_kr_dots, as a receipt book
    prints "Kr." before the amount), "kr1,234.50 NOK" (kr_nok, as payment services print it)
    or "NKr 1,234.50" (nkr_point)."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    match style:
        case "nkr":
            return f"Nkr{NBSP}{grouped.replace(',', NBSP)},{cents}"
        case "upper_kr_dots":
            return f"Kr.{NBSP}{grouped.replace(',', '.')},{cents}"
        case "kr_nok":
            return f"kr{grouped}.{cents}{NBSP}NOK"
        case _:
            return f"NKr{NBSP}{grouped}.{cents}"


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "12.3." ("Mar 12"; day_month_dot, the year in the heading), "onsdag 12.03.2025"
    ("Wed, 12 Mar 2025"; full_weekday), "ons 12. mar 2025" ("March 12th, 2025"; short_month),
    "12. mars -25" ("12 March '25"; dash_year, as written by hand) or "12-03-25" (dash_yy)."""
    english = language == "en"
    match style:
        case "day_month_dot":
            if english:
                return f"{SHORT_MONTHS['en'][value.month - 1]} {value.day}"
            return f"{value.day}.{value.month}."
        case "full_weekday":
            weekday = WEEKDAYS[language][value.weekday()]
            if english:
                return f"{weekday}, {value.day} {SHORT_MONTHS['en'][value.month - 1]} {value.year}"
            return f"{weekday} {value:%d.%m.%Y}"
        case "short_month":
            if english:
                return f"{LONG_MONTHS['en'][value.month - 1]} {ordinal(value.day)}, {value.year}"
            weekday = SHORT_WEEKDAYS[language][value.weekday()]
            return f"{weekday} {value.day}. {SHORT_MONTHS[language][value.month - 1]} {value.year}"
        case "dash_year":
            month = LONG_MONTHS[language][value.month - 1]
            if english:
                return f"{value.day} {month} '{value:%y}"
            return f"{value.day}. {month} -{value:%y}"
        case _:
            return value.strftime("%d-%m-%y")


def html(
    document: Overview | Receipt,
    *,
    phone: bool = False,
    large_text: bool = False,
    marked: bool = False,
) -> str:
    """The document in its layout; ``phone`` for a phone's screenshot (the app's list, or the
    online receipt's page in the phone's browser), ``large_text`` with the phone's text made
    larger, ``marked`` with a pen ring drawn round the total."""
    if isinstance(document, Receipt):
        if phone:
            return online_receipt(document, phone=True, large_text=large_text, marked=marked)
        match document.layout:
            case "receipt_book":
                return _receipt_book(document)
            case "online_paid_receipt":
                return online_receipt(document)
            case _:
                return _dietitian(document)
    if phone or document.layout == BLIND9_PHONE_LAYOUT:
        return chips_app(document, large_text=large_text, marked=marked)
    if document.layout == "chart_overview":
        return _chart(document)
    return _saved_mobile(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _day(value: date, document: Overview | Receipt) -> str:
    return day(value, document.date_style, document.language)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def _whole(amount: Decimal, document: Overview) -> str:
    text = f"{int(amount):,}".replace(",", NBSP)
    return f"NOK{NBSP}{text}" if document.language == "en" else f"{text}{NBSP}kr"


def _initials(name: str) -> str:
    parts = name.split()
    return (parts[0][0] + parts[-1][0]).upper()


# ---- helsenorge's mobile page saved as a PDF ----------------------------------------------

SAVED_MOBILE_CSS = """
@page { size: A4; margin: 9mm 8mm; }
body { font-size: 15pt; color: #222; }
.bar { display: flex; justify-content: space-between; align-items: center;
  border-bottom: 1px solid #cfd8dc; padding: 6px 4px 10px 4px; }
.logo { color: #006b5c; font-weight: bold; font-size: 20pt; }
.bar .r { font-size: 12pt; color: #006b5c; }
.who { display: flex; align-items: center; margin: 12px 4px; font-size: 13pt; }
.av { width: 40px; height: 40px; border-radius: 20px; background: #c7e3dc; color: #004d42;
  text-align: center; line-height: 40px; font-weight: bold; margin-right: 10px;
  font-size: 12pt; }
.back { color: #006b5c; font-size: 12pt; margin: 4px; }
h1 { font-size: 24pt; margin: 10px 4px 8px 4px; }
.info { background: #fff4d6; border-left: 6px solid #e0a400; padding: 10px 12px; margin: 8px 4px;
  font-size: 13pt; }
.sort { text-align: right; color: #555; font-size: 12pt; margin: 10px 4px 4px 4px; }
.card { background: #f1f5f4; border-radius: 12px; padding: 10px 14px; margin: 8px 4px; }
.card .s { font-weight: bold; }
.card .p { color: #444; font-size: 13pt; }
.card .l { display: flex; justify-content: space-between; margin-top: 4px; }
.card .l .a { font-weight: bold; }
.sum { display: flex; justify-content: space-between; border-top: 3px solid #006b5c;
  margin: 14px 4px 6px 4px; padding-top: 10px; font-weight: bold; font-size: 17pt; }
.foot { background: #063c35; color: #fff; margin-top: 24px; padding: 14px 16px;
  font-size: 11pt; line-height: 1.8; }
"""


def _saved_mobile(document: Overview) -> str:
    """helsenorge's mobile page saved as a PDF from the phone's browser: the narrow page blown up
    to A4 (a big font), each fee a card with the date (no year; the year in the heading) and
    the amount on one line; cards are cut where a page ends, as the phone prints them."""
    words = WORDS[document.language]
    cards = "".join(
        f"<div class='card'><div class='s'>{escape(fee.service)}</div><div class='p'>"
        f"{escape(fee.provider)}</div><div class='l'><span>{_day(fee.day, document)}</span>"
        f"<span class='a'>{_amount(fee.amount, document)}</span></div></div>"
        for fee in _ordered(document)
    )
    card = _say(
        words, "m_card", paid=_amount(document.total, document),
        limit=_whole(document.limit, document),
    )  # fmt: skip
    sort = words["m_newest" if document.newest_first else "m_oldest"]
    foot = "<br>".join(escape(line) for line in words["m_foot"])
    body = (
        f"<div class='bar'><span class='logo'>helsenorge</span><span class='r'>"
        f"{_say(words, 'menu')} ☰</span></div><div class='who'><div class='av'>"
        f"{_initials(document.name)}</div><div>{escape(document.name)}</div></div>"
        f"<div class='back'>‹ {_say(words, 'back')}</div>"
        f"<h1>{_say(words, 'm_title', year=document.year)}</h1><div class='info'>{card}</div>"
        f"<div class='sort'>{escape(sort)} ⇅</div>{cards}<div class='sum'><span>"
        f"{_say(words, 'm_sum', year=document.year)}</span><span>"
        f"{_amount(document.total, document)}</span></div><div class='foot'>{foot}</div>"
    )
    return page(body, SAVED_MOBILE_CSS)


# ---- helsenorge's desktop page with a chart, printed ---------------------------------------

CHART_CSS = """
@page { size: A4; margin: 14mm 13mm 16mm 13mm;
  @bottom-left { content: var(--printed); font-size: 7.5pt; color: #666; }
  @bottom-right { content: counter(page) ' / ' counter(pages); font-size: 7.5pt; color: #666; } }
body { font-size: 9.5pt; }
.top { display: flex; justify-content: space-between; align-items: flex-end;
  border-bottom: 3px solid #006b5c; padding-bottom: 6px; }
.logo { color: #006b5c; font-weight: bold; font-size: 17pt; }
.person { text-align: right; font-size: 9pt; }
.person .sw { color: #006b5c; text-decoration: underline; font-size: 8pt; }
h1 { font-size: 17pt; margin: 10px 0 6px 0; }
.tabs span { display: inline-block; padding: 3px 12px; border: 1px solid #9bb; margin-right: 4px;
  border-radius: 12px; font-size: 9pt; color: #355; }
.tabs span.on { background: #006b5c; color: #fff; border-color: #006b5c; font-weight: bold; }
.tiles { display: flex; margin: 10px 0; }
.tile { flex: 1; border: 1px solid #cdd; border-radius: 6px; padding: 6px 8px; margin-right: 8px; }
.tile .k { font-size: 8pt; color: #555; } .tile .v { font-size: 13pt; font-weight: bold; }
.main { display: flex; }
.chart { flex: 3; border: 1px solid #dde; border-radius: 6px; padding: 6px 8px; }
.chart .t { font-weight: bold; margin-bottom: 4px; }
.plot { display: flex; height: 110px; }
.axis { display: flex; flex-direction: column; justify-content: space-between; font-size: 7pt;
  color: #777; padding-right: 4px; text-align: right; width: 46px; height: 116px;
  margin-top: -3px; }
.bars { flex: 1; position: relative; border-left: 1px solid #aaa;
  border-bottom: 1px solid #aaa; height: 110px; }
.bars div { position: absolute; bottom: 0; width: 5.5%; background: #5aa897; }
.months { display: flex; margin-left: 50px; font-size: 7pt; color: #555; }
.months span { flex: 1; text-align: center; }
.side { flex: 1.3; margin-left: 10px; border: 1px solid #dde; border-radius: 6px;
  padding: 6px 8px; background: #f6f8f8; }
.side .t { font-weight: bold; margin-bottom: 4px; }
.side .r { display: flex; justify-content: space-between; font-size: 8.5pt; margin: 3px 0; }
h2 { font-size: 12pt; margin: 14px 0 4px 0; }
table.fees th { font-size: 8.5pt; border-bottom: 1.5px solid #006b5c; padding: 4px; }
table.fees td { padding: 4px; border-bottom: 0.5px solid #dde; }
table.fees tr { break-inside: avoid; }
.sum td { font-weight: bold; border-top: 1.5px solid #006b5c; border-bottom: none;
  font-size: 10.5pt; padding-top: 6px; }
.note { margin-top: 10px; font-size: 8pt; color: #555; }
"""


def earlier_total(document: Overview) -> Decimal:
    """What the side box says was paid the year before (not this overview's to count)."""
    seed = document.birth_date.toordinal() + document.year
    return Decimal(400 + seed * 37 % 2400) + Decimal(seed % 4 * 25) / 100


def _chart(document: Overview) -> str:
    """helsenorge's desktop page printed: year tabs, three tiles (paid, the limit, what is
    left), a bar chart of each month's fees with its axis in whole kroner, a side box with the
    year before's total, then the table of fees (dates with the weekday) and the sum."""
    words = WORDS[document.language]
    by_month = [Decimal(0)] * 12
    for fee in document.fees:
        by_month[fee.day.month - 1] += fee.amount
    top = max(500, (int(max(by_month)) // 500 + 1) * 500)
    ticks = "".join(
        f"<span>{_whole(Decimal(top * step // 2), document)}</span>" for step in (2, 1, 0)
    )
    bars = "".join(
        f"<div style='left:{1.4 + index * 8.33:.1f}%; height:{int(110 * value / top)}px'></div>"
        for index, value in enumerate(by_month)
    )
    initials = "".join(f"<span>{letter}</span>" for letter in MONTH_INITIALS[document.language])
    tabs = "".join(
        f"<span class='{'on' if year == document.year else ''}'>{year}</span>"
        for year in (document.year, document.year - 1, document.year - 2)
    )
    earlier = (
        f"<div class='r'><span>{_say(words, 'c_earlier_row', year=document.year - 1)}</span>"
        f"<span>{_amount(earlier_total(document), document)}</span></div>"
    )
    tiles = (
        (words["c_paid"].format(year=document.year), _amount(document.total, document)),
        (words["c_limit"], _whole(document.limit, document)),
        (words["c_left"], _amount(document.limit - document.total, document)),
    )
    rows = "".join(
        f"<tr><td>{_day(fee.day, document)}</td><td>{escape(fee.provider)}</td>"
        f"<td>{escape(fee.service)}</td><td class='amount'>{_amount(fee.amount, document)}</td>"
        "</tr>"
        for fee in _ordered(document)
    )
    body = (
        "<div class='top'><span class='logo'>helsenorge</span><div class='person'>"
        f"<b>{escape(document.name)}</b><br><span class='sw'>{_say(words, 'c_switch')}</span>"
        f"</div></div><h1>{_say(words, 'c_title')}</h1><div class='tabs'>{tabs}</div>"
        "<div class='tiles'>"
        + "".join(
            f"<div class='tile'><div class='k'>{escape(k)}</div><div class='v'>{v}</div></div>"
            for k, v in tiles
        )
        + f"</div><div class='main'><div class='chart'><div class='t'>{_say(words, 'c_chart')}"
        f"</div><div class='plot'><div class='axis'>{ticks}</div><div class='bars'>{bars}"
        f"</div></div><div class='months'>{initials}</div></div><div class='side'>"
        f"<div class='t'>{_say(words, 'c_earlier')}</div>{earlier}</div></div>"
        f"<h2>{_say(words, 'c_list', year=document.year)}</h2><table class='fees'><tr>"
        f"<th>{_say(words, 'c_date')}</th><th>{_say(words, 'c_who')}</th>"
        f"<th>{_say(words, 'c_what')}</th><th class='amount'>{_say(words, 'c_amount')}</th>"
        f"</tr>{rows}<tr class='sum'><td colspan='3'>"
        f"{_say(words, 'c_sum', year=document.year)}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td></tr></table>"
        f"<p class='note'>{_say(words, 'c_note')}</p>"
    )
    printed = f"{words['c_printed']} {document.printed_at:%d.%m.%Y} – helsenorge.no"
    return page(body, CHART_CSS.replace("var(--printed)", repr(printed)))


# ---- the app's list with filter chips -----------------------------------------------------

PHONE_CSS = """
@page { size: 390px var(--height); margin: 0; }
body { font-size: calc(15px * var(--scale)); background: #fafafa; color: #111; }
.status { display: flex; justify-content: space-between; padding: 14px 28px 8px 28px;
  font-weight: bold; font-size: 15px; }
.nav { display: flex; align-items: center; padding: 6px 14px; color: #006b5c; font-size: 15px; }
.nav b { flex: 1; text-align: center; color: #111; font-size: 17px; margin-right: 30px; }
.large { font-size: 30px; font-weight: bold; padding: 4px 16px 10px 16px; }
.who { display: flex; align-items: center; padding: 10px 16px; background: #fff;
  border-bottom: 1px solid #e4e4e4; }
.av { width: 36px; height: 36px; border-radius: 18px; background: #006b5c; color: #fff;
  text-align: center; line-height: 36px; font-weight: bold; margin-right: 10px; font-size: 14px; }
.who .n { flex: 1; font-weight: bold; } .who .c { color: #006b5c; font-size: 14px; }
.year { padding: 10px 16px 2px 16px; font-size: calc(20px * var(--scale)); font-weight: bold; }
.chips { padding: 8px 12px; white-space: nowrap; }
.chips span { display: inline-block; border: 1px solid #9ab; border-radius: 16px;
  padding: 4px 12px; margin-right: 6px; font-size: calc(13px * var(--scale)); }
.chips span.on { background: #006b5c; color: #fff; border-color: #006b5c; }
.row { display: flex; align-items: center; background: #fff; margin: 0 0 1px 0;
  padding: 10px 14px; }
.ic { width: 34px; height: 34px; border-radius: 17px; background: #e3efec; color: #006b5c;
  text-align: center; line-height: 34px; font-weight: bold; margin-right: 12px;
  flex-shrink: 0; }
.row .t { flex: 1; } .row .s { font-weight: bold; }
.row .p, .row .d { color: #5b6166; font-size: calc(13px * var(--scale)); }
.row .a { font-weight: bold; white-space: nowrap; margin-left: 8px; }
.wrap .row { display: block; } .wrap .row .a { margin: 4px 0 0 46px; }
.wrap .ic { float: left; }
.foot { position: absolute; bottom: 0; left: 0; right: 0; }
.total { display: flex; justify-content: space-between; align-items: center;
  background: #063c35; color: #fff; padding: 12px 18px; font-size: calc(16px * var(--scale)); }
.total b { font-size: calc(19px * var(--scale)); }
.tabs { display: flex; background: #fff; border-top: 1px solid #ddd; padding: 8px 0 22px 0; }
.tabs span { flex: 1; text-align: center; font-size: 11px; color: #555; }
.ring { display: inline-block; border: 3px solid #e0261b; border-radius: 50%;
  padding: 4px 10px; margin: -7px -13px; transform: rotate(-4deg); }
"""


def phone_height(rows: int, *, large_text: bool) -> int:
    """The page's CSS height: a screen, or room for every row and the bar at the foot."""
    return max(PHONE[1], 380 + (118 if large_text else 66) * rows)


def chips_app(document: Overview, *, large_text: bool = False, marked: bool = False) -> str:
    """helsenorge's app: the name with the initials in a circle, the year, filter chips ("Alle"
    chosen), a row per fee (a circle with the service's letter, the service, the provider and
    the date, the amount at the right; with larger text the amount under the rest), and the
    year's total in a dark bar fixed at the foot above the tab bar."""
    words = WORDS[document.language]
    rows = "".join(
        f"<div class='row'><div class='ic'>{escape(fee.service[0])}</div><div class='t'>"
        f"<div class='s'>{escape(fee.service)}</div><div class='p'>{escape(fee.provider)}</div>"
        f"<div class='d'>{_day(fee.day, document)}</div></div><div class='a'>"
        f"{_amount(fee.amount, document)}</div></div>"
        for fee in _ordered(document)
    )
    total = _amount(document.total, document)
    if marked:
        total = f"<span class='ring'>{total}</span>"
    chips = "".join(
        f"<span class='{'on' if key == 'a_all' else ''}'>{_say(words, key)}</span>"
        for key in ("a_all", "a_gp", "a_pharmacy", "a_other")
    )
    tabs = "".join(f"<span>{escape(tab)}</span>" for tab in words["a_tabs"])
    height = phone_height(len(document.fees), large_text=large_text)
    css = PHONE_CSS.replace("var(--height)", f"{height}px").replace(
        "var(--scale)", "1.35" if large_text else "1"
    )
    clock = document.printed_at
    body = (
        f"<div class='status'><span>{8 + clock.day % 12}:{clock.month * 4 + 3:02d}</span>"
        f"<span>5G ▮▮▮ {30 + document.birth_date.day * 2} %</span></div>"
        f"<div class='nav'>‹<b></b></div><div class='large'>{_say(words, 'a_title')}</div>"
        "<div class='who'>"
        f"<div class='av'>{_initials(document.name)}</div><div class='n'>"
        f"{escape(document.name)}</div><div class='c'>{_say(words, 'a_change')}</div></div>"
        f"<div class='year'>{document.year} ▾</div><div class='chips'>{chips}</div>"
        f"<div class='{'wrap' if large_text else ''}'>{rows}</div><div class='foot'>"
        f"<div class='total'><span>{_say(words, 'a_total', year=document.year)}</span>"
        f"<b>{total}</b></div><div class='tabs'>{tabs}</div></div>"
    )
    return page(body, css)


# ---- receipts ----------------------------------------------------------------------------

BOOK_CSS = """
@page { size: 148mm 105mm; margin: 0; }
body { background: #fbfaf3; font-family: 'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif;
  color: #2f4f3a; font-size: 8.5pt; }
.sheet { margin: 6mm 7mm; border: 1.2px solid #2f4f3a; padding: 3mm 4mm; height: 86mm;
  position: relative; }
.head { display: flex; justify-content: space-between; align-items: center; }
.head .k { font-size: 15pt; font-weight: bold; letter-spacing: 2px; }
.head .no { font-size: 10pt; } .head .no b { color: #b3261e; font-size: 12pt; }
.kr { border: 1.2px solid #2f4f3a; padding: 1mm 3mm; min-width: 38mm; }
.f { display: flex; align-items: baseline; margin-top: 3.2mm; }
.f .l { white-space: nowrap; margin-right: 2mm; }
.f .v { flex: 1; border-bottom: 0.8px dotted #2f4f3a; min-height: 6mm; }
.copy { position: absolute; left: 4mm; bottom: 1.5mm; font-size: 6.5pt; }
.hand { font-family: 'DejaVu Serif', serif; font-style: italic; color: #1c2f8f;
  font-size: 12pt; }
.hand span { display: inline-block; white-space: pre; }
.stamp { position: absolute; right: 8mm; bottom: 14mm; border: 2px solid #5b3c9e;
  color: #5b3c9e; padding: 1.5mm 3mm; text-align: center; font-size: 7.5pt; font-weight: bold;
  transform: rotate(-7deg); opacity: 0.85; border-radius: 2mm; line-height: 1.35; }
"""


def hand(text: str, salt: int) -> str:
    """Text as written with a ballpoint pen: each letter a little up or down and leaning, by a
    fixed pattern (so a seed gives the same page)."""
    letters = []
    for index, letter in enumerate(text):
        if letter == " ":
            letters.append(" ")
            continue
        lift = ((index * 7 + salt) % 5 - 2) * 0.35
        lean = ((index * 11 + salt * 3) % 7 - 3) * 1.4
        letters.append(
            f"<span style='transform: translateY({lift:.2f}px) rotate({lean:.1f}deg)'>"
            f"{escape(letter)}</span>"
        )
    return f"<span class='hand'>{''.join(letters)}</span>"


UNITS = {
    "nb": ("null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve",
           "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen"),
}  # fmt: skip
UNITS["nn"] = UNITS["nb"]
TENS = {
    "nb": ("", "", "tjue", "tretti", "førti", "femti", "seksti", "sytti", "åtti", "nitti"),
    "en": ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
}
TENS["nn"] = TENS["nb"]


def in_words(number: int, language: str) -> str:
    """A whole number below ten thousand in words, as written on a receipt: "ni hundre og
    femti", "ett tusen to hundre og femti" ("one thousand two hundred and fifty")."""
    english = language == "en"
    units, tens = UNITS[language], TENS[language]

    def below_hundred(value: int) -> str:
        if value < 20:
            return units[value]
        rest = value % 10
        if english:
            return tens[value // 10] + (f"-{units[rest]}" if rest else "")
        return tens[value // 10] + (units[rest] if rest else "")

    parts = []
    thousands, rest = divmod(number, 1000)
    if thousands:
        one = "one" if english else ("eitt" if language == "nn" else "ett")
        parts.append(f"{one if thousands == 1 else below_hundred(thousands)} "
                     + ("thousand" if english else "tusen"))  # fmt: skip
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        one = "one" if english else ("eitt" if language == "nn" else "ett")
        parts.append(f"{one if hundreds == 1 else units[hundreds]} "
                     + ("hundred" if english else "hundre"))  # fmt: skip
    if rest:
        parts.append(("and " if parts else "") + below_hundred(rest) if english else
                     ("og " if parts else "") + below_hundred(rest))  # fmt: skip
    text = " ".join(parts) or units[0]
    return text[0].upper() + text[1:]


def signature(salt: int) -> str:
    """A scribbled signature in ballpoint blue: a looping line, drawn by a fixed pattern."""
    points = " ".join(
        f"{6 + step * 7},{14 + ((step * 5 + salt) % 9 - 4) * (1.6 if step % 2 else -1.6)}"
        for step in range(14)
    )
    return (
        "<svg width='110' height='26' viewBox='0 0 110 28'><polyline points='"
        f"{points}' fill='none' stroke='#1c2f8f' stroke-width='1.6' "
        "stroke-linejoin='round'/></svg>"
    )


def _receipt_book(document: Receipt) -> str:
    """A manual therapist's receipt written by hand on a pre-printed receipt book's page
    (A6 across): the printed serial number, the amount in figures beside the printed "Kr." and
    in words, who paid, what for, the place and date, a signature and the clinic's rubber
    stamp with its organisation number."""
    words = WORDS[document.language]
    salt = document.invoice_number % 13
    shown = money(document.total, document.amount_style)
    prefix, figures = shown.split(NBSP, 1)
    place = document.address.rsplit(" ", 1)[1]
    words_line = f"{in_words(int(document.total), document.language)} {words['b_cents']}"
    item = document.items[0].text
    stamp = (
        f"{escape(document.provider)}<br>{escape(document.address)}<br>"
        f"{_say(words, 'b_org')} {org_number(document.organisation_number, 1)}<br>"
        f"Tlf. {document.phone}"
    )
    fields = (
        ("b_from", document.patient),
        ("b_words", words_line),
        ("b_for", item),
        ("b_place", f"{place}, {_day(document.day, document)}"),
    )
    rows = "".join(
        f"<div class='f'><span class='l'>{_say(words, key)}:</span><span class='v'>"
        f"{hand(value, salt + index)}</span></div>"
        for index, (key, value) in enumerate(fields)
    )
    body = (
        f"<div class='sheet'><div class='head'><span class='k'>{_say(words, 'b_receipt')}</span>"
        f"<span class='kr'>{escape(prefix)} {hand(figures, salt)}</span><span class='no'>"
        f"{_say(words, 'b_no')} <b>{document.invoice_number:04d}</b></span></div>{rows}"
        f"<div class='f' style='width: 52%'><span class='l'>{_say(words, 'b_sign')}:</span>"
        f"<span class='v'>{signature(document.invoice_number)}</span></div>"
        f"<div class='stamp'>{stamp}</div>"
        f"<div class='copy'>{_say(words, 'b_copy')}</div></div>"
    )
    return page(body, BOOK_CSS)


ONLINE_CSS = """
@page { size: A4; margin: 16mm 20mm; }
body { font-size: 10pt; color: #30313d; }
.wrap { max-width: 130mm; margin: 0 auto; }
.clinic { font-size: 13pt; font-weight: bold; color: #4b3f9e; }
h1 { font-size: 15pt; font-weight: normal; margin: 12px 0 2px 0; }
.no { color: #6a7383; font-size: 9pt; }
.big { font-size: 26pt; font-weight: bold; margin: 14px 0 0 0; }
.paid { color: #6a7383; }
.cols { display: flex; margin: 16px 0; }
.cols div { flex: 1; } .cols .k { color: #6a7383; font-size: 8pt; text-transform: uppercase;
  letter-spacing: 0.5px; }
.who { margin: 10px 0; }
.h { color: #6a7383; font-size: 8pt; text-transform: uppercase; letter-spacing: 0.5px;
  margin-top: 16px; }
table.sum { background: #f6f8fa; border-radius: 6px; margin-top: 6px; }
table.sum td { padding: 7px 10px; border-bottom: 1px solid #e3e8ee; }
tr.tot td { font-weight: bold; border-bottom: none; }
.next { border: 1px solid #c9c3f0; background: #f4f2ff; border-radius: 6px; padding: 8px 10px;
  margin-top: 16px; }
.small { color: #6a7383; font-size: 8pt; margin-top: 18px; line-height: 1.5; }
.btn { display: inline-block; border: 1px solid #4b3f9e; color: #4b3f9e; border-radius: 5px;
  padding: 4px 12px; margin-top: 12px; }
"""
ONLINE_PHONE_CSS = """
@page { size: 390px var(--height); margin: 0; }
body { font-size: calc(14px * var(--scale)); background: #fff; }
.status { display: flex; justify-content: space-between; padding: 14px 28px 6px 28px;
  font-weight: bold; font-size: 15px; color: #111; }
.url { margin: 2px 12px 8px 12px; background: #eeeff1; border-radius: 10px; padding: 7px;
  text-align: center; font-size: 13px; color: #555; }
.wrap { max-width: none; padding: 4px 18px 30px 18px; }
.big { font-size: calc(30px * var(--scale)); }
.cols { display: block; } .cols div { margin-bottom: 8px; }
.ring { display: inline-block; border: 3px solid #e0261b; border-radius: 50%;
  padding: 4px 12px; margin: -7px -15px; transform: rotate(-3deg); }
"""


def next_appointment(document: Receipt) -> str:
    """The next appointment the page reminds of (a date and a time after the visit's)."""
    later = document.day + timedelta(days=7 + document.invoice_number % 5 * 7)
    while later.weekday() > 4:
        later += timedelta(days=1)
    words = WORDS[document.language]
    hour = 8 + document.invoice_number % 8
    minute = document.invoice_number % 4 * 15
    return f"{_day(later, document)} {words['o_at']} {hour:02d}:{minute:02d}"


def _online_body(document: Receipt, *, marked: bool) -> str:
    words = WORDS[document.language]
    total = _amount(document.total, document)
    big = f"<span class='ring'>{total}</span>" if marked else total
    number = f"#{document.invoice_number:04d}-{(document.invoice_number * 7919) % 10_000:04d}"
    card = f"Visa •••• {(document.invoice_number * 31) % 9000 + 1000}"
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='amount'>{_amount(item.amount, document)}"
        "</td></tr>"
        for item in document.items
    )
    paid_on = _day(document.day, document)
    return (
        f"<div class='wrap'><div class='clinic'>{escape(document.provider)}</div>"
        f"<h1>{_say(words, 'o_from', provider=document.provider)}</h1>"
        f"<div class='no'>{_say(words, 'o_no')} {number}</div><div class='big'>{big}</div>"
        f"<div class='paid'>{_say(words, 'o_paid', day=paid_on)}</div><div class='cols'>"
        f"<div><div class='k'>{_say(words, 'o_amount')}</div>{total}</div>"
        f"<div><div class='k'>{_say(words, 'o_date')}</div>{paid_on}</div>"
        f"<div><div class='k'>{_say(words, 'o_method')}</div>{card}</div></div>"
        f"<div class='who'>{_say(words, 'o_patient')}: <b>{escape(document.patient)}</b> "
        f"({_say(words, 'o_born')} {document.birth_date:%d.%m.%Y})</div>"
        f"<div class='h'>{_say(words, 'o_summary')}</div><table class='sum'>{rows}"
        f"<tr class='tot'><td>{_say(words, 'o_total')}</td><td class='amount'>{total}</td></tr>"
        f"</table><div class='next'>{_say(words, 'o_next')}: <b>"
        f"{escape(next_appointment(document))}</b></div>"
        f"<div class='btn'>{_say(words, 'o_download')}</div><div class='small'>"
        f"{_say(words, 'o_help', provider=document.provider, phone=document.phone)}<br>"
        f"{escape(document.provider)} · {escape(document.address)} · Org.nr. "
        f"{org_number(document.organisation_number, 0)}<br>{_say(words, 'o_vat')} "
        f"{_say(words, 'o_platform')}</div></div>"
    )


def online_height(document: Receipt, *, large_text: bool) -> int:
    return max(PHONE[1], (1250 if large_text else 1000) + 60 * len(document.items))


def online_receipt(
    document: Receipt, *, phone: bool = False, large_text: bool = False, marked: bool = False
) -> str:
    """A private specialist's receipt from an online payment page: the amount paid large at the
    top, the date paid, the card's last digits, the patient, the summary of services and the
    total, the next appointment, the clinic's address and organisation number; printed from a
    computer (A4) or in the phone's browser."""
    body = _online_body(document, marked=marked)
    if not phone:
        return page(body, ONLINE_CSS)
    height = online_height(document, large_text=large_text)
    css = ONLINE_CSS.split("}", 1)[1] + ONLINE_PHONE_CSS
    css = css.replace("var(--height)", f"{height}px").replace(
        "var(--scale)", "1.3" if large_text else "1"
    )
    clock = f"{9 + document.day.day % 9}:{document.invoice_number % 60:02d}"
    chrome = (
        f"<div class='status'><span>{clock}</span><span>4G ▮▮▮ "
        f"{35 + document.birth_date.day * 2} %</span></div><div class='url'>"
        "pay.paylink.no</div>"
    )
    return page(chrome + body, css)


DIETITIAN_CSS = """
@page { size: A4; margin: 18mm 18mm 20mm 18mm;
  @bottom-center { content: var(--system); font-size: 7pt; color: #777; } }
body { font-size: 9.5pt; }
.head { display: flex; justify-content: space-between; }
.firm { font-size: 14pt; font-weight: bold; color: #3d6b22; }
.firm small { display: block; font-size: 8.5pt; font-weight: normal; color: #333; }
.title { text-align: right; } .title h1 { font-size: 18pt; margin: 0; letter-spacing: 2px; }
.title .w { font-size: 9pt; color: #555; }
table.meta { width: auto; margin-top: 18px; }
table.meta td { padding: 2px 14px 2px 0; }
table.items { margin-top: 18px; }
table.items th { background: #e9f1e3; padding: 5px 4px; font-size: 8.5pt; }
table.items td { padding: 5px 4px; border-bottom: 0.5px solid #ccc; }
tr.tot td { font-weight: bold; border-top: 1.5px solid #3d6b22; border-bottom: none;
  font-size: 10.5pt; }
.paid { margin-top: 12px; }
.ref { margin-top: 18px; font-size: 8.5pt; color: #333; }
.foot { margin-top: 30px; border-top: 1px solid #bbb; padding-top: 6px; font-size: 8pt;
  color: #444; }
"""


def _dietitian(document: Receipt) -> str:
    """A clinical dietitian's receipt from a practice system (A4): the week number by the
    title, a table with the date, quantity, unit price and sum of each service, the total,
    paid at the card terminal, the GP's referral and its date."""
    words = WORDS[document.language]
    shown = _day(document.day, document)
    rows = "".join(
        f"<tr><td>{shown}</td><td>{escape(item.text)}</td><td class='amount'>1</td>"
        f"<td class='amount'>{_amount(item.amount, document)}</td><td class='amount'>"
        f"{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    referral = document.day - timedelta(days=20 + document.invoice_number % 40)
    week = document.day.isocalendar().week
    meta = (
        (words["d_patient"], f"<b>{escape(document.patient)}</b>"),
        (words["d_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["d_no"], f"{document.invoice_number}"),
    )
    body = (
        f"<div class='head'><div class='firm'>{escape(document.provider)}<small>"
        f"{escape(document.address)}<br>{_say(words, 'd_phone')} {document.phone}</small></div>"
        f"<div class='title'><h1>{_say(words, 'd_title')}</h1><div class='w'>"
        f"{_say(words, 'd_sub')} · {_say(words, 'd_week')} {week}</div></div></div>"
        "<table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{v}</td></tr>" for k, v in meta)
        + f"</table><table class='items'><tr><th>{_say(words, 'd_date')}</th>"
        f"<th>{_say(words, 'd_what')}</th><th class='amount'>{_say(words, 'd_qty')}</th>"
        f"<th class='amount'>{_say(words, 'd_unit')}</th><th class='amount'>"
        f"{_say(words, 'd_sum')}</th></tr>{rows}<tr class='tot'><td colspan='4'>"
        f"{_say(words, 'd_total')}</td><td class='amount'>{_amount(document.total, document)}"
        f"</td></tr></table><p class='paid'>{_say(words, 'd_paid')}</p>"
        f"<p class='ref'>{_say(words, 'd_referral', day=_day(referral, document))}</p>"
        f"<div class='foot'>{escape(document.provider)} · {_say(words, 'd_org')} "
        f"{org_number(document.organisation_number, 2)} · {_say(words, 'd_vat')}</div>"
    )
    printed = document.day + timedelta(days=document.invoice_number % 3)
    system = f"{words['d_system']} · {printed:%d.%m.%Y}"
    return page(body, DIETITIAN_CSS.replace("var(--system)", repr(system)))
