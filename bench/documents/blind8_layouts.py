"""The eighth blind set's documents as HTML: helsenorge's page printed from a desktop browser
(the browser's own header and footer, the cookie banner printed along); a printout with each
provider on the line above its date and amount; the mobile page with the sum at the top (light
or in dark mode); a dental hygienist's receipt paid with Vipps, with the VAT of a product
sold; an osteopath's receipt sent by e-mail from a booking system and printed from the mail
program; on a phone a receipt is that e-mail in a mail app.

The styles of dates and amounts are in ``day`` and ``money``.

Every layout still carries what a reader must leave out: the browser's print time and page
numbers, the limit and what is left before it, the birth date, the VAT and its base, the
e-mail's own date, the time of the appointment, the receipt's number, the organisation number
and the phone number.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from html import escape
from typing import Any

from .content import (
    BLIND8_HYGIENIST_PRODUCTS,
    BLIND8_OVERVIEW_LAYOUTS,
    BLIND8_PHONE_LAYOUT,
    BLIND8_RECEIPT_LAYOUTS,
    Fee,
    Overview,
    Receipt,
)
from .layouts import NBSP, org_number, page

LAYOUTS = frozenset((*BLIND8_OVERVIEW_LAYOUTS, BLIND8_PHONE_LAYOUT, *BLIND8_RECEIPT_LAYOUTS))
"""The layouts this module draws (and no other)."""

THIN = "\u2009"
PHONE = (390, 844)
"""CSS pixels of a phone's screen (device scale 3)."""

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
    "nb": ("man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn."),
    "nn": ("mån.", "tys.", "ons.", "tor.", "fre.", "lau.", "sun."),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}

