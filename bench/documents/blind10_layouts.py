"""The tenth blind set's documents as HTML: helsenorge's desktop page with its menu in a column
at the left, a summary with a bar of what has been paid towards the limit and the table of fees
(printed on A4, or on a phone as the browser's desktop site); the user fee register's
certificate of the fees registered in a year (a document number, the fees under a heading for
each quarter with their count, a code and a square pattern to check the document by); the
app's timeline of fees under month headings, the total in a ring at the top; an ear, nose and
throat specialist's till roll with the card terminal's slip printed on under it; an oral
surgeon's receipt with a chart of the teeth (the tooth treated marked); a psychomotor
physiotherapist's receipt sent as a text message from a booking system.

The styles of dates and amounts are in ``day`` and ``money``.

Overviews print the name in full; names are Maltese, Azerbaijani, Estonian, Yoruba, Basque,
Galician, Breton, Greenlandic or Norwegian (``content.blind10_name``), in bokmål, nynorsk or
English pages. Providers are at the set's own places (``content.BLIND10_PLACES``).

Scans (``render``): a yellow sticky note stuck where the page has no print, scanned in colour;
a page printed on the back of a used sheet of thin paper, whose other side shows through,
scanned in grey; a page or a till roll held up in one hand and photographed (the thumb over an
edge with no print). Screenshots: cropped in the phone's photo editor (the bars and the empty
screen cut away), the phone's browser showing the desktop site, the phone's text set bold.

Every layout still carries what a reader must leave out: the limit and what is left before it,
the document's number, its date and its check code, the birth date, the quarters' counts, the
receipt's and the till's numbers, the terminal's number, reference and authorisation code, the
card's last digits, the VAT, the tooth numbers, the balance, the next appointment's date, the
organisation number, the account and the phone numbers.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND10_OVERVIEW_LAYOUTS,
    BLIND10_PHONE_LAYOUT,
    BLIND10_RECEIPT_LAYOUTS,
    BLIND10_WISDOM_TEETH,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((*BLIND10_OVERVIEW_LAYOUTS, BLIND10_PHONE_LAYOUT, *BLIND10_RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

PHONE = (390, 844)
"""CSS pixels of a phone's screen (device scale 3)."""
DESKTOP_WIDTH = 980
"""CSS pixels of the page a phone's browser lays out for its desktop site."""
STATUS_BAR = 44
"""CSS pixels of the phone's status bar at the top of an app's screen."""
APP_BAR = 48
"""CSS pixels of the timeline's title bar under the status bar."""
TAB_BAR = 74
"""CSS pixels of the timeline's tab bar at the foot (with the home indicator's room)."""
INPUT_BAR = 84
"""CSS pixels of the messages app's input bar at the foot."""
MESSAGES_HEADER = 96
"""CSS pixels of the messages app's header (the sender) under the status bar."""

