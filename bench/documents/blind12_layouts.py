"""The twelfth blind set's documents as HTML: a GP office's statement of the user fees paid
there in a year, printed from its practice system (the office's header, the patient with the
birth number masked, each visit with its time, takst codes, the doctor's initials and how it
was paid, the sum, the limit); a caseworker's reply letter listing the fees registered in a
year, a sentence each (the case number, the caseworker, the letter's and the enquiry's
dates); helsenorge's mobile page with a row per fee to unfold (the first unfolded: the date it
was registered, the place, the municipality), in Safari or in Chrome with the page
machine-translated into English; a travel vaccination clinic's receipt on A4 (batch numbers,
the injection site, the next dose's date); a midwife's receipt printed twice on one page (the
patient's copy and the clinic's, kroner and øre in columns of their own); a private
cardiologist's digital receipt in a bank app (the purchase as a debit, the day it was booked).

The styles of dates and amounts are in ``day`` and ``money``.

Names are Greek, Serbian, Croatian, Montenegrin, Georgian, Igbo, Korean, Punjabi or Norwegian
(``content.blind12_name``); the vaccination clinic prints the family name in capitals ("Nino
BERIDZE"). Pages in bokmål, nynorsk or English, and machine-translated English. Providers are
at the set's own places (``content.BLIND12_PLACES``).

Renditions (``render``): an overview printed to a PDF two pages to a sheet; a page in a clear
plastic sleeve photographed (glare on the plastic, its punched strip); a page from a printer
low on toner (faded bands, a ghost of the page), scanned in grey; a page photographed in dim
light with a shaking hand. Screenshots: Safari's full-page screenshot saved as a PDF (one tall
page, text as text); Chrome on Android with the page translated (the translate bar); a
Samsung phone saving its screenshot as a JPEG (the bank app, three navigation buttons).

Every layout still carries what a reader must leave out: the limit and what is left before it,
the printing's date and time, the birth number's first digits, the takst codes, the doctor's
initials, an invoice's date paid, the case number, the letter's and the enquiry's dates, the
registration dates, the batch numbers, the next dose's date, the destinations, the pregnancy
week, the receipt's number, the booking date, the card's last digits, the account, the
organisation number and the phone numbers.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND12_DESTINATIONS,
    BLIND12_DOCTORS,
    BLIND12_GP_VISITS,
    BLIND12_OVERVIEW_LAYOUTS,
    BLIND12_PHONE_LAYOUT,
    BLIND12_PLACES,
    BLIND12_RECEIPT_LAYOUTS,
    BLIND12_STREETS,
    BLIND12_TRANSLATED_WORDING,
    FEE_BY_YEAR,
    SERVICE_NAMES,
    YEARS,
    Fee,
    Overview,
    Receipt,
    organisation_number,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((*BLIND12_OVERVIEW_LAYOUTS, BLIND12_PHONE_LAYOUT, *BLIND12_RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

IPHONE_WIDTH = 390
"""CSS pixels of the phone whose Safari saves a full page as a PDF."""
ANDROID = (412, 915)
"""CSS pixels of the Android phone whose Chrome translates the page (device scale 2.625)."""
SAMSUNG = (360, 780)
"""CSS pixels of the Samsung phone that saves its screenshots as JPEGs (device scale 3)."""
ANDROID_STATUS = 28
CHROME_BAR = 56
TRANSLATE_BAR = 52
GESTURE_BAR = 16
SAMSUNG_STATUS = 26
SAMSUNG_NAVIGATION = 48

MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
MONTHS["nn"] = MONTHS["nb"]
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nn": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
SHORT_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

WORDS: dict[str, dict[str, Any]] = {
    "nb": {
        "s_title": "OVERSIKT OVER BETALTE EGENANDELER – {year}", "s_patient": "Pasient",
        "s_id": "Fødselsnr.", "s_gp": "Fastlege", "s_period": "Periode", "s_when": "Dato/tid",
        "s_codes": "Takst", "s_who": "Beh.", "s_what": "Tjeneste", "s_how": "Betalt med",
        "s_fee": "Egenandel", "s_sum": "Sum egenandeler betalt her i {year}", "s_limit":
        "Egenandelstak {year}: {limit}", "s_note": "Oversikten viser bare egenandeler betalt "
        "ved dette legekontoret. Alle registrerte egenandeler ser du på helsenorge.no.",
        "s_printed": "Utskrift {stamp} av {who}", "s_page": "Side", "s_of": "av", "s_phone":
        "Tlf.", "s_org": "Org.nr.", "s_card": "Kort", "s_vipps": "Vipps", "s_invoice":
        "Faktura, betalt {day}",
        "l_case": "Saksnummer", "l_worker": "Saksbehandler", "l_ours": "Vår dato", "l_yours":
        "Deres dato", "l_title": "Svar på spørsmålet ditt om egenandeler i {year}", "l_text":
        "Vi viser til henvendelsen din av {asked}. Du har spurt hvilke egenandeler som er "
        "registrert på deg i {year}. Per {ours} har vi registrert disse egenandelene:",
        "l_item": "{day}: {amount} til {provider} ({service})", "l_sum": "Til sammen er det "
        "registrert egenandeler for {total} i {year}.", "l_limit": "Egenandelstaket for "
        "{year} er {limit} kroner. Du må betale {left} til før du får frikort.", "l_more":
        "Har du betalt egenandeler som ikke står på listen, kan du be behandleren om å "
        "sende dem inn på nytt.", "l_bye": "Med vennlig hilsen", "l_role": "rådgiver",
        "l_foot": "Postadresse: Helfo, Postboks 2415, 3104 Tønsberg · Telefon 23 32 70 00 · "
        "helsenorge.no",
        "a_menu": "Meny", "a_crumbs": ("Forside", "Helsa mi", "Egenandeler og frikort"),
        "a_title": "Egenandeler og frikort", "a_who": "Innlogget som", "a_paid":
        "Betalt i {year}", "a_limit": "Egenandelstak: {limit}", "a_left": "Igjen til frikort: "
        "{left}", "a_list": "Registrerte egenandeler ({n})", "a_registered": "Registrert",
        "a_place": "Behandlingssted", "a_town": "Kommune", "a_counts": "Teller mot frikort",
        "a_yes": "Ja", "a_total": "Totalt betalt i {year}", "a_foot": ("Om helsenorge",
        "Personvern", "Tilgjengelighet", "Kontakt oss"),
        "v_tag": "Reisemedisin og vaksinasjon", "v_title": "KVITTERING", "v_no":
        "Kvitteringsnr.", "v_patient": "Pasient", "v_born": "Fødselsdato", "v_when":
        "Tidspunkt", "v_where": "Reisemål", "v_nurse": "Vaksinatør", "v_what": "Beskrivelse",
        "v_batch": "Batchnr.", "v_site": "Sted", "v_arm": "v. overarm", "v_price": "Beløp",
        "v_total": "Totalt", "v_paid": "Betalt med bankkort", "v_next": "Neste dose",
        "v_from": "tidligst", "v_vat": "Helsetjenester er unntatt mva.",
        "d_title": "KVITTERING", "d_copies": ("Pasientens eksemplar", "Klinikkens eksemplar"),
        "d_no": "Kvittering nr.", "d_day": "Dato", "d_patient": "Pasient", "d_week":
        "Svangerskapsuke", "d_what": "Beskrivelse", "d_kr": "Kr", "d_ore": "Øre", "d_sum":
        "Sum", "d_paid": "Betalt med Vipps", "d_sign": "Pasientens underskrift", "d_cut":
        "klipp her",
        "b_title": "Kortkjøp", "b_category": "Helse og velvære", "b_done": "Gjennomført",
        "b_bought": "Kjøpsdato", "b_booked": "Bokført", "b_card": "Kort", "b_account":
        "Konto", "b_account_name": "Brukskonto", "b_receipt": "Digital kvittering",
        "b_patient": "Pasient", "b_total": "Totalt", "b_vat": "Herav mva.", "b_no":
        "Kvitteringsnr.", "b_share": "Del kvittering", "b_report": "Meld fra om feil",
        "b_org": "Org.nr.",
    },
    "nn": {
        "s_title": "OVERSYN OVER BETALTE EIGENDELAR – {year}", "s_patient": "Pasient",
        "s_id": "Fødselsnr.", "s_gp": "Fastlege", "s_period": "Periode", "s_when": "Dato/tid",
        "s_codes": "Takst", "s_who": "Beh.", "s_what": "Teneste", "s_how": "Betalt med",
        "s_fee": "Eigendel", "s_sum": "Sum eigendelar betalte her i {year}", "s_limit":
        "Eigendelstak {year}: {limit}", "s_note": "Oversynet viser berre eigendelar betalte "
        "ved dette legekontoret. Alle registrerte eigendelar ser du på helsenorge.no.",
        "s_printed": "Utskrift {stamp} av {who}", "s_page": "Side", "s_of": "av", "s_phone":
        "Tlf.", "s_org": "Org.nr.", "s_card": "Kort", "s_vipps": "Vipps", "s_invoice":
        "Faktura, betalt {day}",
        "l_case": "Saksnummer", "l_worker": "Sakshandsamar", "l_ours": "Vår dato", "l_yours":
        "Dykkar dato", "l_title": "Svar på spørsmålet ditt om eigendelar i {year}", "l_text":
        "Vi viser til førespurnaden din av {asked}. Du har spurt kva eigendelar som er "
        "registrerte på deg i {year}. Per {ours} har vi registrert desse eigendelane:",
        "l_item": "{day}: {amount} til {provider} ({service})", "l_sum": "Til saman er det "
        "registrert eigendelar for {total} i {year}.", "l_limit": "Eigendelstaket for {year} "
        "er {limit} kroner. Du må betale {left} til før du får frikort.", "l_more": "Har du "
        "betalt eigendelar som ikkje står på lista, kan du be behandlaren om å sende dei inn "
        "på nytt.", "l_bye": "Med venleg helsing", "l_role": "rådgjevar", "l_foot":
        "Postadresse: Helfo, Postboks 2415, 3104 Tønsberg · Telefon 23 32 70 00 · "
        "helsenorge.no",
        "a_menu": "Meny", "a_crumbs": ("Framside", "Helsa mi", "Eigendelar og frikort"),
        "a_title": "Eigendelar og frikort", "a_who": "Innlogga som", "a_paid":
        "Betalt i {year}", "a_limit": "Eigendelstak: {limit}", "a_left": "Att til frikort: "
        "{left}", "a_list": "Registrerte eigendelar ({n})", "a_registered": "Registrert",
        "a_place": "Behandlingsstad", "a_town": "Kommune", "a_counts": "Tel mot frikort",
        "a_yes": "Ja", "a_total": "Totalt betalt i {year}", "a_foot": ("Om helsenorge",
        "Personvern", "Tilgjenge", "Kontakt oss"),
        "v_tag": "Reisemedisin og vaksinasjon", "v_title": "KVITTERING", "v_no":
        "Kvitteringsnr.", "v_patient": "Pasient", "v_born": "Fødselsdato", "v_when":
        "Tidspunkt", "v_where": "Reisemål", "v_nurse": "Vaksinatør", "v_what": "Skildring",
        "v_batch": "Batchnr.", "v_site": "Stad", "v_arm": "v. overarm", "v_price": "Beløp",
        "v_total": "Totalt", "v_paid": "Betalt med bankkort", "v_next": "Neste dose",
        "v_from": "tidlegast", "v_vat": "Helsetenester er unnatekne mva.",
        "d_title": "KVITTERING", "d_copies": ("Pasienten sitt eksemplar",
        "Klinikken sitt eksemplar"), "d_no": "Kvittering nr.", "d_day": "Dato", "d_patient":
        "Pasient", "d_week": "Svangerskapsveke", "d_what": "Skildring", "d_kr": "Kr", "d_ore":
        "Øre", "d_sum": "Sum", "d_paid": "Betalt med Vipps", "d_sign":
        "Underskrifta til pasienten", "d_cut": "klipp her",
        "b_title": "Kortkjøp", "b_category": "Helse og velvære", "b_done": "Gjennomført",
        "b_bought": "Kjøpsdato", "b_booked": "Bokført", "b_card": "Kort", "b_account":
        "Konto", "b_account_name": "Brukskonto", "b_receipt": "Digital kvittering",
        "b_patient": "Pasient", "b_total": "Totalt", "b_vat": "Av dette mva.", "b_no":
        "Kvitteringsnr.", "b_share": "Del kvittering", "b_report": "Meld frå om feil",
        "b_org": "Org.nr.",
    },
    "en": {
        "s_title": "STATEMENT OF USER FEES PAID – {year}", "s_patient": "Patient", "s_id":
        "National ID no.", "s_gp": "Regular GP", "s_period": "Period", "s_when": "Date/time",
        "s_codes": "Codes", "s_who": "Dr", "s_what": "Service", "s_how": "Paid by", "s_fee":
        "User fee", "s_sum": "Total user fees paid here in {year}", "s_limit":
        "User fee ceiling {year}: {limit}", "s_note": "This statement only shows user fees "
        "paid at this GP office. All registered user fees are shown on helsenorge.no.",
        "s_printed": "Printed {stamp} by {who}", "s_page": "Page", "s_of": "of", "s_phone":
        "Tel.", "s_org": "Org. no.", "s_card": "Card", "s_vipps": "Vipps", "s_invoice":
        "Invoice, paid {day}",
        "l_case": "Case number", "l_worker": "Case officer", "l_ours": "Our date", "l_yours":
        "Your date", "l_title": "Reply to your question about user fees in {year}", "l_text":
        "We refer to your enquiry of {asked}. You asked which user fees are registered for "
        "you in {year}. As of {ours}, we have registered these user fees:", "l_item":
        "{day}: {amount} to {provider} ({service})", "l_sum": "Altogether, user fees of "
        "{total} are registered for {year}.", "l_limit": "The user fee ceiling for {year} is "
        "NOK {limit}. You must pay another {left} before you get an exemption card.",
        "l_more": "If you have paid user fees that are not on the list, you can ask the "
        "provider to report them again.", "l_bye": "Yours sincerely", "l_role": "adviser",
        "l_foot": "Postal address: Helfo, PO Box 2415, 3104 Tønsberg, Norway · Phone +47 23 "
        "32 70 00 · helsenorge.no",
        "a_menu": "Menu", "a_crumbs": ("Home", "My health", "User fees and exemption card"),
        "a_title": "User fees and exemption card", "a_who": "Logged in as", "a_paid":
        "Paid in {year}", "a_limit": "User fee ceiling: {limit}", "a_left": "Left before "
        "exemption card: {left}", "a_list": "Registered user fees ({n})", "a_registered":
        "Registered", "a_place": "Place of treatment", "a_town": "Municipality", "a_counts":
        "Counts towards exemption card", "a_yes": "Yes", "a_total": "Total paid in {year}",
        "a_foot": ("About helsenorge", "Privacy", "Accessibility", "Contact us"),
        "v_tag": "Travel medicine and vaccination", "v_title": "RECEIPT", "v_no":
        "Receipt no.", "v_patient": "Patient", "v_born": "Date of birth", "v_when": "Time",
        "v_where": "Destination", "v_nurse": "Vaccinator", "v_what": "Description",
        "v_batch": "Batch no.", "v_site": "Site", "v_arm": "left upper arm", "v_price":
        "Amount", "v_total": "Total", "v_paid": "Paid by debit card", "v_next": "Next dose",
        "v_from": "not before", "v_vat": "Health services are exempt from VAT.",
        "d_title": "RECEIPT", "d_copies": ("Patient's copy", "Clinic's copy"), "d_no":
        "Receipt no.", "d_day": "Date", "d_patient": "Patient", "d_week": "Week of pregnancy",
        "d_what": "Description", "d_kr": "NOK", "d_ore": "øre", "d_sum": "Total", "d_paid":
        "Paid with Vipps", "d_sign": "Patient's signature", "d_cut": "cut here",
        "b_title": "Card purchase", "b_category": "Health and wellbeing", "b_done":
        "Completed", "b_bought": "Purchase date", "b_booked": "Booked", "b_card": "Card",
        "b_account": "Account", "b_account_name": "Current account", "b_receipt":
        "Digital receipt", "b_patient": "Patient", "b_total": "Total", "b_vat": "Of which VAT",
        "b_no": "Receipt no.", "b_share": "Share receipt", "b_report": "Report a problem",
        "b_org": "Org. no.",
    },
    "mt": {
        # The bokmål page as the phone's browser machine-translates it into English.
        "a_menu": "Menu", "a_crumbs": ("Front page", "My health", "Deductibles and free card"),
        "a_title": "Deductibles and free card", "a_who": "Logged in as", "a_paid":
        "Paid in {year}", "a_limit": "Deductible roof: {limit}", "a_left": "Again to free "
        "card: {left}", "a_list": "Registered deductibles ({n})", "a_registered":
        "Registered", "a_place": "Treatment site", "a_town": "Municipality", "a_counts":
        "Counts against free card", "a_yes": "Yes", "a_total": "Total paid in {year}",
        "a_foot": ("About health norway", "Privacy", "Accessibility", "Contact us"),
        "t_from": "Norwegian Bokmål", "t_to": "English",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "NKR 1 234,50" (nkr_upper), "NKR 1,234.50" (nkr_upper_point), "1 234,50
    norske kroner" (norske_kroner), "1,234.50 Norwegian kroner" (norwegian_kroner),
    "NOK1 234,50" (nok_glued_comma), "kr1,234.50" (kr_glued_point), "1 234 50" with the øre in
    a column of their own under "Kr" and "Øre" (kr_ore, ``kr_ore_cell``), "−1 234,50 kr"
    (minus_kr, a debit in a bank app) or "−NOK 1,234.50" (minus_nok)."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    spaced = grouped.replace(",", NBSP)
    match style:
        case "nkr_upper":
            return f"NKR{NBSP}{spaced},{cents}"
        case "nkr_upper_point":
            return f"NKR{NBSP}{grouped}.{cents}"
        case "norske_kroner":
            return f"{spaced},{cents}{NBSP}norske{NBSP}kroner"
        case "norwegian_kroner":
            return f"{grouped}.{cents}{NBSP}Norwegian{NBSP}kroner"
        case "nok_glued_comma":
            return f"NOK{spaced},{cents}"
        case "kr_glued_point":
            return f"kr{grouped}.{cents}"
        case "kr_ore":
            return f"{spaced}{NBSP}{cents}"
        case "minus_kr":
            return f"−{spaced},{cents}{NBSP}kr"
        case _:
            return f"−NOK{NBSP}{grouped}.{cents}"


def kr_ore_cell(amount: Decimal) -> str:
    """The kroner, then the øre in a column of their own (``money``'s kr_ore, as HTML)."""
    kroner, cents = money(amount, "kr_ore").rsplit(NBSP, 1)
    return f"{kroner}<span class='ore'>{NBSP}{cents}</span>"


def ordinal(number: int) -> str:
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def day(value: date, style: str, language: str = "nb", clock: str = "12:00") -> str:
    """A date as "12.03.2025 14:32" ("12/03/2025 14:32"; numeric_clock, a visit's time),
    "den 12. mars 2025" ("Wed 12 March 2025"; formal_long, as a letter writes it), "onsdag
    12.03.25" ("Wednesday 12/03/25"; long_weekday_yy), "12. March" (translated_day: "12.
    mars", the year in the page's heading, the month machine-translated), "2025-03-12 14:32"
    (iso_clock),
    "12.03.2025 (onsdag)" ("Wednesday 12th March 2025"; weekday_after) or "12.03.2025, kl.
    14:32" ("12 Mar 2025, 14:32"; comma_kl)."""
    english = language == "en"
    month = MONTHS[language][value.month - 1]
    match style:
        case "numeric_clock":
            shown = f"{value:%d/%m/%Y}" if english else f"{value:%d.%m.%Y}"
            return f"{shown}{NBSP}{clock}"
        case "formal_long":
            if english:
                weekday = SHORT_WEEKDAYS[value.weekday()]
                return f"{weekday}{NBSP}{value.day}{NBSP}{month}{NBSP}{value.year}"
            return f"den{NBSP}{value.day}.{NBSP}{month}{NBSP}{value.year}"
        case "long_weekday_yy":
            weekday = WEEKDAYS[language][value.weekday()]
            return (
                f"{weekday}{NBSP}{value:%d/%m/%y}"
                if english
                else f"{weekday}{NBSP}{value:%d.%m.%y}"
            )
        case "translated_day":
            return f"{value.day}.{NBSP}{MONTHS['en'][value.month - 1]}"
        case "iso_clock":
            return f"{value.isoformat()}{NBSP}{clock}"
        case "weekday_after":
            weekday = WEEKDAYS[language][value.weekday()]
            if english:
                return f"{weekday}{NBSP}{ordinal(value.day)}{NBSP}{month}{NBSP}{value.year}"
            return f"{value:%d.%m.%Y}{NBSP}({weekday})"
        case _:
            if english:
                short = SHORT_MONTHS[value.month - 1]
                return f"{value.day}{NBSP}{short}{NBSP}{value.year},{NBSP}{clock}"
            return f"{value:%d.%m.%Y},{NBSP}kl.{NBSP}{clock}"


def visit_clock(value: date) -> str:
    """The time of a GP visit on the day."""
    number = value.toordinal()
    return f"{8 + number % 8:02d}:{number * 7 % 12 * 5:02d}"


def receipt_clock(document: Receipt) -> str:
    """The time a receipt was paid."""
    return f"{9 + document.invoice_number % 8:02d}:{document.invoice_number * 11 % 60:02d}"


def shown_date(document: Overview | Receipt, value: date) -> str:
    """A date of the document as it prints it."""
    style = document.date_style
    if isinstance(document, Receipt):
        return day(value, style, document.language, receipt_clock(document))
    return day(value, style, document.language, visit_clock(value))


def left(document: Overview) -> Decimal:
    """What is left before the exemption card (never the total itself: ``content``)."""
    return document.limit - document.total


def takst(document: Overview, fee: Fee) -> str:
    """A GP visit's takst codes: those whose user fees add up to the visit's fee."""
    column = YEARS.index(document.year)
    for codes, parts, kind in BLIND12_GP_VISITS:
        amount = sum((Decimal(FEE_BY_YEAR[part][column]) for part in parts), Decimal(0))
        if amount == fee.amount and fee.service == SERVICE_NAMES[kind][document.language]:
            return codes
    raise ValueError(f"no takst for {fee}")


def initials(name: str) -> str:
    return "".join(part[0] for part in name.split())


def doctor(document: Overview, fee: Fee) -> str:
    """The doctor a visit was with: the person's own GP, now and then a colleague."""
    own = BLIND12_DOCTORS[document.birth_date.toordinal() % len(BLIND12_DOCTORS)]
    other = BLIND12_DOCTORS[(document.birth_date.toordinal() + 2) % len(BLIND12_DOCTORS)]
    return other if fee.day.toordinal() % 5 == 0 else own


def invoice_paid(fee: Fee) -> date | None:
    """The day a visit paid by invoice was paid, for a few visits (else None)."""
    if fee.day.toordinal() % 7 != 3:
        return None
    return fee.day + timedelta(days=14 + fee.day.day % 9)


def enquiry(document: Overview) -> date:
    """The day the person asked: after the last fee, half-way to the letter's day."""
    last = max(fee.day for fee in document.fees)
    return last + (document.printed_at - last) / 2


def next_dose(document: Receipt) -> date:
    """The day the vaccine's next dose may be given, four weeks after the visit."""
    return document.day + timedelta(days=28)


def booked(document: Receipt) -> date:
    """The day the bank booked a card purchase: the next working day."""
    later = document.day + timedelta(days=1)
    while later.weekday() > 4:
        later += timedelta(days=1)
    return later


def pregnancy_week(document: Receipt) -> int:
    return 7 + document.invoice_number % 7


def html(
    document: Overview | Receipt,
    *,
    phone: bool = False,
    translated: bool = False,
    full_page: bool = False,
) -> str:
    """The document in its layout; ``phone`` for a phone (the mobile page, or the bank app),
    ``translated`` in Chrome on Android with the page machine-translated into English,
    ``full_page`` as Safari saves a full page as a PDF."""
    if isinstance(document, Receipt):
        match document.layout:
            case "vaccine_receipt":
                return _vaccine(document)
            case "duplicate_receipt":
                return _duplicate(document)
            case _:
                return bank_receipt(document)
    if phone or document.layout == BLIND12_PHONE_LAYOUT:
        return accordion_site(document, translated=translated, full_page=full_page)
    if document.layout == "caseworker_letter":
        return _letter(document)
    return _gp_statement(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _day(value: date, document: Overview | Receipt) -> str:
    return shown_date(document, value)


def _words(document: Overview) -> dict[str, Any]:
    if document.wording == BLIND12_TRANSLATED_WORDING:
        return WORDS["mt"]
    return WORDS[document.language]


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


# ---- a GP office's statement of the fees paid there ---------------------------------------

STATEMENT_CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 16mm;
  @top-right { content: var(--printed); font-family: 'DejaVu Sans Mono', monospace;
    font-size: 7.5pt; color: #333; }
  @bottom-center { content: var(--page) ' ' counter(page) ' ' var(--of) ' ' counter(pages);
    font-family: 'DejaVu Sans Mono', monospace; font-size: 7.5pt; } }
body { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.8pt; color: #111; }
.office { font-size: 12pt; font-weight: bold; letter-spacing: 0.5px; }
.addr { font-size: 8pt; margin-top: 2px; }
h1 { font-size: 10.5pt; border-top: 1.5px solid #000; border-bottom: 1.5px solid #000;
  padding: 4px 0; margin: 12px 0 8px 0; letter-spacing: 0.5px; }
table.p { width: auto; margin-bottom: 10px; } table.p td { padding: 1px 16px 1px 0; }
table.v th { text-align: left; border-bottom: 1px dashed #000; padding: 3px 4px;
  font-size: 8.2pt; }
table.v td { padding: 3px 4px; vertical-align: top; border-bottom: 0.5px dotted #999; }
table.v tr { break-inside: avoid; } td.w { white-space: nowrap; }
tr.sum td { border-top: 1.5px solid #000; border-bottom: none; font-weight: bold;
  padding-top: 6px; }
.after { margin-top: 10px; font-size: 8.2pt; line-height: 1.5; }
"""


def printed_stamp(document: Overview) -> str:
    moment = document.printed_at
    return f"{moment:%d.%m.%Y} {9 + moment.day % 7:02d}:{moment.month * 4 + 5:02d}"


def _gp_statement(document: Overview) -> str:
    """A GP office's statement printed from its practice system (A4, a typewriter face): the
    office's name, address, phone and organisation number, the title with the year, the
    patient with the birth number masked, the patient's GP and the period; a row for each
    visit (its date and time, takst codes, the doctor's initials, the service, how it was
    paid, the user fee), the sum, the limit and a note; the print's time and page in the
    margins."""
    words = WORDS[document.language]
    office = document.fees[0].provider
    seed = document.birth_date.toordinal()
    street = f"{BLIND12_STREETS[seed % len(BLIND12_STREETS)]} {seed % 29 + 2}"
    town = office.split()[-1] if office.split()[-1] in BLIND12_PLACES else office.split()[0]
    phone = f"{seed % 70 + 21} {seed % 89 + 10} {seed % 83 + 10} {seed % 79 + 10}"
    organisation = organisation_number(random.Random(seed))
    rows = []
    for fee in _ordered(document):
        paid = invoice_paid(fee)
        how = (
            _say(words, "s_invoice", day=f"{paid:%d.%m}")
            if paid
            else _say(words, "s_vipps" if fee.day.day % 3 == 0 else "s_card")
        )
        rows.append(
            f"<tr><td class='w'>{_day(fee.day, document)}</td><td>{takst(document, fee)}</td>"
            f"<td>{initials(doctor(document, fee))}</td><td>{escape(fee.service)}</td>"
            f"<td>{how}</td><td class='amount'>{_amount(fee.amount, document)}</td></tr>"
        )
    own = BLIND12_DOCTORS[seed % len(BLIND12_DOCTORS)]
    limit = money(document.limit, document.amount_style)
    patient = (
        (words["s_patient"], document.name),
        (words["s_id"], f"{document.birth_date:%d%m%y} *****"),
        (words["s_gp"], own),
        (words["s_period"], f"01.01.{document.year}–31.12.{document.year}"),
    )
    body = (
        f"<div class='office'>{escape(office.upper())}</div><div class='addr'>"
        f"{escape(street)}, {5000 + seed % 4000} {escape(town)} · {_say(words, 's_phone')} "
        f"{phone} · {_say(words, 's_org')} {org_number(organisation, 1)}</div>"
        f"<h1>{_say(words, 's_title', year=document.year)}</h1><table class='p'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in patient)
        + f"</table><table class='v'><tr><th>{_say(words, 's_when')}</th>"
        f"<th>{_say(words, 's_codes')}</th><th>{_say(words, 's_who')}</th>"
        f"<th>{_say(words, 's_what')}</th><th>{_say(words, 's_how')}</th>"
        f"<th class='amount'>{_say(words, 's_fee')}</th></tr>{''.join(rows)}<tr class='sum'>"
        f"<td colspan='5'>{_say(words, 's_sum', year=document.year)}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td></tr></table><div class='after'>"
        f"{_say(words, 's_limit', year=document.year, limit=limit)}<br>"
        f"{_say(words, 's_note')}</div>"
    )
    printed = words["s_printed"].format(stamp=printed_stamp(document), who="RH")
    css = (
        STATEMENT_CSS.replace("var(--printed)", repr(printed))
        .replace("var(--page)", repr(words["s_page"]))
        .replace("var(--of)", repr(words["s_of"]))
    )
    return page(body, css)


# ---- a caseworker's reply letter ------------------------------------------------------------

LETTER_CSS = """
@page { size: A4; margin: 16mm 22mm 24mm 24mm;
  @bottom-left { content: var(--foot); font-family: 'DejaVu Sans', sans-serif; font-size: 7pt;
    color: #444; border-top: 0.5px solid #888; vertical-align: top; padding-top: 3px; }
  @bottom-right { content: counter(page) ' (' counter(pages) ')'; font-size: 8pt;
    border-top: 0.5px solid #888; vertical-align: top; padding-top: 3px; } }
body { font-family: 'DejaVu Serif', serif; font-size: 10pt; color: #161616; line-height: 1.45; }
.head { display: flex; justify-content: space-between; height: 58mm; }
.to { margin-top: 30mm; font-size: 10.5pt; line-height: 1.4; }
.logo { font-family: 'DejaVu Sans', sans-serif; font-weight: bold; font-size: 20pt;
  color: #2a4d7a; text-align: right; letter-spacing: 2px; }
table.meta { width: auto; margin: 6mm 0 0 auto; font-family: 'DejaVu Sans', sans-serif;
  font-size: 8.5pt; line-height: 1.3; } table.meta td { padding: 1px 0 1px 10px; }
h1 { font-family: 'DejaVu Sans', sans-serif; font-size: 12pt; margin: 0 0 10px 0; }
ul { padding-left: 16px; margin: 6px 0 10px 0; } li { margin: 3px 0; break-inside: avoid; }
.sign { margin-top: 16px; break-inside: avoid; }
"""


def case_number(document: Overview) -> str:
    return f"{document.printed_at:%y}/{document.birth_date.toordinal() * 31 % 90_000 + 10_000}"


def caseworker(document: Overview) -> str:
    names = ("Marte Lien", "Sondre Aas", "Hilde Vik", "Jon Ørbeck")
    return names[document.birth_date.toordinal() % len(names)]


def _letter(document: Overview) -> str:
    """A caseworker's reply letter (A4): the logo, the name and address in the envelope's
    window, the case number, the caseworker, the letter's and the enquiry's dates; then a
    sentence for each fee registered (its date, amount, provider and service), the total,
    the limit and what is left, the signature."""
    words = WORDS[document.language]
    seed = document.birth_date.toordinal()
    street = f"{BLIND12_STREETS[seed % len(BLIND12_STREETS)]} {seed % 41 + 1}"
    town = f"{seed % 8000 + 1400} {BLIND12_PLACES[seed % len(BLIND12_PLACES)].upper()}"
    items = "".join(
        "<li>"
        + _say(
            words, "l_item", day=_day(fee.day, document), amount=_amount(fee.amount, document),
            provider=fee.provider, service=fee.service,
        )
        + "</li>"
        for fee in _ordered(document)
    )  # fmt: skip
    ours, asked = document.printed_at, enquiry(document)
    english = document.language == "en"
    long = "{0.day} {1} {0.year}" if english else "{0.day}. {1} {0.year}"

    def spelled(value: date) -> str:
        return long.format(value, MONTHS[document.language][value.month - 1])

    meta = (
        (words["l_case"], case_number(document)),
        (words["l_worker"], caseworker(document)),
        (words["l_ours"], f"{ours:%d.%m.%Y}"),
        (words["l_yours"], f"{asked:%d.%m.%Y}"),
    )
    limit = f"{int(document.limit):,}".replace(",", NBSP if not english else ",")
    still = _amount(left(document), document)
    body = (
        f"<div class='head'><div class='to'>{escape(document.name)}<br>{escape(street)}<br>"
        f"{escape(town)}</div><div><div class='logo'>HELFO</div><table class='meta'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in meta)
        + f"</table></div></div><h1>{_say(words, 'l_title', year=document.year)}</h1>"
        f"<p>{_say(words, 'l_text', asked=spelled(asked), year=document.year, ours=spelled(ours))}"
        f"</p><ul>{items}</ul><p>"
        f"{_say(words, 'l_sum', total=_amount(document.total, document), year=document.year)} "
        f"{_say(words, 'l_limit', year=document.year, limit=limit, left=still)}"
        f"</p><p>{_say(words, 'l_more')}</p><div class='sign'>{_say(words, 'l_bye')}<br><br>"
        f"{escape(caseworker(document))}<br>{_say(words, 'l_role')}</div>"
    )
    return page(body, LETTER_CSS.replace("var(--foot)", repr(words["l_foot"])))


# ---- helsenorge's mobile page, a row per fee to unfold --------------------------------------

SITE_CSS = """
body { font-size: 15px; color: #1c2b33; background: #fff; }
.site { display: flex; justify-content: space-between; align-items: center; padding: 12px 16px;
  border-bottom: 1px solid #d7e1e5; }
.site .logo { color: #0b6e84; font-weight: bold; font-size: 20px; }
.site .menu { font-size: 14px; color: #0b6e84; border: 1px solid #0b6e84; border-radius: 16px;
  padding: 4px 12px; }
.crumbs { font-size: 12px; color: #56656c; padding: 10px 16px 0 16px; }
h1 { font-size: 25px; margin: 6px 16px 4px 16px; color: #0f3a4a; }
.who { padding: 0 16px; font-size: 14px; color: #3a4a51; }
.years { display: flex; padding: 12px 16px 0 16px; }
.years span { border: 1px solid #9fb4bc; border-radius: 16px; padding: 4px 14px;
  margin-right: 8px; font-size: 14px; color: #3a4a51; }
.years span.on { background: #0f3a4a; color: #fff; border-color: #0f3a4a; font-weight: bold; }
.sum { margin: 14px 16px; background: #e9f4f6; border-radius: 12px; padding: 12px 14px; }
.sum .k { font-size: 13px; color: #3a4a51; }
.sum .big { font-size: 26px; font-weight: bold; margin: 2px 0 8px 0; white-space: nowrap; }
.bar { height: 8px; background: #cfe3e8; border-radius: 4px; margin-bottom: 8px; }
.bar div { height: 8px; background: #0b6e84; border-radius: 4px; }
.sum .r { font-size: 13px; color: #3a4a51; margin-top: 2px; }
h2 { font-size: 18px; margin: 18px 16px 6px 16px; }
.row { border-top: 1px solid #d7e1e5; padding: 10px 16px; }
.row .top { display: flex; align-items: flex-start; }
.row .l { flex: 1; } .row .d { font-size: 13px; color: #3a4a51; }
.row .s { font-weight: bold; font-size: 15px; } .row .p { font-size: 13px; color: #56656c; }
.row .a { font-weight: bold; white-space: nowrap; margin: 8px 6px 0 8px; }
.row .c { color: #0b6e84; font-size: 16px; margin-top: 8px; width: 14px; }
.more { background: #f3f7f8; border-radius: 8px; margin-top: 8px; padding: 8px 10px;
  font-size: 13px; } .more div { margin: 2px 0; } .more span { color: #56656c; }
.total { border-top: 2px solid #0f3a4a; margin: 0 16px; padding: 10px 0; font-weight: bold;
  display: flex; justify-content: space-between; }
.foot { background: #0f3a4a; color: #dbe8ec; font-size: 12px; padding: 16px;
  margin-top: 18px; } .foot span { display: block; margin: 4px 0; }
"""


def site_height(document: Overview) -> int:
    """The content's CSS height: room for every row (the picture is cut below it)."""
    return 900 + 96 * len(document.fees)


def registered(fee: Fee) -> date:
    """The day a fee was registered: a few days after the visit."""
    return fee.day + timedelta(days=2 + fee.day.day % 6)


def municipality(fee: Fee) -> str:
    for place in BLIND12_PLACES:
        if place in fee.provider:
            return place
    return BLIND12_PLACES[fee.day.toordinal() % len(BLIND12_PLACES)]


def accordion_site(
    document: Overview,
    *,
    translated: bool = False,
    full_page: bool = False,
    height: int | None = None,
) -> str:
    """helsenorge's mobile page: the site's bar, the breadcrumbs, the title, who is logged in,
    the year chips, a box with what has been paid, a bar towards the limit, the limit and what
    is left; then a row for each fee (the date, the service, the place, the amount, a chevron),
    the first unfolded (the day it was registered, the place, the municipality); the total and
    the site's footer. ``translated``: in Chrome on Android, machine-translated, with the
    translate bar; else (``full_page``) Safari's full page as a PDF: the page alone, ``height``
    tall once measured."""
    words = _words(document)
    rows = []
    for number, fee in enumerate(_ordered(document)):
        more = ""
        if number == 0:
            more = (
                f"<div class='more'><div><span>{_say(words, 'a_registered')}:</span> "
                f"{registered(fee):%d.%m.%Y}</div><div><span>{_say(words, 'a_place')}:</span> "
                f"{escape(fee.provider)}</div><div><span>{_say(words, 'a_town')}:</span> "
                f"{escape(municipality(fee))}</div><div><span>{_say(words, 'a_counts')}:</span>"
                f" {_say(words, 'a_yes')}</div></div>"
            )
        rows.append(
            f"<div class='row'><div class='top'><div class='l'><div class='d'>"
            f"{_day(fee.day, document)}</div><div class='s'>{escape(fee.service)}</div>"
            f"<div class='p'>{escape(fee.provider)}</div></div><div class='a'>"
            f"{_amount(fee.amount, document)}</div><div class='c'>"
            f"{'▴' if number == 0 else '▾'}</div></div>{more}</div>"
        )
    years = [year for year in (document.year - 1, document.year) if year >= 2023]
    chips = "".join(
        f"<span class='{'on' if year == document.year else ''}'>{year}</span>" for year in years
    )
    share = min(100, int(100 * document.total / document.limit))
    limit = f"{int(document.limit):,}".replace(",", NBSP) + f"{NBSP}kr"
    crumbs = " › ".join(escape(crumb) for crumb in words["a_crumbs"])
    foot = "".join(f"<span>{escape(link)}</span>" for link in words["a_foot"])
    body = (
        f"<div class='site'><span class='logo'>helsenorge</span><span class='menu'>☰ "
        f"{_say(words, 'a_menu')}</span></div><div class='crumbs'>{crumbs}</div>"
        f"<h1>{_say(words, 'a_title')}</h1><div class='who'>{_say(words, 'a_who')} "
        f"<b>{escape(document.name)}</b></div><div class='years'>{chips}</div><div class='sum'>"
        f"<div class='k'>{_say(words, 'a_paid', year=document.year)}</div><div class='big'>"
        f"{_amount(document.total, document)}</div><div class='bar'><div style='width:{share}%'>"
        f"</div></div><div class='r'>{_say(words, 'a_limit', limit=limit)}</div><div class='r'>"
        f"{_say(words, 'a_left', left=_amount(left(document), document))}</div></div>"
        f"<h2>{_say(words, 'a_list', n=len(document.fees))}</h2>{''.join(rows)}"
        f"<div class='total'><span>{_say(words, 'a_total', year=document.year)}</span><span>"
        f"{_amount(document.total, document)}</span></div><div class='foot'>{foot}</div>"
    )
    if full_page or not translated:
        tall = height or site_height(document)
        frame = f"@page {{ size: {IPHONE_WIDTH}px {tall}px; margin: 0; }}"
        return page(body, frame + SITE_CSS)
    moment = document.printed_at
    clock = f"{8 + moment.day % 12}:{moment.month * 4 + 7:02d}"
    return _chrome_translated(body, document, clock)


def _chrome_translated(body: str, document: Overview, clock: str) -> str:
    """The page in Chrome on Android, machine-translated from bokmål into English: the
    status bar, Chrome's address bar with the translate icon, the page, the translate bar
    (the two languages, English chosen) and the gesture bar at the foot."""
    words = WORDS["mt"]
    tall = site_height(document) + ANDROID_STATUS + CHROME_BAR + TRANSLATE_BAR + GESTURE_BAR
    frame = (
        f"@page {{ size: {ANDROID[0]}px {max(tall, ANDROID[1] + 100)}px; margin: 0; }}"
        f".status {{ display: flex; justify-content: space-between; height: {ANDROID_STATUS}px;"
        " box-sizing: border-box; padding: 5px 18px 0 18px; font-size: 13px; color: #202124; }"
        f".chrome {{ height: {CHROME_BAR}px; box-sizing: border-box; display: flex; "
        "align-items: center; padding: 0 10px; background: #fff; "
        "border-bottom: 1px solid #e0e0e0; }"
        ".chrome .home { width: 30px; font-size: 18px; color: #5f6368; }"
        ".chrome .url { flex: 1; background: #f1f3f4; border-radius: 20px; padding: 8px 14px; "
        "font-size: 15px; color: #202124; }"
        ".chrome .tr { width: 34px; text-align: center; color: #1a73e8; font-size: 15px; "
        "font-weight: bold; }"
        ".chrome .tabs { width: 24px; text-align: center; border: 2px solid #5f6368; "
        "border-radius: 4px; font-size: 11px; font-weight: bold; margin: 0 8px; }"
        ".chrome .dots { width: 14px; font-size: 18px; color: #5f6368; }"
        f".translate {{ height: {TRANSLATE_BAR}px; box-sizing: border-box; display: flex; "
        "align-items: center; background: #fff; border-top: 1px solid #dadce0; "
        "padding: 0 14px; margin-top: 14px; font-size: 14px; }"
        ".translate .g { font-weight: bold; color: #1a73e8; width: 34px; }"
        ".translate .lang { padding: 14px 10px 12px 10px; color: #5f6368; }"
        ".translate .lang.on { color: #1a73e8; border-bottom: 3px solid #1a73e8; }"
        ".translate .x { margin-left: auto; color: #5f6368; font-size: 18px; }"
        f".gesture {{ height: {GESTURE_BAR}px; display: flex; justify-content: center; "
        "align-items: center; } .gesture div { width: 110px; height: 4px; border-radius: 2px; "
        "background: #202124; }"
    )
    status = (
        f"<div class='status'><span>{clock}</span><span>▾◢ ▮ "
        f"{35 + document.birth_date.day}%</span></div>"
    )
    chrome = (
        "<div class='chrome'><span class='home'>⌂</span><span class='url'>"
        "helsenorge.no/egenandeler</span><span class='tr'>G</span><span class='tabs'>4</span>"
        "<span class='dots'>⋮</span></div>"
    )
    bar = (
        f"<div class='translate'><span class='g'>G</span><span class='lang'>"
        f"{escape(words['t_from'])}</span><span class='lang on'>{escape(words['t_to'])}</span>"
        "<span class='x'>⋮&nbsp;&nbsp;✕</span></div><div class='gesture'><div></div></div>"
    )
    return page(status + chrome + body + bar, frame + SITE_CSS)


# ---- receipts ----------------------------------------------------------------------------

VACCINE_CSS = """
@page { size: A4; margin: 16mm 18mm 18mm 18mm; }
body { font-size: 9.8pt; color: #1d2430; }
.top { display: flex; justify-content: space-between; border-bottom: 3px solid #1e5aa8;
  padding-bottom: 8px; }
.top b { font-size: 17pt; color: #1e5aa8; display: block; } .top i { color: #4b5563; }
.top .r { text-align: right; font-size: 8.5pt; line-height: 1.5; color: #374151; }
h1 { font-size: 14pt; letter-spacing: 2px; margin: 16px 0 4px 0; }
h1 span { font-size: 9pt; letter-spacing: 0; font-weight: normal; color: #4b5563;
  margin-left: 14px; }
table.meta { width: auto; margin: 6px 0 12px 0; } table.meta td { padding: 2px 18px 2px 0; }
table.meta td.k { color: #4b5563; }
table.i th { background: #e8eef8; padding: 5px 5px; font-size: 8.8pt; }
table.i td { padding: 6px 5px; border-bottom: 0.5px solid #c9d2e0; vertical-align: top; }
td.b { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; }
tr.t td { font-weight: bold; font-size: 11pt; border-top: 1.5px solid #1e5aa8;
  border-bottom: none; }
.paid { margin-top: 6px; }
.next { margin-top: 16px; border: 1px solid #1e5aa8; padding: 6px 10px; width: 110mm; }
.foot { margin-top: 30px; font-size: 8pt; color: #4b5563; }
"""


def batch(document: Receipt, number: int) -> str:
    """A vaccine's batch number (letters and digits, as the box prints it)."""
    seed = document.invoice_number * (number + 3) * 7919
    letters = "".join("ABCDEFGHJKLMNPRSTUVWXYZ"[(seed >> (5 * k)) % 23] for k in range(3))
    return f"{letters}{seed % 900 + 100}{'ABCDEFGH'[seed % 8]}{seed % 10}"


def _vaccine(document: Receipt) -> str:
    """A travel vaccination clinic's receipt (A4): the clinic and its address, phone and
    organisation number; the receipt's number; the patient (the family name in capitals) and
    the birth date, the time, the destinations, the vaccinator; each service with the batch
    number and the injection site for a vaccine, and its price; the total, paid by card; the
    next dose's earliest day."""
    words = WORDS[document.language]
    rows = []
    for number, item in enumerate(document.items):
        vaccine = number > 0 and "(" in item.text
        rows.append(
            f"<tr><td>{escape(item.text)}</td><td class='b'>"
            f"{batch(document, number) if vaccine else '–'}</td><td>"
            f"{_say(words, 'v_arm') if vaccine else '–'}</td><td class='amount'>"
            f"{_amount(item.amount, document)}</td></tr>"
        )
    seed = document.invoice_number
    places = [BLIND12_DESTINATIONS[seed % 9], BLIND12_DESTINATIONS[(seed // 9) % 9]]
    destinations = ", ".join(dict.fromkeys(places))
    nurse = ("Synne Ravn", "Ida Mork", "Per Nygaard")[seed % 3]
    meta = (
        (words["v_patient"], document.patient),
        (words["v_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["v_when"], shown_date(document, document.day)),
        (words["v_where"], destinations),
        (words["v_nurse"], nurse),
    )
    digits = document.invoice_number * 17 % 9000 + 1000
    repeated = next((item.text for item in document.items if "dose 1" in item.text), "")
    next_box = ""
    if repeated:
        next_box = (
            f"<div class='next'>{_say(words, 'v_next')}: "
            f"{escape(repeated.replace('dose 1', 'dose 2'))} – {_say(words, 'v_from')} "
            f"{next_dose(document).isoformat()}</div>"
        )
    body = (
        f"<div class='top'><div><b>{escape(document.provider)}</b><i>{_say(words, 'v_tag')}"
        f"</i></div><div class='r'>{escape(document.address)}<br>{_say(words, 's_phone')} "
        f"{document.phone}<br>{_say(words, 's_org')} "
        f"{org_number(document.organisation_number, 0)}</div></div>"
        f"<h1>{_say(words, 'v_title')}<span>{_say(words, 'v_no')} {document.invoice_number}"
        f"</span></h1><table class='meta'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in meta)
        + f"</table><table class='i'><tr><th>{_say(words, 'v_what')}</th>"
        f"<th>{_say(words, 'v_batch')}</th><th>{_say(words, 'v_site')}</th>"
        f"<th class='amount'>{_say(words, 'v_price')}</th></tr>{''.join(rows)}<tr class='t'>"
        f"<td colspan='3'>{_say(words, 'v_total')}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td></tr></table><div class='paid'>"
        f"{_say(words, 'v_paid')} (Mastercard •••• {digits})</div>{next_box}"
        f"<div class='foot'>{_say(words, 'v_vat')}</div>"
    )
    return page(body, VACCINE_CSS)


DUPLICATE_CSS = """
@page { size: A4; margin: 12mm 16mm 12mm 16mm; }
body { font-size: 9.8pt; color: #222; }
.copy { height: 128mm; box-sizing: border-box; padding: 4mm 2mm 0 2mm; }
.h { display: flex; justify-content: space-between; }
.h b { font-size: 14pt; color: #7a3b69; display: block; } .h small { color: #555; }
.h .r { text-align: right; } .h .r b { font-size: 13pt; letter-spacing: 2px; color: #222; }
.h .r span { display: inline-block; border: 1px solid #7a3b69; color: #7a3b69;
  padding: 1px 8px; font-size: 8.5pt; margin-top: 3px; }
table.meta { width: auto; margin: 10px 0; } table.meta td { padding: 2px 16px 2px 0; }
table.meta td.k { color: #555; }
table.i { width: 140mm; } table.i th { border-bottom: 1px solid #222; padding: 4px 4px;
  font-size: 9pt; }
table.i td { padding: 5px 4px; border-bottom: 0.5px solid #bbb; }
td.kr, th.kr { text-align: right; white-space: nowrap; width: 34mm; }
span.ore { border-left: 1px solid #222; margin-left: 6px; padding-left: 6px; }
th.kr span.ore { font-weight: bold; }
tr.t td { font-weight: bold; border-top: 1.5px solid #222; border-bottom: none; }
.paid { margin-top: 8px; } .sign { margin-top: 16px; color: #555; }
.cut { border-top: 1.5px dashed #777; position: relative; height: 0; margin: 0 -6mm; }
.cut span { position: absolute; left: 8mm; top: -8px; background: #fff; padding: 0 6px;
  font-size: 8pt; color: #555; }
"""


def _duplicate(document: Receipt) -> str:
    """A midwife's receipt printed twice on one A4 page, the patient's copy above and the
    clinic's below a dashed line to cut along: the clinic and its organisation number, the
    receipt's number, the date, the patient and the week of the pregnancy; each service with
    its kroner and øre in columns of their own, the sum, paid with Vipps; the clinic's copy
    with a line for the patient's signature."""
    words = WORDS[document.language]
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='kr'>{kr_ore_cell(item.amount)}</td></tr>"
        for item in document.items
    )
    meta = (
        (words["d_no"], str(document.invoice_number)),
        (words["d_day"], shown_date(document, document.day)),
        (words["d_patient"], document.patient),
        (words["d_week"], str(pregnancy_week(document))),
    )
    copies = []
    for number, label in enumerate(words["d_copies"]):
        sign = (
            f"<div class='sign'>{_say(words, 'd_sign')}: ______________________________</div>"
            if number == 1
            else ""
        )
        copies.append(
            f"<div class='copy'><div class='h'><div><b>{escape(document.provider)}</b><small>"
            f"{escape(document.address)} · {_say(words, 's_org')} "
            f"{org_number(document.organisation_number, 1)} · {_say(words, 's_phone')} "
            f"{document.phone}</small></div><div class='r'><b>"
            f"{_say(words, 'd_title')}</b><br><span>{escape(label)}</span></div></div>"
            "<table class='meta'>"
            + "".join(
                f"<tr><td class='k'>{escape(k)}:</td><td>{escape(v)}</td></tr>" for k, v in meta
            )
            + f"</table><table class='i'><tr><th>{_say(words, 'd_what')}</th><th class='kr'>"
            f"{_say(words, 'd_kr')}<span class='ore'>{_say(words, 'd_ore')}</span></th></tr>"
            f"{rows}<tr class='t'><td>{_say(words, 'd_sum')}</td><td class='kr'>"
            f"{kr_ore_cell(document.total)}</td></tr></table><div class='paid'>"
            f"{_say(words, 'd_paid')}</div>{sign}</div>"
        )
    cut = f"<div class='cut'><span>✂ {_say(words, 'd_cut')}</span></div>"
    return page(cut.join(copies), DUPLICATE_CSS)


BANK_CSS = """
body { font-size: 15px; background: #f2f4f7; color: #141a21; }
.bar { display: flex; align-items: center; height: 52px; background: #fff; padding: 0 14px;
  font-size: 18px; font-weight: bold; } .bar .back { width: 34px; font-size: 22px; }
.bar .more { margin-left: auto; font-size: 20px; }
.hero { background: #fff; text-align: center; padding: 8px 16px 18px 16px; }
.hero .logo { display: inline-block; width: 52px; height: 52px; border-radius: 26px;
  background: #0b3d5c; color: #fff; font-size: 19px; line-height: 52px; font-weight: bold; }
.hero .name { font-size: 17px; font-weight: bold; margin-top: 8px; }
.hero .cat { font-size: 13px; color: #5b6570; }
.hero .big { font-size: 32px; font-weight: bold; margin: 10px 0 6px 0; white-space: nowrap; }
.hero .ok { display: inline-block; background: #e2f3e8; color: #17693a; border-radius: 12px;
  padding: 3px 12px; font-size: 13px; }
.card { background: #fff; margin: 12px 12px 0 12px; border-radius: 14px; }
.card .r { display: flex; justify-content: space-between; padding: 11px 14px;
  border-top: 1px solid #eceff3; font-size: 14px; }
.card .r:first-child { border-top: none; }
.card .r span:first-child { color: #5b6570; } .card .r span:last-child { text-align: right;
  margin-left: 12px; }
.card .h { padding: 12px 14px 4px 14px; font-weight: bold; font-size: 15px; }
.card .h small { display: block; font-weight: normal; color: #5b6570; font-size: 12px; }
.card .t { font-weight: bold; }
.buttons { display: flex; margin: 14px 12px 18px 12px; }
.buttons span { flex: 1; text-align: center; border: 1px solid #0b3d5c; color: #0b3d5c;
  border-radius: 20px; padding: 9px 0; margin: 0 4px; font-size: 14px; font-weight: bold; }
"""


def bank_height(document: Receipt) -> int:
    return 780 + 45 * len(document.items)


def bank_receipt(document: Receipt) -> str:
    """A private cardiologist's receipt in a bank app (the purchase's page): the merchant, the
    category, the amount as a debit, completed; the purchase's date and time, the day it was
    booked, the card and the account; the digital receipt the merchant sent (the patient,
    each service and its price, the total, the VAT, the receipt's number, the organisation
    number); the buttons. On a Samsung phone: its status bar and three navigation buttons."""
    words = WORDS[document.language]
    english = document.language == "en"

    def plain(amount: Decimal) -> str:
        whole, cents = f"{amount:.2f}".split(".")
        grouped = f"{int(whole):,}"
        return f"{grouped}.{cents}" if english else f"{grouped.replace(',', NBSP)},{cents}"

    lines = "".join(
        f"<div class='r'><span>{escape(item.text)}</span><span>{plain(item.amount)}</span></div>"
        for item in document.items
    )
    digits = document.invoice_number * 29 % 9000 + 1000
    account = document.account
    name = "".join(part[0] for part in document.provider.split()[:2]).upper()
    booked_day = f"{booked(document):%d/%m/%Y}" if english else f"{booked(document):%d.%m.%Y}"
    body = (
        f"<div class='bar'><span class='back'>←</span>{_say(words, 'b_title')}<span "
        f"class='more'>⋮</span></div><div class='hero'><div class='logo'>{escape(name)}</div>"
        f"<div class='name'>{escape(document.provider)}</div><div class='cat'>"
        f"{_say(words, 'b_category')}</div><div class='big'>"
        f"{_amount(document.total, document)}</div><span class='ok'>✓ {_say(words, 'b_done')}"
        f"</span></div><div class='card'><div class='r'><span>{_say(words, 'b_bought')}</span>"
        f"<span>{shown_date(document, document.day)}</span></div><div class='r'><span>"
        f"{_say(words, 'b_booked')}</span><span>{booked_day}</span></div><div class='r'><span>"
        f"{_say(words, 'b_card')}</span><span>Visa •••• {digits}</span></div><div class='r'>"
        f"<span>{_say(words, 'b_account')}</span><span>{_say(words, 'b_account_name')} "
        f"{account}</span></div></div><div class='card'><div class='h'>"
        f"{_say(words, 'b_receipt')}<small>{escape(document.provider)} · "
        f"{_say(words, 'b_org')} {org_number(document.organisation_number, 0)}</small></div>"
        f"<div class='r'><span>{_say(words, 'b_patient')}</span><span>"
        f"{escape(document.patient)}</span></div>{lines}<div class='r t'><span>"
        f"{_say(words, 'b_total')}</span><span>{plain(document.total)}</span></div>"
        f"<div class='r'><span>{_say(words, 'b_vat')}</span><span>{plain(Decimal(0))}</span>"
        f"</div><div class='r'><span>{_say(words, 'b_no')}</span><span>"
        f"{document.invoice_number}</span></div></div><div class='buttons'><span>"
        f"{_say(words, 'b_share')}</span><span>{_say(words, 'b_report')}</span></div>"
    )
    number = document.invoice_number
    clock = f"{(9 + number % 8 + 2) % 24:02d}:{number * 13 % 60:02d}"
    tall = bank_height(document)
    frame = (
        f"@page {{ size: {SAMSUNG[0]}px {max(tall, SAMSUNG[1] + 60)}px; margin: 0; }}"
        f".status {{ display: flex; justify-content: space-between; height: {SAMSUNG_STATUS}px;"
        " box-sizing: border-box; padding: 5px 16px 0 16px; font-size: 13px; background: #fff; }"
        f".nav {{ height: {SAMSUNG_NAVIGATION}px; display: flex; justify-content: space-around; "
        "align-items: center; background: #fff; border-top: 1px solid #e3e6ea; font-size: 20px; "
        "color: #3c4043; margin-top: 10px; }"
    )
    status = (
        f"<div class='status'><span>{clock}</span><span>5G ▮ "
        f"{30 + document.birth_date.day * 2}%</span></div>"
    )
    navigation = "<div class='nav'><span>|||</span><span>◯</span><span>‹</span></div>"
    return page(status + body + navigation, frame + BANK_CSS)
