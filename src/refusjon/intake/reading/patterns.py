"""What dates, amounts and the words around them look like on Norwegian (bokmål, nynorsk) and
English documents, and in what OCR makes of them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "mai": 5,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "des": 12,
    "dec": 12,
}
MONTH = (
    r"(?P<month>jan(?:uar|uary)?|feb(?:ruar|ruary|r)?|mar(?:s|ch)?|apr(?:il)?|mai|may|"
    r"jun(?:i|e)?|jul(?:i|y)?|aug(?:ust)?|sep(?:t|tember)?|okt(?:ober)?|oct(?:ober)?|"
    r"nov(?:ember)?|des(?:ember)?|dec(?:ember)?)\.?"
)
DATE_PATTERNS = (
    re.compile(
        r"(?<![\d.,/])(?P<day>\d{1,2})(?P<sep>[./-])(?P<mon>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
        r"(?!\d|,\d(?!\d?:\d\d))"  # "14.03.2025,13:00" is a date and a time
    ),
    # Day and month by a slash, the year by a hyphen: "12/3-2025", "12/3-25", as Norwegians
    # write by hand.
    re.compile(r"(?<![\d.,/])(?P<day>\d{1,2})/(?P<mon>\d{1,2})-(?P<year>\d{4}|\d{2})(?![\d.,])"),
    # Day and month by a slash, the year after a space: "12/3 2025", as a clinic's portal
    # prints it.
    re.compile(r"(?<![\d.,/])(?P<day>\d{1,2})/(?P<mon>\d{1,2}) (?P<year>(?:19|20)\d{2})(?![\d.,])"),
    # Spaces between: "12 03 2025", as a form prints a date in its boxes (two digits, two, four).
    re.compile(r"(?<![\d.,])(?P<day>\d{2}) (?P<mon>\d{2}) (?P<year>(?:19|20)\d{2})(?![\d.,])"),
    # Year first: "2025-03-12", "2025.03.12", "2025/03/12", "2025-3-7".
    re.compile(
        r"(?<![\d.,])(?P<year>\d{4})(?P<sep>[-./])(?P<mon>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
        r"(?![\d,])"
    ),
    # Year, month and day run together: "20250312", as a patient system prints it. Only with
    # a real month and day, and not inside a longer number (a birth or an account number).
    re.compile(
        r"(?<![\d.,:/-])(?P<year>(?:19|20)\d{2})(?P<mon>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])"
        r"(?![\d.,:/-])"
    ),
    # "12. mars 2025", "12 March 2025", "12th of March 2025", "12-mar-2025", "20.feb.24" (a
    # spreadsheet's), "12MAR2025" (a booking system's)
    re.compile(
        rf"(?<![\d.,])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\.?\s{{0,2}}|[-/])(?:of\s)?{MONTH}"
        # A second space (OCR's gap between cells) only before four digits: "8. juli  65,-"
        # is a day and a fee.
        r"(?:,?\s(?:\s(?=\d{4}))?|[-/]|(?<=\.)|(?=\d{4}(?!\d)))"
        # Two figures followed by a year are a day, the month's name before them ("No. 1  Feb
        # 24 2026" is the 24th).
        r"(?P<year>\d{4}|\d{2}(?!,?\s{1,2}(?:19|20)\d{2}(?!\d)))(?!\d|[.,]\d)",
        re.I,
    ),
    re.compile(
        rf"(?<![\w]){MONTH}\s{{1,2}}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,2}}(?P<year>\d{{4}})"
        r"(?!\d|[.,]\d)",
        re.I,
    ),
    # Year first with the month's name: "2025 Mar 14", "2025-mar-14".
    re.compile(
        rf"(?<![\d.,])(?P<year>(?:19|20)\d{{2}})(?P<sep>[-\s]){MONTH}(?P=sep)(?P<day>\d{{1,2}})"
        r"(?![\d.,])",
        re.I,
    ),
    # The month first, the year cut to two digits after an apostrophe: "Aug 24 '26".
    re.compile(
        rf"(?<![\w]){MONTH}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s?['’](?P<year>\d{{2}})"
        r"(?![\d.,:])",
        re.I,
    ),
    # Day, month and a two-digit year run together: "14AUG26", as a till or a laboratory's
    # printer prints it.
    re.compile(
        r"(?<![\w.,])(?P<day>\d{1,2})"
        r"(?P<month>jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)"
        r"(?P<year>\d{2})(?![\d.,:])",
        re.I,
    ),
    # The year cut to two digits after a dash or an apostrophe: "12. mars -25", "12 March '25".
    re.compile(
        rf"(?<![\d.,])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s?{MONTH}\s?[-'’]\s?(?P<year>\d{{2}})"
        r"(?![\d.,:])",
        re.I,
    ),
)
TWO_DIGIT_PIVOT = 69
# Anything that looks like a date, read or not: day, month and year by any separators OCR or a
# program may print ("14 .03. 2025", "14-3-25"), year first, or a day beside a month's name.
DATE_LIKE = (
    re.compile(
        r"(?<!\d)(?P<day>\d{1,2})\s?[./-]\s?(?P<mon>\d{1,2})\s?[./-]\s?(?:\d{4}|\d{2})(?!\d)"
    ),
    re.compile(
        r"(?<!\d)(?:19|20)\d{2}\s?[./-]\s?(?P<mon>\d{1,2})\s?[./-]\s?(?P<day>\d{1,2})(?!\d)"
    ),
    re.compile(
        rf"(?<![\d.,])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s{{0,2}}(?:of\s)?{MONTH}(?!\w)", re.I
    ),
    re.compile(rf"(?<!\w){MONTH}\s{{1,2}}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)", re.I),
)
# A clock time ("kl. 14.30", "klokka 9.05", "at 11.48", "11.30 am"), or the span of one ("kl.
# 12.15–12.45"), masked before amounts are looked for.
TIME_LABELLED = re.compile(
    r"\b(?:kl\.?|klokk(?:a|en)|at)\s{0,2}(?:[01]?\d|2[0-3])[:.][0-5]\d\b(?![.,]\d)"
    r"(?:\s?[-–—]\s?(?:[01]?\d|2[0-3])[:.][0-5]\d\b(?![.,]\d))?"
    r"|(?<![\d.,])(?:0?\d|1[0-2])[:.][0-5]\d\s?(?:[ap]\.?m\b\.?)",
    re.I,
)
# The last four digits of a payment card after its mask ("**** 6499", "•••• 1742", "xxxx 1742",
# "XXXX-XXXX-XXXX-6499"),
# masked before amounts are looked for: "Betalt med bankkort **** 6499, 12:35" is no 6 499,12.
# A cheque's protected amount ("****1234,00", øre right after the digits) stays an amount.
CARD_DIGITS = re.compile(
    r"(?<![\w*•·])(?:[*•·xX][\s-]?){4,}(?P<digits>\d{4})(?!\d|[.,]\d{2}(?![\d:.]))"
)

# Kroner as a word or its marks: "kr", "Nkr", "NOK", "kroner".
KRONER = r"(?:kroner|n?kr|nok)"
AMOUNT = re.compile(
    rf"(?<![\w.,])(?P<pre>{KRONER}[.:]?\s?)?"
    r"(?P<num>\d{1,3}(?:[ .,'’]\d{3})+|\d+)"
    # Øre ("179,00"; OCR may part them: "179, 00", but "2025, 22:02" is a year and a time),
    # or a dash for none: "179,-" (OCR: "179.-"), "179:-".
    r"(?P<dec>[.,]\s?\d{2}(?!\d|:\d)|[.,:]\s?[-–—])?"
    rf"(?P<post>\s?{KRONER}\b\.?)?"
    r"(?![.,]?\d)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class FoundDate(Found):
    value: date
    glued: bool = False
    """A letter stands right before it ("a2. august" for "22. august"): OCR may have read a
    digit of it as that letter, so the day is not certain."""


@dataclass(frozen=True, slots=True)
class FoundAmount(Found):
    value: Decimal
    marked: bool
    """Written with a currency (kr, NOK, ,-) rather than only as a number with øre."""


def normalise(text: str) -> str:
    """Text with the spaces and dashes that typesetting and OCR vary reduced to plain ones."""
    text = unicodedata.normalize("NFC", text)
    for space in ("\u00a0", "\u2009", "\u202f", "\u2007"):
        text = text.replace(space, " ")
    return text.replace("\u2212", "-")


def dates(text: str) -> list[FoundDate]:
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _date(match)
            if value is not None:
                glued = match.start() > 0 and text[match.start() - 1].isalpha()
                found.append(FoundDate(match.start(), match.end(), value, glued))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda item: item.start)


def date_like(text: str) -> list[tuple[int, int]]:
    """Where ``text`` has something that looks like a date (a plausible day and month), whether
    or not ``dates`` can read it."""
    spans = []
    for pattern in DATE_LIKE:
        for match in pattern.finditer(text):
            month = match.groupdict().get("mon")  # None where the month is named
            if 1 <= int(match["day"]) <= 31 and (month is None or 1 <= int(month) <= 12):
                spans.append((match.start(), match.end()))
    return spans


def _date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    named = groups.get("month")
    month = MONTHS.get(named[:3].lower()) if named else int(groups["mon"])
    year = int(groups["year"])
    if year < 100:
        # As strptime's %y: 69–99 are the 1900s (a birth date "02.05.98"), the rest the 2000s.
        year += 1900 if year >= TWO_DIGIT_PIVOT else 2000
    if month is None or not 1990 <= year <= 2100:
        return None
    try:
        return date(year, month, int(groups["day"]))
    except ValueError:
        return None


def amounts(text: str, *, masked: list[tuple[int, int]] | None = None) -> list[FoundAmount]:
    """The amounts in ``text``: a number with øre (``179,00``, ``375.00``), or one marked as
    money (``179 kr``, ``kr 1 234``, ``NOK 375``, ``375,-``). Parts of the text in ``masked``
    (dates, say) are not read; nor is a clock time or a payment card's last digits."""
    blank = list(text)
    for start, end in [
        *(masked or []),
        *((m.start(), m.end()) for m in TIME_LABELLED.finditer(text)),
        *((m.start("digits"), m.end("digits")) for m in CARD_DIGITS.finditer(text)),
    ]:
        blank[start:end] = " " * (end - start)
    plain = "".join(blank)
    found: list[FoundAmount] = []
    for match in AMOUNT.finditer(plain):
        value = _amount(match)
        if value is not None:
            found.append(value)
    return found