WORDS = {
    "nb": {
        "browser_title": "Egenandeler – helsenorge.no", "cookie":
        "Vi bruker informasjonskapsler for å forbedre tjenesten og lage statistikk.",
        "cookie_yes": "Godta alle", "cookie_no": "Bare nødvendige", "logged_in": "Innlogget som",
        "log_out": "Logg ut", "crumbs": "Forsiden › Helsehjelp › Egenandeler",
        "bp_title": "Egenandeler betalt i {year}", "bp_intro":
        "Oversikten viser egenandeler registrert hos Helfo. Det kan ta noen dager før nye "
        "egenandeler vises.", "c_date": "Dato", "c_who": "Behandler", "c_what": "Tjeneste",
        "c_amount": "Egenandel", "bp_sum": "Sum betalt i {year}", "limit": "Egenandelstak",
        "left": "Igjen til frikort", "help": "Spørsmål? Ring Veiledning helsenorge 23 32 70 00",
        "pa_title": "Utskrift – betalte egenandeler", "pa_person": "Person",
        "pa_born": "Fødselsdato", "pa_year": "Kalenderår", "pa_sum": "Totalt registrert",
        "pa_made": "Utskrift laget", "pa_page": "Side",
        "ph_title": "Egenandeler", "ph_paid": "Betalt hittil i {year}", "ph_of": "av",
        "ph_list": "Alle egenandeler {year}", "ph_sort_new": "Nyeste først",
        "ph_sort_old": "Eldste først", "ph_for": "Viser for",
        "receipt": "Kvittering", "patient": "Pasient", "date": "Dato", "no": "Kvitteringsnr.",
        "org": "Org.nr.", "phone": "Telefon", "hy_note": "Tannpleier, MNTF",
        "item": "Beskrivelse", "amount": "Beløp", "total": "Totalt",
        "vat": "Herav mva. 25 %", "vat_base": "Mva-grunnlag", "vat_free":
        "Helsetjenester er fritatt for merverdiavgift.", "vipps": "Betalt med Vipps",
        "vipps_ref": "Vipps-ordre",
        "mail_from": "Fra", "mail_to": "Til", "mail_date": "Dato", "mail_subject": "Emne",
        "subject": "Kvittering for timen din", "hello": "Hei {first},",
        "thanks": "Takk for besøket! Her er kvitteringen for timen din.",
        "appointment": "Time", "therapist": "Behandler", "treatment": "Behandling",
        "paid_card": "Betalt med kort i klinikken", "booking": "Timebestilling levert av "
        "Bookfix – ikke svar på denne e-posten.", "mail_app": "Innboks",
    },
    "nn": {
        "browser_title": "Eigendelar – helsenorge.no", "cookie":
        "Vi bruker informasjonskapslar for å gjere tenesta betre og lage statistikk.",
        "cookie_yes": "Godta alle", "cookie_no": "Berre naudsynte", "logged_in": "Innlogga som",
        "log_out": "Logg ut", "crumbs": "Framsida › Helsehjelp › Eigendelar",
        "bp_title": "Eigendelar betalte i {year}", "bp_intro":
        "Oversynet viser eigendelar registrerte hos Helfo. Det kan ta nokre dagar før nye "
        "eigendelar kjem fram.", "c_date": "Dato", "c_who": "Behandlar", "c_what": "Teneste",
        "c_amount": "Eigendel", "bp_sum": "Sum betalt i {year}", "limit": "Eigendelstak",
        "left": "Att til frikort", "help": "Spørsmål? Ring Rettleiing helsenorge 23 32 70 00",
        "pa_title": "Utskrift – betalte eigendelar", "pa_person": "Person",
        "pa_born": "Fødselsdato", "pa_year": "Kalenderår", "pa_sum": "Totalt registrert",
        "pa_made": "Utskrift laga", "pa_page": "Side",
        "ph_title": "Eigendelar", "ph_paid": "Betalt så langt i {year}", "ph_of": "av",
        "ph_list": "Alle eigendelar {year}", "ph_sort_new": "Nyaste først",
        "ph_sort_old": "Eldste først", "ph_for": "Viser for",
        "receipt": "Kvittering", "patient": "Pasient", "date": "Dato", "no": "Kvitteringsnr.",
        "org": "Org.nr.", "phone": "Telefon", "hy_note": "Tannpleiar, MNTF",
        "item": "Skildring", "amount": "Beløp", "total": "Totalt",
        "vat": "Av dette mva. 25 %", "vat_base": "Mva-grunnlag", "vat_free":
        "Helsetenester er fritekne for meirverdiavgift.", "vipps": "Betalt med Vipps",
        "vipps_ref": "Vipps-ordre",
        "mail_from": "Frå", "mail_to": "Til", "mail_date": "Dato", "mail_subject": "Emne",
        "subject": "Kvittering for timen din", "hello": "Hei {first},",
        "thanks": "Takk for besøket! Her er kvitteringa for timen din.",
        "appointment": "Time", "therapist": "Behandlar", "treatment": "Behandling",
        "paid_card": "Betalt med kort i klinikken", "booking": "Timebestilling levert av "
        "Bookfix – ikkje svar på denne e-posten.", "mail_app": "Innboks",
    },
    "en": {
        "browser_title": "User fees – helsenorge.no", "cookie":
        "We use cookies to improve the service and to compile statistics.",
        "cookie_yes": "Accept all", "cookie_no": "Necessary only", "logged_in": "Logged in as",
        "log_out": "Log out", "crumbs": "Home › Health care › User fees",
        "bp_title": "User fees paid in {year}", "bp_intro":
        "The overview shows user fees registered with Helfo. New fees may take a few days to "
        "appear.", "c_date": "Date", "c_who": "Provider", "c_what": "Service",
        "c_amount": "User fee", "bp_sum": "Total paid in {year}", "limit": "User fee ceiling",
        "left": "Left before exemption card", "help": "Questions? Call helsenorge on "
        "23 32 70 00", "pa_title": "Printout – user fees paid", "pa_person": "Person",
        "pa_born": "Date of birth", "pa_year": "Calendar year", "pa_sum": "Total registered",
        "pa_made": "Printed", "pa_page": "Page",
        "ph_title": "User fees", "ph_paid": "Paid so far in {year}", "ph_of": "of",
        "ph_list": "All user fees {year}", "ph_sort_new": "Newest first",
        "ph_sort_old": "Oldest first", "ph_for": "Showing for",
        "receipt": "Receipt", "patient": "Patient", "date": "Date", "no": "Receipt no.",
        "org": "Org. no.", "phone": "Phone", "hy_note": "Dental hygienist, MNTF",
        "item": "Description", "amount": "Amount", "total": "Total",
        "vat": "Of which VAT 25 %", "vat_base": "VAT base", "vat_free":
        "Health services are exempt from VAT.", "vipps": "Paid with Vipps",
        "vipps_ref": "Vipps order",
        "mail_from": "From", "mail_to": "To", "mail_date": "Date", "mail_subject": "Subject",
        "subject": "Receipt for your appointment", "hello": "Hi {first},",
        "thanks": "Thank you for your visit! Here is the receipt for your appointment.",
        "appointment": "Appointment", "therapist": "Therapist", "treatment": "Treatment",
        "paid_card": "Paid by card at the clinic", "booking": "Booking by Bookfix – please "
        "do not reply to this e-mail.", "mail_app": "Inbox",
    },
}  # fmt: skip


