"""The thirteenth blind set's documents as HTML: a pharmacy chain's statement of the user fees
paid for medicines on blue prescription in a year (each dispensing's time to the second, the
branch, the medicine, the prescription's number, its price and Helfo's part beside the user
fee); a physiotherapy clinic's account statement (each treatment charged with a plus sign,
the payments, the running balance, the opening and closing balances); a health centre's
annual statement of the fees paid there, delivered to the person's digital mailbox and read
in its app (on a phone, whole or in several screenshots, or on a tablet beside the inbox);
a hearing clinic's receipt on A5 in landscape; a private hospital's receipt for an
orthopaedic outpatient visit with the patient's label stuck on it (a bar code, the name
surname first in capitals); a private psychiatrist's receipt letter in the digital mailbox
(the amounts in figures and words: "1 850 kroner").

The styles of dates and amounts are in ``day`` and ``money``; the statement, the ledger and
the hospital's receipt are set in Liberation Sans (Arial's measures), the ledger's table in
Liberation Sans Narrow.

Names are Slovenian, Bosnian, Macedonian, Bulgarian, Thai, Mongolian, Afghan, Ethiopian,
Zulu, Māori, Scottish or Norwegian (``content.blind13_name``), a Norwegian now and then with
two surnames and no hyphen; the hospital's label prints the name surname first in capitals
("SKOGSTAD GUNVOR LYSNE") beside the name as written. Pages in bokmål, nynorsk or English.
Providers are at the set's own places (``content.BLIND13_PLACES``).

Renditions (``render``): a text PDF marked up with a PDF reader's highlight and comment
annotations; a landscape page stored as a portrait page turned by the page's rotation; a page
photographed at a steep angle on a table; a page folded in four and carried, then scanned; an
office scanner's halftone mode (error diffusion, one bit a pixel). Screenshots: a tablet in
landscape (the app's inbox beside the letter), the phone's screen photographed with another
camera, several scrolling screenshots gathered in one PDF, a large phone (430 CSS pixels).

Every layout still carries what a reader must leave out: the limit, the prescription's
number, the price and Helfo's part, the payments and the balances, the voucher numbers, the
letter's and the received dates, the practitioners, the tablet's clock and date, the inbox's
other letters, the birth date and birth number, the label's bar code, the receipt's and the
customer's numbers, the VAT, the next appointment, the organisation number, the account and
the phone numbers.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND13_MEDICINES,
    BLIND13_ORTHO_ITEMS,
    BLIND13_OVERVIEW_LAYOUTS,
    BLIND13_PHONE_LAYOUT,
    BLIND13_PLACES,
    BLIND13_RECEIPT_LAYOUTS,
    BLIND13_STREETS,
    Fee,
    Overview,
    Receipt,
    organisation_number,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((*BLIND13_OVERVIEW_LAYOUTS, BLIND13_PHONE_LAYOUT, *BLIND13_RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

PHONE = (390, 844)
"""CSS pixels of the phone the mailbox app runs on (device scale 3)."""
PRO_MAX = (430, 932)
"""CSS pixels of the large phone a receipt is read on (device scale 3)."""
IPAD = (1180, 820)
"""CSS pixels of the tablet in landscape (device scale 2)."""
PHONE_TOP = 99
"""The phone's status bar and the app's bar: CSS pixels at the top of every screen."""
PHONE_BOTTOM = 84
"""The app's tool bar and the home indicator: CSS pixels at the foot of every screen."""
IPAD_STATUS = 24

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
SHORT_WEEKDAYS = {
    "nb": ("man", "tir", "ons", "tor", "fre", "lør", "søn"),
    "nn": ("mån", "tys", "ons", "tor", "fre", "lau", "sun"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}

WORDS: dict[str, dict[str, Any]] = {
    "nb": {
        "p_title": "Egenandelsoversikt – legemidler på blå resept", "p_service":
        "Kundeservice", "p_customer": "Kunde", "p_born": "Fødselsdato", "p_member":
        "Medlemsnr.", "p_period": "Periode", "p_printed": "Utskriftsdato", "p_intro":
        "Her er egenandelene du har betalt for legemidler på blå resept i våre apotek.",
        "p_when": "Utlevert", "p_branch": "Apotek", "p_item": "Legemiddel", "p_rx":
        "Reseptnr.", "p_price": "Pris", "p_helfo": "Helfo betaler", "p_fee": "Egenandel",
        "p_sum": "Sum egenandeler {year}", "p_note": "Egenandelene er meldt til Helfo og "
        "teller med mot egenandelstaket ({limit} i {year}). Oversikten gjelder bare kjøp i "
        "våre apotek.", "p_page": "Side {n} av {of}",
        "a_title": "KONTOUTSKRIFT", "a_sub": "Kundekonto – egenandeler fysioterapi",
        "a_customer": "Kundenr.", "a_period": "Periode", "a_date": "Dato", "a_voucher":
        "Bilag", "a_text": "Tekst", "a_amount": "Beløp", "a_balance": "Saldo", "a_open":
        "Inngående saldo", "a_close": "Utgående saldo", "a_visit": "Behandling, takst {code}",
        "a_paid": "Innbetaling, {how}", "a_how": ("Vipps", "bankkort", "faktura"), "a_sum":
        "Sum belastet egenandeler {year}", "a_payments": "Sum innbetalt", "a_note":
        "Egenandelene er rapportert til Helfo og teller mot frikort. Egenandelstak {year}: "
        "{limit}.", "a_printed": "Utskrift {stamp}", "a_page": "Side", "a_of": "av",
        "org": "Org.nr.", "phone": "Telefon", "account": "Kontonr.",
        "m_back": "Innboks", "m_from": "Fra", "m_to": "Til", "m_received": "Mottatt", "m_at": "kl.",
        "m_subject": "Årsoppgave egenandeler {year}", "m_tools": ("Del", "Last ned",
        "Arkiver", "Mapper"), "m_title": "Årsoppgave – betalte egenandeler {year}",
        "m_patient": "Pasient", "m_born": "født", "m_intro": "Her er egenandelene du har "
        "betalt hos oss i {year}. Oppgaven kan brukes som dokumentasjon, for eksempel overfor "
        "arbeidsgiver eller forsikringsselskap.", "m_sum": "Sum betalte egenandeler {year}",
        "m_limit": "Egenandelstaket for {year} er {limit}. Egenandeler du har betalt andre "
        "steder, ser du på helsenorge.no.", "m_bye": "Med vennlig hilsen", "m_desk":
        "Ekspedisjonen", "m_inbox": "Innboks", "m_search": "Søk i posten", "m_others": (
        ("Skatteetaten", "Skattemeldingen for 2025 er klar"), ("Bergen kommune",
        "Faktura kommunale avgifter"), ("Posten", "Varsel om pakke")),
        "h_title": "KVITTERING", "h_no": "Kvitteringsnr.", "h_date": "Dato", "h_patient":
        "Kunde", "h_born": "Født", "h_by": "Audiograf", "h_what": "Vare / tjeneste",
        "h_qty": "Ant.", "h_amount": "Beløp", "h_total": "Totalt betalt", "h_paid":
        "Betalt med bankkort", "h_vat": "Herav mva. 25 %", "h_free":
        "Helsetjenester er fritatt for mva.", "h_next": "Neste time", "h_thanks":
        "Takk for besøket!",
        "l_title": "Pasientkvittering", "l_dept": "Poliklinikk ortopedi", "l_visit":
        "Besøksdato", "l_ref": "Henvist av", "l_no": "Kvitteringsnr.", "l_patient":
        "Pasient", "l_what": "Ytelse", "l_code": "Kode", "l_amount": "Beløp", "l_total":
        "Totalt betalt", "l_paid": "Betalt i terminal ved oppmøte", "l_note":
        "Behandlingen er privat og teller ikke mot egenandelstaket. Ta vare på kvitteringen "
        "til forsikringsselskapet ditt.", "l_label": "Avd. ORT POL", "l_born": "f.",
        "r_title": "Kvittering for betalt time", "r_patient": "Pasient", "r_no":
        "Kvitteringsnr.", "r_text": "Vi bekrefter å ha mottatt betaling for timen {day}.",
        "r_items": "Timen gjaldt:", "r_total": "Til sammen betalt", "r_paid":
        "Betalt med faktura (forfall {due}).", "r_vat": "Helsetjenester er fritatt for "
        "merverdiavgift.", "r_bye": "Med vennlig hilsen", "r_subject": "Kvittering",
        "n_note": "Legges ved refusjonskravet",
    },
    "nn": {
        "p_title": "Eigendelsoversikt – legemiddel på blå resept", "p_service":
        "Kundeservice", "p_customer": "Kunde", "p_born": "Fødselsdato", "p_member":
        "Medlemsnr.", "p_period": "Periode", "p_printed": "Utskriftsdato", "p_intro":
        "Her er eigendelane du har betalt for legemiddel på blå resept i apoteka våre.",
        "p_when": "Utlevert", "p_branch": "Apotek", "p_item": "Legemiddel", "p_rx":
        "Reseptnr.", "p_price": "Pris", "p_helfo": "Helfo betaler", "p_fee": "Eigendel",
        "p_sum": "Sum eigendelar {year}", "p_note": "Eigendelane er melde til Helfo og tel "
        "med mot eigendelstaket ({limit} i {year}). Oversikta gjeld berre kjøp i apoteka "
        "våre.", "p_page": "Side {n} av {of}",
        "a_title": "KONTOUTSKRIFT", "a_sub": "Kundekonto – eigendelar fysioterapi",
        "a_customer": "Kundenr.", "a_period": "Periode", "a_date": "Dato", "a_voucher":
        "Bilag", "a_text": "Tekst", "a_amount": "Beløp", "a_balance": "Saldo", "a_open":
        "Inngåande saldo", "a_close": "Utgåande saldo", "a_visit": "Behandling, takst {code}",
        "a_paid": "Innbetaling, {how}", "a_how": ("Vipps", "bankkort", "faktura"), "a_sum":
        "Sum belasta eigendelar {year}", "a_payments": "Sum innbetalt", "a_note":
        "Eigendelane er rapporterte til Helfo og tel mot frikort. Eigendelstak {year}: "
        "{limit}.", "a_printed": "Utskrift {stamp}", "a_page": "Side", "a_of": "av",
        "org": "Org.nr.", "phone": "Telefon", "account": "Kontonr.",
        "m_back": "Innboks", "m_from": "Frå", "m_to": "Til", "m_received": "Motteke", "m_at": "kl.",
        "m_subject": "Årsoppgåve eigendelar {year}", "m_tools": ("Del", "Last ned",
        "Arkiver", "Mapper"), "m_title": "Årsoppgåve – betalte eigendelar {year}",
        "m_patient": "Pasient", "m_born": "fødd", "m_intro": "Her er eigendelane du har "
        "betalt hos oss i {year}. Oppgåva kan brukast som dokumentasjon, til dømes overfor "
        "arbeidsgivar eller forsikringsselskap.", "m_sum": "Sum betalte eigendelar {year}",
        "m_limit": "Eigendelstaket for {year} er {limit}. Eigendelar du har betalt andre "
        "stader, ser du på helsenorge.no.", "m_bye": "Med venleg helsing", "m_desk":
        "Ekspedisjonen", "m_inbox": "Innboks", "m_search": "Søk i posten", "m_others": (
        ("Skatteetaten", "Skattemeldinga for 2025 er klar"), ("Voss herad",
        "Faktura kommunale avgifter"), ("Posten", "Varsel om pakke")),
        "h_title": "KVITTERING", "h_no": "Kvitteringsnr.", "h_date": "Dato", "h_patient":
        "Kunde", "h_born": "Fødd", "h_by": "Audiograf", "h_what": "Vare / teneste",
        "h_qty": "Tal", "h_amount": "Beløp", "h_total": "Totalt betalt", "h_paid":
        "Betalt med bankkort", "h_vat": "Av dette mva. 25 %", "h_free":
        "Helsetenester er fritekne for mva.", "h_next": "Neste time", "h_thanks":
        "Takk for besøket!",
        "l_title": "Pasientkvittering", "l_dept": "Poliklinikk ortopedi", "l_visit":
        "Besøksdato", "l_ref": "Tilvist av", "l_no": "Kvitteringsnr.", "l_patient":
        "Pasient", "l_what": "Yting", "l_code": "Kode", "l_amount": "Beløp", "l_total":
        "Totalt betalt", "l_paid": "Betalt i terminal ved oppmøte", "l_note":
        "Behandlinga er privat og tel ikkje mot eigendelstaket. Ta vare på kvitteringa til "
        "forsikringsselskapet ditt.", "l_label": "Avd. ORT POL", "l_born": "f.",
        "r_title": "Kvittering for betalt time", "r_patient": "Pasient", "r_no":
        "Kvitteringsnr.", "r_text": "Vi stadfestar å ha motteke betaling for timen {day}.",
        "r_items": "Timen galdt:", "r_total": "Til saman betalt", "r_paid":
        "Betalt med faktura (forfall {due}).", "r_vat": "Helsetenester er fritekne for "
        "meirverdiavgift.", "r_bye": "Med venleg helsing", "r_subject": "Kvittering",
        "n_note": "Leggjast ved refusjonskravet",
    },
    "en": {
        "p_title": "User fee statement – medicines on blue prescription", "p_service":
        "Customer service", "p_customer": "Customer", "p_born": "Date of birth", "p_member":
        "Member no.", "p_period": "Period", "p_printed": "Printed", "p_intro":
        "These are the user fees you have paid for medicines on blue prescription in our "
        "pharmacies.", "p_when": "Dispensed", "p_branch": "Pharmacy", "p_item": "Medicine",
        "p_rx": "Prescription no.", "p_price": "Price", "p_helfo": "Paid by Helfo", "p_fee":
        "User fee", "p_sum": "Total user fees {year}", "p_note": "The user fees have been "
        "reported to Helfo and count towards the user fee ceiling ({limit} in {year}). The "
        "statement only covers purchases in our pharmacies.", "p_page": "Page {n} of {of}",
        "a_title": "ACCOUNT STATEMENT", "a_sub": "Customer account – physiotherapy user fees",
        "a_customer": "Customer no.", "a_period": "Period", "a_date": "Date", "a_voucher":
        "Voucher", "a_text": "Description", "a_amount": "Amount", "a_balance": "Balance",
        "a_open": "Opening balance", "a_close": "Closing balance", "a_visit":
        "Treatment, tariff code {code}", "a_paid": "Payment, {how}", "a_how": ("Vipps",
        "card", "invoice"), "a_sum": "Total user fees charged in {year}", "a_payments":
        "Total paid", "a_note": "The user fees have been reported to Helfo and count "
        "towards the exemption card. User fee ceiling {year}: {limit}.", "a_printed":
        "Printed {stamp}", "a_page": "Page", "a_of": "of", "org": "Org. no.", "phone":
        "Phone", "account": "Account no.",
        "m_back": "Inbox", "m_from": "From", "m_to": "To", "m_received": "Received", "m_at": "at",
        "m_subject": "Annual statement of user fees {year}", "m_tools": ("Share", "Download",
        "Archive", "Folders"), "m_title": "Annual statement – user fees paid in {year}",
        "m_patient": "Patient", "m_born": "born", "m_intro": "These are the user fees you "
        "have paid with us in {year}. You may use the statement as documentation, for "
        "example for your employer or insurer.", "m_sum": "Total user fees paid in {year}",
        "m_limit": "The user fee ceiling for {year} is {limit}. User fees you have paid "
        "elsewhere are shown on helsenorge.no.", "m_bye": "Kind regards", "m_desk":
        "Reception", "m_inbox": "Inbox", "m_search": "Search your mail", "m_others": (
        ("Skatteetaten", "Your 2025 tax return is ready"), ("Bergen kommune",
        "Invoice, municipal charges"), ("Posten", "Parcel notice")),
        "h_title": "RECEIPT", "h_no": "Receipt no.", "h_date": "Date", "h_patient":
        "Customer", "h_born": "Born", "h_by": "Audiologist", "h_what": "Item / service",
        "h_qty": "Qty", "h_amount": "Amount", "h_total": "Total paid", "h_paid":
        "Paid by debit card", "h_vat": "Of which VAT 25%", "h_free":
        "Health services are exempt from VAT.", "h_next": "Next appointment", "h_thanks":
        "Thank you for your visit!",
        "l_title": "Patient receipt", "l_dept": "Orthopaedic outpatient clinic", "l_visit":
        "Date of visit", "l_ref": "Referred by", "l_no": "Receipt no.", "l_patient":
        "Patient", "l_what": "Service", "l_code": "Code", "l_amount": "Amount", "l_total":
        "Total paid", "l_paid": "Paid at the terminal on arrival", "l_note":
        "This treatment is private and does not count towards the user fee ceiling. Keep the "
        "receipt for your insurer.", "l_label": "Dept. ORT OPD", "l_born": "DOB",
        "r_title": "Receipt for a paid appointment", "r_patient": "Patient", "r_no":
        "Receipt no.", "r_text": "We confirm that we have received payment for your "
        "appointment on {day}.", "r_items": "The appointment was for:", "r_total":
        "Total paid", "r_paid": "Paid by invoice (due {due}).", "r_vat":
        "Health services are exempt from VAT.", "r_bye": "Kind regards", "r_subject":
        "Receipt", "n_note": "Attach to the refund claim",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "1 234,50 nkr" (nkr_lower), "1,234.50 nkr" (nkr_lower_point), "+1 234,50
    kr" (plus_kr: a charge on an account; a payment "−1 234,50 kr"), "+NOK 1,234.50" (plus_nok),
    "kroner 1 234,50" (kroner_before), "1,234.50 kroner" (kroner_point), "KR 1,234.50"
    (upper_kr_point), "1 234 kroner og 50 øre" ("1 234 kroner" when whole; prose_kroner) or
    "1,234 kroner and 50 øre" (prose_kroner_en)."""
    sign = "−" if amount < 0 else "+"
    whole, cents = f"{abs(amount):.2f}".split(".")
    grouped = f"{int(whole):,}"
    spaced = grouped.replace(",", NBSP)
    match style:
        case "nkr_lower":
            return f"{spaced},{cents}{NBSP}nkr"
        case "nkr_lower_point":
            return f"{grouped}.{cents}{NBSP}nkr"
        case "plus_kr":
            return f"{sign}{spaced},{cents}{NBSP}kr"
        case "plus_nok":
            return f"{sign}NOK{NBSP}{grouped}.{cents}"
        case "kroner_before":
            return f"kroner{NBSP}{spaced},{cents}"
        case "kroner_point":
            return f"{grouped}.{cents}{NBSP}kroner"
        case "upper_kr_point":
            return f"KR{NBSP}{grouped}.{cents}"
        case "prose_kroner":
            shown = f"{spaced}{NBSP}kroner"
            return shown if cents == "00" else f"{shown} og {int(cents)}{NBSP}øre"
        case _:
            shown = f"{grouped}{NBSP}kroner"
            return shown if cents == "00" else f"{shown} and {int(cents)}{NBSP}øre"


def ordinal(number: int) -> str:
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def day(value: date, style: str, language: str = "nb", clock: str = "12:00:00") -> str:
    """A date as "12.03.2025 14:32:07" ("12/03/2025 14:32:07"; numeric_seconds, a pharmacy's
    dispensing to the second from ``clock``), "ons 05 mar 2025" ("Wed Mar 05 2025"; plain_abbr,
    as a program's "%a %d %b %Y" and JavaScript write a date), "den 12. mars" ("12th March";
    den_day_month, the year in the heading), "12. MARS 2025" ("MARCH 12, 2025";
    upper_long_month), "12.03.2025 (uke 11)" ("12/03/2025 (week 11)", "veke" in nynorsk;
    week_number) or "den 12.03.2025" ("the 12th of March 2025"; den_numeric)."""
    english = language == "en"
    month = MONTHS[language][value.month - 1]
    match style:
        case "numeric_seconds":
            shown = f"{value:%d/%m/%Y}" if english else f"{value:%d.%m.%Y}"
            return f"{shown}{NBSP}{clock}"
        case "plain_abbr":
            short = SHORT_MONTHS[language][value.month - 1]
            weekday = SHORT_WEEKDAYS[language][value.weekday()]
            if english:
                return f"{weekday}{NBSP}{short}{NBSP}{value.day:02d}{NBSP}{value.year}"
            return f"{weekday}{NBSP}{value.day:02d}{NBSP}{short}{NBSP}{value.year}"
        case "den_day_month":
            if english:
                return f"{ordinal(value.day)}{NBSP}{month}"
            return f"den{NBSP}{value.day}.{NBSP}{month}"
        case "upper_long_month":
            if english:
                return f"{month.upper()}{NBSP}{value.day},{NBSP}{value.year}"
            return f"{value.day}.{NBSP}{month.upper()}{NBSP}{value.year}"
        case "week_number":
            week = value.isocalendar().week
            word = {"nb": "uke", "nn": "veke", "en": "week"}[language]
            shown = f"{value:%d/%m/%Y}" if english else f"{value:%d.%m.%Y}"
            return f"{shown}{NBSP}({word}{NBSP}{week})"
        case _:
            if english:
                return f"the{NBSP}{ordinal(value.day)}{NBSP}of{NBSP}{month}{NBSP}{value.year}"
            return f"den{NBSP}{value:%d.%m.%Y}"


def dispensed_clock(fee: Fee, number: int) -> str:
    """The time a prescription was dispensed, to the second."""
    seed = fee.day.toordinal() + number * 37
    return f"{9 + seed % 9:02d}:{seed * 7 % 60:02d}:{seed * 13 % 60:02d}"


def shown_date(document: Overview | Receipt, value: date, number: int = 0) -> str:
    """A date of the document as it prints it (``number``: the fee's place in the year, for
    the time a pharmacy prints beside it)."""
    if isinstance(document, Overview) and document.date_style == "numeric_seconds":
        fee = next(fee for fee in document.fees if fee.day == value)
        clock = dispensed_clock(fee, document.fees.index(fee))
        return day(value, document.date_style, document.language, clock)
    return day(value, document.date_style, document.language)


def left(document: Overview) -> Decimal:
    """What is left before the exemption card (never the total itself: ``content``)."""
    return document.limit - document.total


def limit_shown(document: Overview) -> str:
    grouped = f"{int(document.limit):,}"
    if document.language == "en":
        return f"NOK{NBSP}{grouped}"
    return f"kr{NBSP}{grouped.replace(',', NBSP)}"


def period_end(document: Overview) -> date:
    """The last day a statement covers: the day it was printed, or the year's end."""
    return min(document.printed_at, date(document.year, 12, 31))


def medicine(fee: Fee) -> str:
    """The medicine dispensed: one whose price range holds the fee's price."""
    price = fee.amount + (fee.covered or Decimal(0))
    names = [
        name for name, (low, high) in sorted(BLIND13_MEDICINES.items()) if low <= price <= high
    ]
    return names[fee.day.toordinal() % len(names)]


def prescription_number(fee: Fee) -> str:
    seed = fee.day.toordinal() * 7919 + int(fee.amount * 100)
    return f"{seed % 900_000_000 + 100_000_000}"


def physio_code(fee: Fee) -> str:
    return ("A2a", "A2b", "A2a")[fee.day.toordinal() % 3]


def payments(document: Overview) -> list[tuple[date, Decimal, int]]:
    """When the account's charges were paid: each month's charges together a few days after
    the month's last treatment (never on a treatment's day), and how (``a_how``'s index)."""
    by_month: dict[int, list[Fee]] = {}
    for fee in document.fees:
        by_month.setdefault(fee.day.month, []).append(fee)
    days = {fee.day for fee in document.fees}
    paid = []
    for month, fees in sorted(by_month.items()):
        when = max(fee.day for fee in fees) + timedelta(days=3 + month % 4)
        while when in days or when.weekday() > 4:
            when += timedelta(days=1)
        paid.append((when, sum((fee.amount for fee in fees), Decimal(0)), month % 3))
    return paid


def practitioner(document: Overview, fee: Fee) -> str:
    """Who a health centre's visit was with (a doctor, a lab, a physiotherapist, a
    psychologist)."""
    seed = document.birth_date.toordinal() + fee.day.toordinal() % 2
    doctors = ("Dr. Siri Moen", "Dr. Anders Hov", "Dr. Linn Bakke")
    staff = {
        "gp": doctors[seed % 3],
        "gp_video": doctors[seed % 3],
        "lab": "Laboratoriet",
        "physiotherapist": "Fysioterapeut Kim Lunde",
        "psychologist": "Psykolog Mari Ness",
    }
    service = fee.service.lower()
    if "video" in service:
        return staff["gp_video"]
    if service.startswith(("fastlege", "gp")):
        return staff["gp"]
    if service.startswith(("lab",)):
        return staff["lab"]
    if service.startswith(("fysio", "physio")):
        return staff["physiotherapist"]
    return staff["psychologist"]


def html(
    document: Overview | Receipt,
    *,
    phone: bool = False,
    ipad: bool = False,
) -> str:
    """The document in its layout; ``phone`` for the digital mailbox on a phone (an overview)
    or on the large phone (a receipt), ``ipad`` for the mailbox on a tablet."""
    if isinstance(document, Receipt):
        match document.layout:
            case "hearing_receipt":
                return _hearing(document)
            case "label_receipt":
                return _label(document)
            case _:
                return mailbox_receipt(document)
    if ipad:
        return mailbox_ipad(document)
    if phone or document.layout == BLIND13_PHONE_LAYOUT:
        return mailbox_phone(document)
    if document.layout == "account_statement":
        return _account(document)
    return _pharmacy(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def _street(seed: int) -> str:
    return f"{BLIND13_STREETS[seed % len(BLIND13_STREETS)]} {seed % 37 + 2}"


# ---- a pharmacy chain's statement of the user fees for medicines on blue prescription ------

PHARMACY_CSS = """
@page { size: A4; margin: 15mm 15mm 18mm 15mm;
  @bottom-right { content: var(--page); font-family: 'Liberation Sans', sans-serif;
    font-size: 7.5pt; color: #444; } }
body { font-family: 'Liberation Sans', sans-serif; font-size: 8.6pt; color: #1b1b1b; }
.head { display: flex; justify-content: space-between; align-items: flex-start; }
.logo { font-size: 19pt; font-weight: bold; color: #00693c; letter-spacing: -0.5px; }
.logo span { display: block; font-size: 8pt; font-weight: normal; color: #333;
  letter-spacing: 0; white-space: nowrap; margin-top: 3px; }
.who { width: auto; border: 1px solid #b9c7bf; padding: 6px 10px; font-size: 8.4pt;
  line-height: 1.45; }
.who td { padding: 0 10px 0 0; } .who td.k { color: #4a5a52; }
h1 { font-size: 12.5pt; margin: 16px 0 4px 0; color: #00693c; }
.intro { margin: 0 0 10px 0; }
table.f th { background: #e6f0ea; font-size: 7.8pt; padding: 4px 4px; text-align: left;
  border-bottom: 1px solid #00693c; }
table.f td { padding: 4px 4px; border-bottom: 0.5px solid #cfd8d3; vertical-align: top;
  font-size: 8.2pt; }
table.f tr { break-inside: avoid; } td.n, th.n { white-space: nowrap; }
td.g { color: #555; }
tr.sum td { font-weight: bold; font-size: 9.4pt; border-top: 1.5px solid #00693c;
  border-bottom: none; padding-top: 6px; }
.note { margin-top: 12px; font-size: 7.8pt; color: #333; line-height: 1.4; }
"""


def _pharmacy(document: Overview) -> str:
    """A pharmacy chain's statement (A4, an Arial-like face): the chain's name and customer
    service, a box with the customer (the name, the birth date, the member number, the period
    and the print's date), the title, a row for each prescription dispensed (the time to the
    second, the branch, the medicine, the prescription's number, the price, Helfo's part and
    the user fee), the sum of the user fees and a note with the limit; the page's number at
    the foot."""
    words = WORDS[document.language]
    chain = document.fees[0].provider.rsplit(" ", 1)[0]
    for place in BLIND13_PLACES:
        chain = chain.removesuffix(f" {place}")
    seed = document.birth_date.toordinal()
    plain = "nkr_lower" if document.language != "en" else "nkr_lower_point"
    rows = []
    for fee in _ordered(document):
        number = document.fees.index(fee)
        price = fee.amount + (fee.covered or Decimal(0))
        rows.append(
            f"<tr><td class='n'>{shown_date(document, fee.day, number)}</td><td>"
            f"{escape(fee.provider)}</td><td>{escape(medicine(fee))}</td><td class='n g'>"
            f"{prescription_number(fee)}</td><td class='amount g'>"
            f"{money(price, plain).rsplit(NBSP, 1)[0]}</td><td class='amount g'>"
            f"{money(fee.covered or Decimal(0), plain).rsplit(NBSP, 1)[0]}</td>"
            f"<td class='amount'>{_amount(fee.amount, document)}</td></tr>"
        )
    who = (
        (words["p_customer"], escape(document.name)),
        (words["p_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["p_member"], f"{seed * 31 % 9_000_000 + 1_000_000}"),
        (words["p_period"], f"01.01.{document.year}–{period_end(document):%d.%m.%Y}"),
        (words["p_printed"], f"{document.printed_at:%d.%m.%Y}"),
    )
    body = (
        f"<div class='head'><div class='logo'>{escape(chain)}<span>"
        f"{_say(words, 'p_service')} · 22 {seed % 90 + 10} {seed % 80 + 10} 00</span></div>"
        "<table class='who'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{v}</td></tr>" for k, v in who)
        + f"</table></div><h1>{_say(words, 'p_title')}</h1><p class='intro'>"
        f"{_say(words, 'p_intro')}</p><table class='f'><tr><th class='n'>"
        f"{_say(words, 'p_when')}</th><th>{_say(words, 'p_branch')}</th><th>"
        f"{_say(words, 'p_item')}</th><th class='n'>{_say(words, 'p_rx')}</th>"
        f"<th class='amount'>{_say(words, 'p_price')}</th><th class='amount'>"
        f"{_say(words, 'p_helfo')}</th><th class='amount'>{_say(words, 'p_fee')}</th></tr>"
        f"{''.join(rows)}<tr class='sum'><td colspan='6'>"
        f"{_say(words, 'p_sum', year=document.year)}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td></tr></table><div class='note'>"
        f"{_say(words, 'p_note', limit=limit_shown(document), year=document.year)}</div>"
    )
    foot = words["p_page"].format(n="' counter(page) '", of="' counter(pages) '")
    return page(body, PHARMACY_CSS.replace("var(--page)", f"'{foot}'"))


# ---- a physiotherapy clinic's account statement ---------------------------------------------

ACCOUNT_CSS = """
@page { size: A4; margin: 14mm 16mm 16mm 18mm;
  @bottom-left { content: var(--printed); font-family: 'Liberation Sans', sans-serif;
    font-size: 7pt; color: #555; }
  @bottom-right { content: var(--page); font-family: 'Liberation Sans', sans-serif;
    font-size: 7pt; color: #555; } }
body { font-family: 'Liberation Sans', sans-serif; font-size: 9pt; color: #161616; }
.head { display: flex; justify-content: space-between; }
.clinic b { font-size: 14pt; color: #1f4e79; display: block; }
.clinic { font-size: 8pt; line-height: 1.45; color: #333; }
.title { text-align: right; } .title b { font-size: 15pt; letter-spacing: 1px; }
.title div { font-size: 8.5pt; color: #333; margin-top: 2px; }
.to { margin: 16mm 0 8mm 0; font-size: 10pt; line-height: 1.4; }
table.meta { width: auto; font-size: 8.5pt; margin-bottom: 8px; }
table.meta td { padding: 1px 14px 1px 0; }
table.l { font-family: 'Liberation Sans Narrow', 'Liberation Sans', sans-serif;
  font-size: 9.4pt; }
table.l th { border-top: 1.5px solid #1f4e79; border-bottom: 1px solid #1f4e79;
  padding: 4px 5px; font-size: 8.6pt; }
table.l td { padding: 3px 5px; border-bottom: 0.5px solid #d5dbe3; }
table.l tr { break-inside: avoid; } td.d { white-space: nowrap; } td.v { color: #555; }
tr.pay td { color: #3b5b3b; } tr.o td { font-style: italic; color: #333; }
.sums { margin-top: 10px; width: 95mm; margin-left: auto; font-size: 9.4pt; }
.sums td { padding: 3px 4px; } .sums tr.t td { font-weight: bold;
  border-top: 1px solid #1f4e79; }
.note { margin-top: 12px; font-size: 8pt; color: #333; }
"""


def _account(document: Overview) -> str:
    """A physiotherapy clinic's account statement (A4): the clinic's name, address, phone,
    organisation number and account; the title, the customer's number and the period; the
    name and address in the envelope's window; the ledger (the opening balance, each
    treatment charged with its voucher and takst code, each payment, the running balance,
    the closing balance), the sums charged and paid, a note with the limit; the print's time
    and page at the foot."""
    words = WORDS[document.language]
    clinic = document.fees[0].provider
    seed = document.birth_date.toordinal()
    zero = Decimal("0.00")
    plain_balance = "nkr_lower" if document.language != "en" else "nkr_lower_point"
    entries: list[tuple[date, int, str, Decimal]] = []
    for fee in document.fees:
        entries.append((fee.day, 0, _say(words, "a_visit", code=physio_code(fee)), fee.amount))
    for when, amount, how in payments(document):
        entries.append((when, 1, _say(words, "a_paid", how=words["a_how"][how]), -amount))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    balance = zero
    opening = (
        f"<tr class='o'><td class='d'>01.01.{document.year}</td><td></td><td>"
        f"{_say(words, 'a_open')}</td><td></td><td class='amount'>"
        f"{money(zero, plain_balance).rsplit(NBSP, 1)[0]}</td></tr>"
    )
    rows = [opening]
    for number, (when, kind, text, amount) in enumerate(entries):
        balance += amount
        shown = day(when, document.date_style, document.language)
        rows.append(
            f"<tr class='{'pay' if kind else ''}'><td class='d'>{shown}</td><td class='v'>"
            f"{seed % 700 + 100 + number * 3}</td><td>{text}</td><td class='amount'>"
            f"{_amount(amount, document)}</td><td class='amount'>"
            f"{money(balance, plain_balance).rsplit(NBSP, 1)[0]}</td></tr>"
        )
    last = max(entry[0] for entry in entries)
    rows.append(
        f"<tr class='o'><td class='d'>{last:%d.%m.%Y}</td><td></td><td>"
        f"{_say(words, 'a_close')}</td><td></td><td class='amount'>"
        f"{money(balance, plain_balance).rsplit(NBSP, 1)[0]}</td></tr>"
    )
    paid = sum((amount for _, amount, _ in payments(document)), zero)
    phone = f"{seed % 60 + 31} {seed % 89 + 10} {seed % 77 + 20} {seed % 67 + 30}"
    organisation = organisation_number(random.Random(seed * 3))
    town = clinic.split()[-1] if clinic.split()[-1] in BLIND13_PLACES else clinic.split()[0]
    meta = (
        (words["a_customer"], f"{seed % 90_000 + 10_000}"),
        (words["a_period"], f"01.01.{document.year}–{last:%d.%m.%Y}"),
    )
    body = (
        f"<div class='head'><div class='clinic'><b>{escape(clinic)}</b>"
        f"{escape(_street(seed))}, {1800 + seed % 900} {escape(town)}<br>"
        f"{_say(words, 'phone')} {phone} · {_say(words, 'org')} "
        f"{org_number(organisation, 2)}<br>{_say(words, 'account')} "
        f"{1500 + seed % 8000}.{seed % 90 + 10}.{seed % 90_000 + 10_000}</div>"
        f"<div class='title'><b>{_say(words, 'a_title')}</b><div>{_say(words, 'a_sub')}</div>"
        f"</div></div><div class='to'>{escape(document.name)}<br>"
        f"{escape(_street(seed + 5))}<br>{1300 + seed % 8000} "
        f"{escape(BLIND13_PLACES[seed % len(BLIND13_PLACES)].upper())}</div><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in meta)
        + f"</table><table class='l'><tr><th>{_say(words, 'a_date')}</th><th>"
        f"{_say(words, 'a_voucher')}</th><th>{_say(words, 'a_text')}</th><th class='amount'>"
        f"{_say(words, 'a_amount')}</th><th class='amount'>{_say(words, 'a_balance')}</th></tr>"
        f"{''.join(rows)}</table><table class='sums'><tr class='t'><td>"
        f"{_say(words, 'a_sum', year=document.year)}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td></tr><tr><td>{_say(words, 'a_payments')}"
        f"</td><td class='amount'>{money(paid, plain_balance).rsplit(NBSP, 1)[0]}</td></tr>"
        f"</table><div class='note'>"
        f"{_say(words, 'a_note', year=document.year, limit=limit_shown(document))}</div>"
    )
    moment = document.printed_at
    stamp = f"{moment:%d.%m.%Y} {8 + moment.day % 9:02d}.{moment.month * 4 + 3:02d}"
    css = ACCOUNT_CSS.replace(
        "var(--printed)", repr(words["a_printed"].format(stamp=stamp))
    ).replace(
        "var(--page)",
        f"'{words['a_page']} ' counter(page) ' {words['a_of']} ' counter(pages)",
    )
    return page(body, css)


# ---- a health centre's annual statement in the digital mailbox ------------------------------

LETTER_CSS = """
.env { background: #fff; padding: 12px 16px 10px 16px; border-bottom: 1px solid #dfe2e6; }
.env .who { display: flex; align-items: center; }
.env .av { width: 38px; height: 38px; border-radius: 19px; background: #2d6a4f;
  color: #fff; font-weight: bold; font-size: 15px; line-height: 38px; text-align: center;
  margin-right: 10px; }
.env .from { font-weight: bold; font-size: 15px; }
.env .meta { font-size: 12px; color: #5f6770; margin-top: 1px; }
.env h1 { font-size: 19px; margin: 12px 0 0 0; color: #15191e; }
.card { background: #fff; margin: 12px 10px 14px 10px; border: 1px solid #dfe2e6;
  border-radius: 10px; padding: 14px 14px 16px 14px; font-size: 14px; color: #1b1f24; }
.card .org { font-weight: bold; font-size: 16px; color: #2d6a4f; }
.card .addr { font-size: 11px; color: #5f6770; margin-bottom: 10px; }
.card h2 { font-size: 16px; margin: 6px 0 6px 0; }
.card .pt { margin-bottom: 6px; }
.card .intro { font-size: 13px; color: #30363d; margin: 0 0 8px 0; line-height: 1.35; }
.row { display: flex; border-top: 1px solid #e5e8eb; padding: 6px 0 6px 0; }
.row .l { flex: 1; } .row .d { font-weight: bold; font-size: 14px; }
.row .s { font-size: 12px; color: #4d555e; }
.row .a { white-space: nowrap; font-size: 14px; margin-left: 8px; padding-top: 1px; }
.sum { display: flex; justify-content: space-between; border-top: 2px solid #2d6a4f;
  padding-top: 7px; font-weight: bold; font-size: 15px; }
.sum span:last-child { white-space: nowrap; margin-left: 8px; }
.lim { font-size: 12px; color: #4d555e; margin-top: 8px; line-height: 1.35; }
.bye { margin-top: 10px; font-size: 13px; }
"""

PHONE_FRAME_CSS = """
body { background: #eef0f2; font-family: 'Liberation Sans', sans-serif; }
.status { height: 47px; box-sizing: border-box; padding: 15px 28px 0 30px; display: flex;
  justify-content: space-between; font-size: 15px; font-weight: bold; background: #fff; }
.bar { height: 52px; box-sizing: border-box; display: flex; align-items: center;
  padding: 0 14px; background: #fff; border-bottom: 1px solid #dfe2e6; }
.bar .back { color: #d4262e; font-size: 16px; width: 90px; }
.bar .t { flex: 1; text-align: center; font-weight: bold; font-size: 15px; }
.bar .more { color: #d4262e; font-size: 20px; width: 90px; text-align: right; }
.tools { height: 50px; box-sizing: border-box; display: flex; justify-content: space-around;
  align-items: center; background: #fff; border-top: 1px solid #dfe2e6; font-size: 12px;
  color: #d4262e; }
.home { height: 34px; background: #fff; position: relative; }
.home div { position: absolute; left: 50%; margin-left: -67px; top: 20px; width: 134px;
  height: 5px; border-radius: 3px; background: #111; }
"""


def sender(document: Overview) -> str:
    return document.fees[0].provider


def received(document: Overview) -> date:
    """The day the statement reached the mailbox (after the year's last fee)."""
    return document.printed_at


def _envelope(document: Overview, words: dict[str, Any]) -> str:
    initials = "".join(part[0] for part in sender(document).split()[:2]).upper()
    moment = received(document)
    return (
        f"<div class='env'><div class='who'><div class='av'>{escape(initials)}</div><div>"
        f"<div class='from'>{escape(sender(document))}</div><div class='meta'>"
        f"{_say(words, 'm_received')} {moment:%d.%m.%Y} {_say(words, 'm_at')} "
        f"{7 + moment.day % 10:02d}:{moment.month * 3 + 10:02d}</div></div></div>"
        f"<h1>{_say(words, 'm_subject', year=document.year)}</h1></div>"
    )


def _letter_card(document: Overview, words: dict[str, Any]) -> str:
    """The statement itself, as the app shows a letter sent as HTML: the centre, its address
    and organisation number, the title, the patient and the birth date, a line of
    introduction, a row for each fee (the day and month, the service and who gave it, the
    amount), the sum, the limit, the greeting."""
    seed = document.birth_date.toordinal()
    centre = sender(document)
    organisation = organisation_number(random.Random(seed * 5))
    rows = "".join(
        f"<div class='row'><div class='l'><div class='d'>"
        f"{day(fee.day, document.date_style, document.language)}</div><div class='s'>"
        f"{escape(fee.service)} · {escape(practitioner(document, fee))}</div></div>"
        f"<div class='a'>{_amount(fee.amount, document)}</div></div>"
        for fee in _ordered(document)
    )
    return (
        f"<div class='card'><div class='org'>{escape(centre)}</div><div class='addr'>"
        f"{escape(_street(seed))} · {_say(words, 'org')} {org_number(organisation, 1)}</div>"
        f"<h2>{_say(words, 'm_title', year=document.year)}</h2><div class='pt'>"
        f"{_say(words, 'm_patient')}: <b>{escape(document.name)}</b> ({_say(words, 'm_born')} "
        f"{document.birth_date:%d.%m.%Y})</div><p class='intro'>"
        f"{_say(words, 'm_intro', year=document.year)}</p>{rows}<div class='sum'><span>"
        f"{_say(words, 'm_sum', year=document.year)}</span><span>"
        f"{_amount(document.total, document)}</span></div><div class='lim'>"
        f"{_say(words, 'm_limit', year=document.year, limit=limit_shown(document))}</div>"
        f"<div class='bye'>{_say(words, 'm_bye')}<br>{escape(centre)}, "
        f"{_say(words, 'm_desk')}</div></div>"
    )


def phone_height(rows: int, extra: int = 0) -> int:
    """Room enough (CSS pixels) for a letter of ``rows`` rows on the phone (cut below)."""
    return 1200 + 64 * rows + extra


def _phone_chrome(clock: str, battery: int, title: str, words: dict[str, Any]) -> tuple[str, str]:
    top = (
        f"<div class='status'><span>{clock}</span><span>▂▄▆ ◠ {battery}%</span></div>"
        f"<div class='bar'><span class='back'>‹ {_say(words, 'm_back')}</span><span "
        f"class='t'>{escape(title)}</span><span class='more'>⋯</span></div>"
    )
    bottom = (
        "<div class='tools'>"
        + "".join(f"<span>{escape(tool)}</span>" for tool in words["m_tools"])
        + "</div><div class='home'><div></div></div>"
    )
    return top, bottom


def mailbox_phone(document: Overview) -> str:
    """The statement in the digital mailbox app on a phone: the status bar and the app's bar
    (fixed at the top of the screen), the envelope (the sender, when it was received, the
    subject), the letter, then the app's tool bar and the home indicator (fixed at the foot of
    the screen: ``render`` moves them there). One tall page, cut below the tool bar."""
    words = WORDS[document.language]
    moment = received(document)
    top, bottom = _phone_chrome(
        f"{7 + moment.day % 12}:{moment.month * 4 + 3:02d}",
        40 + document.birth_date.day * 2,
        "Digipost",
        words,
    )
    body = top + _envelope(document, words) + _letter_card(document, words) + bottom
    frame = f"@page {{ size: {PHONE[0]}px {phone_height(len(document.fees))}px; margin: 0; }}"
    return page(body, frame + PHONE_FRAME_CSS + LETTER_CSS)


IPAD_CSS = """
body { background: #fff; font-family: 'Liberation Sans', sans-serif; }
.status { height: 24px; box-sizing: border-box; padding: 5px 22px 0 22px; display: flex;
  justify-content: space-between; font-size: 12px; font-weight: bold; }
.split { display: flex; height: 796px; }
.side { width: 330px; background: #f6f7f8; border-right: 1px solid #dfe2e6; }
.side h3 { font-size: 26px; margin: 12px 18px 8px 18px; }
.side .q { margin: 0 16px 10px 16px; background: #e7e9ec; border-radius: 9px;
  padding: 7px 10px; font-size: 14px; color: #6b737c; }
.side .m { padding: 10px 18px; border-top: 1px solid #e3e5e8; font-size: 13px; }
.side .m b { display: block; font-size: 14px; } .side .m span { color: #5f6770; }
.side .m i { float: right; font-style: normal; color: #5f6770; font-size: 12px; }
.side .m.on { background: #d4262e; color: #fff; } .side .m.on span,
.side .m.on i { color: #fde8e9; }
.main { flex: 1; background: #eef0f2; }
.main .bar { height: 50px; box-sizing: border-box; display: flex; align-items: center;
  padding: 0 18px; background: #fff; border-bottom: 1px solid #dfe2e6; font-size: 14px;
  color: #d4262e; }
.main .bar span { margin-left: 22px; } .main .bar span:first-child { margin-left: auto; }
.main .card { margin: 12px 70px 0 70px; }
"""


def mailbox_ipad(document: Overview) -> str:
    """The statement in the digital mailbox app on a tablet in landscape: the status bar with
    the clock and the date, the inbox at the left (a search field, the statement and other
    letters, the statement chosen), and at the right the app's bar and the envelope and
    letter as on the phone."""
    words = WORDS[document.language]
    moment = received(document) + timedelta(days=2)
    weekday = SHORT_WEEKDAYS[document.language][moment.weekday()]
    month = SHORT_MONTHS[document.language][moment.month - 1]
    today = (
        f"{weekday} {moment.day} {month}"
        if document.language == "en"
        else f"{weekday} {moment.day}. {month}."
    )
    others = "".join(
        f"<div class='m'><i>{(moment - timedelta(days=4 + 3 * number)):%d.%m.%Y}</i>"
        f"<b>{escape(who)}</b><span>{escape(what)}</span></div>"
        for number, (who, what) in enumerate(words["m_others"])
    )
    chosen = (
        f"<div class='m on'><i>{received(document):%d.%m.%Y}</i><b>"
        f"{escape(sender(document))}</b><span>"
        f"{_say(words, 'm_subject', year=document.year)}</span></div>"
    )
    tools = "".join(f"<span>{escape(tool)}</span>" for tool in words["m_tools"][:3])
    body = (
        f"<div class='status'><span>{9 + moment.day % 9}:{moment.month * 4 + 1:02d}&nbsp;&nbsp;"
        f"{escape(today)}</span><span>◠ {50 + document.birth_date.day}% ▮</span></div>"
        f"<div class='split'><div class='side'><h3>{_say(words, 'm_inbox')}</h3><div "
        f"class='q'>⌕ {_say(words, 'm_search')}</div>{chosen}{others}</div><div class='main'>"
        f"<div class='bar'>{tools}</div>{_envelope(document, words)}"
        f"{_letter_card(document, words)}</div></div>"
    )
    frame = f"@page {{ size: {IPAD[0]}px {IPAD[1] + 400}px; margin: 0; }}"
    return page(body, frame + LETTER_CSS + IPAD_CSS)


# ---- a hearing clinic's receipt on A5 in landscape -------------------------------------------

HEARING_CSS = """
@page { size: A5 landscape; margin: 10mm 12mm 10mm 12mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 8.6pt; color: #222; }
.grid { display: flex; }
.left { width: 62mm; border-right: 1px solid #c7c0d8; padding-right: 6mm; }
.right { flex: 1; padding-left: 6mm; }
.brand { font-size: 15pt; font-weight: bold; color: #5b3c8c; }
.brand small { display: block; font-size: 7.5pt; font-weight: normal; color: #555;
  margin-top: 2px; line-height: 1.45; }
table.k { margin-top: 8mm; font-size: 8.4pt; } table.k td { padding: 2px 0; }
table.k td.t { color: #666; width: 24mm; }
h1 { font-size: 13pt; letter-spacing: 3px; margin: 0 0 6px 0; color: #5b3c8c; }
table.i th { border-bottom: 1px solid #5b3c8c; padding: 3px 3px; font-size: 8pt; }
table.i td { padding: 4px 3px; border-bottom: 0.5px solid #ddd; }
td.q { text-align: center; width: 10mm; }
tr.t td { border-top: 1.5px solid #5b3c8c; border-bottom: none; font-weight: bold;
  font-size: 10pt; padding-top: 5px; }
.small { font-size: 7.6pt; color: #555; margin-top: 4px; }
.thanks { margin-top: 8px; font-style: italic; color: #5b3c8c; }
"""


def _hearing(document: Receipt) -> str:
    """A hearing clinic's receipt on A5 in landscape: at the left the clinic (its address,
    phone and organisation number), the receipt's number, the date, the customer and the
    birth date, the audiologist; at the right each item with its count and amount, the total
    paid by card, the VAT of the batteries (or none), the next appointment, thanks."""
    words = WORDS[document.language]
    number = document.invoice_number
    audiologist = ("Eva Strand", "Mats Berget", "Nina Haug")[number % 3]
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='q'>1</td><td class='amount'>"
        f"{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    taxed = sum((item.amount for item in document.items if "atteri" in item.text), Decimal("0.00"))
    vat = (taxed / 5).quantize(Decimal("0.01"))
    plain = "nkr_lower" if document.language != "en" else "nkr_lower_point"
    vat_line = (
        f"{_say(words, 'h_vat')}: {money(vat, plain).rsplit(NBSP, 1)[0]}"
        if vat
        else _say(words, "h_free")
    )
    following = document.day + timedelta(days=35 + number % 20)
    meta = (
        (words["h_no"], str(number)),
        (words["h_date"], shown_date(document, document.day)),
        (words["h_patient"], document.patient),
        (words["h_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["h_by"], audiologist),
    )
    body = (
        f"<div class='grid'><div class='left'><div class='brand'>{escape(document.provider)}"
        f"<small>{escape(document.address)}<br>{_say(words, 'phone')} {document.phone}<br>"
        f"{_say(words, 'org')} {org_number(document.organisation_number, 1)}</small></div>"
        "<table class='k'>"
        + "".join(f"<tr><td class='t'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in meta)
        + f"</table></div><div class='right'><h1>{_say(words, 'h_title')}</h1>"
        f"<table class='i'><tr><th>{_say(words, 'h_what')}</th><th class='q'>"
        f"{_say(words, 'h_qty')}</th><th class='amount'>{_say(words, 'h_amount')}</th></tr>"
        f"{rows}<tr class='t'><td colspan='2'>{_say(words, 'h_total')}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td></tr></table><div class='small'>"
        f"{_say(words, 'h_paid')} · Visa •••• {number * 7 % 9000 + 1000}</div>"
        f"<div class='small'>{vat_line}</div><div class='small'>{_say(words, 'h_next')}: "
        f"{following:%d.%m.%Y} {_say(words, 'm_at')} {9 + number % 7}:{number % 4 * 15:02d}</div>"
        f"<div class='thanks'>{_say(words, 'h_thanks')}</div></div></div>"
    )
    return page(body, HEARING_CSS)


# ---- a private hospital's receipt with the patient's label ----------------------------------

LABEL_CSS = """
@page { size: A4; margin: 16mm 18mm 18mm 18mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 9.6pt; color: #1a1a1a; }
.head { display: flex; justify-content: space-between; align-items: flex-start;
  border-bottom: 2px solid #0a5c7a; padding-bottom: 8px; }
.head .hosp { font-size: 17pt; font-weight: bold; color: #0a5c7a; }
.head .dept { font-size: 9pt; color: #333; }
.sticker { width: 68mm; height: 30mm; box-sizing: border-box; border: 0.6pt solid #9a9a9a;
  border-radius: 2mm; background: #fbfbf4; padding: 2mm 3mm; font-family: 'Liberation Mono',
  monospace; font-size: 8pt; line-height: 1.3; margin-top: 1mm; }
.sticker b { font-size: 9.4pt; }
.bars { height: 7mm; margin-top: 1.5mm; display: flex; }
.bars span { display: block; height: 7mm; background: #111; margin-right: 0.45mm; }
h1 { font-size: 15pt; margin: 14px 0 8px 0; }
table.m { width: auto; margin-bottom: 12px; } table.m td { padding: 2px 18px 2px 0; }
table.m td.k { color: #555; }
table.i th { background: #e3eef2; padding: 5px 5px; font-size: 9pt; }
table.i td { padding: 6px 5px; border-bottom: 0.5px solid #c8d3d8; }
td.c { font-family: 'Liberation Mono', monospace; font-size: 8.6pt; color: #444; }
tr.t td { font-weight: bold; font-size: 11pt; border-top: 1.5px solid #0a5c7a;
  border-bottom: none; }
.paid { margin-top: 8px; } .note { margin-top: 18px; font-size: 8.4pt; color: #444;
  width: 130mm; }
.foot { margin-top: 26px; font-size: 8pt; color: #555; }
"""


def label_name(name: str) -> str:
    """The name as a hospital's label prints it: the last surname first, in capitals, then the
    rest ("SKOGSTAD GUNVOR LYSNE")."""
    *rest, surname = name.split()
    return " ".join((surname, *rest)).upper()


def bars(seed: int) -> str:
    widths = [(seed >> (2 * k)) % 3 + 1 for k in range(30)]
    return "".join(f"<span style='width:{0.28 * width:.2f}mm'></span>" for width in widths)


def ortho_code(number: int) -> str:
    return ("ORT01", "RTG12", "INJ04", "ORT23", "JOU01")[number]


def _label(document: Receipt) -> str:
    """A private hospital's receipt for an orthopaedic outpatient visit (A4): the hospital and
    the department, the patient's label stuck on at the top right (the name surname first in
    capitals, the birth date, the birth number's first digits, a bar code, the department),
    the title, the date of the visit with its week, the patient, the referring GP, the
    receipt's number; each service with its code and amount, the total, paid at the
    terminal; a note that the treatment is private."""
    words = WORDS[document.language]
    number = document.invoice_number
    texts = [en if document.language == "en" else nb for nb, en, _ in BLIND13_ORTHO_ITEMS]
    rows = "".join(
        f"<tr><td class='c'>{ortho_code(texts.index(item.text))}</td><td>"
        f"{escape(item.text)}</td><td class='amount'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    born = document.birth_date
    sticker = (
        f"<div class='sticker'><b>{escape(label_name(document.patient))}</b><br>"
        f"{_say(words, 'l_born')} {born:%d.%m.%Y} &nbsp; {born:%d%m%y} *****<br>"
        f"{_say(words, 'l_label')} &nbsp; "
        f"{number % 9000 + 1000}<div class='bars'>{bars(number)}</div></div>"
    )
    gp = ("Dr. Hanne Vik", "Dr. Tore Lie", "Dr. Ane Foss")[number % 3]
    meta = (
        (words["l_visit"], shown_date(document, document.day)),
        (words["l_patient"], document.patient),
        (words["l_ref"], gp),
        (words["l_no"], str(number)),
    )
    body = (
        f"<div class='head'><div><div class='hosp'>{escape(document.provider)}</div>"
        f"<div class='dept'>"
        f"{_say(words, 'l_dept')}<br>{escape(document.address)}</div></div>{sticker}</div>"
        f"<h1>{_say(words, 'l_title')}</h1><table class='m'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in meta)
        + f"</table><table class='i'><tr><th>{_say(words, 'l_code')}</th><th>"
        f"{_say(words, 'l_what')}</th><th class='amount'>{_say(words, 'l_amount')}</th></tr>"
        f"{rows}<tr class='t'><td colspan='2'>{_say(words, 'l_total')}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td></tr></table><div class='paid'>"
        f"{_say(words, 'l_paid')} (Mastercard •••• {number * 3 % 9000 + 1000})</div>"
        f"<div class='note'>{_say(words, 'l_note')}</div><div class='foot'>"
        f"{_say(words, 'org')} {org_number(document.organisation_number, 0)} · "
        f"{_say(words, 'phone')} {document.phone}</div>"
    )
    return page(body, LABEL_CSS)


# ---- a private psychiatrist's receipt letter in the digital mailbox -------------------------

RECEIPT_CSS = """
.card .it { display: flex; border-top: 1px solid #e5e8eb; padding: 6px 0; font-size: 14px; }
.card .it span:first-child { flex: 1; } .card .it span:last-child { white-space: nowrap;
  margin-left: 10px; }
.card .small { font-size: 12px; color: #4d555e; margin-top: 6px; }
"""


def due(document: Receipt) -> date:
    return document.day + timedelta(days=14)


def mailbox_receipt(document: Receipt) -> str:
    """A private psychiatrist's receipt, a letter in the digital mailbox on a large phone: the
    status bar and the app's bar, the envelope (the sender, when it was received, the
    subject), the letter (the practice, its address and organisation number, the title, the
    patient, a sentence with the appointment's date, each service with its amount in figures
    and words, the total, paid by invoice with its due date, the receipt's number, VAT, the
    greeting), the tool bar."""
    words = WORDS[document.language]
    number = document.invoice_number
    arrived = due(document) + timedelta(days=1 + number % 5)
    top, bottom = _phone_chrome(
        f"{8 + number % 12}:{number % 60:02d}", 30 + number % 60, "Digipost", words
    )
    initials = "".join(part[0] for part in document.provider.split()[:2]).upper()
    items = "".join(
        f"<div class='it'><span>{escape(item.text)}</span><span>"
        f"{_amount(item.amount, document)}</span></div>"
        for item in document.items
    )
    sentence = _say(words, "r_text", day=shown_date(document, document.day))
    envelope = (
        f"<div class='env'><div class='who'><div class='av'>{escape(initials)}</div><div>"
        f"<div class='from'>{escape(document.provider)}</div><div class='meta'>"
        f"{_say(words, 'm_received')} {arrived:%d.%m.%Y} {_say(words, 'm_at')} "
        f"{7 + number % 11:02d}:{number * 7 % 60:02d}</div></div></div>"
        f"<h1>{_say(words, 'r_subject')} {number}</h1></div>"
    )
    card = (
        f"<div class='card'><div class='org'>{escape(document.provider)}</div>"
        f"<div class='addr'>{escape(document.address)} · {_say(words, 'org')} "
        f"{org_number(document.organisation_number, 2)}</div><h2>{_say(words, 'r_title')}</h2>"
        f"<div class='pt'>{_say(words, 'r_patient')}: <b>{escape(document.patient)}</b></div>"
        f"<p class='intro'>{sentence}</p><div class='small'>{_say(words, 'r_items')}</div>"
        f"{items}<div class='sum'><span>{_say(words, 'r_total')}</span><span>"
        f"{_amount(document.total, document)}</span></div><div class='small'>"
        f"{_say(words, 'r_paid', due=f'{due(document):%d.%m.%Y}')}</div><div class='small'>"
        f"{_say(words, 'r_no')} {number} · {_say(words, 'r_vat')}</div><div class='bye'>"
        f"{_say(words, 'r_bye')}<br>{escape(document.provider)}</div></div>"
    )
    frame = f"@page {{ size: {PRO_MAX[0]}px {PRO_MAX[1] + 700}px; margin: 0; }}"
    css = frame + PHONE_FRAME_CSS + LETTER_CSS + RECEIPT_CSS
    return page(top + envelope + card + bottom, css)