def _amount(match: re.Match[str]) -> FoundAmount | None:
    number, decimals = match["num"], match["dec"]
    marked = bool(match["pre"] or match["post"] or (decimals and decimals.rstrip()[-1] in "-–—"))
    if not marked and not decimals:
        return None
    if decimals and decimals[-1].isdigit():
        cents = decimals[-2:]
        end = match.end("dec")
    else:
        cents = "00"
        end = match.end("dec") if decimals else match.end("num")
    if match["post"]:
        end = match.end("post")
    whole = re.sub(r"\D", "", number)
    if len(whole) > 7:
        return None
    start = match.start("pre") if match["pre"] else match.start("num")
    return FoundAmount(start, end, Decimal(f"{int(whole)}.{cents}"), marked)


def words_of(text: str) -> str:
    """Lower case, accents kept, punctuation as spaces: for looking up key words."""
    return " " + re.sub(r"[^\w]+", " ", text.lower()) + " "


def has_any(text: str, keys: tuple[str, ...]) -> bool:
    """Whether ``text`` has one of ``keys`` as a word or words; a key ending in ``*`` matches a
    word's beginning ("apotek*": "Apoteket"), one starting with it a word's end ("*apotek":
    "Vitusapotek")."""
    lowered = words_of(text)
    return any(_has(lowered, key) for key in keys)


def _has(lowered: str, key: str) -> bool:
    if key.endswith("*"):
        return f" {key[:-1]}" in lowered
    if key.startswith("*"):
        return f"{key[1:]} " in lowered
    return f" {key} " in lowered