def money(amount: Decimal, style: str) -> str:
    """An amount as "kr 1 234,50" with a thin space between the thousands (kr_thin), "179,– kr"
    or "84,50 kr" (endash_kr), "kr 1 234.50" with a thin space (kr_thin_point) or "NOK 179.–"
    or "NOK 1,234.50" (nok_endash)."""
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    match style:
        case "kr_thin":
            return f"kr{NBSP}{grouped.replace(',', THIN)},{cents}"
        case "endash_kr":
            shown = "–" if cents == "00" else cents
            return f"{grouped.replace(',', NBSP)},{shown}{NBSP}kr"
        case "kr_thin_point":
            return f"kr{NBSP}{grouped.replace(',', THIN)}.{cents}"
        case _:
            return f"NOK{NBSP}{grouped}." + ("–" if cents == "00" else cents)


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def day(value: date, style: str, language: str = "nb") -> str:
    """A date as "12. mar." ("12 Mar"; day_abbr, the year in the heading), "12/3-2025" ("12th
    Mar 2025"; slash_dash), "ons. 12. mars" ("Wed 12 March"; weekday_short, the year in the
    heading) or "12.03.2025, 14:30–15:15" (time_range, the time from ``appointment``)."""
    match style:
        case "day_abbr":
            month = SHORT_MONTHS[language][value.month - 1]
            if language == "en":
                return f"{value.day}{NBSP}{month}"
            return f"{value.day}.{NBSP}{month}"
        case "slash_dash":
            if language == "en":
                return f"{ordinal(value.day)} {SHORT_MONTHS['en'][value.month - 1]} {value.year}"
            return f"{value.day}/{value.month}-{value.year}"
        case "weekday_short":
            weekday = WEEKDAYS[language][value.weekday()]
            month = LONG_MONTHS[language][value.month - 1]
            if language == "en":
                return f"{weekday} {value.day} {month}"
            return f"{weekday} {value.day}. {month}"
        case _:
            return value.strftime("%d.%m.%Y")


def appointment(document: Receipt) -> str:
    """The appointment's time, as "14:30–15:15"."""
    start = 8 * 60 + (document.invoice_number % 18) * 30
    length = 60 if "60" in document.items[0].text else 45 if "45" in document.items[0].text else 30
    end = start + length
    return f"{start // 60:02d}:{start % 60:02d}–{end // 60:02d}:{end % 60:02d}"


def when(document: Receipt) -> str:
    """The receipt's date as it prints it (with the appointment's time, for ``time_range``)."""
    shown = day(document.day, document.date_style, document.language)
    if document.date_style != "time_range":
        return shown
    return f"{shown}, {appointment(document)}"


def html(document: Overview | Receipt, *, phone: bool = False, dark: bool = False) -> str:
    """The document in its layout; ``phone`` for a phone's screenshot (the mobile page, or a
    receipt as its e-mail in a mail app), ``dark`` in the phone's dark mode."""
    if isinstance(document, Receipt):
        if phone:
            return _mail_app(document, dark=dark)
        if document.layout == "hygienist_receipt":
            return _hygienist(document)
        return _mail_print(document)
    if phone or document.layout == BLIND8_PHONE_LAYOUT:
        return mobile(document, dark=dark)
    if document.layout == "browser_print":
        return _browser_print(document)
    return _provider_above(document)


def _say(words: dict[str, Any], key: str, **values: object) -> str:
    return escape(str(words[key]).format(**values))


def _amount(value: Decimal, document: Overview | Receipt) -> str:
    return money(value, document.amount_style)


def _day(value: date, document: Overview) -> str:
    return day(value, document.date_style, document.language)


def _ordered(document: Overview) -> list[Fee]:
    return sorted(document.fees, key=lambda fee: fee.day, reverse=document.newest_first)


def _whole(amount: Decimal, document: Overview) -> str:
    text = f"{int(amount):,}".replace(",", NBSP)
    return f"NOK{NBSP}{text}" if document.language == "en" else f"{text}{NBSP}kr"


def _stamp(value: date, document: Overview | Receipt) -> str:
    """A print time as a browser prints it: "05.04.2025, 14:07"."""
    minute = (value.day * 7 + value.month * 13) % 60
    return f"{value:%d.%m.%Y}, {9 + value.day % 11:02d}:{minute:02d}"


# ---- helsenorge's page printed from a browser ---------------------------------------------