SHORT_MONTHS = {
    "nb": ("jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.",
           "nov.", "des."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}  # fmt: skip
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
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
SHORT_WEEKDAYS = {
    "nb": ("man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn."),
    "nn": ("mån.", "tys.", "ons.", "tor.", "fre.", "lau.", "sun."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}

WORDS = {
    "nb": {
        "s_search": "Søk på helsenorge", "s_as": "Du bruker helsenorge som deg selv",
        "s_log_out": "Logg ut", "s_nav": ("Forside", "Innboks", "Timeavtaler", "Legemidler",
        "Pasientjournal", "Vaksiner", "Frikort og egenandeler", "Helseregistre",
        "Innstillinger"), "s_active": 6, "s_crumbs": "Forside › Frikort og egenandeler",
        "s_title": "Dine egenandeler", "s_year": "Velg år", "s_paid": "Registrert betalt i "
        "{year}", "s_text": "Egenandelstaket for {year} er {limit}. Du mangler {left} for å "
        "få frikort.", "s_list": "Egenandeler registrert i {year}", "s_date": "Dato",
        "s_service": "Tjeneste", "s_where": "Behandlingssted", "s_amount": "Egenandel",
        "s_more": "Vis", "s_sum": "Sum registrerte egenandeler {year}", "s_note":
        "Det kan ta inntil 14 dager før en egenandel er registrert her.",
        "s_foot": ("Om helsenorge", "Personvern og informasjonskapsler", "Tilgjengelighet",
        "Veiledning: 23 32 70 00"),
        "c_issuer": "Egenandelsregisteret", "c_title": "Bekreftelse på registrerte "
        "egenandeler {year}", "c_no": "Dokumentnr.", "c_issued": "Utstedt", "c_for":
        "Gjelder", "c_born": "født", "c_intro": "Denne bekreftelsen viser egenandelene som er "
        "registrert på deg i egenandelsregisteret for {year}, slik registeret var da "
        "bekreftelsen ble laget.", "c_quarter": "{n}. kvartal {year}", "c_count":
        ("{n} egenandel", "{n} egenandeler"), "c_date": "Dato", "c_service": "Tjeneste",
        "c_where": "Behandlingssted", "c_amount": "Beløp", "c_sum": "Sum registrerte "
        "egenandeler i {year}", "c_limit": "Egenandelstaket for {year} er {limit}. Det "
        "gjenstår {left} før du får frikort.", "c_check": "Dokumentets ekthet kan "
        "kontrolleres på helsenorge.no/kontroll med koden", "c_foot": "Dokumentet er "
        "produsert elektronisk og er gyldig uten underskrift.", "c_page": "Side",
        "c_of": "av",
        "t_title": "Egenandeler", "t_change": "Bytt", "t_paid": "Betalt i {year}",
        "t_of": "av {limit}", "t_left": "Igjen til frikort", "t_newest": "Nyeste først",
        "t_oldest": "Eldste først", "t_tabs": ("Hjem", "Innboks", "Kalender", "Mer"),
        "r_receipt": "KVITTERING", "r_no": "NR.", "r_till": "KASSE", "r_staff":
        "BETJENT AV", "r_patient": "PASIENT", "r_total": "TOTALT", "r_paid":
        "BETALT MED BANKKORT", "r_vat": "MVA 0 %", "r_purchase": "KJØP", "r_card": "KORT",
        "r_ref": "REF.", "r_auth": "AUT.KODE", "r_amount": "BELØP", "r_ok": "GODKJENT",
        "r_copy": "KUNDENS KOPI", "r_exempt": "Helsetjenester er fritatt for "
        "merverdiavgift.", "r_thanks": "TAKK FOR BESØKET!", "r_phone": "Tlf.",
        "r_org": "Org.nr.",
        "o_sub": "Spesialister i oral kirurgi og oral medisin", "o_title": "KVITTERING",
        "o_no": "Kvitteringsnr.", "o_day": "Behandlingsdato", "o_by": "Behandler",
        "o_patient": "Pasient", "o_born": "Fødselsdato", "o_chart": "Tannkart (FDI)",
        "o_marked": "Behandlet tann", "o_code": "Kode", "o_what": "Behandling",
        "o_tooth": "Tann", "o_amount": "Beløp", "o_sum": "Sum behandling", "o_paid":
        "Innbetalt med bankkort", "o_rest": "Restbeløp", "o_vat": "Helsetjenester er unntatt "
        "merverdiavgift.", "o_account": "Kontonr.", "o_org": "Org.nr.", "o_phone": "Tlf.",
        "o_specialist": "spesialist",
        "m_kind": "Tekstmelding", "m_today": "I dag", "m_hello": "Hei {first}! Takk for "
        "timen hos {provider}. Her er kvitteringen din:", "m_no": "Kvittering nr.",
        "m_patient": "Pasient", "m_day": "Dato", "m_total": "Totalt betalt", "m_paid":
        "Betalt med kort.", "m_org": "org.nr.", "m_next": "Neste time: {day} kl. {time}. "
        "Avbestill senest 24 timer før på tlf. {phone}.", "m_input": "Tekstmelding",
        "n_note": ("Legges ved", "refusjons-", "søknaden!"),
        "b_heading": "Forelesningsnotater – helsefag", "b_lines": ("Kort om folkehelse og "
        "forebygging", "Hvem har ansvaret for hva i kommunen?", "Spesialisthelsetjenesten og "
        "de regionale helseforetakene", "Pasientrettigheter: innsyn, klage og fritt "
        "behandlingsvalg", "Hva betyr egenandel, og hva er frikort?", "Lese til neste uke: "
        "kapittel om helsejus", "Spørsmål til seminaret"),
    },
    "nn": {
        "s_search": "Søk på helsenorge", "s_as": "Du bruker helsenorge som deg sjølv",
        "s_log_out": "Logg ut", "s_nav": ("Framside", "Innboks", "Timeavtalar", "Legemiddel",
        "Pasientjournal", "Vaksinar", "Frikort og eigendelar", "Helseregister",
        "Innstillingar"), "s_active": 6, "s_crumbs": "Framside › Frikort og eigendelar",
        "s_title": "Eigendelane dine", "s_year": "Vel år", "s_paid": "Registrert betalt i "
        "{year}", "s_text": "Eigendelstaket for {year} er {limit}. Du manglar {left} for å "
        "få frikort.", "s_list": "Eigendelar registrerte i {year}", "s_date": "Dato",
        "s_service": "Teneste", "s_where": "Behandlingsstad", "s_amount": "Eigendel",
        "s_more": "Vis", "s_sum": "Sum registrerte eigendelar {year}", "s_note":
        "Det kan ta inntil 14 dagar før ein eigendel er registrert her.",
        "s_foot": ("Om helsenorge", "Personvern og informasjonskapslar", "Tilgjengelegheit",
        "Rettleiing: 23 32 70 00"),
        "c_issuer": "Eigendelsregisteret", "c_title": "Stadfesting av registrerte "
        "eigendelar {year}", "c_no": "Dokumentnr.", "c_issued": "Utferda", "c_for":
        "Gjeld", "c_born": "fødd", "c_intro": "Denne stadfestinga viser eigendelane som er "
        "registrerte på deg i eigendelsregisteret for {year}, slik registeret var då "
        "stadfestinga vart laga.", "c_quarter": "{n}. kvartal {year}", "c_count":
        ("{n} eigendel", "{n} eigendelar"), "c_date": "Dato", "c_service": "Teneste",
        "c_where": "Behandlingsstad", "c_amount": "Beløp", "c_sum": "Sum registrerte "
        "eigendelar i {year}", "c_limit": "Eigendelstaket for {year} er {limit}. Det står "
        "att {left} før du får frikort.", "c_check": "Ektheita til dokumentet kan "
        "kontrollerast på helsenorge.no/kontroll med koden", "c_foot": "Dokumentet er "
        "produsert elektronisk og er gyldig utan underskrift.", "c_page": "Side",
        "c_of": "av",
        "t_title": "Eigendelar", "t_change": "Byt", "t_paid": "Betalt i {year}",
        "t_of": "av {limit}", "t_left": "Att til frikort", "t_newest": "Nyaste først",
        "t_oldest": "Eldste først", "t_tabs": ("Heim", "Innboks", "Kalender", "Meir"),
        "r_receipt": "KVITTERING", "r_no": "NR.", "r_till": "KASSE", "r_staff":
        "BETENT AV", "r_patient": "PASIENT", "r_total": "TOTALT", "r_paid":
        "BETALT MED BANKKORT", "r_vat": "MVA 0 %", "r_purchase": "KJØP", "r_card": "KORT",
        "r_ref": "REF.", "r_auth": "AUT.KODE", "r_amount": "BELØP", "r_ok": "GODKJENT",
        "r_copy": "KUNDEN SIN KOPI", "r_exempt": "Helsetenester er fritekne for "
        "meirverdiavgift.", "r_thanks": "TAKK FOR BESØKET!", "r_phone": "Tlf.",
        "r_org": "Org.nr.",
        "o_sub": "Spesialistar i oral kirurgi og oral medisin", "o_title": "KVITTERING",
        "o_no": "Kvitteringsnr.", "o_day": "Behandlingsdato", "o_by": "Behandlar",
        "o_patient": "Pasient", "o_born": "Fødselsdato", "o_chart": "Tannkart (FDI)",
        "o_marked": "Behandla tann", "o_code": "Kode", "o_what": "Behandling",
        "o_tooth": "Tann", "o_amount": "Beløp", "o_sum": "Sum behandling", "o_paid":
        "Innbetalt med bankkort", "o_rest": "Restbeløp", "o_vat": "Helsetenester er unnatekne "
        "meirverdiavgift.", "o_account": "Kontonr.", "o_org": "Org.nr.", "o_phone": "Tlf.",
        "o_specialist": "spesialist",
        "m_kind": "Tekstmelding", "m_today": "I dag", "m_hello": "Hei {first}! Takk for "
        "timen hos {provider}. Her er kvitteringa di:", "m_no": "Kvittering nr.",
        "m_patient": "Pasient", "m_day": "Dato", "m_total": "Totalt betalt", "m_paid":
        "Betalt med kort.", "m_org": "org.nr.", "m_next": "Neste time: {day} kl. {time}. "
        "Avbestill seinast 24 timar før på tlf. {phone}.", "m_input": "Tekstmelding",
        "n_note": ("Leggjast ved", "refusjons-", "søknaden!"),
        "b_heading": "Førelesingsnotat – helsefag", "b_lines": ("Kort om folkehelse og "
        "førebygging", "Kven har ansvaret for kva i kommunen?", "Spesialisthelsetenesta og "
        "dei regionale helseføretaka", "Pasientrettar: innsyn, klage og fritt "
        "behandlingsval", "Kva tyder eigendel, og kva er frikort?", "Lese til neste veke: "
        "kapittel om helserett", "Spørsmål til seminaret"),
    },
    "en": {
        "s_search": "Search helsenorge", "s_as": "You are using helsenorge as yourself",
        "s_log_out": "Log out", "s_nav": ("Home", "Inbox", "Appointments", "Medicines",
        "Health records", "Vaccines", "Exemption card and user fees", "Health registries",
        "Settings"), "s_active": 6, "s_crumbs": "Home › Exemption card and user fees",
        "s_title": "Your user fees", "s_year": "Choose year", "s_paid": "Registered as paid "
        "in {year}", "s_text": "The user fee ceiling for {year} is {limit}. You need {left} "
        "more to get an exemption card.", "s_list": "User fees registered in {year}",
        "s_date": "Date", "s_service": "Service", "s_where": "Place of treatment",
        "s_amount": "User fee", "s_more": "View", "s_sum": "Sum of registered user fees "
        "{year}", "s_note": "It may take up to 14 days before a user fee is registered here.",
        "s_foot": ("About helsenorge", "Privacy and cookies", "Accessibility",
        "Help line: +47 23 32 70 00"),
        "c_issuer": "User Fee Register", "c_title": "Certificate of registered user fees "
        "{year}", "c_no": "Document no.", "c_issued": "Issued", "c_for": "Concerning",
        "c_born": "born", "c_intro": "This certificate shows the user fees registered for you "
        "in the user fee register for {year}, as the register stood when the certificate was "
        "made.", "c_quarter": "Quarter {n}, {year}", "c_count": ("{n} user fee",
        "{n} user fees"), "c_date": "Date", "c_service": "Service", "c_where":
        "Place of treatment", "c_amount": "Amount", "c_sum": "Sum of registered user fees "
        "in {year}", "c_limit": "The user fee ceiling for {year} is {limit}. {left} remains "
        "before you get an exemption card.", "c_check": "The document can be verified at "
        "helsenorge.no/kontroll with the code", "c_foot": "This document was produced "
        "electronically and is valid without a signature.", "c_page": "Page", "c_of": "of",
        "t_title": "User fees", "t_change": "Switch", "t_paid": "Paid in {year}",
        "t_of": "of {limit}", "t_left": "Left before exemption card", "t_newest":
        "Newest first", "t_oldest": "Oldest first", "t_tabs": ("Home", "Inbox", "Calendar",
        "More"),
        "r_receipt": "RECEIPT", "r_no": "NO.", "r_till": "TILL", "r_staff": "SERVED BY",
        "r_patient": "PATIENT", "r_total": "TOTAL", "r_paid": "PAID BY CARD", "r_vat":
        "VAT 0 %", "r_purchase": "PURCHASE", "r_card": "CARD", "r_ref": "REF.", "r_auth":
        "AUTH CODE", "r_amount": "AMOUNT", "r_ok": "APPROVED", "r_copy": "CARDHOLDER'S COPY",
        "r_exempt": "Health services are exempt from VAT.", "r_thanks":
        "THANK YOU FOR YOUR VISIT!", "r_phone": "Phone", "r_org": "Org. no.",
        "o_sub": "Specialists in oral surgery and oral medicine", "o_title": "RECEIPT",
        "o_no": "Receipt no.", "o_day": "Date of treatment", "o_by": "Treated by",
        "o_patient": "Patient", "o_born": "Date of birth", "o_chart": "Dental chart (FDI)",
        "o_marked": "Tooth treated", "o_code": "Code", "o_what": "Treatment",
        "o_tooth": "Tooth", "o_amount": "Amount", "o_sum": "Total treatment", "o_paid":
        "Paid by card", "o_rest": "Balance", "o_vat": "Health services are exempt from VAT.",
        "o_account": "Account no.", "o_org": "Org. no.", "o_phone": "Phone",
        "o_specialist": "specialist",
        "m_kind": "Text Message", "m_today": "Today", "m_hello": "Hi {first}! Thank you for "
        "your appointment at {provider}. Here is your receipt:", "m_no": "Receipt no.",
        "m_patient": "Patient", "m_day": "Date", "m_total": "Total paid", "m_paid":
        "Paid by card.", "m_org": "org. no.", "m_next": "Next appointment: {day} at {time}. "
        "Cancel at least 24 hours before on {phone}.", "m_input": "Text Message",
        "n_note": ("Attach to", "the refund", "claim!"),
        "b_heading": "Lecture notes – health studies", "b_lines": ("Public health and "
        "prevention in brief", "Who is responsible for what in the municipality?",
        "Specialist health services and the regional health authorities", "Patients' rights: "
        "access, complaints and free choice of hospital", "What is a user fee, and what is "
        "an exemption card?", "Reading for next week: the chapter on health law",
        "Questions for the seminar"),
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "1 234,50 Kr" (kr_cap_after), "Kr 1,234.50" (kr_cap_point), "KR 1 234,50"
    (upper_kr, as a till roll prints it), "1.234,50 kr." (kr_dot_after, as a booking system
    made in Denmark writes it) or "1,234.50 kr." (kr_dot_point)."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    match style:
        case "kr_cap_after":
            return f"{grouped.replace(',', NBSP)},{cents}{NBSP}Kr"
        case "kr_cap_point":
            return f"Kr{NBSP}{grouped}.{cents}"
        case "upper_kr":
            return f"KR{NBSP}{grouped.replace(',', NBSP)},{cents}"
        case "kr_dot_after":
            return f"{grouped.replace(',', '.')},{cents}{NBSP}kr."
        case _:
            return f"{grouped}.{cents}{NBSP}kr."


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def day(value: date, style: str, language: str = "nb", clock: str = "08:00") -> str:
    """A date as "ons. 12. mar. 2025" ("Wed, Mar 12, 2025"; weekday_month), "onsdag 12. mars"
    ("Wednesday 12 March"; weekday_long_month, the year in the quarter's heading), "onsdag
    12/3" ("Wed 12/3"; weekday_slash, the year in the month's heading), "12.03.25 14:32"
    (yy_clock, with the till's ``clock``) or "12/3-25" ("Mar 12 '25"; slash_yy)."""
    english = language == "en"
    match style:
        case "weekday_month":
            weekday = SHORT_WEEKDAYS[language][value.weekday()]
            month = SHORT_MONTHS[language][value.month - 1]
            if english:
                return f"{weekday}, {month} {value.day}, {value.year}"
            return f"{weekday} {value.day}. {month} {value.year}"
        case "weekday_long_month":
            weekday = WEEKDAYS[language][value.weekday()]
            month = LONG_MONTHS[language][value.month - 1]
            if english:
                return f"{weekday} {value.day} {month}"
            return f"{weekday} {value.day}. {month}"
        case "weekday_slash":
            if english:
                return f"{SHORT_WEEKDAYS['en'][value.weekday()]} {value.day}/{value.month}"
            return f"{WEEKDAYS[language][value.weekday()]} {value.day}/{value.month}"
        case "yy_clock":
            return f"{value:%d.%m.%y} {clock}"
        case _:
            if english:
                return f"{SHORT_MONTHS['en'][value.month - 1]} {value.day} '{value:%y}"
            return f"{value.day}/{value.month}-{value:%y}"


def clock(document: Receipt) -> str:
    """The time the till printed the receipt (and the terminal took the card)."""
    return f"{9 + document.invoice_number % 8:02d}:{document.invoice_number * 7 % 60:02d}"


def shown_date(document: Overview | Receipt, value: date) -> str:
    """A date of the document as it prints it (on a till roll, with the till's time)."""
    if isinstance(document, Receipt) and document.date_style == "yy_clock":
        return day(value, document.date_style, document.language, clock(document))
    return day(value, document.date_style, document.language)


def tooth(document: Receipt) -> int:
    """The tooth an oral surgeon's receipt is for: a wisdom tooth."""
    return BLIND10_WISDOM_TEETH[document.invoice_number % len(BLIND10_WISDOM_TEETH)]


def left(document: Overview) -> Decimal:
    """What is left before the exemption card (never the total itself: ``content``)."""
    return document.limit - document.total


def html(
    document: Overview | Receipt,
    *,
    phone: bool = False,
    desktop: bool = False,
    bold: bool = False,
) -> str:
    """The document in its layout; ``phone`` for a phone's screenshot (the app's timeline, or
    the text message), ``desktop`` for the desktop page laid out as a phone's browser shows
    its desktop site (``DESKTOP_WIDTH`` wide, one tall page), ``bold`` with the phone's text
    set bold."""
    if isinstance(document, Receipt):
        match document.layout:
            case "terminal_roll":
                return _terminal_roll(document)
            case "surgery_receipt":
                return _surgery(document)
            case _:
                return text_message(document, bold=bold)
    if desktop:
        return _sidebar(document, desktop=True)
    if phone or document.layout == BLIND10_PHONE_LAYOUT:
        return timeline_app(document, bold=bold)
    if document.layout == "register_certificate":
        return _certificate(document)
    return _sidebar(document, desktop=False)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _day(value: date, document: Overview | Receipt) -> str:
    return shown_date(document, value)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def _whole(amount: Decimal, document: Overview) -> str:
    """The limit, in whole kroner, in the document's own way."""
    text = f"{int(amount):,}"
    if document.amount_style == "kr_cap_point":
        return f"Kr{NBSP}{text}"
    return f"{text.replace(',', NBSP)}{NBSP}Kr"


def _initials(name: str) -> str:
    parts = name.split()
    return (parts[0][0] + parts[-1][0]).upper()


# ---- helsenorge's desktop page with the menu at the left ----------------------------------

SIDEBAR_CSS = """
body { font-size: 13px; color: #1d2327; }
.top { display: flex; align-items: center; border-bottom: 1px solid #cfd6da;
  padding: 10px 16px; }
.logo { color: #005f6b; font-weight: bold; font-size: 22px; width: 190px; }
.search { flex: 1; border: 1px solid #9aa7ad; border-radius: 4px; padding: 6px 10px;
  color: #6b777d; max-width: 300px; }
.user { flex: 1; text-align: right; } .user b { font-size: 14px; }
.user .as { display: block; font-size: 11px; color: #59656b; }
.user .out { color: #005f6b; text-decoration: underline; font-size: 12px; margin-left: 10px; }
.body { position: relative; min-height: 420px; }
.nav { position: absolute; left: 0; top: 0; width: 176px; padding: 16px 0 0 16px; }
.nav div { padding: 7px 10px; border-left: 3px solid transparent; color: #005f6b;
  font-size: 13px; }
.nav div.on { border-left-color: #005f6b; background: #e5f1f2; color: #1d2327;
  font-weight: bold; }
.main { margin-left: 210px; padding: 14px 16px 10px 0; }
.main table.fees { font-size: 12px; table-layout: fixed; }
col.c1 { width: 27%; } col.c2 { width: 18%; } col.c3 { width: 28%; } col.c4 { width: 17%; }
col.c5 { width: 10%; }
.crumbs { font-size: 12px; color: #59656b; }
h1 { font-size: 28px; margin: 8px 0 10px 0; font-weight: normal; }
.pick { font-size: 12px; color: #59656b; }
.pick span { border: 1px solid #9aa7ad; border-radius: 4px; padding: 3px 10px; color: #1d2327;
  margin-left: 6px; }
.panel { border: 1px solid #cfd6da; border-radius: 6px; padding: 12px 14px; margin: 14px 0; }
.panel .k { font-size: 12px; color: #59656b; }
.panel .v { font-size: 22px; font-weight: bold; margin: 2px 0 8px 0; }
.track { height: 10px; background: #e3e8ea; border-radius: 5px; }
.track div { height: 10px; background: #0a8291; border-radius: 5px; }
.panel p { margin: 8px 0 0 0; }
h2 { font-size: 17px; margin: 18px 0 6px 0; }
table.fees th { font-size: 12px; color: #3c474c; border-bottom: 2px solid #1d2327;
  padding: 6px 6px; }
table.fees td { padding: 7px 6px; border-bottom: 1px solid #dde3e5; }
table.fees tr:nth-child(even) td { background: #f5f8f8; }
table.fees tr { break-inside: avoid; }
td.d { white-space: nowrap; }
td.more { color: #005f6b; text-decoration: underline; font-size: 11px; white-space: nowrap;
  padding-left: 4px; }
tr.sum td { font-weight: bold; border-top: 2px solid #1d2327; border-bottom: none;
  background: #fff; font-size: 14px; }
.note { font-size: 12px; color: #59656b; margin-top: 10px; }
.foot { background: #0b3b40; color: #fff; padding: 16px 16px 16px 226px; margin-top: 24px;
  font-size: 12px; line-height: 1.9; break-inside: avoid; }
"""
SIDEBAR_PRINT = "@page { size: A4; margin: 10mm 9mm 12mm 9mm; }"
SIDEBAR_DESKTOP = "@page { size: 980px var(--height); margin: 0; } body { background: #fff; }"


def desktop_height(document: Overview) -> int:
    """The desktop site's page height in CSS pixels: room for every row (the picture is cut
    below the footer, ``render.desktop_site``)."""
    return 1000 + 40 * len(document.fees)


def _sidebar(document: Overview, *, desktop: bool) -> str:
    """helsenorge's page on a computer: the name at the top right, the menu in a column at the
    left, the year to choose, a panel with what has been paid (a bar towards the limit, the
    limit and what is missing), the table of fees with a link to each and the sum, the site's
    footer."""
    words = WORDS[document.language]
    nav = "".join(
        f"<div class='{'on' if index == words['s_active'] else ''}'>{escape(item)}</div>"
        for index, item in enumerate(words["s_nav"])
    )
    rows = "".join(
        f"<tr><td class='d'>{_day(fee.day, document)}</td><td>{escape(fee.service)}</td>"
        f"<td>{escape(fee.provider)}</td><td class='amount'>{_amount(fee.amount, document)}"
        f"</td><td class='more'>{_say(words, 's_more')} ›</td></tr>"
        for fee in _ordered(document)
    )
    share = min(100, int(100 * document.total / document.limit))
    text = _say(
        words, "s_text", year=document.year, limit=_whole(document.limit, document),
        left=_amount(left(document), document),
    )  # fmt: skip
    foot = "<br>".join(escape(line) for line in words["s_foot"])
    body = (
        "<div class='top'><span class='logo'>helsenorge</span><span class='search'>"
        f"{_say(words, 's_search')}</span><span class='user'><b>{escape(document.name)}</b>"
        f"<span class='out'>{_say(words, 's_log_out')}</span><span class='as'>"
        f"{_say(words, 's_as')}</span></span></div><div class='body'><div class='nav'>{nav}"
        f"</div><div class='main'><div class='crumbs'>{_say(words, 's_crumbs')}</div>"
        f"<h1>{_say(words, 's_title')}</h1><div class='pick'>{_say(words, 's_year')}"
        f"<span>{document.year} ▾</span></div><div class='panel'><div class='k'>"
        f"{_say(words, 's_paid', year=document.year)}</div><div class='v'>"
        f"{_amount(document.total, document)}</div><div class='track'><div style='width:"
        f"{share}%'></div></div><p>{text}</p></div>"
        f"<h2>{_say(words, 's_list', year=document.year)}</h2><table class='fees'>"
        + "".join(f"<col class='c{number}'>" for number in range(1, 6))
        + "<tr>"
        f"<th>{_say(words, 's_date')}</th><th>{_say(words, 's_service')}</th>"
        f"<th>{_say(words, 's_where')}</th><th class='amount'>{_say(words, 's_amount')}</th>"
        f"<th></th></tr>{rows}<tr class='sum'><td colspan='3'>"
        f"{_say(words, 's_sum', year=document.year)}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td><td></td></tr></table>"
        f"<p class='note'>{_say(words, 's_note')}</p></div></div>"
        f"<div class='foot'>{foot}</div>"
    )
    if desktop:
        css = SIDEBAR_DESKTOP.replace("var(--height)", f"{desktop_height(document)}px")
        return page(body, css + SIDEBAR_CSS)
    return page(body, SIDEBAR_PRINT + SIDEBAR_CSS)


# ---- the register's certificate ------------------------------------------------------------

CERTIFICATE_CSS = """
@page { size: A4; margin: 18mm 18mm 22mm 18mm;
  @bottom-left { content: var(--foot); font-size: 7.5pt; color: #444; }
  @bottom-right { content: var(--page) ' ' counter(page) ' ' var(--of) ' ' counter(pages);
    font-size: 7.5pt; color: #444; } }
body { font-size: 9.5pt; }
.head { display: flex; justify-content: space-between; align-items: flex-start;
  border-bottom: 1px solid #222; padding-bottom: 8px; }
.mark { font-size: 20pt; font-weight: bold; color: #2a3f8f; letter-spacing: 1px; }
.mark small { display: block; font-size: 9pt; color: #222; letter-spacing: 0;
  font-weight: normal; }
table.meta { width: auto; } table.meta td { padding: 1px 0 1px 14px; font-size: 9pt; }
h1 { font-size: 15pt; margin: 18px 0 6px 0; }
.for { margin: 6px 0 10px 0; font-size: 10.5pt; }
.intro { color: #333; margin: 0 0 12px 0; }
table.fees th { text-align: left; font-size: 8.5pt; border-bottom: 1px solid #222;
  padding: 4px 4px; }
table.fees th.amount { text-align: right; }
table.fees td { padding: 4px 4px; border-bottom: 0.5px solid #c8c8c8; }
table.fees td.d { white-space: nowrap; }
tr.q td { background: #eef0f7; font-weight: bold; border-bottom: 1px solid #8a93b8;
  padding-top: 7px; }
tr.q td span { font-weight: normal; color: #444; margin-left: 10px; }
tr { break-inside: avoid; }
tr.sum td { font-weight: bold; font-size: 10.5pt; border-top: 1.5px solid #222;
  border-bottom: none; padding-top: 8px; }
.limit { margin-top: 12px; }
.check { display: flex; align-items: center; margin-top: 22px; border: 1px solid #999;
  padding: 8px 10px; break-inside: avoid; }
.check p { margin: 0 0 0 14px; } .check b { font-family: 'DejaVu Sans Mono', monospace;
  font-size: 11pt; letter-spacing: 1px; }
"""


def document_number(document: Overview) -> str:
    seed = document.birth_date.toordinal() * 7 + document.printed_at.toordinal()
    return f"EGR-{document.year}-{seed % 900_000 + 100_000}"


def check_code(document: Overview) -> str:
    digest = hashlib.sha256(f"{document.name}{document.printed_at}".encode()).hexdigest()
    letters = "".join(
        "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[int(digest[i : i + 2], 16) % 32] for i in range(0, 24, 2)
    )
    return f"{letters[:4]}-{letters[4:8]}-{letters[8:12]}"


def check_pattern(code: str, size: int = 21) -> str:
    """A square pattern of modules (as a QR code looks) from the code, with the three corner
    marks; an SVG."""
    digest = hashlib.sha256(code.encode()).digest() * 4
    marks = ((0, 0), (size - 7, 0), (0, size - 7))
    cells = []
    for y in range(size):
        for x in range(size):
            near = [
                (x - left, y - top) for left, top in marks if -1 <= x - left < 8 > y - top >= -1
            ]
            if near:
                # A corner mark (a dark ring, a light ring, a dark square in the middle) in a
                # light margin.
                cx, cy = near[0]
                dark = 0 <= cx < 7 and 0 <= cy < 7 and max(abs(cx - 3), abs(cy - 3)) != 2
            else:
                dark = bool(digest[(y * size + x) // 8] >> ((y * size + x) % 8) & 1)
            if dark:
                cells.append(f"<rect x='{x}' y='{y}' width='1' height='1'/>")
    return (
        f"<svg width='74' height='74' viewBox='-1 -1 {size + 2} {size + 2}'>"
        f"<g fill='#111'>{''.join(cells)}</g></svg>"
    )


def _certificate(document: Overview) -> str:
    """The user fee register's certificate (A4): the register and the document's number and
    date, the person with the birth date, the fees under a heading for each quarter with their
    count (dates without the year), the sum, the limit and what is left, and a code and a
    pattern to check the document by."""
    words = WORDS[document.language]
    rows = []
    for quarter in range(4):
        fees = [fee for fee in _ordered(document) if (fee.day.month - 1) // 3 == quarter]
        if not fees:
            continue
        one, many = words["c_count"]
        count = (one if len(fees) == 1 else many).format(n=len(fees))
        rows.append(
            f"<tr class='q'><td colspan='4'>"
            f"{_say(words, 'c_quarter', n=quarter + 1, year=document.year)}"
            f"<span>{escape(count)}</span></td></tr>"
        )
        rows.extend(
            f"<tr><td class='d'>{_day(fee.day, document)}</td><td>{escape(fee.service)}</td>"
            f"<td>{escape(fee.provider)}</td><td class='amount'>"
            f"{_amount(fee.amount, document)}</td></tr>"
            for fee in fees
        )
    code = check_code(document)
    limit = _say(
        words, "c_limit", year=document.year, limit=_whole(document.limit, document),
        left=_amount(left(document), document),
    )  # fmt: skip
    meta = (
        (words["c_no"], document_number(document)),
        (words["c_issued"], f"{document.printed_at:%d.%m.%Y}"),
    )
    body = (
        f"<div class='head'><div class='mark'>Helfo<small>{_say(words, 'c_issuer')}</small>"
        "</div><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in meta)
        + f"</table></div><h1>{_say(words, 'c_title', year=document.year)}</h1>"
        f"<div class='for'>{_say(words, 'c_for')}: <b>{escape(document.name)}</b>, "
        f"{_say(words, 'c_born')} {document.birth_date:%d.%m.%Y}</div>"
        f"<p class='intro'>{_say(words, 'c_intro', year=document.year)}</p>"
        f"<table class='fees'><tr><th>{_say(words, 'c_date')}</th>"
        f"<th>{_say(words, 'c_service')}</th><th>{_say(words, 'c_where')}</th>"
        f"<th class='amount'>{_say(words, 'c_amount')}</th></tr>{''.join(rows)}"
        f"<tr class='sum'><td colspan='3'>{_say(words, 'c_sum', year=document.year)}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr></table>"
        f"<p class='limit'>{limit}</p><div class='check'>{check_pattern(code)}<p>"
        f"{_say(words, 'c_check')}<br><b>{code}</b></p></div>"
    )
    css = (
        CERTIFICATE_CSS.replace("var(--foot)", repr(words["c_foot"]))
        .replace("var(--page)", repr(words["c_page"]))
        .replace("var(--of)", repr(words["c_of"]))
    )
    return page(body, css)


# ---- the app's timeline ------------------------------------------------------------------

TIMELINE_CSS = """
@page { size: 390px var(--height); margin: 0; }
body { font-size: 15px; background: #f4f6f5; color: #15191b; }
.status { display: flex; justify-content: space-between; height: 44px; box-sizing: border-box;
  padding: 14px 28px 0 28px; font-weight: bold; font-size: 15px; background: #fff; }
.bar { height: 48px; box-sizing: border-box; padding: 12px 16px; background: #fff;
  border-bottom: 1px solid #dde2e0; font-size: 17px; }
.bar span { color: #00706b; margin-right: 96px; } .bar b { font-size: 17px; }
.screen { min-height: var(--screen); }
.who { display: flex; align-items: center; padding: 12px 16px; }
.av { width: 38px; height: 38px; border-radius: 19px; background: #d8ece9; color: #00504c;
  text-align: center; line-height: 38px; font-weight: bold; margin-right: 10px;
  font-size: 14px; flex-shrink: 0; }
.who .n { flex: 1; font-weight: bold; } .who .c { color: #00706b; font-size: 14px; }
.ring { display: flex; align-items: center; background: #fff; margin: 0 12px; padding: 14px;
  border-radius: 14px; }
.dial { position: relative; width: 170px; height: 170px; flex-shrink: 0; }
.dial svg { position: absolute; left: 0; top: 0; }
.dial .in { position: absolute; left: 0; top: 62px; width: 170px; text-align: center; }
.dial .in b { display: block; font-size: 15px; white-space: nowrap; }
.dial .in span { font-size: 12px; color: #58605d; }
.side { margin-left: 14px; font-size: 13px; color: #58605d; }
.side b { display: block; color: #15191b; font-size: 15px; margin: 2px 0 10px 0;
  white-space: nowrap; }
.sort { text-align: right; padding: 12px 16px 2px 16px; font-size: 13px; color: #00706b; }
.month { margin: 12px 0 6px 16px; display: inline-block; background: #dfe9e7;
  border-radius: 12px; padding: 3px 12px; font-size: 13px; font-weight: bold; }
.item { display: flex; padding: 0 12px 0 16px; }
.when { width: 104px; flex-shrink: 0; font-size: 12px; color: #58605d; padding-top: 14px;
  white-space: nowrap; }
.line { width: 18px; flex-shrink: 0; border-left: 2px solid #a9c9c4; margin-left: 2px;
  position: relative; }
.line i { position: absolute; left: -7px; top: 16px; width: 12px; height: 12px;
  border-radius: 6px; background: #00706b; }
.card { flex: 1; background: #fff; border-radius: 10px; margin: 4px 0; padding: 9px 10px;
  display: flex; }
.card .t { flex: 1; } .card .s { font-weight: bold; font-size: 14px; }
.card .p { color: #58605d; font-size: 12px; }
.card .a { font-weight: bold; white-space: nowrap; margin-left: 6px; font-size: 14px; }
.tabs { display: flex; height: 74px; box-sizing: border-box; background: #fff;
  border-top: 1px solid #dde2e0; padding: 10px 0 0 0; }
.tabs span { flex: 1; text-align: center; font-size: 11px; color: #58605d; }
.tabs span.on { color: #00706b; font-weight: bold; }
"""
BOLD_CSS = "* { font-weight: bold !important; }"


def timeline_height(document: Overview) -> int:
    """The page's CSS height: room for every row (the picture is cut below the tab bar)."""
    months = len({fee.day.month for fee in document.fees})
    return max(PHONE[1] + 200, 560 + 44 * months + 92 * len(document.fees))


def _ring(share: float) -> str:
    circumference = 2 * 3.14159 * 76
    done = circumference * min(share, 1.0)
    return (
        "<svg width='170' height='170' viewBox='0 0 170 170'>"
        "<circle cx='85' cy='85' r='76' fill='none' stroke='#e1e8e6' stroke-width='10'/>"
        f"<circle cx='85' cy='85' r='76' fill='none' stroke='#00706b' stroke-width='10' "
        f"stroke-linecap='round' stroke-dasharray='{done:.1f} {circumference:.1f}' "
        "transform='rotate(-90 85 85)'/></svg>"
    )


def timeline_app(document: Overview, *, bold: bool = False) -> str:
    """helsenorge's app: the person (initials in a circle, the name), a ring of what has been
    paid towards the limit with the total in its middle and "of" the limit under it, what is
    left, then the fees on a timeline under month headings ("Mars 2025"), each with its date
    (weekday and day/month) at the left of the line, a card with the service, the provider
    and the amount; the tab bar at the foot."""
    words = WORDS[document.language]
    items, month = [], None
    for fee in _ordered(document):
        if fee.day.month != month:
            month = fee.day.month
            name = LONG_MONTHS[document.language][month - 1]
            items.append(f"<div class='month'>{escape(name.capitalize())} {document.year}</div>")
        items.append(
            f"<div class='item'><div class='when'>{_day(fee.day, document)}</div>"
            "<div class='line'><i></i></div><div class='card'><div class='t'><div class='s'>"
            f"{escape(fee.service)}</div><div class='p'>{escape(fee.provider)}</div></div>"
            f"<div class='a'>{_amount(fee.amount, document)}</div></div></div>"
        )
    tabs = "".join(
        f"<span class='{'on' if index == 0 else ''}'>{escape(tab)}</span>"
        for index, tab in enumerate(words["t_tabs"])
    )
    sort = words["t_newest" if document.newest_first else "t_oldest"]
    moment = document.printed_at
    css = TIMELINE_CSS.replace("var(--height)", f"{timeline_height(document)}px").replace(
        "var(--screen)", f"{PHONE[1] - STATUS_BAR - APP_BAR - TAB_BAR}px"
    ) + (BOLD_CSS if bold else "")
    body = (
        f"<div class='status'><span>{7 + moment.day % 14}:{moment.month * 3 + 11:02d}</span>"
        f"<span>▂▄▆ 4G {25 + document.birth_date.day * 2} %</span></div>"
        f"<div class='bar'><span>‹</span><b>{_say(words, 't_title')}</b></div>"
        f"<div class='screen'><div class='who'><div class='av'>{_initials(document.name)}"
        f"</div><div class='n'>{escape(document.name)}</div><div class='c'>"
        f"{_say(words, 't_change')}</div></div><div class='ring'><div class='dial'>"
        f"{_ring(float(document.total / document.limit))}<div class='in'>"
        f"<b>{_amount(document.total, document)}</b><span>"
        f"{_say(words, 't_of', limit=_whole(document.limit, document))}</span></div></div>"
        f"<div class='side'>{_say(words, 't_paid', year=document.year)}<br><br>"
        f"{_say(words, 't_left')}<b>{_amount(left(document), document)}</b></div></div>"
        f"<div class='sort'>{escape(sort)} ⇅</div>{''.join(items)}</div>"
        f"<div class='tabs'>{tabs}</div>"
    )
    return page(body, css)


# ---- receipts ----------------------------------------------------------------------------

ROLL_CSS = """
@page { size: 80mm var(--height); margin: 5mm 4mm 24mm 4mm; }
body { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; background: #fff; }
.c { text-align: center; } hr { border: none; border-top: 1px dashed #000; margin: 4px 0; }
td { padding: 1px 0; vertical-align: top; } .r { text-align: right; white-space: nowrap; }
.big td { font-size: 9.5pt; font-weight: bold; }
.bax { font-size: 10pt; font-weight: bold; letter-spacing: 1px; }
"""


def roll_height(document: Receipt) -> int:
    """The roll's length in millimetres."""
    return 128 + 8 * len(document.items)


def _terminal_roll(document: Receipt) -> str:
    """A private ear, nose and throat specialist's till roll (80 mm): the clinic, the receipt's
    and the till's numbers, the date and time, who served, the patient, each service and its
    price, the total, paid by card and the VAT; then the card terminal's slip printed on under
    it (BankAxept, the terminal's number, the masked card, the reference and authorisation
    code, the amount, approved, the customer's copy)."""
    words = WORDS[document.language]
    when = _day(document.day, document)
    number = document.invoice_number
    staff = ("LINE", "MARIT", "TONE", "KJERSTI", "ANNE")[number % 5]
    items = "".join(
        f"<tr><td colspan='2'>{escape(item.text)}</td></tr><tr><td></td>"
        f"<td class='r'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    total = _amount(document.total, document)
    zero = _amount(Decimal("0.00"), document)
    postcode_place = document.address.split(", ", 1)
    body = (
        f"<div class='c'><b>{escape(document.provider.upper())}</b><br>"
        f"{'<br>'.join(escape(part) for part in postcode_place)}<br>"
        f"{_say(words, 'r_phone')} {document.phone}<br>{_say(words, 'r_org')} "
        f"{org_number(document.organisation_number, 1)}</div><hr>"
        f"<table><tr><td><b>{_say(words, 'r_receipt')}</b></td><td class='r'>"
        f"{_say(words, 'r_no')} {number}</td></tr><tr><td>{when}</td><td class='r'>"
        f"{_say(words, 'r_till')} {number % 4 + 1}</td></tr></table>"
        f"{_say(words, 'r_staff')}: {staff}<br>{_say(words, 'r_patient')}: "
        f"{escape(document.patient)}<hr><table>{items}</table><hr>"
        f"<table><tr class='big'><td>{_say(words, 'r_total')}</td><td class='r'>{total}</td>"
        f"</tr><tr><td>{_say(words, 'r_paid')}</td><td class='r'>{total}</td></tr>"
        f"<tr><td>{_say(words, 'r_vat')}</td><td class='r'>{zero}</td></tr></table><hr>"
        f"<div class='c bax'>BankAxept</div>"
        f"<table><tr><td>TERM.ID: {61_000_000 + number * 13 % 999_999}</td></tr>"
        f"<tr><td>{when}</td></tr><tr><td>{_say(words, 'r_purchase')}</td></tr>"
        f"<tr><td>{_say(words, 'r_card')}: ************{number * 37 % 9000 + 1000}</td></tr>"
        f"<tr><td>{_say(words, 'r_ref')} {number * 11 % 1_000_000:06d} "
        f"{_say(words, 'r_auth')} {number * 29 % 900_000 + 100_000}</td></tr></table>"
        f"<table><tr class='big'><td>{_say(words, 'r_amount')}</td><td class='r'>{total}</td>"
        f"</tr></table><div class='c'><b>{_say(words, 'r_ok')}</b><br>"
        f"{_say(words, 'r_copy')}</div><hr><div class='c'>{_say(words, 'r_exempt')}<br>"
        f"{_say(words, 'r_thanks')}</div>"
    )
    return page(body, ROLL_CSS.replace("var(--height)", f"{roll_height(document)}mm"))


SURGERY_CSS = """
@page { size: A4; margin: 16mm 18mm 18mm 18mm; }
body { font-size: 9.5pt; color: #1b1b1b; }
.head { display: flex; justify-content: space-between; }
.clinic { font-size: 16pt; font-weight: bold; color: #6b1d3a; }
.clinic small { display: block; font-size: 8.5pt; font-weight: normal; color: #333;
  line-height: 1.5; }
.title { text-align: right; } .title h1 { font-size: 17pt; margin: 0 0 6px 0;
  letter-spacing: 2px; color: #6b1d3a; }
table.meta { width: auto; margin-left: auto; }
table.meta td { padding: 1px 0 1px 10px; white-space: nowrap; }
.patient { margin: 16px 0 10px 0; border-left: 3px solid #6b1d3a; padding: 4px 10px; }
.chart { margin: 10px 0 14px 0; } .chart .t { font-weight: bold; margin-bottom: 4px; }
table.teeth { width: auto; border-collapse: collapse; }
table.teeth td { width: 26px; height: 20px; text-align: center; border: 1px solid #999;
  font-size: 8pt; color: #444; }
table.teeth td.gap { border: none; width: 8px; }
table.teeth td.on { border: 2px solid #c0142c; background: #fbe3e6; color: #000;
  font-weight: bold; }
.legend { font-size: 8pt; color: #444; margin-top: 3px; }
.legend span { display: inline-block; width: 10px; height: 8px; border: 2px solid #c0142c;
  background: #fbe3e6; margin-right: 4px; }
table.items th { font-size: 8.5pt; border-bottom: 1.5px solid #6b1d3a; padding: 5px 4px; }
table.items td { padding: 5px 4px; border-bottom: 0.5px solid #ccc; }
tr.tot td { font-weight: bold; border-top: 1.5px solid #6b1d3a; border-bottom: none;
  font-size: 10.5pt; }
tr.pay td { border-bottom: none; }
.foot { margin-top: 34px; border-top: 1px solid #bbb; padding-top: 6px; font-size: 8pt;
  color: #444; }
"""
UPPER_TEETH = (18, 17, 16, 15, 14, 13, 12, 11, 0, 21, 22, 23, 24, 25, 26, 27, 28)
LOWER_TEETH = (48, 47, 46, 45, 44, 43, 42, 41, 0, 31, 32, 33, 34, 35, 36, 37, 38)


def _surgery(document: Receipt) -> str:
    """An oral surgeon's receipt (A4): the clinic, the receipt's number, the date of the
    treatment and who treated, the patient with the birth date, a chart of the teeth with the
    one treated marked, a table of the codes, treatments, tooth and prices, the total, paid
    by card and the balance of nil."""
    words = WORDS[document.language]
    marked = tooth(document)

    def teeth(row: tuple[int, ...]) -> str:
        return "".join(
            "<td class='gap'></td>"
            if number == 0
            else f"<td class='{'on' if number == marked else ''}'>{number}</td>"
            for number in row
        )

    rows = "".join(
        f"<tr><td>{escape(item.code)}</td><td>{escape(item.text)}</td><td>"
        f"{marked if item.code in ('O21', 'R02', 'S02') else '–'}</td><td class='amount'>"
        f"{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    who = ("Ragna Lid", "Hege Tvedt", "Frode Nysæter", "Audun Vollan")[document.invoice_number % 4]
    meta = (
        (words["o_no"], f"{document.invoice_number}"),
        (words["o_day"], _day(document.day, document)),
        (words["o_by"], f"{who}, {words['o_specialist']}"),
    )
    total = _amount(document.total, document)
    body = (
        f"<div class='head'><div class='clinic'>{escape(document.provider)}<small>"
        f"{_say(words, 'o_sub')}<br>{escape(document.address)}<br>{_say(words, 'o_phone')} "
        f"{document.phone} · {_say(words, 'o_org')} "
        f"{org_number(document.organisation_number, 0)}</small></div><div class='title'>"
        f"<h1>{_say(words, 'o_title')}</h1><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in meta)
        + f"</table></div></div><div class='patient'>{_say(words, 'o_patient')}: "
        f"<b>{escape(document.patient)}</b><br>{_say(words, 'o_born')}: "
        f"{document.birth_date:%d.%m.%Y}</div><div class='chart'><div class='t'>"
        f"{_say(words, 'o_chart')}</div><table class='teeth'><tr>{teeth(UPPER_TEETH)}</tr>"
        f"<tr>{teeth(LOWER_TEETH)}</tr></table><div class='legend'><span></span>"
        f"{_say(words, 'o_marked')}</div></div><table class='items'><tr>"
        f"<th>{_say(words, 'o_code')}</th><th>{_say(words, 'o_what')}</th>"
        f"<th>{_say(words, 'o_tooth')}</th><th class='amount'>{_say(words, 'o_amount')}</th>"
        f"</tr>{rows}<tr class='tot'><td colspan='3'>{_say(words, 'o_sum')}</td>"
        f"<td class='amount'>{total}</td></tr><tr class='pay'><td colspan='3'>"
        f"{_say(words, 'o_paid')} {_day(document.day, document)}</td><td class='amount'>"
        f"{total}</td></tr><tr class='pay'><td colspan='3'>{_say(words, 'o_rest')}</td>"
        f"<td class='amount'>{_amount(Decimal('0.00'), document)}</td></tr></table>"
        f"<div class='foot'>{_say(words, 'o_vat')} {_say(words, 'o_account')} "
        f"{document.account}</div>"
    )
    return page(body, SURGERY_CSS)


MESSAGES_CSS = """
@page { size: 390px var(--height); margin: 0; }
body { font-size: 16px; background: #fff; color: #000; }
.status { display: flex; justify-content: space-between; height: 44px; box-sizing: border-box;
  padding: 14px 28px 0 28px; font-weight: bold; font-size: 15px; background: #f7f7f7; }
.head { height: 96px; box-sizing: border-box; background: #f7f7f7; text-align: center;
  border-bottom: 1px solid #d8d8d8; position: relative; padding-top: 6px; }
.head .back { position: absolute; left: 10px; top: 18px; color: #007aff; font-size: 24px; }
.head .back span { font-size: 13px; background: #007aff; color: #fff; border-radius: 10px;
  padding: 1px 7px; vertical-align: middle; }
.head .pic { display: inline-block; width: 48px; height: 48px; border-radius: 24px;
  background: #a4a9b3; color: #fff; line-height: 48px; font-size: 22px; }
.head .who { font-size: 12px; margin-top: 4px; }
.screen { min-height: var(--screen); padding-bottom: 10px; }
.when { text-align: center; color: #8a8a8e; font-size: 12px; margin: 14px 0 8px 0; }
.when b { font-weight: bold; }
.bubble { background: #e9e9eb; border-radius: 18px; margin: 6px 70px 6px 12px;
  padding: 9px 13px; line-height: 1.35; }
.bubble a { color: #007aff; }
.nb { white-space: nowrap; }
.input { height: 84px; box-sizing: border-box; padding: 8px 12px 0 12px; display: flex;
  align-items: flex-start; background: #fff; }
.input .plus { width: 34px; height: 34px; border-radius: 17px; background: #e9e9eb;
  text-align: center; line-height: 34px; color: #8a8a8e; font-size: 22px; margin-right: 8px; }
.input .field { flex: 1; border: 1px solid #c8c8cc; border-radius: 17px; height: 34px;
  box-sizing: border-box; padding: 6px 14px; color: #b0b0b4; font-size: 15px; }
"""


def sender(document: Receipt) -> str:
    """The text message's sender, as a booking system names it (at most 11 letters)."""
    return document.provider.split()[0].upper()[:11]


def next_visit(document: Receipt) -> date:
    """The next appointment the message names: a weekday two to four weeks after the visit."""
    later = document.day + timedelta(days=14 + document.invoice_number % 3 * 7)
    while later.weekday() > 4:
        later += timedelta(days=1)
    return later


def messages_height(document: Receipt) -> int:
    return max(PHONE[1] + 160, 900 + 40 * len(document.items))


def text_message(document: Receipt, *, bold: bool = False) -> str:
    """A psychomotor physiotherapist's receipt sent as a text message by a booking system, in
    the phone's messages app: the sender's name at the top, "Text Message / Today" and the
    time, the message (a greeting, the receipt's number, the patient, the date, each service
    and its price, the total, paid by card, the clinic and its organisation number), then a
    second message with the next appointment; the input bar at the foot."""
    words = WORDS[document.language]
    first = document.patient.split()[0]
    lines = [
        _say(words, "m_hello", first=first, provider=document.provider),
        "",
        f"{_say(words, 'm_no')} {document.invoice_number}",
        f"{_say(words, 'm_patient')}: {escape(document.patient)}",
        f"{_say(words, 'm_day')}: {_day(document.day, document)}",
        *(
            f"{escape(item.text)}: <span class='nb'>{_amount(item.amount, document)}</span>"
            for item in document.items
        ),
        f"<b>{_say(words, 'm_total')}: <span class='nb'>"
        f"{_amount(document.total, document)}</span></b>",
        _say(words, "m_paid"),
        "",
        f"{escape(document.provider)}, {_say(words, 'm_org')} "
        f"{org_number(document.organisation_number, 1)}",
    ]
    hour = 8 + document.invoice_number % 9
    later = next_visit(document)
    second = _say(
        words, "m_next", day=_day(later, document), phone=document.phone,
        time=f"{hour:02d}.{document.invoice_number % 2 * 30:02d}",
    )  # fmt: skip
    received = f"{15 + document.invoice_number % 4}:{document.invoice_number % 53 + 5:02d}"
    css = MESSAGES_CSS.replace("var(--height)", f"{messages_height(document)}px").replace(
        "var(--screen)", f"{PHONE[1] - STATUS_BAR - MESSAGES_HEADER - INPUT_BAR}px"
    ) + (BOLD_CSS if bold else "")
    body = (
        f"<div class='status'><span>{received}</span><span>▂▄▆ 5G "
        f"{40 + document.birth_date.day} %</span></div><div class='head'><div class='back'>‹ "
        f"<span>{3 + document.invoice_number % 9}</span></div><div class='pic'>"
        f"{escape(sender(document)[0])}</div><div class='who'>{escape(sender(document))} ›"
        f"</div></div><div class='screen'><div class='when'><b>{_say(words, 'm_kind')}</b>"
        f"<br>{_say(words, 'm_today')} {received}</div><div class='bubble'>"
        + "<br>".join(lines)
        + f"</div><div class='bubble'>{second}</div></div><div class='input'>"
        f"<div class='plus'>+</div><div class='field'>{_say(words, 'm_input')}</div></div>"
    )
    return page(body, css)


def top_chrome(document: Overview | Receipt) -> tuple[int, int]:
    """CSS pixels at the top of a phone screenshot that are the phone's and the app's: the
    status bar, and the status bar with the app's title bar (a cropped screenshot cuts one or
    the other away, never what is under them)."""
    if isinstance(document, Receipt):
        return STATUS_BAR, STATUS_BAR + MESSAGES_HEADER
    return STATUS_BAR, STATUS_BAR + APP_BAR


def foot_chrome(document: Overview | Receipt) -> int:
    """CSS pixels at the foot of a phone screenshot that are the app's (the tab bar, or the
    input bar)."""
    return INPUT_BAR if isinstance(document, Receipt) else TAB_BAR


BACK_CSS = """
@page { size: A4; margin: 22mm 20mm; }
body { font-family: 'DejaVu Serif', serif; font-size: 12pt; line-height: 1.9; }
h2 { font-size: 16pt; } li { margin-bottom: 10px; }
"""


def back_of_sheet(document: Overview | Receipt) -> str:
    """The other side of the paper the page was printed on (a sheet of a student's old lecture
    notes), whose print shows through thin paper when it is scanned."""
    words = WORDS[document.language]
    lines = "".join(f"<li>{escape(line)}</li>" for line in words["b_lines"])
    return page(f"<h2>{_say(words, 'b_heading')}</h2><ul>{lines}{lines}</ul>", BACK_CSS)
