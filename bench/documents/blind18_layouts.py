"""The eighteenth blind set's documents as HTML: a hospital trust's statement of the outpatient
user fees paid at one of its hospitals in a year, the lines under a heading for each department
with a sum under each, each line with the visit's time, its invoice's number and the day the
invoice was paid ("04.03.2025 08.20"; amounts as "kr 1 155,–" or "1 155,– NOK"); the user fees
registered in a year in an app, under a heading for each quarter with the quarter's sum,
newest first ("ti. 4. mars", "Tue. 4 March", the year in the quarter's heading; "Kr 1 155,-"
or "kr 1,155.-"); a periodontist's receipt with the fee schedule's codes, each fee, Helfo's
part and what the patient paid ("tirsdag 4. mars 2025 kl. 08.20", "Tuesday 4 March 2025 at
8.20am"); an emergency dental clinic's receipt on an A5 sheet, dated by the patient's arrival
("tir. 04.03.25 kl. 19.40", "Tue 04/03/25, 19:40").

Names are Turkmen, West Frisian or Hawaiian (``content.blind18_name``); pages in bokmål,
nynorsk or English; providers at the set's own places (``content.BLIND18_PLACES``).

Renditions (``render``): a page photographed on a table with the shadow of the phone and the
hand across it; a receipt with the card terminal's slip stapled onto it, scanned in colour;
the app's screenshot with the birth date blacked out with the phone's marker tool.

Every layout still carries what a reader must leave out: the statement's date and period,
the birth date, the patient's number, the addresses, the invoices' numbers and the days they
were paid, the departments' and the quarters' sums, the limit and what is left before it, the
phone's clock, the fees and Helfo's parts beside what was paid and their sums, the receipt's
number, the HPR number, the organisation and phone numbers, the account, the card's last
digits; on a stapled slip the terminal's own time, numbers and references.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND18_DEPARTMENTS,
    BLIND18_EMERGENCY_LAYOUT,
    BLIND18_HOSPITALS,
    BLIND18_PAPER_LAYOUT,
    BLIND18_PERIODONTICS_LAYOUT,
    BLIND18_PHONE_LAYOUT,
    BLIND18_STREETS,
    Fee,
    Overview,
    Receipt,
    blind18_department,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset(
    (BLIND18_PAPER_LAYOUT, BLIND18_PHONE_LAYOUT, BLIND18_PERIODONTICS_LAYOUT,
     BLIND18_EMERGENCY_LAYOUT)
)  # fmt: skip
"""The layouts this module draws (and no other)."""

SCREEN = (390, 844)
"""CSS pixels of the phone's screen (device scale 3: 1170 × 2532 pixels)."""

MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "nn": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
ABBREVIATED = {
    "nb": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "nn": ("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}  # fmt: skip
"""Months as a system's locale abbreviates them (no full stop after them)."""
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "nn": ("måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
TWO_LETTER_WEEKDAYS = {
    "nb": ("ma", "ti", "on", "to", "fr", "lø", "sø"),
    "nn": ("må", "ty", "on", "to", "fr", "la", "su"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
"""As a phone's calendar abbreviates the weekdays (English, three letters)."""
SHORT_WEEKDAYS = {
    "nb": ("man", "tir", "ons", "tor", "fre", "lør", "søn"),
    "nn": ("mån", "tys", "ons", "tor", "fre", "lau", "sun"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
PERIODONTISTS = ("Ragnhild Sæbø", "Torbjørn Aakre", "Ingvild Fure")
EMERGENCY_DENTISTS = ("Kristian Lothe", "Guro Hjelmeland", "Sverre Nybø", "Hanne Rudi")

WORDS: dict[str, dict[str, Any]] = {
    "nb": {
        "h_unit": "Pasientøkonomi", "h_title": "Oversikt over betalte egenandeler",
        "h_sub": "Poliklinisk behandling og undersøkelser", "h_date": "Dato",
        "h_period": "Periode", "h_patient": "Pasient", "h_born": "Fødselsdato",
        "h_id": "Pasientnr.", "h_day": "Behandlingsdato", "h_what": "Kontakt",
        "h_invoice": "Fakturanr.", "h_paid": "Betalt", "h_fee": "Egenandel",
        "h_sum": "Sum {department}", "h_total": "Totalt betalt {year}",
        "h_note": "Egenandelene er registrert i egenandelsregisteret og teller med mot "
        "egenandelstaket ({limit} i {year}). Oversikten gjelder bare {hospital}.",
        "h_ask": "Spørsmål om fakturaer: pasientfaktura, tlf.",
        "kinds": {"outpatient": "Poliklinisk konsultasjon", "radiology": "Røntgenundersøkelse",
                  "lab": "Blodprøver"},
        "a_title": "Egenandeler", "a_born": "f.", "a_paid": "Betalt i {year}",
        "a_limit": "Egenandelstak {limit}", "a_left": "Igjen til frikort: {left}",
        "a_tabs": ("Måned", "Kvartal", "Behandler"), "a_quarter": "{n}. kvartal {year}",
        "a_bar": ("Hjem", "Egenandeler", "Timer", "Meldinger"),
        "r_receipt": "KVITTERING", "r_no": "Kvitteringsnr.", "r_day": "Behandlingsdato",
        "r_by": "Behandler", "r_hpr": "HPR-nr.", "r_patient": "Pasient", "r_born": "Fødselsdato",
        "r_title": "Spesialist i periodonti", "r_dentist": "tannlege, spesialist i periodonti",
        "r_helfo": "Innslagspunkt 6 – periodontitt. Helfos stønad er trukket fra (direkte "
        "oppgjør).", "r_code": "Takst", "r_what": "Behandling", "r_fee": "Honorar",
        "r_part": "Helfo", "r_pay": "Å betale", "r_sum": "Sum", "r_paid": "Betalt med bankkort",
        "r_vat": "Tannbehandling er fritatt for merverdiavgift (mval. § 3-2).",
        "r_account": "Kontonr.",
        "e_sub": "Akutt tannbehandling kveld og helg", "e_title": "Kvittering – akuttbehandling",
        "e_arrived": "Ankomst", "e_by": "Tannlege", "e_what": "Beskrivelse",
        "e_amount": "Beløp", "e_total": "Totalt betalt", "e_paid": "Betalt med kort i terminal",
        "e_note": "Akutt tannbehandling dekkes vanligvis ikke av Helfo. Ta vare på kvitteringen.",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "nn": {
        "h_unit": "Pasientøkonomi", "h_title": "Oversikt over betalte eigendelar",
        "h_sub": "Poliklinisk behandling og undersøkingar", "h_date": "Dato",
        "h_period": "Periode", "h_patient": "Pasient", "h_born": "Fødselsdato",
        "h_id": "Pasientnr.", "h_day": "Behandlingsdato", "h_what": "Kontakt",
        "h_invoice": "Fakturanr.", "h_paid": "Betalt", "h_fee": "Eigendel",
        "h_sum": "Sum {department}", "h_total": "Totalt betalt {year}",
        "h_note": "Eigendelane er registrerte i eigendelsregisteret og tel med mot "
        "eigendelstaket ({limit} i {year}). Oversikta gjeld berre {hospital}.",
        "h_ask": "Spørsmål om fakturaer: pasientfaktura, tlf.",
        "kinds": {"outpatient": "Poliklinisk konsultasjon", "radiology": "Røntgenundersøking",
                  "lab": "Blodprøvar"},
        "a_title": "Eigendelar", "a_born": "f.", "a_paid": "Betalt i {year}",
        "a_limit": "Eigendelstak {limit}", "a_left": "Att til frikort: {left}",
        "a_tabs": ("Månad", "Kvartal", "Behandlar"), "a_quarter": "{n}. kvartal {year}",
        "a_bar": ("Heim", "Eigendelar", "Timar", "Meldingar"),
        "r_receipt": "KVITTERING", "r_no": "Kvitteringsnr.", "r_day": "Behandlingsdato",
        "r_by": "Behandlar", "r_hpr": "HPR-nr.", "r_patient": "Pasient", "r_born": "Fødd",
        "r_title": "Spesialist i periodonti", "r_dentist": "tannlege, spesialist i periodonti",
        "r_helfo": "Innslagspunkt 6 – periodontitt. Stønaden frå Helfo er trekt frå (direkte "
        "oppgjer).", "r_code": "Takst", "r_what": "Behandling", "r_fee": "Honorar",
        "r_part": "Helfo", "r_pay": "Å betale", "r_sum": "Sum", "r_paid": "Betalt med bankkort",
        "r_vat": "Tannbehandling er friteken for meirverdiavgift (mval. § 3-2).",
        "r_account": "Kontonr.",
        "e_sub": "Akutt tannbehandling kveld og helg", "e_title": "Kvittering – akuttbehandling",
        "e_arrived": "Kom inn", "e_by": "Tannlege", "e_what": "Skildring",
        "e_amount": "Beløp", "e_total": "Totalt betalt", "e_paid": "Betalt med kort i terminal",
        "e_note": "Akutt tannbehandling vert vanlegvis ikkje dekt av Helfo. Ta vare på "
        "kvitteringa.",
        "org": "Org.nr.", "phone": "Tlf.",
    },
    "en": {
        "h_unit": "Patient accounts", "h_title": "Statement of user fees paid",
        "h_sub": "Outpatient treatment and examinations", "h_date": "Date",
        "h_period": "Period", "h_patient": "Patient", "h_born": "Date of birth",
        "h_id": "Patient no.", "h_day": "Date of treatment", "h_what": "Contact",
        "h_invoice": "Invoice no.", "h_paid": "Paid", "h_fee": "User fee",
        "h_sum": "Total {department}", "h_total": "Total paid {year}",
        "h_note": "The user fees are registered in the user fee register and count towards "
        "the user fee ceiling ({limit} in {year}). This statement covers {hospital} only.",
        "h_ask": "Questions about invoices: patient invoicing, phone",
        "kinds": {"outpatient": "Outpatient consultation", "radiology": "X-ray examination",
                  "lab": "Blood tests"},
        "a_title": "User fees", "a_born": "b.", "a_paid": "Paid in {year}",
        "a_limit": "User fee ceiling {limit}", "a_left": "Left before exemption card: {left}",
        "a_tabs": ("Month", "Quarter", "Provider"), "a_quarter": "Q{n} {year}",
        "a_bar": ("Home", "User fees", "Appointments", "Messages"),
        "r_receipt": "RECEIPT", "r_no": "Receipt no.", "r_day": "Date of treatment",
        "r_by": "Clinician", "r_hpr": "HPR no.", "r_patient": "Patient", "r_born": "Born",
        "r_title": "Specialist in periodontics", "r_dentist": "dentist, specialist in "
        "periodontics", "r_helfo": "Helfo category 6 – periodontitis. Helfo's support has been "
        "deducted (direct settlement).", "r_code": "Code", "r_what": "Treatment",
        "r_fee": "Fee", "r_part": "Helfo", "r_pay": "To pay", "r_sum": "Total",
        "r_paid": "Paid by debit card",
        "r_vat": "Dental treatment is exempt from VAT (VAT Act § 3-2).",
        "r_account": "Account no.",
        "e_sub": "Emergency dental care, evenings and weekends",
        "e_title": "Receipt – emergency treatment", "e_arrived": "Arrived",
        "e_by": "Dentist", "e_what": "Description", "e_amount": "Amount",
        "e_total": "Total paid", "e_paid": "Paid by card at the terminal",
        "e_note": "Emergency dental care is not usually covered by Helfo. Keep this receipt.",
        "org": "Org. no.", "phone": "Phone",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """A whole amount of kroner as "kr 1 155,–" with an en dash for the øre (kr_endash),
    "1 155,– NOK" (endash_nok), "Kr 1 155,-" with a hyphen (capital_kr_dash) or
    "kr 1,155.-" (kr_point_dash); the thousands parted by a no-break space, or by a comma in
    kr_point_dash. The set has no amount with øre."""
    whole, cents = f"{amount:.2f}".split(".")
    if cents != "00":
        raise ValueError(f"the eighteenth blind set prints whole kroner only: {amount}")
    grouped = f"{int(whole):,}"
    spaced = grouped.replace(",", NBSP)
    match style:
        case "kr_endash":
            return f"kr{NBSP}{spaced},–"
        case "endash_nok":
            return f"{spaced},–{NBSP}NOK"
        case "capital_kr_dash":
            return f"Kr{NBSP}{spaced},-"
        case _:
            return f"kr{NBSP}{grouped}.-"


def clock(value: date, style: str) -> tuple[int, int]:
    """The hour and minute a day's visit bears (from the day and the layout alone): in the
    day at a hospital or a periodontist (8 to 15), in the evening at an emergency dental
    clinic (16 to 21)."""
    seed = value.toordinal() * 17 + len(style)
    first = 16 if style == "weekday_yy_clock" else 8
    return first + seed % (6 if first == 16 else 8), seed * 7 % 12 * 5


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "04.03.2025 08.20" (dot_clock, the visit's time after it, as a hospital's
    system prints it in every language), "ti. 4. mars" ("Tue. 4 March"; calendar_weekday,
    the year in the quarter's heading), "tirsdag 4. mars 2025 kl. 08.20" ("Tuesday 4 March
    2025 at 8.20am"; weekday_long_clock, an appointment) or "tir. 04.03.25 kl. 19.40" ("Tue
    04/03/25, 19:40"; weekday_yy_clock, the time of arrival). The times are ``clock``'s."""
    english = language == "en"
    hour, minute = clock(value, style)
    match style:
        case "dot_clock":
            return f"{value:%d.%m.%Y} {hour:02d}.{minute:02d}"
        case "calendar_weekday":
            weekday = TWO_LETTER_WEEKDAYS[language][value.weekday()]
            month = MONTHS[language][value.month - 1]
            if english:
                return f"{weekday}.{NBSP}{value.day}{NBSP}{month}"
            return f"{weekday}.{NBSP}{value.day}.{NBSP}{month}"
        case "weekday_long_clock":
            weekday = WEEKDAYS[language][value.weekday()]
            month = MONTHS[language][value.month - 1]
            if english:
                half = "am" if hour < 12 else "pm"
                shown = hour if hour <= 12 else hour - 12
                return f"{weekday} {value.day} {month} {value.year} at {shown}.{minute:02d}{half}"
            return f"{weekday} {value.day}. {month} {value.year} kl.{NBSP}{hour:02d}.{minute:02d}"
        case _:
            weekday = SHORT_WEEKDAYS[language][value.weekday()]
            if english:
                return f"{weekday} {value:%d/%m/%y}, {hour:02d}:{minute:02d}"
            return f"{weekday}. {value:%d.%m.%y} kl.{NBSP}{hour:02d}.{minute:02d}"


def shown_date(document: Overview | Receipt, value: date) -> str:
    return day(value, document.date_style, document.language)


def limit_shown(document: Overview) -> str:
    return money(document.limit, document.amount_style)


def left(document: Overview) -> Decimal:
    """What is left before the exemption card (never the total itself: ``content``)."""
    return document.limit - document.total


def html(document: Overview | Receipt, *, phone: bool = False) -> str:
    """The document in its layout (``phone``: the app, always one screen)."""
    if isinstance(document, Receipt):
        if document.layout == BLIND18_EMERGENCY_LAYOUT:
            return _emergency(document)
        return _periodontics(document)
    if phone or document.layout == BLIND18_PHONE_LAYOUT:
        return _quarters_app(document)
    return _statement(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


# ---- a hospital trust's statement, department by department (A4) --------------------------


def groups(document: Overview) -> list[tuple[str, list[Fee]]]:
    """The fees under each department, the departments in the order of their first fee, the
    fees in date order within each."""
    found: dict[str, list[Fee]] = {}
    for fee in sorted(document.fees, key=lambda fee: fee.day):
        found.setdefault(fee.service, []).append(fee)
    return list(found.items())


def printed_order(document: Overview) -> list[Fee]:
    """The fees in the order the document prints them."""
    if document.layout == BLIND18_PAPER_LAYOUT:
        return [fee for _, fees in groups(document) for fee in fees]
    return [fee for _, fees in quarters(document) for fee in fees]


def invoice_number(fee: Fee, document: Overview) -> str:
    seed = fee.day.toordinal() * 31 + document.birth_date.toordinal()
    return f"{7_100_000 + seed * 97 % 899_999}"


def paid_on(fee: Fee) -> date:
    """The day the fee's invoice was paid: two to five weeks after the visit."""
    return fee.day + timedelta(days=14 + fee.day.toordinal() * 7 % 22)


def hospital_trust(hospital: str) -> str:
    for name, trust in BLIND18_HOSPITALS.values():
        if name == hospital:
            return trust
    raise ValueError(f"not a hospital of the set: {hospital}")


def patient_number(document: Overview | Receipt) -> str:
    return f"{document.birth_date.toordinal() * 13 % 9_000_000 + 1_000_000}"


POSTCODES = {"Lærdal": "6887", "Nordfjordeid": "6770", "Gravdal": "8372", "Hagevik": "5217"}
"""The hospitals' postcodes, by their place."""
HOMES = (("Sogndal", 6856), ("Bodø", 8006), ("Bergen", 5015), ("Haugesund", 5527))
"""Where the students live (a town and its first postcode)."""


def _home(seed: int) -> tuple[str, str]:
    """A student's address and postcode with place (from the birth date alone)."""
    street = ("Studentvegen", "Elvebakken", "Nystølvegen", "Granlia")[seed % 4]
    place, postcode = HOMES[seed // 4 % 4]
    return f"{street} {seed % 31 + 1}", f"{postcode + seed % 9:04d} {place.upper()}"


STATEMENT_CSS = """
@page { size: A4; margin: 14mm 17mm 16mm 17mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 8.8pt; color: #1d1d1d; }
.top { display: flex; justify-content: space-between; border-bottom: 3px solid #005b7f;
  padding-bottom: 6px; }
.trust { font-size: 15pt; font-weight: bold; color: #005b7f; }
.unit { font-size: 9pt; color: #33515f; } .meta { font-size: 7.6pt; text-align: right;
  color: #444; line-height: 1.45; }
.to { margin: 9mm 0 6mm 0; font-size: 9.2pt; line-height: 1.4; }
h1 { font-size: 12.5pt; margin: 0; } .sub { color: #555; margin: 1mm 0 4mm 0; }
table.who td { padding: 1px 16px 1px 0; } table.who td.k { color: #5b6b73; }
table.f { width: 100%; border-collapse: collapse; margin-top: 5mm; }
table.f th { text-align: left; font-size: 7.6pt; color: #33515f; border-bottom: 1.5px solid
  #005b7f; padding: 3px 5px; font-weight: bold; }
tr.d td { background: #e6f0f4; font-weight: bold; color: #002b3d; padding: 5px 5px; }
tr.l td { padding: 4px 5px; border-bottom: 1px solid #d3dde1; }
tr.s td { padding: 3px 5px 9px 5px; font-style: italic; color: #4b5a61; }
td.r, th.r { text-align: right; white-space: nowrap; }
tr.t td { border-top: 2px solid #005b7f; font-weight: bold; font-size: 10pt; padding: 7px 5px; }
.note { margin-top: 8mm; font-size: 7.8pt; color: #3d3d3d; line-height: 1.45; }
"""


def _statement(document: Overview) -> str:
    """A hospital trust's statement of the outpatient user fees paid at one of its hospitals
    (A4): the trust, the unit, the date and the period; the patient's name and address for
    the window envelope; the title, the birth date and the patient's number; the fees under a
    heading for each department (each with the day of the visit, the kind of visit, the
    invoice's number, the day it was paid and the fee), the department's sum under its lines,
    the year's total; a note on the ceiling and whom to ask."""
    words = WORDS[document.language]
    hospital = document.fees[0].provider
    trust = hospital_trust(hospital)
    seed = document.birth_date.toordinal()
    street, town = _home(seed)
    rows = []
    for department, fees in groups(document):
        rows.append(f"<tr class='d'><td colspan='5'>{escape(department)}</td></tr>")
        kind = BLIND18_DEPARTMENTS[blind18_department(department)][3]
        for fee in fees:
            rows.append(
                f"<tr class='l'><td>{shown_date(document, fee.day)}</td>"
                f"<td>{escape(words['kinds'][kind])}</td>"
                f"<td>{invoice_number(fee, document)}</td>"
                f"<td>{paid_on(fee):%d.%m.%Y}</td>"
                f"<td class='r'>{_amount(fee.amount, document)}</td></tr>"
            )
        subtotal = sum((fee.amount for fee in fees), Decimal(0))
        rows.append(
            f"<tr class='s'><td colspan='4'>{_say(words, 'h_sum', department=department)}</td>"
            f"<td class='r'>{_amount(subtotal, document)}</td></tr>"
        )
    start, end = date(document.year, 1, 1), date(document.year, 12, 31)
    place = next(p for p, (name, _) in BLIND18_HOSPITALS.items() if name == hospital)
    body = (
        f"<div class='top'><div><div class='trust'>{escape(trust)}</div><div class='unit'>"
        f"{escape(hospital)} · {_say(words, 'h_unit')}</div></div><div class='meta'>"
        f"{escape(BLIND18_STREETS[seed % 4])} {seed % 23 + 3}, {POSTCODES[place]} "
        f"{escape(place)}<br>{_say(words, 'org')} "
        f"{org_number(str(983_900_000 + seed * 37 % 99_999), 1)}<br>"
        f"{_say(words, 'h_date')}: {document.printed_at:%d.%m.%Y}</div></div>"
        f"<div class='to'>{escape(document.name)}<br>{escape(street)}<br>{escape(town)}</div>"
        f"<h1>{_say(words, 'h_title')}</h1><div class='sub'>{_say(words, 'h_sub')}</div>"
        f"<table class='who'><tr><td class='k'>{_say(words, 'h_patient')}</td>"
        f"<td><b>{escape(document.name)}</b></td></tr><tr><td class='k'>"
        f"{_say(words, 'h_born')}</td><td>{document.birth_date:%d.%m.%Y}</td></tr>"
        f"<tr><td class='k'>{_say(words, 'h_id')}</td><td>{patient_number(document)}</td></tr>"
        f"<tr><td class='k'>{_say(words, 'h_period')}</td><td>{start:%d.%m.%Y} – "
        f"{end:%d.%m.%Y}</td></tr></table>"
        f"<table class='f'><tr><th>{_say(words, 'h_day')}</th><th>{_say(words, 'h_what')}</th>"
        f"<th>{_say(words, 'h_invoice')}</th><th>{_say(words, 'h_paid')}</th>"
        f"<th class='r'>{_say(words, 'h_fee')}</th></tr>{''.join(rows)}"
        f"<tr class='t'><td colspan='4'>{_say(words, 'h_total', year=document.year)}</td>"
        f"<td class='r'>{_amount(document.total, document)}</td></tr></table>"
        f"<div class='note'>"
        + _say(words, "h_note", limit=limit_shown(document), year=document.year, hospital=hospital)
        + f"<br>{_say(words, 'h_ask')} {55 + seed % 40} {seed % 89 + 10} {seed % 79 + 10} "
        f"{seed % 69 + 30}</div>"
    )
    return page(body, STATEMENT_CSS)


# ---- the registered user fees in an app, quarter by quarter (one phone screen) ------------


def quarter(value: date) -> int:
    return (value.month - 1) // 3 + 1


def quarters(document: Overview) -> list[tuple[int, list[Fee]]]:
    """The fees under each quarter, newest quarter first, newest fee first within each."""
    found: dict[int, list[Fee]] = {}
    for fee in sorted(document.fees, key=lambda fee: fee.day, reverse=True):
        found.setdefault(quarter(fee.day), []).append(fee)
    return list(found.items())


def app_clock(document: Overview) -> tuple[int, int]:
    """The hour and minute on the status bar (from the person alone)."""
    seed = document.birth_date.toordinal()
    return 8 + seed % 13, seed * 7 % 60


def birth_shown(document: Overview) -> str:
    """How the app prints the birth date (what the student blacks out in the screenshot)."""
    return f"{WORDS[document.language]['a_born']} {document.birth_date:%d.%m.%Y}"


APP_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; background: #f4f6f5; color: #17201c; }
.status { height: 47px; box-sizing: border-box; padding: 15px 26px 0 30px; display: flex;
  justify-content: space-between; font-size: 14px; font-weight: bold; }
.bar { height: 44px; display: flex; align-items: center; padding: 0 16px; font-size: 17px;
  font-weight: bold; background: #f4f6f5; } .bar .back { color: #0a6b4f; margin-right: 14px;
  font-size: 22px; font-weight: normal; }
.who { padding: 2px 16px 8px 16px; font-size: 13px; color: #44504a; }
.who b { color: #17201c; font-size: 14px; }
.sum { margin: 0 16px; background: #0a6b4f; color: #fff; border-radius: 14px;
  padding: 12px 16px; } .sum .k { font-size: 12px; opacity: 0.9; }
.sum .v { font-size: 24px; font-weight: bold; margin: 2px 0 6px 0; }
.track { height: 6px; background: rgba(255,255,255,0.35); border-radius: 3px; }
.track div { height: 6px; background: #fff; border-radius: 3px; }
.sum .l { font-size: 11px; margin-top: 6px; display: flex; justify-content: space-between; }
.tabs { display: flex; margin: 12px 16px 4px 16px; background: #e2e7e4; border-radius: 9px;
  padding: 2px; } .tabs div { flex: 1; text-align: center; font-size: 12px; padding: 6px 0;
  color: #44504a; } .tabs div.on { background: #fff; border-radius: 7px; font-weight: bold;
  color: #17201c; }
.q { display: flex; justify-content: space-between; padding: 10px 16px 4px 16px;
  font-size: 12.5px; font-weight: bold; color: #0a6b4f; letter-spacing: 0.3px; }
.row { display: flex; justify-content: space-between; background: #fff; margin: 0 16px;
  padding: 8px 12px; border-bottom: 1px solid #e4e9e6; }
.row.first { border-radius: 10px 10px 0 0; } .row.last { border-radius: 0 0 10px 10px;
  border-bottom: none; } .row.first.last { border-radius: 10px; }
.row .d { font-size: 13px; font-weight: bold; } .row .p { font-size: 11px; color: #55615b; }
.row .a { font-size: 13px; font-weight: bold; white-space: nowrap; align-self: center; }
.tabbar { position: absolute; bottom: 0; left: 0; right: 0; height: 78px; background: #fff;
  border-top: 1px solid #dde3df; display: flex; justify-content: space-around;
  padding-top: 8px; box-sizing: border-box; }
.tabbar div { font-size: 10px; color: #6b7670; text-align: center; width: 80px; }
.tabbar div.on { color: #0a6b4f; font-weight: bold; }
.tabbar span { display: block; width: 22px; height: 22px; border-radius: 6px; margin: 0 auto 3px
  auto; background: #c8d1cc; } .tabbar div.on span { background: #0a6b4f; }
.home { position: absolute; bottom: 8px; left: 128px; width: 134px; height: 5px;
  border-radius: 3px; background: #111; }
"""


def _quarters_app(document: Overview) -> str:
    """The user fees registered in a year as an app lists them, one phone screen: the status
    bar; the title; the name and the birth date; a box with what has been paid in the year, a
    bar towards the ceiling, the ceiling and what is left; month, quarter or provider
    (quarter chosen); a heading for each quarter with its sum, newest first, and under it a
    row for each fee (the day and month, the provider and service, the amount); the tab bar
    and the home indicator."""
    words = WORDS[document.language]
    seed = document.birth_date.toordinal()
    hour, minute = app_clock(document)
    sections = []
    for number, fees in quarters(document):
        subtotal = sum((fee.amount for fee in fees), Decimal(0))
        heading = _say(words, "a_quarter", n=number, year=document.year)
        sections.append(
            f"<div class='q'><span>{heading}</span><span>{_amount(subtotal, document)}</span></div>"
        )
        for n, fee in enumerate(fees):
            ends = " first" * (n == 0) + " last" * (n == len(fees) - 1)
            sections.append(
                f"<div class='row{ends}'><div><div class='d'>{shown_date(document, fee.day)}"
                f"</div><div class='p'>{escape(fee.provider)} · {escape(fee.service)}</div>"
                f"</div><div class='a'>{_amount(fee.amount, document)}</div></div>"
            )
    share = min(100, int(document.total * 100 / document.limit))
    tabs = "".join(
        f"<div{' class=' + chr(39) + 'on' + chr(39) if n == 1 else ''}>{escape(tab)}</div>"
        for n, tab in enumerate(words["a_tabs"])
    )
    bar = "".join(
        f"<div{' class=' + chr(39) + 'on' + chr(39) if n == 1 else ''}><span></span>"
        f"{escape(item)}</div>"
        for n, item in enumerate(words["a_bar"])
    )
    body = (
        f"<div class='status'><span>{hour:02d}:{minute:02d}</span><span>"
        f"▮▮▮ {20 + seed % 75}%</span></div><div class='bar'><span class='back'>‹</span>"
        f"{_say(words, 'a_title')}</div><div class='who'><b>{escape(document.name)}</b> · "
        f"{escape(birth_shown(document))}</div><div class='sum'><div class='k'>"
        f"{_say(words, 'a_paid', year=document.year)}</div><div class='v'>"
        f"{_amount(document.total, document)}</div><div class='track'>"
        f"<div style='width: {share}%'></div></div><div class='l'><span>"
        f"{_say(words, 'a_limit', limit=limit_shown(document))}</span><span>"
        f"{_say(words, 'a_left', left=_amount(left(document), document))}</span></div></div>"
        f"<div class='tabs'>{tabs}</div>{''.join(sections)}"
        f"<div class='tabbar'>{bar}</div><div class='home'></div>"
    )
    frame = f"@page {{ size: {SCREEN[0]}px {SCREEN[1]}px; margin: 0; }}"
    return page(body, frame + APP_CSS)


# ---- a periodontist's receipt with Helfo's part of each fee (A4) --------------------------

PERIODONTICS_CSS = """
@page { size: A4; margin: 16mm 18mm 18mm 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 8.8pt; color: #222; }
.head { display: flex; justify-content: space-between; align-items: flex-start; }
.clinic { font-size: 15pt; font-weight: bold; color: #6b2d5c; }
.title { font-size: 9pt; color: #6b2d5c; margin-top: 1px; }
.addr { font-size: 7.6pt; color: #555; margin-top: 4px; line-height: 1.45; }
.doc { text-align: right; } .doc .t { font-size: 14pt; font-weight: bold; letter-spacing: 2px; }
.doc table td { padding: 1px 0 1px 12px; font-size: 8.4pt; } .doc td.k { color: #666; }
.pat { margin-top: 8mm; border: 1px solid #cbb7c6; border-radius: 4px; padding: 6px 10px;
  width: 92mm; line-height: 1.5; } .pat .k { color: #666; display: inline-block; width: 30mm; }
.helfo { margin-top: 5mm; font-size: 8.2pt; color: #444; }
table.i { width: 100%; border-collapse: collapse; margin-top: 4mm; }
table.i th { text-align: left; font-size: 7.8pt; background: #f1e8ef; padding: 4px 5px;
  border-bottom: 1px solid #6b2d5c; } table.i td { padding: 5px 5px;
  border-bottom: 1px solid #e3d9e1; }
table.i .r { text-align: right; white-space: nowrap; }
tr.s td { font-weight: bold; border-top: 1.5px solid #6b2d5c; border-bottom: none; }
.paid { margin-top: 6mm; font-size: 10pt; font-weight: bold; }
.foot { margin-top: 4mm; font-size: 7.8pt; color: #555; line-height: 1.5; }
"""


def hpr_number(document: Receipt) -> str:
    return f"{document.invoice_number * 7 % 9_000_000 + 1_000_000}"


def _periodontics(document: Receipt) -> str:
    """A periodontist's receipt (A4): the clinic, its speciality, address, phone and
    organisation number; the title, the receipt's number, the day of the treatment, the
    clinician and her HPR number; the patient and the birth date; Helfo's category; each
    treatment with its code, the fee, Helfo's part and what is left to pay, the three sums;
    paid by card, the VAT exemption and the account."""
    words = WORDS[document.language]
    number = document.invoice_number
    rows = "".join(
        f"<tr><td>{escape(item.code)}</td><td>{escape(item.text)}</td>"
        f"<td class='r'>{_amount(item.price or item.amount, document)}</td>"
        f"<td class='r'>{_amount((item.price or item.amount) - item.amount, document)}</td>"
        f"<td class='r'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    fees = sum((item.price or item.amount for item in document.items), Decimal(0))
    doc = (
        (words["r_no"], str(number)),
        (words["r_day"], shown_date(document, document.day)),
        (words["r_by"], PERIODONTISTS[number % len(PERIODONTISTS)]),
        (words["r_hpr"], hpr_number(document)),
    )
    body = (
        f"<div class='head'><div><div class='clinic'>{escape(document.provider)}</div>"
        f"<div class='title'>{_say(words, 'r_title')}</div><div class='addr'>"
        f"{escape(document.address)}<br>{_say(words, 'phone')} {document.phone} · "
        f"{_say(words, 'org')} {org_number(document.organisation_number, 1)}</div></div>"
        f"<div class='doc'><div class='t'>{_say(words, 'r_receipt')}</div><table>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in doc)
        + f"</table></div></div><div class='pat'><span class='k'>{_say(words, 'r_patient')}"
        f"</span><b>{escape(document.patient)}</b><br><span class='k'>"
        f"{_say(words, 'r_born')}</span>{document.birth_date:%d.%m.%Y}</div>"
        f"<div class='helfo'>{_say(words, 'r_helfo')}</div><table class='i'><tr>"
        f"<th>{_say(words, 'r_code')}</th><th>{_say(words, 'r_what')}</th>"
        f"<th class='r'>{_say(words, 'r_fee')}</th><th class='r'>{_say(words, 'r_part')}</th>"
        f"<th class='r'>{_say(words, 'r_pay')}</th></tr>{rows}<tr class='s'><td></td>"
        f"<td>{_say(words, 'r_sum')}</td><td class='r'>{_amount(fees, document)}</td>"
        f"<td class='r'>{_amount(fees - document.total, document)}</td>"
        f"<td class='r'>{_amount(document.total, document)}</td></tr></table>"
        f"<div class='paid'>{_say(words, 'r_paid')}: {_amount(document.total, document)}</div>"
        f"<div class='foot'>{_say(words, 'r_vat')}<br>{_say(words, 'r_account')} "
        f"{document.account}</div>"
    )
    return page(body, PERIODONTICS_CSS)


# ---- an emergency dental clinic's receipt (A5) --------------------------------------------

EMERGENCY_CSS = """
@page { size: A5; margin: 12mm 12mm 14mm 12mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 8.2pt; color: #202020; }
.band { border-left: 5px solid #c8102e; padding-left: 8px; }
.clinic { font-size: 13pt; font-weight: bold; } .sub { font-size: 8pt; color: #c8102e; }
.addr { font-size: 7.2pt; color: #555; margin-top: 3px; }
h1 { font-size: 10.5pt; margin: 6mm 0 3mm 0; }
table.m td { padding: 1.5px 12px 1.5px 0; } table.m td.k { color: #666; }
table.i { width: 100%; border-collapse: collapse; margin-top: 5mm; }
table.i th { text-align: left; font-size: 7.6pt; border-bottom: 1px solid #333;
  padding: 3px 3px; } table.i td { padding: 4px 3px; border-bottom: 1px dotted #aaa; }
table.i .r { text-align: right; white-space: nowrap; }
tr.t td { font-weight: bold; font-size: 9.4pt; border-top: 1.5px solid #333;
  border-bottom: none; padding-top: 6px; }
.foot { margin-top: 5mm; font-size: 7.2pt; color: #555; line-height: 1.5; }
"""


def _emergency(document: Receipt) -> str:
    """An emergency dental clinic's receipt (A5): the clinic, what it does, its address,
    phone and organisation number; the title; the receipt's number, when the patient came in
    (the date with the time), the dentist, the patient and the birth date; each service with
    its price, the total paid; paid by card, the VAT exemption, a note that Helfo does not
    usually pay."""
    words = WORDS[document.language]
    number = document.invoice_number
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='r'>{_amount(item.amount, document)}</td></tr>"
        for item in document.items
    )
    meta = (
        (words["r_no"], str(number)),
        (words["e_arrived"], shown_date(document, document.day)),
        (words["e_by"], escape(EMERGENCY_DENTISTS[number % len(EMERGENCY_DENTISTS)])),
        (words["r_patient"], f"<b>{escape(document.patient)}</b>"),
        (words["r_born"], f"{document.birth_date:%d.%m.%Y}"),
    )
    body = (
        f"<div class='band'><div class='clinic'>{escape(document.provider)}</div>"
        f"<div class='sub'>{_say(words, 'e_sub')}</div><div class='addr'>"
        f"{escape(document.address)} · {_say(words, 'phone')} {document.phone} · "
        f"{_say(words, 'org')} {org_number(document.organisation_number, 0)}</div></div>"
        f"<h1>{_say(words, 'e_title')}</h1><table class='m'>"
        + "".join(f"<tr><td class='k'>{escape(k)}</td><td>{v}</td></tr>" for k, v in meta)
        + f"</table><table class='i'><tr><th>{_say(words, 'e_what')}</th>"
        f"<th class='r'>{_say(words, 'e_amount')}</th></tr>{rows}<tr class='t'><td>"
        f"{_say(words, 'e_total')}</td><td class='r'>{_amount(document.total, document)}</td>"
        f"</tr></table><div class='foot'>{_say(words, 'e_paid')} · "
        f"**** {number * 3 % 9000 + 1000}<br>{_say(words, 'r_vat')}<br>"
        f"{_say(words, 'e_note')}</div>"
    )
    return page(body, EMERGENCY_CSS)


# ---- what the renditions add --------------------------------------------------------------


def slip_lines(document: Receipt) -> list[str]:
    """The card terminal's slip stapled onto a receipt (a thermal printer's lines, 32
    characters wide): the clinic, its organisation number, the terminal, when the card was
    taken, the purchase and its amount, the card's last digits, approved, the reference."""
    number = document.invoice_number
    seed = document.day.toordinal() * 11 + number
    hour, minute = clock(document.day, document.date_style)
    hour, minute = hour + (minute + 40) // 60, (minute + 40) % 60
    amount = f"NOK {document.total:,.2f}".replace(",", " ").replace(".", ",")
    name = document.provider.upper()[:32]
    return [
        name.center(32),
        f"ORG {document.organisation_number}".center(32),
        "",
        f"TERM: {number * 13 % 90_000_000 + 10_000_000}   BAX: {seed % 900_000 + 100_000}",
        f"{document.day:%Y-%m-%d}          {hour:02d}:{minute:02d}:{seed % 60:02d}",
        "",
        "KJØP",
        f"BELØP{amount.rjust(27)}",
        "",
        f"VISA DEBIT  ************{number * 7 % 9000 + 1000}",
        "KONTAKTLØS",
        f"REF: {seed % 900_000 + 100_000}  AUT: {number * 5 % 900_000 + 100_000:06d}",
        "",
        "GODKJENT".center(32),
        "KUNDENS KVITTERING".center(32),
    ]


SLIP_CSS = """
@page { size: 58mm 64mm; margin: 4mm 2.5mm; }
body { font-family: 'DejaVu Sans Mono', monospace; font-size: 6.3pt; color: #2b2b2b;
  white-space: pre; line-height: 1.32; }
"""


def slip_html(document: Receipt) -> str:
    """The terminal's slip as a page of its own (58 mm wide thermal paper)."""
    return page(escape("\n".join(slip_lines(document))), SLIP_CSS)