BROWSER_CSS = """
@page { size: A4; margin: 13mm 11mm 13mm 11mm;
  @top-left { content: var(--stamp); font-size: 7.5pt; font-family: sans-serif; }
  @top-center { content: var(--title); font-size: 7.5pt; font-family: sans-serif; }
  @bottom-left { content: var(--url); font-size: 7.5pt; font-family: sans-serif; }
  @bottom-right { content: counter(page) '/' counter(pages); font-size: 7.5pt;
    font-family: sans-serif; } }
body { font-size: 9.5pt; }
.cookie { background: #1c2b39; color: #fff; padding: 8px 12px; display: flex;
  justify-content: space-between; align-items: center; font-size: 8.5pt; }
.cookie .b { border: 1px solid #fff; border-radius: 3px; padding: 2px 8px; margin-left: 6px;
  white-space: nowrap; }
.nav { display: flex; justify-content: space-between; align-items: center;
  border-bottom: 1px solid #ccc; padding: 8px 0; }
.logo { color: #2d7a5f; font-size: 15pt; font-weight: bold; }
.crumbs { color: #555; font-size: 8pt; margin: 6px 0; }
h1 { font-size: 16pt; margin: 6px 0 4px 0; }
.intro { color: #333; margin-bottom: 8px; }
table.fees th { border-bottom: 2px solid #2d7a5f; padding: 4px; font-size: 8.5pt; }
table.fees td { border-bottom: 0.5px solid #d5d5d5; padding: 4px; }
table.fees tr { break-inside: avoid; }
.sum { margin-top: 10px; background: #e8f3ef; padding: 8px 10px; display: flex;
  justify-content: space-between; font-weight: bold; font-size: 11pt; }
.facts { margin-top: 6px; font-size: 8.5pt; color: #333; }
.help { margin-top: 14px; font-size: 8pt; color: #555; border-top: 1px solid #ccc;
  padding-top: 6px; }
"""


def _browser_print(document: Overview) -> str:
    """helsenorge's page as a desktop browser prints it: the browser's header (print time, the
    page's title) and footer (the address, page n/m), the cookie banner printed along, the
    logged-in name, a table of the fees under a heading with the year (dates without it), the
    sum, the limit and what is left."""
    words = WORDS[document.language]
    rows = "".join(
        f"<tr><td>{_day(fee.day, document)}</td><td>{escape(fee.provider)}</td>"
        f"<td>{escape(fee.service)}</td><td class='amount'>{_amount(fee.amount, document)}</td>"
        "</tr>"
        for fee in _ordered(document)
    )
    left = document.limit - document.total
    body = (
        f"<div class='cookie'><span>{_say(words, 'cookie')}</span><span>"
        f"<span class='b'>{_say(words, 'cookie_no')}</span><span class='b'>"
        f"{_say(words, 'cookie_yes')}</span></span></div>"
        f"<div class='nav'><span class='logo'>helsenorge</span><span>"
        f"{_say(words, 'logged_in')} <b>{escape(document.name)}</b> · "
        f"{_say(words, 'log_out')}</span></div>"
        f"<div class='crumbs'>{_say(words, 'crumbs')}</div>"
        f"<h1>{_say(words, 'bp_title', year=document.year)}</h1>"
        f"<div class='intro'>{_say(words, 'bp_intro')}</div>"
        f"<table class='fees'><thead><tr><th>{_say(words, 'c_date')}</th>"
        f"<th>{_say(words, 'c_who')}</th><th>{_say(words, 'c_what')}</th>"
        f"<th class='amount'>{_say(words, 'c_amount')}</th></tr></thead><tbody>{rows}"
        "</tbody></table>"
        f"<div class='sum'><span>{_say(words, 'bp_sum', year=document.year)}</span>"
        f"<span>{_amount(document.total, document)}</span></div>"
        f"<div class='facts'>{_say(words, 'limit')} {document.year}: "
        f"{_whole(document.limit, document)} · {_say(words, 'left')}: "
        f"{_amount(left, document)}</div><div class='help'>{_say(words, 'help')}</div>"
    )
    url = "https://www.helsenorge.no/egenandeler/betalte-egenandeler"
    css = (
        BROWSER_CSS.replace("var(--stamp)", repr(_stamp(document.printed_at, document)))
        .replace("var(--title)", repr(words["browser_title"]))
        .replace("var(--url)", repr(url))
    )
    return page(body, css)


# ---- a printout with the provider above its date and amount -------------------------------

