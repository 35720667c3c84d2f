"""The nineteenth blind set's documents as HTML: a chiropractor's treatment card (A5,
portrait), a box for each of the series' ten treatments in two columns, those paid so far
filled in with the day, the treatment, the fee and the chiropractor's initials ("4/3", the
year in the card's heading;
amounts as "kr 1 234,--" or "NOK 1,234.--"), the sum paid on the card, the next appointment
and the price list under them; a booking app's list of a year's appointments on one phone
screen, newest first, each paid one with its fee and a cancelled one now and then without,
the next appointment at the top ("Tir 4. mar 2025, 08:20", "Tue 4 Mar 2025, 08:20";
"1 234kr" or "1,234kr"); a private gastroenterologist's receipt on A4 for a consultation with a
gastroscopy ("4. mars 2025 (tirsdag)", "4 March 2025 (Tuesday)"; "1 234,-- kr" or
"1,234.-- NOK"); a medical
laboratory's receipt printed at its counter by an impact printer on a 76 mm roll, in capitals
("DATO 04MAR25 KL 08:20", "65,00NOK").

Names are Upper Sorbian, Occitan or Filipino (``content.blind19_name``); pages in bokmål,
nynorsk or English; providers at the set's own places (``content.BLIND19_PLACES``).

Renditions (``render``): the treatment card photographed on a table with the phone held
upright, the JPEG stored as the camera's sensor took it, on its side, with the EXIF tag that
tells a viewer to turn it; the laboratory's roll printed in dots by the printer's pins through
a worn ribbon, scanned in colour and cropped to the roll; the booking app's screenshot with a
video playing in a floating picture-in-picture window over a corner where no fee is shown.

Every layout still carries what a reader must leave out: the card's number, the referral, the
next appointment, the price list, the birth date, the app's cancelled appointments and the
clock, the receipt's and the requisition's numbers, the referral's date, the HPR number, the
VAT line, the terminal's numbers, the card's last digits, the organisation and phone numbers,
the account.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND19_CHIROPRACTIC_PRICES,
    BLIND19_ENDOSCOPY_LAYOUT,
    BLIND19_LAB_LAYOUT,
    BLIND19_PAPER_LAYOUT,
    BLIND19_PHONE_LAYOUT,
    YEARS,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset(
    (BLIND19_PAPER_LAYOUT, BLIND19_PHONE_LAYOUT, BLIND19_ENDOSCOPY_LAYOUT, BLIND19_LAB_LAYOUT)
)
"""The layouts this module draws (and no other)."""

SCREEN = (390, 844)
"""CSS pixels of the phone's screen (device scale 3: 1170 × 2532 pixels)."""
CARD_BOXES = 10
"""The treatments a card has room for."""

MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "nn": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
SHORT_MONTHS = {
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "nn": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}  # fmt: skip
"""Months as the booking app abbreviates them (no full stop after them)."""
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nn": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
CAPITAL_WEEKDAYS = {
    "nb": ("Man", "Tir", "Ons", "Tor", "Fre", "Lør", "Søn"),
    "nn": ("Mån", "Tys", "Ons", "Tor", "Fre", "Lau", "Sun"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
CHIROPRACTORS = ("Kjersti Lunde", "Eilif Nesheim", "Tuva Rørvik", "Sigve Handeland")
GASTROENTEROLOGISTS = ("Ragnvald Skare", "Ingunn Fjelde", "Halvard Sunde")

WORDS: dict[str, dict[str, Any]] = {
    "nb": {
        "c_sub": "Kiropraktor – muskel- og skjelettplager", "c_title": "BEHANDLINGSKORT",
        "c_card": "Kort nr.", "c_year": "Behandlingsår {year}", "c_patient": "Pasient",
        "c_born": "Født",
        "c_referred": "Henvist av", "c_self": "egen henvendelse",
        "c_first": "Førstegangskonsultasjon", "c_treatment": "Behandling",
        "c_sign": "Sign.", "c_empty": "Dato", "c_sum": "Sum betalt på dette kortet",
        "c_next": "Neste time", "c_prices": "Priser {year}",
        "c_late": "Avbestilt senere enn 24 timer før", "c_note": "Ta med kortet til hver "
        "time. Kortet gjelder som kvittering for betalte behandlinger. Kiropraktorbehandling "
        "er fritatt for merverdiavgift.", "c_at": "kl.",
        "b_title": "Mine timer", "b_user": "Innlogget som", "b_next": "Neste time",
        "b_pay": "Betales ved oppmøte", "b_tabs": ("Kommende", "Tidligere"),
        "b_paid_year": "Betalt i {year}", "b_paid": "Betalt", "b_cancelled": "Avbestilt",
        "b_bar": ("Hjem", "Timer", "Meldinger", "Profil"),
        "e_sub": "Fordøyelsessykdommer og endoskopi", "e_title": "KVITTERING",
        "e_no": "Kvitteringsnr.", "e_date": "Dato", "e_time": "Klokkeslett",
        "e_patient": "Pasient", "e_born": "Fødselsdato", "e_doctor": "Lege",
        "e_title_doctor": "spesialist i fordøyelsessykdommer", "e_hpr": "HPR-nr.",
        "e_referral": "Henvisning fra fastlege, datert", "e_what": "Beskrivelse",
        "e_amount": "Beløp", "e_total": "Totalt betalt", "e_paid": "Betalt med bankkort",
        "e_register": "Egenandelen er meldt til egenandelsregisteret (frikort).",
        "e_answer": "Svar på vevsprøver sendes fastlegen innen tre uker.",
        "e_vat": "Helsetjenester er fritatt for merverdiavgift.", "e_account": "Kontonr.",
        "l_receipt": "KVITTERING", "l_no": "NR", "l_date": "DATO", "l_time": "KL",
        "l_till": "KASSE", "l_operator": "OPR", "l_patient": "PASIENT", "l_born": "F.DATO",
        "l_requisition": "REKV.NR", "l_total": "TOTALT", "l_vat": "MVA 0%",
        "l_paid": "BETALT BANKAXEPT", "l_card": "KORT", "l_thanks": "TAKK FOR BESØKET",
        "l_keep": "TA VARE PÅ KVITTERINGEN",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "nn": {
        "c_sub": "Kiropraktor – muskel- og skjelettplager", "c_title": "BEHANDLINGSKORT",
        "c_card": "Kort nr.", "c_year": "Behandlingsår {year}", "c_patient": "Pasient",
        "c_born": "Fødd",
        "c_referred": "Tilvist av", "c_self": "eigen førespurnad",
        "c_first": "Førstegongskonsultasjon", "c_treatment": "Behandling",
        "c_sign": "Sign.", "c_empty": "Dato", "c_sum": "Sum betalt på dette kortet",
        "c_next": "Neste time", "c_prices": "Prisar {year}",
        "c_late": "Avbestilt seinare enn 24 timar før", "c_note": "Ta med kortet til kvar "
        "time. Kortet gjeld som kvittering for betalte behandlingar. Kiropraktorbehandling "
        "er friteken for meirverdiavgift.", "c_at": "kl.",
        "b_title": "Timane mine", "b_user": "Innlogga som", "b_next": "Neste time",
        "b_pay": "Vert betalt ved oppmøte", "b_tabs": ("Kommande", "Tidlegare"),
        "b_paid_year": "Betalt i {year}", "b_paid": "Betalt", "b_cancelled": "Avbestilt",
        "b_bar": ("Heim", "Timar", "Meldingar", "Profil"),
        "e_sub": "Fordøyingssjukdomar og endoskopi", "e_title": "KVITTERING",
        "e_no": "Kvitteringsnr.", "e_date": "Dato", "e_time": "Klokkeslett",
        "e_patient": "Pasient", "e_born": "Fødselsdato", "e_doctor": "Lege",
        "e_title_doctor": "spesialist i fordøyingssjukdomar", "e_hpr": "HPR-nr.",
        "e_referral": "Tilvising frå fastlege, datert", "e_what": "Skildring",
        "e_amount": "Beløp", "e_total": "Totalt betalt", "e_paid": "Betalt med bankkort",
        "e_register": "Eigendelen er meld til eigendelsregisteret (frikort).",
        "e_answer": "Svar på vevsprøvar vert sende fastlegen innan tre veker.",
        "e_vat": "Helsetenester er fritekne for meirverdiavgift.", "e_account": "Kontonr.",
        "l_receipt": "KVITTERING", "l_no": "NR", "l_date": "DATO", "l_time": "KL",
        "l_till": "KASSE", "l_operator": "OPR", "l_patient": "PASIENT", "l_born": "F.DATO",
        "l_requisition": "REKV.NR", "l_total": "TOTALT", "l_vat": "MVA 0%",
        "l_paid": "BETALT BANKAXEPT", "l_card": "KORT", "l_thanks": "TAKK FOR BESØKET",
        "l_keep": "TA VARE PÅ KVITTERINGA",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "en": {
        "c_sub": "Chiropractor – muscle and joint pain", "c_title": "TREATMENT CARD",
        "c_card": "Card no.", "c_year": "Treatment year {year}", "c_patient": "Patient",
        "c_born": "Born",
        "c_referred": "Referred by", "c_self": "self-referral",
        "c_first": "First consultation", "c_treatment": "Treatment",
        "c_sign": "Sign.", "c_empty": "Date", "c_sum": "Total paid on this card",
        "c_next": "Next appointment", "c_prices": "Prices {year}",
        "c_late": "Cancelled less than 24 hours before", "c_note": "Bring this card to every "
        "appointment. The card is your receipt for the treatments paid. Chiropractic "
        "treatment is exempt from VAT.", "c_at": "at",
        "b_title": "My appointments", "b_user": "Signed in as", "b_next": "Next appointment",
        "b_pay": "Pay when you arrive", "b_tabs": ("Upcoming", "Past"),
        "b_paid_year": "Paid in {year}", "b_paid": "Paid", "b_cancelled": "Cancelled",
        "b_bar": ("Home", "Appointments", "Messages", "Profile"),
        "e_sub": "Gastroenterology and endoscopy", "e_title": "RECEIPT",
        "e_no": "Receipt no.", "e_date": "Date", "e_time": "Time",
        "e_patient": "Patient", "e_born": "Date of birth", "e_doctor": "Doctor",
        "e_title_doctor": "specialist in gastroenterology", "e_hpr": "HPR no.",
        "e_referral": "Referral from GP, dated", "e_what": "Description",
        "e_amount": "Amount", "e_total": "Total paid", "e_paid": "Paid by debit card",
        "e_register": "The user fee has been reported to the user fee register (exemption "
        "card).", "e_answer": "Biopsy results are sent to your GP within three weeks.",
        "e_vat": "Health services are exempt from VAT.", "e_account": "Account no.",
        "l_receipt": "RECEIPT", "l_no": "NO", "l_date": "DATE", "l_time": "TIME",
        "l_till": "TILL", "l_operator": "OPR", "l_patient": "PATIENT", "l_born": "BORN",
        "l_requisition": "REQ.NO", "l_total": "TOTAL", "l_vat": "VAT 0%",
        "l_paid": "PAID BANKAXEPT", "l_card": "CARD", "l_thanks": "THANK YOU FOR YOUR VISIT",
        "l_keep": "PLEASE KEEP THIS RECEIPT",
        "org": "Org. no.", "phone": "Phone",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """A whole amount of kroner as "kr 1 234,--" with two hyphens for the øre
    (kr_double_dash), "NOK 1,234.--" (nok_point_double_dash), "1 234kr" glued
    (glued_kr_whole), "1,234kr" (glued_kr_whole_comma), "1 234,-- kr" (double_dash_kr),
    "1,234.-- NOK" (point_double_dash_nok) or "1234,00NOK" (glued_nok_after, an impact
    printer's column, no thousands parted); the thousands otherwise parted by a no-break space
    or by a comma. The set has no amount with øre."""
    whole, cents = f"{amount:.2f}".split(".")
    if cents != "00":
        raise ValueError(f"the nineteenth blind set prints whole kroner only: {amount}")
    grouped = f"{int(whole):,}"
    spaced = grouped.replace(",", NBSP)
    match style:
        case "kr_double_dash":
            return f"kr{NBSP}{spaced},--"
        case "nok_point_double_dash":
            return f"NOK{NBSP}{grouped}.--"
        case "glued_kr_whole":
            return f"{spaced}kr"
        case "glued_kr_whole_comma":
            return f"{grouped}kr"
        case "double_dash_kr":
            return f"{spaced},--{NBSP}kr"
        case "point_double_dash_nok":
            return f"{grouped}.--{NBSP}NOK"
        case _:
            return f"{int(whole)},00NOK"


def clock(value: date, style: str) -> tuple[int, int]:
    """The hour and minute of a visit (from the day and the layout alone): 8 to 15, on the
    quarter hour at the chiropractor and in the booking app, to the minute at the counter."""
    seed = value.toordinal() * 13 + len(style) * 7
    minute = seed * 11 % 60 if style == "compact_upper_month" else seed % 4 * 15
    return 8 + seed % 8, minute


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "4/3" (day_slash_month, in every language, the year in the card's heading),
    "Tir 4. mar 2025, 08:20" ("Tue 4 Mar 2025, 08:20"; capital_weekday_clock, the booking's
    time after it), "4. mars 2025 (tirsdag)" ("4 March 2025 (Tuesday)";
    long_weekday_in_brackets) or "04MAR25" (compact_upper_month, an impact printer's: the
    month's first three letters in capitals, "04MAI25", "04MAY25"). The times are
    ``clock``'s."""
    english = language == "en"
    match style:
        case "day_slash_month":
            return f"{value.day}/{value.month}"
        case "capital_weekday_clock":
            hour, minute = clock(value, style)
            weekday = CAPITAL_WEEKDAYS[language][value.weekday()]
            month = SHORT_MONTHS[language][value.month - 1]
            dot = "" if english else "."
            return f"{weekday} {value.day}{dot} {month} {value.year}, {hour:02d}:{minute:02d}"
        case "long_weekday_in_brackets":
            month = MONTHS[language][value.month - 1]
            weekday = WEEKDAYS[language][value.weekday()]
            if english:
                return f"{value.day} {month} {value.year} ({weekday})"
            return f"{value.day}. {month} {value.year} ({weekday})"
        case _:
            month = SHORT_MONTHS["en" if english else "nb"][value.month - 1].upper()
            return f"{value:%d}{month}{value:%y}"


def shown_date(document: Overview | Receipt, value: date) -> str:
    return day(value, document.date_style, document.language)


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout (``phone``: the booking app, always one screen)."""
    if isinstance(document, Receipt):
        if document.layout == BLIND19_LAB_LAYOUT:
            return _lab(document)
        return _endoscopy(document)
    if phone or document.layout == BLIND19_PHONE_LAYOUT:
        return _booking_app(document)
    return _card(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def printed_order(document: Overview) -> list[Fee]:
    """The fees in the order the document prints them: the card's in date order (box after
    box), the app's newest first."""
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def truth_prints(document: Overview | Receipt) -> list[str]:
    """What the document prints of its truth: the name, each line's date and amount, the
    total (what a rendition must leave in sight)."""
    shown = [document.shown_name, _amount(document.total, document)]
    if isinstance(document, Receipt):
        return [*shown, shown_date(document, document.day)]
    for fee in document.fees:
        shown += [shown_date(document, fee.day), _amount(fee.amount, document)]
    return shown


# ---- a chiropractor's treatment card (A5, portrait) ---------------------------------------


def card_number(document: Overview) -> str:
    return f"{document.birth_date.toordinal() * 7 % 90_000 + 10_000}"


def next_appointment(document: Overview) -> date:
    """The next appointment the card or the app shows: a week or two after the last fee (a
    weekday)."""
    last = max(fee.day for fee in document.fees)
    following = last + timedelta(days=7 + document.birth_date.toordinal() % 8)
    if following.weekday() >= 5:  # a Saturday or a Sunday: the Monday after
        following += timedelta(days=7 - following.weekday())
    return following


CARD_CSS = """
@page { size: A5; margin: 9mm 9mm 10mm 9mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 7.8pt; color: #1e2a24; }
.head { display: flex; justify-content: space-between; align-items: flex-start;
  border-bottom: 2px solid #2f6b4f; padding-bottom: 4px; }
.clinic { font-family: 'DejaVu Serif', serif; font-size: 13pt; font-weight: bold;
  color: #2f6b4f; } .sub { font-size: 7.4pt; color: #44604f; }
.addr { font-size: 6.6pt; color: #555; margin-top: 2px; }
.title { text-align: right; } .title b { font-size: 11pt; letter-spacing: 1.5px; }
.title div { font-size: 7pt; color: #555; margin-top: 2px; }
.title div.year { font-size: 9pt; font-weight: bold; color: #1e2a24; }
table.who { margin: 3mm 0 3mm 0; width: auto; } table.who td { padding: 0.5px 10px 0.5px 0; }
table.who td.k { color: #5b6b63; }
table.grid { width: 100%; border-collapse: separate; border-spacing: 2.2mm; margin: 0 -2.2mm; }
table.grid td { border: 1px solid #8fb3a0; border-radius: 3px; height: 17mm; width: 50%;
  vertical-align: top; padding: 3px 5px; }
td .n { display: inline-block; width: 13px; height: 13px; border-radius: 7px;
  background: #2f6b4f; color: #fff; text-align: center; font-size: 7pt; font-weight: bold;
  line-height: 13px; margin-right: 5px; }
td .d { font-weight: bold; font-size: 8.6pt; } td .w { color: #44604f; margin-top: 2px; }
td .a { font-weight: bold; font-size: 8.6pt; margin-top: 3px; }
td .s { float: right; font-family: 'DejaVu Serif', serif; font-style: italic; color: #2b3f8f; }
td.blank .e { color: #a3b3aa; margin-top: 5px; }
.sum { margin-top: 2mm; font-size: 9pt; font-weight: bold; border-top: 1.5px solid #2f6b4f;
  padding-top: 3px; } .next { margin-top: 1.5mm; }
.prices { margin-top: 2mm; font-size: 6.8pt; color: #444; line-height: 1.45; }
.note { margin-top: 1.5mm; font-size: 6.4pt; color: #666; }
"""


def _card(document: Overview) -> str:
    """A chiropractor's treatment card (A5): the clinic, what it treats, its address, phone and
    organisation number; the title and the card's number; the patient, the birth date and who
    referred; ten numbered boxes in two columns, those of the treatments paid so far with the
    day, the treatment, the fee and the chiropractor's initials, the rest empty; the sum paid
    on the card; the next appointment; the year's prices (the first consultation, a treatment,
    a late cancellation) and a note."""
    words = WORDS[document.language]
    fees = printed_order(document)
    clinic = fees[0].provider
    seed = document.birth_date.toordinal()
    chiropractor = CHIROPRACTORS[seed % len(CHIROPRACTORS)]
    initials = "".join(part[0] for part in chiropractor.split())
    place = clinic.replace("Kiropraktorsenteret ", "").replace("Ryggklinikken ", "")
    place = place.replace(" Kiropraktikk", "")
    boxes = []
    for number in range(CARD_BOXES):
        if number < len(fees):
            fee = fees[number]
            kind = words["c_first"] if number == 0 else words["c_treatment"]
            boxes.append(
                f"<td><span class='n'>{number + 1}</span><span class='d'>"
                f"{shown_date(document, fee.day)}</span><div class='w'>{escape(kind)}</div>"
                f"<div class='a'>{_amount(fee.amount, document)}<span class='s'>"
                f"{_say(words, 'c_sign')} {initials}</span></div></td>"
            )
        else:
            boxes.append(
                f"<td class='blank'><span class='n'>{number + 1}</span><div class='e'>"
                f"{_say(words, 'c_empty')} ____________</div></td>"
            )
    rows = "".join(f"<tr>{boxes[n]}{boxes[n + 1]}</tr>" for n in range(0, CARD_BOXES, 2))
    first, treatment = BLIND19_CHIROPRACTIC_PRICES[YEARS.index(document.year)]
    hour, minute = clock(next_appointment(document), document.date_style)
    prices = " · ".join(
        f"{_say(words, key)} {_amount(Decimal(price), document)}"
        for key, price in (("c_first", first), ("c_treatment", treatment), ("c_late", treatment))
    )
    body = (
        f"<div class='head'><div><div class='clinic'>{escape(clinic)}</div>"
        f"<div class='sub'>{_say(words, 'c_sub')}</div><div class='addr'>"
        f"{('Bygdevegen', 'Torvvegen', 'Bakkegata')[seed % 3]} {seed % 29 + 2}, "
        f"{3800 + seed % 900} {escape(place)}<br>{_say(words, 'phone')} "
        f"{30 + seed % 60} {seed % 90 + 10} {seed % 80 + 20} {seed % 70 + 10} · "
        f"{_say(words, 'org')} {org_number(str(912_000_000 + seed * 53 % 999_999), 1)}</div>"
        f"</div><div class='title'><b>{_say(words, 'c_title')}</b><div>"
        f"{_say(words, 'c_card')} {card_number(document)}</div><div class='year'>"
        f"{_say(words, 'c_year', year=document.year)}</div></div></div>"
        f"<table class='who'><tr><td class='k'>{_say(words, 'c_patient')}</td>"
        f"<td><b>{escape(document.name)}</b></td></tr><tr><td class='k'>"
        f"{_say(words, 'c_born')}</td><td>{document.birth_date:%d.%m.%Y}</td></tr>"
        f"<tr><td class='k'>{_say(words, 'c_referred')}</td><td>{_say(words, 'c_self')}"
        f"</td></tr></table><table class='grid'>{rows}</table>"
        f"<div class='sum'>{_say(words, 'c_sum')}: {_amount(document.total, document)}</div>"
        f"<div class='next'>{_say(words, 'c_next')}: "
        f"{shown_date(document, next_appointment(document))} {_say(words, 'c_at')} "
        f"{hour:02d}.{minute:02d} ({escape(chiropractor)})</div>"
        f"<div class='prices'>{_say(words, 'c_prices', year=document.year)}: {prices}</div>"
        f"<div class='note'>{_say(words, 'c_note')}</div>"
    )
    return page(body, CARD_CSS)


# ---- a booking app's list of appointments (one phone screen) ------------------------------


def cancelled(document: Overview) -> list[Fee]:
    """The cancelled appointments the app lists beside the paid ones (at most two): a week
    before a paid one at the same provider, where that day has no fee and is in the year."""
    days = {fee.day for fee in document.fees}
    seed = document.birth_date.toordinal()
    found: list[Fee] = []
    for number, fee in enumerate(sorted(document.fees, key=lambda fee: fee.day)):
        earlier = fee.day - timedelta(days=7)
        if (seed + number) % 3 == 0 and earlier.year == document.year and earlier not in days:
            found.append(Fee(earlier, Decimal(0), fee.provider, fee.service))
        if len(found) == 2:
            break
    return found


def app_clock(document: Overview) -> tuple[int, int]:
    """The hour and minute on the status bar (from the person alone)."""
    seed = document.birth_date.toordinal()
    return 7 + seed % 15, seed * 13 % 60


APP_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; background: #f6f4f0; color: #22201c; }
.status { height: 47px; box-sizing: border-box; padding: 15px 26px 0 30px; display: flex;
  justify-content: space-between; font-size: 14px; font-weight: bold; }
.top { display: flex; justify-content: space-between; align-items: center;
  padding: 6px 18px 0 18px; } .top h1 { font-size: 26px; margin: 0; }
.avatar { width: 34px; height: 34px; border-radius: 17px; background: #6a4fb3; color: #fff;
  font-size: 13px; font-weight: bold; text-align: center; line-height: 34px; }
.user { padding: 2px 18px 8px 18px; font-size: 12px; color: #5e5a52; }
.user b { color: #22201c; }
.next { margin: 0 16px; background: #6a4fb3; color: #fff; border-radius: 14px;
  padding: 10px 14px; } .next .k { font-size: 11px; opacity: 0.85; }
.next .v { font-size: 15px; font-weight: bold; margin: 2px 0; }
.next .p { font-size: 11.5px; } .next .m { font-size: 10.5px; opacity: 0.85; margin-top: 3px; }
.seg { display: flex; margin: 12px 16px 6px 16px; background: #e7e3dc; border-radius: 9px;
  padding: 2px; } .seg div { flex: 1; text-align: center; font-size: 12.5px; padding: 6px 0;
  color: #5e5a52; } .seg div.on { background: #fff; border-radius: 7px; font-weight: bold;
  color: #22201c; }
.year { display: flex; justify-content: space-between; padding: 6px 18px 4px 18px;
  font-size: 12.5px; font-weight: bold; color: #6a4fb3; }
.row { display: flex; justify-content: space-between; background: #fff; margin: 0 16px 6px 16px;
  padding: 7px 12px; border-radius: 10px; }
.row .d { font-size: 13px; font-weight: bold; } .row .p { font-size: 11px; color: #5e5a52; }
.row .r { text-align: right; align-self: center; white-space: nowrap; }
.row .a { font-size: 14px; font-weight: bold; }
.chip { display: inline-block; font-size: 10px; border-radius: 8px; padding: 1px 7px;
  margin-top: 2px; } .chip.paid { background: #dcefe2; color: #1f6b3a; }
.chip.off { background: #f3dede; color: #8a2b2b; }
.row.off .d { color: #8d8980; text-decoration: line-through; }
.tabbar { position: absolute; bottom: 0; left: 0; right: 0; height: 78px; background: #fff;
  border-top: 1px solid #e2ded6; display: flex; justify-content: space-around;
  padding-top: 8px; box-sizing: border-box; }
.tabbar div { font-size: 10px; color: #7b776f; text-align: center; width: 80px; }
.tabbar div.on { color: #6a4fb3; font-weight: bold; }
.tabbar span { display: block; width: 22px; height: 22px; border-radius: 6px; margin: 0 auto 3px
  auto; background: #d2cdc4; } .tabbar div.on span { background: #6a4fb3; }
.home { position: absolute; bottom: 8px; left: 128px; width: 134px; height: 5px;
  border-radius: 3px; background: #111; }
"""


def app_rows(document: Overview) -> list[Fee]:
    """The rows the app lists, newest first: the paid appointments (their fee) and the
    cancelled ones (no fee)."""
    rows = [*document.fees, *cancelled(document)]
    return sorted(rows, key=lambda fee: fee.day, reverse=True)


def _booking_app(document: Overview) -> str:
    """A booking app's appointments, one phone screen: the status bar; the title and the
    person's initials; who is signed in; the next appointment (the day and time, the
    provider, paid on arrival); upcoming or past (past chosen); the year with what was paid
    in it; a row for each appointment, newest first (the day and time, the provider and the
    service, the fee and "paid", or "cancelled" and no fee); the tab bar and the home
    indicator."""
    words = WORDS[document.language]
    seed = document.birth_date.toordinal()
    hour, minute = app_clock(document)
    initials = "".join(part[0] for part in document.name.split()[:2])
    rows = []
    for fee in app_rows(document):
        where = f"{escape(fee.provider)} · {escape(fee.service)}"
        if fee.amount:
            right = (
                f"<div class='a'>{_amount(fee.amount, document)}</div>"
                f"<span class='chip paid'>{_say(words, 'b_paid')}</span>"
            )
            rows.append(
                f"<div class='row'><div><div class='d'>{shown_date(document, fee.day)}</div>"
                f"<div class='p'>{where}</div></div><div class='r'>{right}</div></div>"
            )
        else:
            rows.append(
                f"<div class='row off'><div><div class='d'>{shown_date(document, fee.day)}"
                f"</div><div class='p'>{where}</div></div><div class='r'><span class='chip off'>"
                f"{_say(words, 'b_cancelled')}</span></div></div>"
            )
    upcoming = next_appointment(document)
    last = printed_order(document)[0]
    tabs = "".join(
        f"<div{' class=' + chr(39) + 'on' + chr(39) if n == 1 else ''}>{escape(tab)}</div>"
        for n, tab in enumerate(words["b_tabs"])
    )
    bar = "".join(
        f"<div{' class=' + chr(39) + 'on' + chr(39) if n == 1 else ''}><span></span>"
        f"{escape(item)}</div>"
        for n, item in enumerate(words["b_bar"])
    )
    body = (
        f"<div class='status'><span>{hour:02d}:{minute:02d}</span><span>"
        f"▮▮▮ {15 + seed % 80}%</span></div><div class='top'><h1>{_say(words, 'b_title')}</h1>"
        f"<div class='avatar'>{escape(initials)}</div></div><div class='user'>"
        f"{_say(words, 'b_user')} <b>{escape(document.name)}</b></div>"
        f"<div class='next'><div class='k'>{_say(words, 'b_next')}</div><div class='v'>"
        f"{shown_date(document, upcoming)}</div><div class='p'>{escape(last.provider)} · "
        f"{escape(last.service)}</div><div class='m'>{_say(words, 'b_pay')}</div></div>"
        f"<div class='seg'>{tabs}</div><div class='year'><span>{document.year}</span><span>"
        f"{_say(words, 'b_paid_year', year=document.year)}: {_amount(document.total, document)}"
        f"</span></div>{''.join(rows)}<div class='tabbar'>{bar}</div><div class='home'></div>"
    )
    frame = f"@page {{ size: {SCREEN[0]}px {SCREEN[1]}px; margin: 0; }}"
    return page(body, frame + APP_CSS)


# ---- a private gastroenterologist's receipt (A4) ------------------------------------------

ENDOSCOPY_CSS = """
@page { size: A4; margin: 17mm 19mm 18mm 19mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #202428; }
.head { display: flex; justify-content: space-between; align-items: flex-start;
  border-bottom: 1px solid #9aa7b4; padding-bottom: 8px; }
.clinic { font-size: 16pt; font-weight: bold; color: #1d4f7a; }
.sub { font-size: 9pt; color: #1d4f7a; } .addr { font-size: 7.8pt; color: #555;
  margin-top: 4px; line-height: 1.45; }
.head > div:first-child { flex: 1; padding-right: 8mm; }
.doc { text-align: right; } .doc .t { font-size: 15pt; font-weight: bold; letter-spacing: 2px;
  color: #1d4f7a; } .doc table { width: auto; margin-left: auto; }
.doc table td { padding: 1px 0 1px 12px; white-space: nowrap; } .doc td.k { color: #666; }
.who { margin-top: 9mm; line-height: 1.6; } .who .k { color: #666; display: inline-block;
  width: 36mm; }
table.i { width: 100%; border-collapse: collapse; margin-top: 7mm; }
table.i th { text-align: left; font-size: 8pt; color: #1d4f7a; border-bottom: 1.5px solid
  #1d4f7a; padding: 4px 5px; } table.i td { padding: 6px 5px; border-bottom: 1px solid #dde3e8; }
table.i .r { text-align: right; white-space: nowrap; }
tr.t td { font-weight: bold; font-size: 10.5pt; border-top: 1.5px solid #1d4f7a;
  border-bottom: none; padding-top: 8px; }
.paid { margin-top: 5mm; } .foot { margin-top: 8mm; font-size: 7.8pt; color: #555;
  line-height: 1.5; }
"""


def hpr_number(document: Receipt) -> str:
    return f"{document.invoice_number * 11 % 8_000_000 + 1_500_000}"


def referral_date(document: Receipt) -> date:
    """The day the GP wrote the referral: three to eight weeks before the visit, a weekday."""
    written = document.day - timedelta(days=21 + document.invoice_number % 36)
    return written - timedelta(days=max(0, written.weekday() - 4))


def _endoscopy(document: Receipt) -> str:
    """A private gastroenterologist's receipt (A4): the clinic, its speciality, address, phone
    and organisation number; the title, the receipt's number, the day and the time; the
    patient, the birth date, the doctor and the HPR number, the referral's date; each service
    with its price and the total paid; paid by card (its last digits), the register, when
    biopsy results come, the VAT exemption and the account."""
    words = WORDS[document.language]
    number = document.invoice_number
    hour, minute = clock(document.day, document.date_style)
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='r'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    doctor = GASTROENTEROLOGISTS[number % len(GASTROENTEROLOGISTS)]
    doc = (
        (words["e_no"], str(number)),
        (words["e_date"], shown_date(document, document.day)),
        (words["e_time"], f"{hour:02d}:{minute:02d}"),
    )
    body = (
        f"<div class='head'><div><div class='clinic'>{escape(document.provider)}</div>"
        f"<div class='sub'>{_say(words, 'e_sub')}</div><div class='addr'>"
        f"{escape(document.address)}<br>{_say(words, 'phone')} {document.phone} · "
        f"{_say(words, 'org')} {org_number(document.organisation_number, 2)}</div></div>"
        f"<div class='doc'><div class='t'>{_say(words, 'e_title')}</div><table>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in doc)
        + f"</table></div></div><div class='who'><span class='k'>{_say(words, 'e_patient')}"
        f"</span><b>{escape(document.patient)}</b><br><span class='k'>"
        f"{_say(words, 'e_born')}</span>{document.birth_date:%d.%m.%Y}<br><span class='k'>"
        f"{_say(words, 'e_doctor')}</span>{escape(doctor)}, {_say(words, 'e_title_doctor')} "
        f"({_say(words, 'e_hpr')} {hpr_number(document)})<br>{_say(words, 'e_referral')} "
        f"{shown_date(document, referral_date(document))}</div>"
        f"<table class='i'><tr><th>{_say(words, 'e_what')}</th><th class='r'>"
        f"{_say(words, 'e_amount')}</th></tr>{rows}<tr class='t'><td>{_say(words, 'e_total')}"
        f"</td><td class='r'>{_amount(document.total, document)}</td></tr></table>"
        f"<div class='paid'>{_say(words, 'e_paid')} **** {number * 3 % 9000 + 1000}, "
        f"{hour:02d}:{(minute + 35) % 60:02d}</div><div class='foot'>"
        f"{_say(words, 'e_register')}<br>{_say(words, 'e_answer')}<br>{_say(words, 'e_vat')}"
        f"<br>{_say(words, 'e_account')} {document.account}</div>"
    )
    return page(body, ENDOSCOPY_CSS)


# ---- a medical laboratory's receipt from an impact printer (76 mm roll) --------------------

ROLL_WIDTH = 33
"""Characters a line of the roll holds."""


def _line(left: str, right: str) -> str:
    room = max(ROLL_WIDTH - len(right), len(left) + 1)
    return f"{left.ljust(room)}{right}"


def lab_lines(document: Receipt) -> list[str]:
    """The roll's lines: the laboratory, its address, organisation and phone numbers; the
    receipt's number, the day and time, the till and the operator, the patient, the birth
    date and the requisition's number; each item with its price; the total, the VAT, the
    card's payment, its last digits and the terminal's references; thanks."""
    words = WORDS[document.language]
    number = document.invoice_number
    hour, minute = clock(document.day, document.date_style)
    seed = document.day.toordinal() * 7 + number
    rule = "-" * ROLL_WIDTH
    total = _amount(document.total, document)
    return [
        document.provider.upper().center(ROLL_WIDTH).rstrip(),
        document.address.upper().center(ROLL_WIDTH).rstrip(),
        f"ORG.NR {document.organisation_number}  TLF {document.phone}".center(ROLL_WIDTH).rstrip(),
        rule,
        _line(words["l_receipt"], f"{words['l_no']} {number:06d}"),
        _line(f"{words['l_date']} {shown_date(document, document.day)}",
              f"{words['l_time']} {hour:02d}:{minute:02d}"),
        _line(f"{words['l_till']} {seed % 4 + 1}", f"{words['l_operator']} {seed % 90 + 10}"),
        f"{words['l_patient']} {document.patient}",
        _line(f"{words['l_born']} {document.birth_date:%d%m%y}",
              f"{words['l_requisition']} {seed % 9_000_000 + 1_000_000}"),
        rule,
        *(_line(item.text, _amount(item.amount, document)) for item in document.items),
        rule,
        _line(words["l_total"], total),
        _line(words["l_vat"], _amount(Decimal(0), document)),
        _line(words["l_paid"], total),
        _line(words["l_card"], f"************{number * 7 % 9000 + 1000}"),
        _line(f"BAX {seed * 3 % 9_000_000 + 1_000_000}", f"AUT {number * 3 % 900_000 + 100_000}"),
        rule,
        words["l_thanks"].center(ROLL_WIDTH).rstrip(),
        words["l_keep"].center(ROLL_WIDTH).rstrip(),
    ]  # fmt: skip


LINE_MM = 4.2
"""The roll's line pitch (millimetres): six lines to the inch, as the printer feeds."""


def _lab(document: Receipt) -> str:
    """A medical laboratory's receipt as its impact printer prints it on a 76 mm roll (the
    lines of ``lab_lines`` in a monospaced face whose zero has no dot, the roll as long as
    they need)."""
    lines = lab_lines(document)
    height = round(len(lines) * LINE_MM + 22)
    css = (
        f"@page {{ size: 76mm {height}mm; margin: 8mm 4mm 10mm 4mm; }}"
        "body { font-family: 'Liberation Mono', monospace; "
        f"font-size: 9.5pt; line-height: {LINE_MM}mm; white-space: pre; color: #111; }}"
    )
    return page(escape("\n".join(lines)), css)