ABOVE_CSS = """
@page { size: A4; margin: 20mm 18mm 18mm 18mm;
  @bottom-right { content: var(--page) ' ' counter(page); font-size: 8pt; } }
body { font-size: 10pt; }
h1 { font-size: 14pt; margin: 0 0 10px 0; font-weight: normal; letter-spacing: 0.5px; }
table.who td { padding: 1px 14px 1px 0; }
.fees { margin-top: 14px; border-top: 1.5px solid #000; }
.fee { border-bottom: 0.5px solid #999; padding: 5px 0 4px 0; break-inside: avoid; }
.fee .p { font-weight: bold; } .fee .s { font-weight: normal; color: #444; }
.fee .l { display: flex; justify-content: space-between; margin-top: 1px; }
.total { display: flex; justify-content: space-between; font-weight: bold; font-size: 11pt;
  border-top: 1.5px solid #000; margin-top: 2px; padding-top: 5px; }
.made { margin-top: 18px; font-size: 8.5pt; color: #444; }
"""


def _provider_above(document: Overview) -> str:
    """A printout of the fees where each provider (and the service) is on its own line, the
    date and the amount on the line under it; the total at the end."""
    words = WORDS[document.language]
    fees = "".join(
        f"<div class='fee'><div><span class='p'>{escape(fee.provider)}</span> "
        f"<span class='s'>({escape(fee.service)})</span></div><div class='l'>"
        f"<span>{_day(fee.day, document)}</span><span>{_amount(fee.amount, document)}</span>"
        "</div></div>"
        for fee in _ordered(document)
    )
    who = (
        (words["pa_person"], f"<b>{escape(document.name)}</b>"),
        (words["pa_born"], f"{document.birth_date:%d.%m.%Y}"),
        (words["pa_year"], str(document.year)),
    )
    body = (
        f"<h1>{_say(words, 'pa_title')}</h1><table class='who'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{v}</td></tr>" for k, v in who)
        + f"</table><div class='fees'>{fees}</div><div class='total'>"
        f"<span>{_say(words, 'pa_sum')}</span><span>{_amount(document.total, document)}"
        f"</span></div><div class='made'>{_say(words, 'pa_made')} "
        f"{document.printed_at:%d.%m.%Y} · {_say(words, 'limit')}: "
        f"{_whole(document.limit, document)}</div>"
    )
    return page(body, ABOVE_CSS.replace("var(--page)", repr(words["pa_page"])))


# ---- the mobile page, the sum at the top --------------------------------------------------

MOBILE_CSS = """
@page { size: 390px var(--height); margin: 0; }
body { font-size: 15px; background: var(--bg); color: var(--fg); }
.status { display: flex; justify-content: space-between; padding: 12px 26px 6px 26px;
  font-weight: bold; font-size: 14px; }
.url { margin: 2px 12px 8px 12px; background: var(--card); border-radius: 10px;
  padding: 7px; text-align: center; font-size: 13px; color: var(--muted); }
.head { padding: 4px 16px; }
.head h1 { font-size: 24px; margin: 4px 0; }
.head .who { color: var(--muted); font-size: 13px; }
.paid { margin: 10px 12px; background: var(--accent); color: #fff; border-radius: 14px;
  padding: 12px 16px; }
.paid .t { font-size: 13px; } .paid .a { font-size: 28px; font-weight: bold; }
.paid .o { font-size: 12px; opacity: 0.9; }
.bar { height: 6px; background: rgba(255,255,255,0.35); border-radius: 3px; margin-top: 6px; }
.bar div { height: 6px; background: #fff; border-radius: 3px; }
.lh { display: flex; justify-content: space-between; padding: 10px 16px 2px 16px;
  font-weight: bold; } .lh .s { font-weight: normal; color: var(--muted); font-size: 13px; }
.row { margin: 6px 12px; background: var(--card); border-radius: 10px; padding: 9px 12px;
  break-inside: avoid; }
.row .p { color: var(--muted); font-size: 13px; }
.row .l { display: flex; justify-content: space-between; font-weight: bold; margin-top: 2px; }
.row .s { font-size: 14px; }
"""
LIGHT = {"--bg": "#f2f4f3", "--fg": "#111", "--card": "#fff", "--muted": "#5a5f63",
         "--accent": "#2d7a5f"}  # fmt: skip
DARK = {"--bg": "#000", "--fg": "#f2f2f2", "--card": "#1c1c1e", "--muted": "#a5a5aa",
        "--accent": "#1f5e48"}  # fmt: skip


def mobile_height(document: Overview) -> int:
    """The page's CSS height: at least a screen, and room for every row."""
    return max(PHONE[1], 330 + 86 * len(document.fees))


def _themed(css: str, dark: bool) -> str:
    for key, value in (DARK if dark else LIGHT).items():
        css = css.replace(f"var({key})", value)
    return css


def mobile(document: Overview, *, dark: bool = False) -> str:
    """helsenorge's mobile page in the phone's browser: the sum paid so far at the top (with
    the limit), then each fee with the provider over the service, the date (the year in the
    heading) and the amount."""
    words = WORDS[document.language]
    rows = "".join(
        f"<div class='row'><div class='p'>{escape(fee.provider)}</div><div class='s'>"
        f"{escape(fee.service)}</div><div class='l'><span>{_day(fee.day, document)}</span>"
        f"<span>{_amount(fee.amount, document)}</span></div></div>"
        for fee in _ordered(document)
    )
    share = int(100 * document.total / document.limit)
    hour = 7 + document.printed_at.day % 15
    minute = (document.printed_at.month * 17) % 60
    sort = words["ph_sort_new" if document.newest_first else "ph_sort_old"]
    css = _themed(MOBILE_CSS, dark).replace("var(--height)", f"{mobile_height(document)}px")
    body = (
        f"<div class='status'><span>{hour:02d}:{minute:02d}</span><span>▮▮▮ 5G "
        f"{25 + document.birth_date.day * 2} %</span></div>"
        "<div class='url'>helsenorge.no</div>"
        f"<div class='head'><h1>{_say(words, 'ph_title')}</h1><div class='who'>"
        f"{_say(words, 'ph_for')} {escape(document.name)}</div></div>"
        f"<div class='paid'><div class='t'>{_say(words, 'ph_paid', year=document.year)}</div>"
        f"<div class='a'>{_amount(document.total, document)}</div><div class='o'>"
        f"{_say(words, 'ph_of')} {_whole(document.limit, document)}</div>"
        f"<div class='bar'><div style='width:{share}%'></div></div></div>"
        f"<div class='lh'><span>{_say(words, 'ph_list', year=document.year)}</span>"
        f"<span class='s'>{escape(sort)} ⇅</span></div>{rows}"
    )
    return page(body, css)


# ---- receipts ----------------------------------------------------------------------------

HYGIENIST_CSS = """
@page { size: A5; margin: 12mm 13mm; }
body { font-size: 9pt; }
.head { text-align: center; border-bottom: 1px solid #3a8fb7; padding-bottom: 6px; }
.name { font-size: 14pt; font-weight: bold; color: #1f5f7a; }
.small { font-size: 7.5pt; color: #444; }
h1 { font-size: 12pt; margin: 10px 0 6px 0; }
table.meta td { padding: 1px 10px 1px 0; }
table.items { margin-top: 10px; }
table.items th { border-bottom: 1px solid #000; padding: 3px 2px; font-size: 8.5pt; }
table.items td { padding: 4px 2px; border-bottom: 0.5px dotted #999; }
tr.tot td { font-weight: bold; border-top: 1px solid #000; border-bottom: none; font-size: 10pt; }
tr.vat td { color: #444; font-size: 8pt; border-bottom: none; padding: 1px 2px; }
.pay { margin-top: 10px; border: 1px solid #ff5b24; border-radius: 4px; padding: 5px 8px; }
"""


def _vat(document: Receipt) -> Decimal:
    """The VAT in the product sold (the last item, when it is not a treatment)."""
    products = {Decimal(price) for *_, price in BLIND8_HYGIENIST_PRODUCTS}
    last = document.items[-1].amount
    if len(document.items) < 2 or last not in products:
        return Decimal("0.00")
    return (last / 5).quantize(Decimal("0.01"))


def _hygienist(document: Receipt) -> str:
    """A dental hygienist's receipt (A5): the treatments, now and then a product sold with its
    VAT printed under the total, paid with Vipps."""
    words = WORDS[document.language]
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='amount'>{_amount(item.amount, document)}"
        "</td></tr>"
        for item in document.items
    )
    vat = _vat(document)
    vat_rows = (
        f"<tr class='vat'><td>{_say(words, 'vat_base')}</td><td class='amount'>"
        f"{_amount(vat * 4, document)}</td></tr><tr class='vat'><td>{_say(words, 'vat')}</td>"
        f"<td class='amount'>{_amount(vat, document)}</td></tr>"
        if vat
        else ""
    )
    shown = when(document)
    body = (
        f"<div class='head'><div class='name'>{escape(document.provider)}</div><div class='small'>"
        f"{_say(words, 'hy_note')} · {escape(document.address)}<br>{_say(words, 'phone')} "
        f"{document.phone} · {_say(words, 'org')} {org_number(document.organisation_number, 1)}"
        f"</div></div><h1>{_say(words, 'receipt')}</h1><table class='meta'>"
        f"<tr><td>{_say(words, 'patient')}:</td><td><b>{escape(document.patient)}</b></td></tr>"
        f"<tr><td>{_say(words, 'date')}:</td><td>{shown}</td></tr>"
        f"<tr><td>{_say(words, 'no')}</td><td>{document.invoice_number}</td></tr></table>"
        f"<table class='items'><tr><th>{_say(words, 'item')}</th><th class='amount'>"
        f"{_say(words, 'amount')}</th></tr>{rows}<tr class='tot'><td>{_say(words, 'total')}</td>"
        f"<td class='amount'>{_amount(document.total, document)}</td></tr>{vat_rows}</table>"
        f"<p class='small'>{_say(words, 'vat_free')}</p><div class='pay'>"
        f"{_say(words, 'vipps')} · {_say(words, 'vipps_ref')} "
        f"{document.invoice_number * 7 % 10**10:010d}</div>"
    )
    return page(body, HYGIENIST_CSS)


def _mail_date(document: Receipt) -> str:
    """When the booking system sent the e-mail: the evening of the visit or a few days on."""
    sent = document.day + timedelta(days=document.invoice_number % 4)
    weekday = WEEKDAYS[document.language][sent.weekday()]
    month = SHORT_MONTHS[document.language][sent.month - 1]
    at = "at" if document.language == "en" else "kl."
    minute = document.invoice_number % 60
    return f"{weekday} {sent.day}. {month} {sent.year} {at} {17 + sent.day % 5}:{minute:02d}"


def _address(document: Receipt) -> str:
    first = document.patient.split()[0].lower()
    return f"{first}.{document.invoice_number % 97}@student.example.no"


def _mail_body(document: Receipt) -> str:
    words = WORDS[document.language]
    rows = "".join(
        f"<tr><td>{escape(item.text)}</td><td class='amount'>{_amount(item.amount, document)}"
        "</td></tr>"
        for item in document.items
    )
    therapist = document.provider.split()[-1]
    return (
        f"<p>{_say(words, 'hello', first=document.patient.split()[0])}</p>"
        f"<p>{_say(words, 'thanks')}</p><table class='facts'>"
        f"<tr><td>{_say(words, 'patient')}</td><td>{escape(document.patient)}</td></tr>"
        f"<tr><td>{_say(words, 'appointment')}</td><td>{when(document)}</td></tr>"
        f"<tr><td>{_say(words, 'therapist')}</td><td>{escape(document.provider)} "
        f"({escape(therapist)})</td></tr><tr><td>{_say(words, 'no')}</td>"
        f"<td>{document.invoice_number}</td></tr></table><table class='items'><tr>"
        f"<th>{_say(words, 'treatment')}</th><th class='amount'>{_say(words, 'amount')}</th>"
        f"</tr>{rows}<tr class='tot'><td>{_say(words, 'total')}</td><td class='amount'>"
        f"{_amount(document.total, document)}</td></tr></table>"
        f"<p>{_say(words, 'paid_card')}</p><p class='small'>{escape(document.provider)} · "
        f"{escape(document.address)} · {_say(words, 'org')} "
        f"{org_number(document.organisation_number, 2)} · {_say(words, 'phone')} "
        f"{document.phone}<br>{_say(words, 'booking')}</p>"
    )


MAIL_PRINT_CSS = """
@page { size: A4; margin: 12mm 14mm;
  @top-left { content: var(--stamp); font-size: 7.5pt; font-family: sans-serif; }
  @top-center { content: var(--title); font-size: 7.5pt; font-family: sans-serif; }
  @bottom-right { content: counter(page) '/' counter(pages); font-size: 7.5pt; } }
body { font-size: 10pt; }
.client { display: flex; justify-content: space-between; border-bottom: 1px solid #999;
  padding-bottom: 4px; font-size: 9pt; color: #555; }
h2 { font-size: 14pt; font-weight: normal; margin: 10px 0 6px 0; }
table.hdr td { padding: 1px 10px 1px 0; font-size: 9pt; }
hr { border: none; border-top: 1px solid #ccc; margin: 10px 0; }
table.facts td { padding: 2px 16px 2px 0; }
table.items { margin-top: 10px; width: 80%; }
table.items th { border-bottom: 1px solid #333; padding: 4px 2px; }
table.items td { padding: 4px 2px; border-bottom: 0.5px solid #ddd; }
tr.tot td { font-weight: bold; border-top: 1px solid #333; border-bottom: none; }
.small { font-size: 8pt; color: #555; }
"""


def _mail_print(document: Receipt) -> str:
    """An osteopath's receipt e-mailed by a booking system, printed from the mail program: the
    mail program's header and the e-mail's own date (a few days after the visit, now and
    then), the appointment's date and time, the treatment, the total, paid by card."""
    words = WORDS[document.language]
    sender = f"{document.provider} &lt;no-reply@bookfix.example&gt;"
    headers = (
        (words["mail_from"], sender),
        (words["mail_to"], escape(_address(document))),
        (words["mail_date"], escape(_mail_date(document))),
        (words["mail_subject"], _say(words, "subject")),
    )
    body = (
        f"<div class='client'><span>Mail</span><span>{escape(_address(document))}</span></div>"
        f"<h2>{_say(words, 'subject')}</h2><table class='hdr'>"
        + "".join(f"<tr><td>{escape(k)}:</td><td>{v}</td></tr>" for k, v in headers)
        + f"</table><hr>{_mail_body(document)}"
    )
    stamp = f"{document.day + timedelta(days=5 + document.invoice_number % 20):%d.%m.%Y}, 21:04"
    title = f"Mail – {words['subject']}"
    css = MAIL_PRINT_CSS.replace("var(--stamp)", repr(stamp)).replace("var(--title)", repr(title))
    return page(body, css)


MAIL_APP_CSS = """
@page { size: 390px 1400px; margin: 0; }
body { font-size: 14px; background: var(--bg); color: var(--fg); }
.status { display: flex; justify-content: space-between; padding: 12px 26px 6px 26px;
  font-weight: bold; font-size: 14px; }
.top { padding: 4px 14px; color: var(--accent); }
.subj { font-size: 20px; font-weight: bold; padding: 6px 14px; }
.from { display: flex; padding: 4px 14px 10px 14px; border-bottom: 1px solid var(--line); }
.av { width: 38px; height: 38px; border-radius: 19px; background: var(--accent); color: #fff;
  text-align: center; line-height: 38px; font-weight: bold; margin-right: 10px; }
.from .m { color: var(--muted); font-size: 12px; }
.mail { padding: 4px 14px; }
table.facts td { padding: 2px 12px 2px 0; vertical-align: top; }
table.items { margin-top: 8px; }
table.items th { border-bottom: 1px solid var(--fg); padding: 3px 2px; }
table.items td { padding: 4px 2px; border-bottom: 0.5px solid var(--line); }
tr.tot td { font-weight: bold; border-top: 1px solid var(--fg); border-bottom: none; }
.small { font-size: 11px; color: var(--muted); }
.muted { color: var(--muted); }
"""
MAIL_LIGHT = {"--bg": "#fff", "--fg": "#111", "--muted": "#666", "--line": "#ddd",
              "--accent": "#1a73e8"}  # fmt: skip
MAIL_DARK = {"--bg": "#1f1f1f", "--fg": "#e8e8e8", "--muted": "#a8a8a8", "--line": "#444",
             "--accent": "#8ab4f8"}  # fmt: skip


def _mail_app(document: Receipt, *, dark: bool) -> str:
    """The receipt as an e-mail in a phone's mail app (the osteopath's e-mail, or the
    hygienist's receipt sent on as one)."""
    words = WORDS[document.language]
    css = MAIL_APP_CSS
    for key, value in (MAIL_DARK if dark else MAIL_LIGHT).items():
        css = css.replace(f"var({key})", value)
    if document.layout == "hygienist_receipt":
        inner = _hygienist(document)
        content = inner[inner.index("<body>") + 6 : inner.index("</body>")]
        css += HYGIENIST_CSS.split("}", 1)[1].replace("#000", "currentColor") + (
            "body { font-size: 13px; } .name, .small, tr.vat td { color: inherit; }"
        )
    else:
        content = _mail_body(document)
    body = (
        f"<div class='status'><span>{17 + document.day.day % 5}:{document.invoice_number % 60:02d}"
        f"</span><span>▮▮▮ 4G {20 + document.birth_date.day * 2} %</span></div>"
        f"<div class='top'>‹ {_say(words, 'mail_app')}</div>"
        f"<div class='subj'>{_say(words, 'subject')}</div><div class='from'><div class='av'>"
        f"{escape(document.provider[0])}</div><div><div><b>{escape(document.provider)}</b></div>"
        f"<div class='m'>{_say(words, 'mail_to')}: {escape(_address(document))} · "
        f"{escape(_mail_date(document))}</div></div></div><div class='mail'>{content}</div>"
    )
    return page(body, css)
