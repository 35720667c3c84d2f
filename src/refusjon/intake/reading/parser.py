"""From positioned words to what a document says: its kind, the person's name, each fee line,
the printed total, and for a receipt who issued it.

The parser reads rows (words on one line of a page) and gives each a role: a fee row has a
date and an amount; a card of a phone layout has them on rows of their own, one under the
other; a total row says "Sum", "Totalt", "Total" or "Samla" with an amount; rows about the
exemption-card limit (egenandelstak), what remains to it, running sums, birth and print dates,
and page footers are distractors and never become lines. Where a row has two amounts, the fee
is told from the running sum by the column headers or, without them, by the running sum's own
property (each is the one before plus the fee).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise

from stdnum.no import orgnr

from refusjon.intake.reading.patterns import (
    CARD_DIGITS,
    KRONER,
    MONTH,
    MONTHS,
    FoundAmount,
    FoundDate,
    amounts,
    date_like,
    dates,
    has_any,
    normalise,
    words_of,
)
from refusjon.intake.reading.records import Box, FeeLine, Kind, ReceiptDetails
from refusjon.intake.reading.words import Row, Word, box_around, rows, union


class Role(StrEnum):
    """What a row is to the parser."""

    HEADER = "header"
    DISTRACTOR = "distractor"
    CREDIT = "credit"
    NAME = "name"
    TOTAL = "total"
    FEE = "fee"
    DATE = "date"
    AMOUNT = "amount"
    TEXT = "text"


class Column(StrEnum):
    """What a table's column holds, as its header says."""

    RUNNING = "running"
    OTHER_AMOUNT = "other_amount"
    """What someone else paid or refunded, or what counts toward the card: not the fee."""
    FEE = "fee"
    DATE = "date"
    SERVICE = "service"
    PROVIDER = "provider"
    PAYMENT = "payment"
    """How the fee was paid ("Betalt med": Vipps, card, invoice): no amount of it."""


OVERVIEW_KEYS = (
    "egenandeler",
    "egenandelene",
    "eigendelane",
    "eigenandelane",
    "eigenandelar",
    "eigendelar",
    "frikort",
    "frikortet",
    "egenandelsoversikt",
    "eigenandelsoversikt",
    "user fees",
    "co-payments",
    "patient charges",
    "exemption card",
    # What a browser's machine translation makes of "egenandeler" and "frikort".
    "deductibles",
    "free card",
)
RECEIPT_KEYS = (
    "*kvittering",  # "Betalingskvittering", "Salgskvittering"
    "receipt",
    "kvitering",
    "*faktura",
    "invoice",
    "kvitteringsnr",
    "betalingsbekreftelse",
    "payment confirmation",
)
# A receipt's rows that give the patient's own share of an item.
FEE_ITEM_KEYS = ("egenandel", "eigenandel", "eigendel", "user fee", "co-payment")
# Rows of a receipt that carry numbers but are not items: account, phone, tax, payment.
RECEIPT_NOT_ITEMS = (
    "reimbursed",
    "helfo",
    "dekket",
    "dekt",
    "herav",
    "of which",
    "mva",
    "vat",
    "refusjon",
    "refund",
    "rabatt",
    "kontonr",
    "konto",
    "account",
    "tlf",
    "telefon",
    "phone",
    # How it was paid: the cash handed over and the change are no treatment.
    "cash",
    "kontant",
    "kontantar",
    "kontanter",
    "received",
    "mottatt",
    "change",
    "vekslepengar",
    "vekslepenger",
    "tilbake",
)
# The card it was paid with ("Visa •••• 1742"): no item, though its row may give the total.
CARD_KEYS = ("visa", "mastercard", "bankkort", "betalingskort", "kortbetaling", "card")
# What a row says of a sum "so far": a running total beside a fee, or (after a word of the
# sum: "Sum egenandeler hittil i år", "Total paid so far") the year's sum to date.
TO_DATE_KEYS = ("hittil", "så langt", "so far")
# The next appointment a receipt or a booking gives: a day to come, never one paid for.
NEXT_APPOINTMENT_KEYS = (
    "neste time",
    "neste timen",
    "next appointment",
    "neste dose",
    "next dose",
)
DISTRACTOR_KEYS = (
    "egenandelstak*",
    "eigenandelstak*",
    "eigendelstak*",
    "att før",
    "tak",
    "taket",
    "frikortgrense*",
    "grense",
    "grensen",
    "grensa",
    "gjenstående",
    "gjenstaende",
    "gjenståande",
    "gjenstår",
    "gjenstar",
    "attståande",
    "attstår",
    "resterende",
    "restbeløp",
    "igjen",
    "remaining",
    "remainder",
    "left",
    # What is missing before the exemption card ("Til frikort mangler", "Still to pay before
    # exemption card"): never the sum paid, whatever "to pay" says.
    "til frikort",
    "før frikort",
    "mangler",
    "manglar",
    "still to pay",
    "before exemption card",
    "until exemption card",
    "limit",
    "cap",
    "ceiling",
    # Machine translation: "Egenandelstak" as "Deductible roof", "Gjenstår til frikort" as
    # "Again to free card".
    "roof",
    "to free card",
    "before free card",
    "until free card",
    "født",
    "fødd",
    "fodt",
    "fødselsdato",
    "fødselsnummer",
    "fnr",
    "birth",
    "born",
    "utskrevet",
    "utskriven",
    "utskrift",
    "utskrive",
    "skrive ut",
    "skriv ut",
    "skrevet ut",
    "printed",
    "generert",
    "generated",
    "oppdatert",
    "updated",
    *TO_DATE_KEYS,
    "overført",
    "overfort",
    "overføre",
    "overførast",
    "carried",
    "brought forward",
    "delsum",
    "subtotal",
    # An account statement's balance carried in and out: no fee, whatever it holds.
    "inngående",
    "utgående",
    "inngåande",
    "utgåande",
    "opening balance",
    "closing balance",
    "herav",
    "of which",
    *NEXT_APPOINTMENT_KEYS,
    "tidligst",
    "tidlegast",
    "earliest",
    # The day a bank booked a card purchase: the purchase's own day is the treatment's.
    "bokført",
    "bokfort",
    "booked",
    # A price list ("Prisar 2025: Behandling kr 540,-- · Avbestilt …"): what a visit costs,
    # not what was paid.
    "priser",
    "prisar",
    "prices",
    "prisliste",
    "price list",
    "forfall",
    "forfallsdato",
    "due",
    "mva",
    "vat",
)
DISTRACTORS_BUT_TO_DATE = tuple(key for key in DISTRACTOR_KEYS if key not in TO_DATE_KEYS)
# A date row that tells when a fee was reported or registered, not when it was paid (helsenorge
# unfolds a row into "Behandlingsdato", "Behandlingssted", "Innrapportert").
REPORTED_KEYS = (
    "innrapportert",
    "rapportert",
    "reported",
    "registrert",
    "registered",
    "mottatt",
    "motteke",
    "received",
)
# A fee credited, paid back or cancelled, or printed as a negative amount: never a line.
CREDIT_KEYS = (
    "kreditert",
    "kreditnota",
    "kredit",
    "refundert",
    "tilbakebetalt",
    "tilbakeført",
    "annullert",
    "storno",
    "credited",
    "credit",
    "credit note",
    "refunded",
    "reversed",
    "cancelled",
)
TOTAL_KEYS = (
    "sum",
    "akkumulert",
    "accumulated",
    "totalt",
    "total",
    "samla",
    "samanlagt",
    "i alt",
    "til sammen",
    "totalsum",
    "totalbeløp",
    "samlet",
    "til saman",
    "tilsammen",
    "sammenlagt",
    "samanlagd",
    "tilsaman",
    "summert",
    "totalbelop",
    "altogether",
    "in total",
    "grand total",
    "overall",
    "du har betalt",
    "you have paid",
    "å betale",
    "å betala",
    "to pay",
    "amount due",
    "amount paid",
    "betalt hittil",
    "betalt så langt",
    "paid so far",
)
RECEIPT_TOTAL_KEYS = (*TOTAL_KEYS, "betalt", "paid", "beløp", "amount")
HEADER_ROLES: tuple[tuple[Column, tuple[str, ...]], ...] = (
    (
        Column.PAYMENT,
        (
            "betalt med",
            "betalt via",
            "betalingsmåte",
            "betalingsmate",
            "betalingsform",
            "paid with",
            "paid using",
            "payment method",
        ),
    ),
    (
        Column.RUNNING,
        (
            "hittil",
            "akkumulert",
            "running",
            "løpende",
            "kumulativ",
            "saldo",
            "so far",
            "samla",
            "sum",
        ),
    ),
    (
        Column.OTHER_AMOUNT,
        (
            "refusjon",
            "refundert",
            "refunded",
            "refund",
            "reimbursed",
            "dekket",
            "dekt",
            "covered",
            "helfo",
            "frikortgrunnlag",
            "grunnlag",
        ),
    ),
    (
        Column.FEE,
        (
            "beløp",
            "belop",
            "amount",
            "egenandel",
            "eigenandel",
            "eigendel",
            "fee",
            "betalt",
            "paid",
            "pris",
            "kr",
            "nok",
            "kroner",
        ),
    ),
    (Column.DATE, ("dato", "date", "dag", "day")),
    (Column.SERVICE, ("tjeneste", "teneste", "service", "type", "kategori", "category", "ytelse")),
    (
        Column.PROVIDER,
        (
            "behandler",
            "behandlar",
            "provider",
            "behandlingssted",
            "sted",
            "stad",
            "place",
            "klinikk",
        ),
    ),
)
# What a phone shows around a document (the app's bar and back button).
PHONE_CHROME = ("tilbake", "attende", "back", "helsenorge")
# Words of clinics' and services' names, never of a person's (a card's provider under its fee).
NOT_NAMES = (
    "legesenter*",
    "legekontor*",
    "legevakt*",
    "fastlege*",
    "apotek*",
    "klinikk*",
    "clinic*",
    "senter*",
    "senteret",
    "sykehus*",
    "sjukehus*",
    "hospital*",
    "fysioterap*",
    "psykolog*",
    "tannleg*",
    "kiroprakt*",
    "naprapat*",
    "laboratori*",
    "laboratory",
    "medisinsk*",
    "røntgen*",
    "radiolog*",
    "poliklinikk*",
    "helse*",
    "*apotek",  # "Vitusapotek"
    "*apoteket",
    "*klinikk",  # "Tannklinikk"
    "*klinikken",
    "*senter",  # "Helsesenter"
    "*senteret",
    "*legekontor",
    "as",
    "asa",
    "account",  # "ACCOUNT STATEMENT"
)
# Small words inside a surname, written in lower case ("van der Heyden", "de Córdoba").
NAME_PARTICLES = frozenset(
    (
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "dos",
        "das",
        "del",
        "la",
        "le",
        "af",
        "av",
        "ap",  # Welsh: "Dafydd ap Rhys"
        "ab",
        "ferch",
        "á",  # Faroese: "Dahl á Steig", "Jógvan í Líð"
        "í",
        "y",  # Spanish: "García y López"
    )
)
# Words after a name on its row ("Name: Kari Nordmann Date of birth: …"; a site's header gives
# who is logged in: "Kari Nordmann Logg ut").
NAME_ENDS = (
    "date",
    "dato",
    "personnummer",
    "personnr",
    "fødselsnr",
    "adresse",
    "address",
    "nr",
    "logg",
    "log",
)
FOOTER = re.compile(r"\b(?:side|page|s\.)\s*\d+\s*(?:av|of|/)\s*\d+\b", re.I)
NAME_LABEL = re.compile(
    r"^(?:pasientens\s+)?(?:patient(?:'s|s)?\s+name|(?:navn|namn)\s+på\s+pasient(?:en)?|"
    r"name\s+of\s+(?:the\s+)?patient|pasientnamn|fakturamottaker|fakturamottakar|"
    r"bill(?:ed)?\s+to|invoiced\s+to|issued\s+to|innbygger|innbyggjar|bruker|brukar|"
    r"(?:oversikt|overview|utskrift|printed|statement)\s+for|person|gjelder|gjeld|concerning|regarding|"
    r"navn|namn|name|pasient|patient|full name|pasientnavn|client|klient|"
    r"(?:innlogget|innlogga|pålogget|pålogga|logged in|signed in)(?:\s+(?:som|as))?|"
    r"betaler|betalar|payer|(?:du er )?(?:logget|logga) inn(?:\s+som)?|"
    r"kunde|customer|viser for|showing for|"
    r"mottatt fra|mottatt frå|motteke frå|received from)\b"
    r"\s*:?\s*(?P<rest>.*)$",
    re.I,
)
TITLE_NAME = re.compile(r"(?:\bfor|\bfør|\btil|\bof|[–—-])\s+(?P<name>[^\W\d_][^\d:]+)")
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.\-]*(?:[-'’][^\W\d_]+)*\.?$")
ORG_LABEL = (
    r"(?:(?:org(?:anisasjons|ani[sz]ation)?|foretaks|føretaks)\.?\s*(?:nr|nummer|number|no)\.?|"
    r"business\s+reg(?:istration)?\.?\s*(?:no|number)\.?|foretaksregisteret|mva-nr|"
    r"vat\s*(?:reg(?:istration)?\.?\s*)?(?:no|number)\.?)"
)
ORG_NUMBER = re.compile(
    ORG_LABEL + r"\s*:?\s*(?:NO\s*)?(?P<number>\d{3}\s?\d{3}\s?\d{3})",
    re.I,
)
# The organisation's name before its number on one row ("Kroppsro Sortland, org.nr. 995 …").
NAMED_ORG_NUMBER = re.compile(r"^(?P<name>[^\W\d_][^:\d]*?)[\s,;–—|·-]+" + ORG_LABEL, re.I)
ORG_NUMBER_MVA = re.compile(r"\bNO\s?(?P<number>\d{3}\s?\d{3}\s?\d{3})\s?MVA\b", re.I)
TREATMENT_LABEL = re.compile(
    r"^(?:behandling|treatment|tjeneste|teneste|service|takst|ytelse)\s*:\s*(?P<rest>.+)$", re.I
)
PROVIDER_LABEL = re.compile(
    r"^(?:behandler|behandlar|provider|klinikk|clinic)\s*:\s*(?P<rest>.+)$", re.I
)
PAYEE_LABEL = re.compile(
    r"^(?:betalt til|paid to|mottaker|mottakar|payee)\s*:?\s+(?P<rest>.+)$", re.I
)
DATE_LABEL_KEYS = (
    "dato",
    "date",
    "behandlingsdato",
    "timedato",
    "kvitteringsdato",
    "tidspunkt",
    "betalt",
    "paid",
)
SEPARATORS = re.compile(r"\s+[-–—·|]\s+|\s*\|\s*")


@dataclass(frozen=True, slots=True)
class Parsed:
    kind: Kind
    name: str = ""
    name_box: Box | None = None
    total: Decimal | None = None
    total_box: Box | None = None
    lines: tuple[FeeLine, ...] = ()
    receipt: ReceiptDetails | None = None
    notes: tuple[str, ...] = ()
    items_sum: Decimal | None = None
    """For a receipt: what its priced items add up to, where it lists any."""
    total_printed: bool = True
    """The total is printed as one (not a receipt's only item taken for it)."""
    credited: bool = False
    """A fee is printed as credited or paid back: what the lines add up to is not the point."""
    figures_disagree: bool = False
    """Rows of three amounts mostly add up, but not all (see :func:`_figures_disagree`)."""
    unsure_dates: bool = False
    """A fee's date may be misread (see :attr:`FoundDate.glued`): the total checks the amounts,
    not the dates, so such a document is never reconciled."""
    slashed_days: bool = False
    """A fee's day is written with a slash and no year ("20/3"), as a hand fills in a treatment
    card's box: read from a picture, a figure of it may be misread (see the reader)."""

    @property
    def reconciled(self) -> bool:
        """The lines add up to the printed total exactly (for a receipt: it has a date and a
        printed total, and the items it prices add up to that total). Never where a fee is
        credited: a person decides what such a document shows."""
        if self.total is None or not self.lines or not self.total_printed:
            return False
        if self.credited or self.unsure_dates or self.figures_disagree:
            return False
        if self.kind == Kind.RECEIPT:
            return len(self.lines) == 1 and self.items_sum in (None, self.total)
        return self.lines_sum == self.total

    @property
    def lines_sum(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))


@dataclass(slots=True)
class Scanned:
    row: Row
    dates: list[FoundDate]
    amounts: list[FoundAmount]
    role: Role = Role.TEXT
    boxed: bool = False
    """Cut from a row of boxes side by side (see :func:`_boxes_side_by_side`)."""


@dataclass(slots=True)
class Columns:
    """Where the header row puts each column (its centre, as a fraction of the width)."""

    centres: dict[Column, float] = field(default_factory=dict)
    lefts: dict[Column, float] = field(default_factory=dict)

    def starting_before(self, x: float, roles: Iterable[Column]) -> Column | None:
        """The column (of ``roles``) a left-aligned word at ``x`` stands in: the rightmost
        that starts at or before it."""
        known = [
            (left, role) for role, left in self.lefts.items() if role in roles and left <= x + 0.01
        ]
        return max(known)[1] if known else None

    def nearest(self, x: float, roles: Iterable[Column]) -> Column | None:
        known = [(abs(self.centres[role] - x), role) for role in roles if role in self.centres]
        return min(known)[1] if known else None


def parse(words: Sequence[Word]) -> Parsed:
    """What the words of a document say (see the module's docstring)."""
    scanned = [_scan(row) for row in rows(calendar_tiles(words))]
    for step in (
        _kroner_and_ore,
        _one_copy,
        _years_wrapped,
        _boxes_side_by_side,
        _days_under_months,
        _days_in_the_named_year,
        _one_card_a_row,
        _seams_unrepeated,
        _details_unrepeated,
    ):
        scanned = step(scanned)
    if not scanned:
        return Parsed(Kind.UNKNOWN, notes=("No text was found.",))
    kind = _kind(scanned)
    if kind == Kind.RECEIPT:
        return _receipt(scanned)
    if kind == Kind.UNKNOWN:
        return Parsed(Kind.UNKNOWN, notes=("Neither user fees nor a receipt were recognised.",))
    return _overview(scanned)


TILE_DAY = re.compile(r"^(?P<day>\d{1,2})\.?$")
TILE_MONTH = re.compile(rf"^{MONTH}$", re.I)
TILE_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def calendar_tiles(words: Sequence[Word]) -> list[Word]:
    """Dates printed as calendar tiles, as an app shows a fee's date (the day, the month's name
    under it and the year under that, centred one over the other), each as one word ("12 MAR
    2025") that covers the tile: in the middle of its card, so it stands on the fee's row."""
    months = [word for word in words if TILE_MONTH.match(word.text)]
    if not months:
        return list(words)
    years = [word for word in words if TILE_YEAR.match(word.text)]
    taken: set[int] = set()
    tiles: list[Word] = []
    for day in words:
        found = TILE_DAY.match(day.text)
        if found is None or not 1 <= int(found["day"]) <= 31:
            continue
        month = _right_under(day, months, taken)
        year = _right_under(month, years, taken) if month else None
        if month is None or year is None:
            continue
        taken.update((id(day), id(month), id(year)))
        box = box_around([day, month, year])
        text = f"{found['day']} {month.text.rstrip('.')} {year.text}"
        tiles.append(Word(text, day.page, box.left, box.top, box.right, box.bottom, day.panel))
    return [word for word in words if id(word) not in taken] + tiles


# How far apart (a share of the wider's width) the centres of a tile's day, month and year
# are at most: a tile centres them on each other; a table's "on 15." over "Sum januar" over
# "MAI 2025" stand left-aligned in their column, and are no tile.
TILE_CENTRED = 0.25


def _right_under(word: Word, candidates: Sequence[Word], taken: set[int]) -> Word | None:
    """The candidate centred under ``word`` and no further below it than a line's height."""
    for candidate in candidates:
        if id(candidate) in taken or candidate.page != word.page:
            continue
        widest = max(word.right - word.left, candidate.right - candidate.left)
        lowest = max(word.height, candidate.height)
        if (
            abs(candidate.centre - word.centre) <= widest * TILE_CENTRED
            and -lowest / 2 <= candidate.top - word.bottom <= lowest
        ):
            return candidate
    return None


def _scan(row: Row) -> Scanned:
    text = normalise(row.text)
    if text != row.text:
        row = Row(row.page, row.words, text, row.spans)
    found_dates = dates(text)
    found_amounts = amounts(text, masked=[(d.start, d.end) for d in found_dates])
    return Scanned(row, found_dates, _money_only(text, found_dates, found_amounts))


# What may stand between a date and its time ("21.11.2024 11.25", "12.03.2025, kl. 14.30").
CLOCK_AFTER_DATE = re.compile(r"[\s,]*(?:kl\.?|at)?\s*", re.I)
# A word of payment before a day and month ("Faktura, betalt 18.07").
PAID_ON = re.compile(r"\b(?:betalt|betalte|paid)(?:\s+(?:den|on))?\s*$", re.I)


def _money_only(
    text: str, found_dates: list[FoundDate], found_amounts: list[FoundAmount]
) -> list[FoundAmount]:
    """The amounts of a row without numbers that are a time or a day where the row prices
    something with its currency: a time written with a dot right after a date ("21.11.2024
    11.25"), or a day and month after a word of payment ("betalt 18.07")."""
    if not any(found.marked for found in found_amounts):
        return found_amounts
    kept = []
    for found in found_amounts:
        figures = text[found.start : found.end]
        whole, part = int(found.value), int(found.value * 100) % 100
        dotted = not found.marked and "." in figures and "," not in figures
        clock = (
            dotted
            and whole <= 23
            and part <= 59
            and any(
                found_date.end <= found.start
                and CLOCK_AFTER_DATE.fullmatch(text[found_date.end : found.start])
                for found_date in found_dates
            )
        )
        day = dotted and 1 <= whole <= 31 and 1 <= part <= 12
        if clock or (day and PAID_ON.search(text[: found.start])):
            continue
        kept.append(found)
    return kept


KRONER_CELL = re.compile(rf"^{KRONER}\.?$", re.I)
# "Øre" as OCR may read it ("Ore", "@re", "0re").
ORE_CELL = re.compile(r"^[øoØO0@]re$", re.I)
# What OCR makes of a ruled line between two columns.
COLUMN_RULES = frozenset("|!I[]")
WHOLE_KRONER = re.compile(r"^\d{1,3}(?: \d{3})*$|^\d+$")


def _kroner_and_ore(scanned: list[Scanned]) -> list[Scanned]:
    """Amounts printed with kroner and øre in columns of their own, under a header "Kr  Øre"
    ("1 650  00"), each as one amount (1 650,00) on the rows under the header."""
    ore: Word | None = None
    for item in scanned:
        words = item.row.words
        if ore is not None and ore.page != item.row.page:
            ore = None
        heading = [word for word in words if ORE_CELL.match(word.text)]
        if heading and any(KRONER_CELL.match(word.text) for word in words):
            ore = heading[0]
            continue
        if ore is None:
            continue
        found = _kroner_and_ore_amount(item, ore)
        if found is not None:
            kept = [a for a in item.amounts if a.end <= found.start or a.start >= found.end]
            item.amounts = sorted([*kept, found], key=lambda amount: amount.start)
    return scanned


def _kroner_and_ore_amount(item: Scanned, ore: Word) -> FoundAmount | None:
    """The amount of a row whose øre stand under the header's "Øre" and its kroner right
    before them, or None."""
    words = item.row.words
    slack = ore.right - ore.left
    for index, word in enumerate(words):
        if not (
            re.fullmatch(r"\d{2}", word.text)
            and ore.left - slack <= word.centre <= ore.right + slack
        ):
            continue
        # The rule between the columns may be read as a mark of its own ("750 |  00") or
        # glued to the kroner ("1350| 00").
        last = index - 1 if index and words[index - 1].text in COLUMN_RULES else index
        first = last
        while first > 0 and last - first < 3 and _figures(words[first - 1].text).isdigit():
            first -= 1
        kroner = " ".join(_figures(w.text) for w in words[first:last])
        if first == last or not WHOLE_KRONER.match(kroner):
            return None
        start, end = item.row.spans[first][0], item.row.spans[index][1]
        value = Decimal(f"{kroner.replace(' ', '')}.{word.text}")
        return FoundAmount(start, end, value, True)
    return None


def _figures(text: str) -> str:
    """A word without the column's rule that OCR glued to it."""
    return text.rstrip("".join(COLUMN_RULES))


# Words of a receipt's copy printed with another on one page ("Pasientens eksemplar").
COPY_KEYS = ("eksemplar", "eksemplaret", "kopi", "copy", "gjenpart")


def _one_copy(scanned: list[Scanned]) -> list[Scanned]:
    """One of two copies of a document printed on one page (the patient's and the clinic's):
    where it says "eksemplar" or "copy" twice and its dated and priced rows are the same
    twice over, the rows after the first copy's last are left out."""
    if sum(has_any(item.row.text, COPY_KEYS) for item in scanned) < 2:
        return scanned
    priced = [index for index, item in enumerate(scanned) if item.dates or item.amounts]
    half = len(priced) // 2
    if not half or len(priced) % 2:
        return scanned

    def dated_and_priced(index: int) -> tuple[tuple[date, ...], tuple[Decimal, ...]]:
        item = scanned[index]
        return tuple(d.value for d in item.dates), tuple(a.value for a in item.amounts)

    first, second = priced[:half], priced[half:]
    if list(map(dated_and_priced, first)) != list(map(dated_and_priced, second)):
        return scanned
    return scanned[: priced[half - 1] + 1]


# A phone's status bar: the clock first, the battery's share last ("20:24  5G  63 %").
STATUS_BAR = re.compile(r"^\d{1,2}:\d{2}\b.*\d{1,3}\s?%$")


def _seams_unrepeated(scanned: list[Scanned]) -> list[Scanned]:
    """Screenshots joined one under the other, each with its status bar: a capture often
    repeats the fee row the one before it ended on, and that row is left out (once) where the
    rows on either side of a second status bar are the same fee, word for word."""
    bars = [
        index
        for index, item in enumerate(scanned)
        if STATUS_BAR.match(item.row.text.strip()) and not item.dates
    ]
    repeated: set[int] = set()
    for bar in bars[1:]:
        before = next((i for i in range(bar - 1, -1, -1) if _fee_row(scanned[i])), None)
        after = next((i for i in range(bar + 1, len(scanned)) if _fee_row(scanned[i])), None)
        if before is None or after is None or scanned[before].row.page != scanned[after].row.page:
            continue
        if " ".join(scanned[before].row.text.split()) == " ".join(scanned[after].row.text.split()):
            repeated.add(after)
    return [item for index, item in enumerate(scanned) if index not in repeated]


def _details_unrepeated(scanned: list[Scanned]) -> list[Scanned]:
    """An app's detail pane beside its list (an unfolded phone, a tablet) shows the chosen
    fee once more: a panel whose one date and one amount a panel left of it has too is read
    as text, its fee not counted twice."""
    panels: dict[tuple[int, int], list[Scanned]] = {}
    for item in scanned:
        panels.setdefault((item.row.page, item.row.words[0].panel), []).append(item)
    for (page, panel), items in panels.items():
        days = {found.value for item in items for found in item.dates}
        amounts = {found.value for item in items for found in item.amounts}
        if len(days) != 1 or len(amounts) != 1:
            continue
        left = [
            item
            for (other_page, other), others in panels.items()
            if other_page == page and other < panel
            for item in others
        ]
        if days <= {found.value for item in left for found in item.dates} and amounts <= {
            found.value for item in left for found in item.amounts
        }:
            for item in items:
                item.dates, item.amounts = [], []
    return scanned


def _fee_row(item: Scanned) -> bool:
    return bool(item.dates and item.amounts)


DAY_MONTH_AT_END = re.compile(rf"(?<![\d.,])\d{{1,2}}\.?\s{MONTH}$", re.I)
YEAR_AT_START = re.compile(r"^(?P<year>(?:19|20)\d{2})\b(?![.,]\d)")


def _years_wrapped(scanned: list[Scanned]) -> list[Scanned]:
    """A date whose year a narrow cell wrapped onto the next row ("Time  Wednesday 24
    September" over "2025, 11:39"): the year joins the day and month, the next row keeps the
    rest."""
    for item, below in pairwise(scanned):
        wrapped = YEAR_AT_START.match(below.row.text)
        if (
            item.dates
            or wrapped is None
            or below.row.page != item.row.page
            or not DAY_MONTH_AT_END.search(item.row.text)
        ):
            continue
        year = below.row.words_in(wrapped.start(), wrapped.end())[0]
        last = item.row.words[-1]
        moved = Word(wrapped["year"], last.page, last.right, last.top, last.right, last.bottom)
        joined = _scan(Row.of(item.row.page, [*item.row.words, moved]))
        item.row, item.dates, item.amounts = joined.row, joined.dates, joined.amounts
        rest = [word for word in below.row.words if word is not year]
        if rest:
            left = _scan(Row.of(below.row.page, rest))
            below.row, below.dates, below.amounts = left.row, left.dates, left.amounts
    return scanned


# A day and month without a year ("12. mar.", "ons. 12. mars", "12 Mar", "Mar 12"), and a row
# that names the year of a list (its title, "År: 2025", "Betalt hittil i 2025").
DAY_MONTH = re.compile(
    rf"(?<![\d.,/])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s?{MONTH}(?![\w.]*\s?[-/.]?\d)", re.I
)
MONTH_DAY = re.compile(
    rf"(?<!\w){MONTH}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]|,?\s\d)", re.I
)
# "12.3.", with the dot after the month as a date has it (an amount has none).
DAY_MONTH_NUMBERS = re.compile(
    r"(?<![\d.,/])(?<!kr\.\s)(?<!kr\s)(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?![\d,]|\s?\d)",
    re.I,
)
# "20/3", as a hand fills in a treatment card's box: only in a box, for "1/2" may be a half or
# a page's number.
DAY_SLASH_MONTH = re.compile(r"(?<![\d.,/])(?P<day>\d{1,2})/(?P<mon>\d{1,2})(?![\d/.,-])")
YEAR_NAMED = re.compile(
    r"\b(?:år|året|year|kalenderår|calendar year|hittil|så langt|so far|betalt i|betalte i|"
    r"paid in|behandlingsår|behandlingsåret)\b",
    re.I,
)


def _days_in_the_named_year(scanned: list[Scanned]) -> list[Scanned]:
    """Fees dated by day and month only ("12. mar.", "ons. 12. mars", "12.3."), as helsenorge
    lists a year's fees under a title that names it ("Egenandeler betalt i 2025"): their dates
    in that year, where the rows about the list name one year and no other."""
    years: set[int] = set()
    for item in scanned:
        text = item.row.text
        if has_any(text, OVERVIEW_KEYS) or YEAR_NAMED.search(text):
            years.update(int(match[0]) for match in YEAR.finditer(_without_dates(item)))
    if len(years) != 1:
        return scanned
    year = years.pop()
    for item in scanned:
        if item.dates:
            continue
        text = item.row.text
        found = DAY_MONTH.search(text) or MONTH_DAY.search(text) or DAY_MONTH_NUMBERS.search(text)
        if found is None and item.boxed and not item.amounts:
            found = DAY_SLASH_MONTH.search(text)
        if found is None:
            continue
        if not item.amounts and _words_besides(text, found.span()) > 1:
            continue  # a card's date stands on a row of its own (a weekday at most beside it)
        named = found.groupdict().get("month")
        month = MONTHS[named[:3].lower()] if named else int(found["mon"])
        span, day = found.span(), int(found["day"])
        weekday = _weekday_beside(text, span)
        if weekday is not None:
            if not _is_weekday(year, month, day, weekday[0]):
                continue  # "20. jun. · ons." in 2024: the day or the weekday is misread
            span = weekday[1]  # the weekday is the date's, not the provider's name
        _dated(item, span, year, month, day)
    return scanned


# A weekday printed after a date, a dot or bullet between them ("20. jun. · tor.").
WEEKDAY_AFTER = re.compile(r"^[\s·•*+:\-–\"']*(?P<weekday>[^\W\d_]{2,9})\.?(?=\s|$)")


def _weekday_beside(text: str, span: tuple[int, int]) -> tuple[int, tuple[int, int]] | None:
    """The weekday printed after a date ("20. jun. · tor.", "31 Oct · Thu  kr. 397"), and the
    span of the date with it: a weekday's name of three letters or more, or any weekday's
    where it is the row's only other word ("to" may be a word of a sentence)."""
    found = WEEKDAY_AFTER.match(text[span[1] :])
    if found is None:
        return None
    word = found["weekday"].lower()
    alone = _words_besides(text, span) == 1
    if word not in WEEKDAYS or (len(word) < 3 and not alone):
        return None
    return WEEKDAYS[word], (span[0], span[1] + found.end())


def _words_besides(text: str, span: tuple[int, int]) -> int:
    """How many words the row has outside ``span``, a dot or a bullet between them no word
    ("12. mar. · tir.")."""
    rest = text[: span[0]] + " " + text[span[1] :]
    return sum(1 for part in rest.split() if any(character.isalnum() for character in part))


def _dated(item: Scanned, span: tuple[int, int], year: int, month: int, day: int) -> None:
    """The row dated by the day and month at ``span`` in the year given (no date where that
    day is none), its amounts no longer counting what the date covers."""
    try:
        value = date(year, month, day)
    except ValueError:
        return
    start, end = span
    item.dates = [FoundDate(start, end, value)]
    item.amounts = [one for one in item.amounts if one.end <= start or one.start >= end]


# "Januar 2024", "January 2025  1 user fee", "Mars 2025 (3)": a month's heading, with its count.
MONTH_HEADING = re.compile(
    rf"^{MONTH}\s+(?P<year>\d{{4}})(?:\s+\(?\d{{1,3}}\)?(?:\s+\D+)?)?$", re.I
)
# "11.01", "fredag 9/10", "Fri 9/10": a day and a month at a row's start, a weekday before.
DAY_AND_MONTH = re.compile(
    r"^(?:[^\W\d_]{2,}\.?,?\s+)?(?P<day>\d{1,2})(?P<sep>[./])(?P<mon>\d{1,2})\.?"
    r"(?![\d,/]|\.\d)"
)


def _days_under_months(scanned: list[Scanned]) -> list[Scanned]:
    """Rows dated by day and month only ("11.01", "fredag 9/10") under a heading of the month
    and year ("Januar 2024"), as helsenorge groups fees by month: their dates, where the month
    agrees with the heading's (else the row keeps what it had: "11.01" may be an amount). An
    app in American English may put the month first ("10/9" under "October")."""
    heading: tuple[int, int] | None = None
    for item in scanned:
        match = MONTH_HEADING.match(item.row.text.strip())
        if match:
            heading = (int(match["year"]), MONTHS[match["month"][:3].lower()])
            continue
        if heading is None or item.dates:
            continue
        found = _day_in_month(item.row.text, heading[1]) or _weekday_and_day(
            item.row.text, *heading
        )
        if found is not None:
            span, day = found
            _dated(item, span, heading[0], heading[1], day)
    return scanned


def _day_in_month(text: str, month: int) -> tuple[tuple[int, int], int] | None:
    """Where a row under the heading of ``month`` gives its day, and the day: by the month's
    name near its start ("Mon, 6 Jan", "søn 2. mar") or by numbers at its start ("11.01",
    "fredag 9/10"; "10/9" month first, where only that agrees with the heading)."""
    named = DAY_MONTH.search(text) or MONTH_DAY.search(text)
    if named and named.start() <= len(text.split()[0]) + 2:
        if MONTHS[named["month"][:3].lower()] != month:
            return None
        return named.span(), int(named["day"])
    found = DAY_AND_MONTH.match(text)
    if found is None:
        return None
    day, its_month = int(found["day"]), int(found["mon"])
    if its_month != month and found["sep"] == "/" and day == month:
        day, its_month = its_month, day
    return (found.span(), day) if its_month == month else None


# A weekday's name or its short form, in bokmål, nynorsk and English, and the weekday it is.
WEEKDAYS = {
    **dict.fromkeys(("ma", "man", "mandag", "må", "mån", "måndag", "mo", "mon", "monday"), 0),
    **dict.fromkeys(("ti", "tir", "tirsdag", "ty", "tys", "tysdag", "tu", "tue", "tuesday"), 1),
    **dict.fromkeys(("on", "ons", "onsdag", "we", "wed", "wednesday"), 2),
    **dict.fromkeys(("to", "tor", "torsdag", "th", "thu", "thursday"), 3),
    **dict.fromkeys(("fr", "fre", "fredag", "fri", "friday"), 4),
    **dict.fromkeys(("lø", "lør", "lørdag", "la", "lau", "laurdag", "sa", "sat", "saturday"), 5),
    **dict.fromkeys(("sø", "søn", "søndag", "su", "sun", "sundag", "sunday"), 6),
}
# "ti 14.", "Tue 4", "søn. 2.": a weekday and a day at a row's start, nothing else dating it.
WEEKDAY_AND_DAY = re.compile(
    r"^(?P<weekday>[^\W\d_]{2,9})\.?,?\s+(?P<day>\d{1,2})(?:\.|st|nd|rd|th)?(?=\s|$)"
)


def _weekday_and_day(text: str, year: int, month: int) -> tuple[tuple[int, int], int] | None:
    """Where a row under the heading of ``month`` of ``year`` gives its day by the weekday and
    the day alone ("ti 14." under "JANUAR 2025"), and the day: only where that day of that
    month is that weekday, so a misread day is no date at all."""
    found = WEEKDAY_AND_DAY.match(text)
    if found is None:
        return None
    weekday = WEEKDAYS.get(found["weekday"].lower())
    if weekday is None or not _is_weekday(year, month, int(found["day"]), weekday):
        return None
    return found.span(), int(found["day"])


def _is_weekday(year: int, month: int, day: int, weekday: int) -> bool:
    """Whether that day (if it is one) is that weekday (0 a Monday)."""
    try:
        return date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _one_card_a_row(scanned: list[Scanned]) -> list[Scanned]:
    """Cards side by side (the app at a tablet's width puts two fees on a row, each with its
    date and amount, and the cards' other rows under them) read one column after the other,
    each row cut where the next card starts."""
    result: list[Scanned] = []
    for page in dict.fromkeys(item.row.page for item in scanned):
        items = [item for item in scanned if item.row.page == page]
        side_by_side = [index for index, item in enumerate(items) if _card_starts(item)]
        if not side_by_side:
            result.extend(items)
            continue
        cuts = _card_starts(items[side_by_side[0]])
        first, last = side_by_side[0], side_by_side[-1]
        while (
            last + 1 < len(items)
            and last + 1 - side_by_side[-1] <= 3
            and not items[last + 1].amounts
            and not _straddles(items[last + 1].row, cuts)
        ):
            last += 1
        region = [item for item in items[first : last + 1] if not _straddles(item.row, cuts)]
        columns = _cut_into_columns(region, cuts)
        kept = {id(item) for item in region}
        result.extend(items[:first])
        result.extend(part for column in columns for part in column)
        result.extend(item for item in items[first : last + 1] if id(item) not in kept)
        result.extend(items[last + 1 :])
    return result


# The most rows a box of a grid has under the row that opens it (a treatment, then the fee).
BOX_ROWS = 3


def _boxes_side_by_side(scanned: list[Scanned]) -> list[Scanned]:
    """A grid of boxes (a treatment card's numbered boxes, two to a row, each a day over the
    treatment over the fee) read one column of boxes after the other, each row cut where the
    next box starts: from a row that opens two boxes or more (a day in each cell, no amount)
    down to the last row in the boxes. A row is in them while no word of it runs across a cut
    and what stands right of a cut starts at the box's edge; below the last row with words in
    two boxes, at most :data:`BOX_ROWS` rows more, and none that speaks of a sum or of what is
    no fee (the card's sum, its next appointment under the grid). Only where every column so
    cut has a fee: else the rows are a table's, and stay whole."""
    result: list[Scanned] = []
    position = 0
    while position < len(scanned):
        cuts = _box_starts(scanned[position])
        end = position + 1
        if cuts:
            since_two = 0
            while end < len(scanned) and since_two < BOX_ROWS:
                item = scanned[end]
                if item.row.page != scanned[position].row.page or not _in_the_boxes(item, cuts):
                    break
                if sum(bool(part) for part in _cut(item.row, cuts)) > 1:
                    since_two = 0
                elif has_any(item.row.text, TOTAL_KEYS + DISTRACTOR_KEYS):
                    break
                else:
                    since_two += 1
                end += 1
            columns = _grid_columns(scanned[position:end], cuts)
            if columns is not None:
                result.extend(part for column in columns for part in column)
                position = end
                continue
        result.append(scanned[position])
        position += 1
    return result


# How far (a share of the page's width) a box's words may start from its edge.
BOX_EDGE = 0.03


def _in_the_boxes(item: Scanned, cuts: list[float]) -> bool:
    """Whether the row may be a row of boxes cut at ``cuts``: no word runs across a cut, and
    each box's words right of a cut start at it (a sentence's words may just miss a cut)."""
    if _straddles(item.row, cuts):
        return False
    parts = _cut(item.row, cuts)[1:]
    return all(
        not part or abs(part[0].left - cut) <= BOX_EDGE
        for part, cut in zip(parts, cuts, strict=True)
    )


def _box_starts(item: Scanned) -> list[float]:
    """Where the second and later boxes start on a row that opens boxes side by side: a day in
    two cells or more (a box's number beside it at most), and no amount."""
    if item.amounts:
        return []
    text = item.row.text
    days = [(found.start, found.end) for found in item.dates]
    for pattern in (DAY_SLASH_MONTH, DAY_MONTH_NUMBERS, DAY_MONTH):
        days.extend(
            match.span()
            for match in pattern.finditer(text)
            if not any(start < match.end() and match.start() < end for start, end in days)
        )
    cells = item.row.cells()
    holding = [
        next(index for index, (at, cell) in enumerate(cells) if at <= start < at + len(cell))
        for start, _ in sorted(days)
    ]
    if len(holding) < 2 or len(set(holding)) != len(holding):
        return []
    # A box opens with the cell after the one of the day before it (a box's number, or the day).
    starts = [cells[index + 1][0] for index in holding[:-1]]
    return [min(word.left for word in item.row.words_in(at, at + 1)) for at in starts]


def _grid_columns(band: list[Scanned], cuts: list[float]) -> list[list[Scanned]] | None:
    columns = _cut_into_columns(band, cuts, boxed=True)
    if len(band) < 2 or not all(any(item.amounts for item in column) for column in columns):
        return None
    return columns


def _cut_into_columns(
    items: list[Scanned], cuts: Sequence[float], *, boxed: bool = False
) -> list[list[Scanned]]:
    """The rows of one page cut at ``cuts``: each column's parts, top to bottom."""
    columns: list[list[Scanned]] = [[] for _ in range(len(cuts) + 1)]
    for item in items:
        for column, part in enumerate(_cut(item.row, cuts)):
            if part:
                cut = _scan(Row.of(item.row.page, part))
                cut.boxed = boxed
                columns[column].append(cut)
    return columns


def _card_starts(item: Scanned) -> list[float]:
    """Where the second and later cards start on a row of cards side by side (each a date and
    an amount, in the same order), or nothing."""
    if len(item.dates) < 2 or len(item.amounts) != len(item.dates):
        return []
    found = sorted([*item.dates, *item.amounts], key=lambda found: found.start)
    kinds = [type(one) for one in found]
    if kinds[0] is kinds[1] or kinds != kinds[:2] * len(item.dates):
        return []
    return [
        min(word.left for word in item.row.words_in(card.start, card.end)) for card in found[2::2]
    ]


# How far (a share of the page's width) a card's edge may stand from where the first row of
# cards puts it: OCR's boxes and a scan's residual skew move it a little.
CARD_EDGE = 0.01


def _straddles(row: Row, cuts: Sequence[float]) -> bool:
    return any(
        word.left < cut - CARD_EDGE < cut + CARD_EDGE < word.right
        for word in row.words
        for cut in cuts
    )


def _cut(row: Row, cuts: Sequence[float]) -> list[list[Word]]:
    edges = [-1.0, *(cut - CARD_EDGE for cut in cuts), 2.0]
    return [
        [word for word in row.words if edges[index] <= word.left < edges[index + 1]]
        for index in range(len(cuts) + 1)
    ]


def _kind(scanned: list[Scanned]) -> Kind:
    """An overview speaks of user fees (egenandeler) and the exemption card (frikort); a
    receipt says it is one or bears an organisation number. A receipt may say its fee counts
    toward the card, so where both are spoken of, the top of the first page decides."""
    everything = " ".join(item.row.text for item in scanned)
    overview = has_any(everything, OVERVIEW_KEYS)
    receipt = has_any(everything, RECEIPT_KEYS) or bool(
        ORG_NUMBER.search(everything) or ORG_NUMBER_MVA.search(everything)
    )
    if receipt and _fee_days(scanned) >= 2:
        # A clinic's statement of several treatments ("Oppgave over egenandeler"): a list of
        # fees, one line each, never one receipt's line for them all.
        return Kind.USER_FEE_OVERVIEW
    if receipt and not overview:
        return Kind.RECEIPT
    if overview and not receipt:
        return Kind.USER_FEE_OVERVIEW
    if receipt and overview:
        first_page = [item for item in scanned if item.row.page == scanned[0].row.page]
        # The first row at the top to say which it is decides: a title of user fees ("Oversikt
        # over betalte egenandeler") under a clinic's letterhead with its organisation number
        # is a list of fees, however few, whatever a fee's row says later ("Faktura").
        for item in first_page[:10]:
            if has_any(item.row.text, RECEIPT_KEYS):
                return Kind.RECEIPT
            if has_any(item.row.text, OVERVIEW_KEYS):
                return Kind.USER_FEE_OVERVIEW
        top = " ".join(item.row.text for item in first_page[:10])
        return Kind.RECEIPT if ORG_NUMBER.search(top) else Kind.USER_FEE_OVERVIEW
    if any(item.dates and item.amounts for item in scanned):
        return Kind.USER_FEE_OVERVIEW
    # Cards with the date on one row and the amount on another, under a title something hides
    # (a notification over a screenshot's top): a list of fees all the same.
    fees = [item for item in scanned if not has_any(item.row.text, DISTRACTOR_KEYS)]
    if any(item.dates for item in fees) and any(item.amounts for item in fees):
        return Kind.USER_FEE_OVERVIEW
    return Kind.UNKNOWN


def _fee_days(scanned: list[Scanned]) -> int:
    """On how many days the document lists a priced row (a date and an amount on one row, not a
    birth, print or due date), or a box's day (a day alone, its box's number beside it at
    most) over a fee within the box."""
    return len(
        {
            item.dates[0].value
            for position, item in enumerate(scanned)
            if item.dates
            and (item.amounts or _box_day_over_a_fee(scanned, position))
            and not has_any(item.row.text, DISTRACTOR_KEYS)
            and not FOOTER.search(item.row.text)
        }
    )


def _box_day_over_a_fee(scanned: list[Scanned], position: int) -> bool:
    item = scanned[position]
    if any(ch.isalpha() for ch in _without_dates(item)):
        return False  # "Dato: 12.03.2025" over a receipt's items is the receipt's date
    for below in scanned[position + 1 : position + 1 + BOX_ROWS]:
        if below.dates or below.row.page != item.row.page:
            return False
        if below.amounts:
            return True
    return False


# The overview


def _overview(scanned: list[Scanned]) -> Parsed:
    columns = Columns()
    previous: Scanned | None = None
    in_kroner = False
    for item in scanned:
        item.role = _role(item)
        if item.role == Role.HEADER:
            columns = _columns(item.row)
        elif not item.amounts and Column.FEE in columns.centres:
            bare = _bare_fee(item, columns)
            if bare is not None:
                item.amounts = [bare]
                item.role = _role(item)
        elif not item.amounts and in_kroner:
            bare = _bare_at_the_end(item)
            if bare is not None:
                item.amounts = [bare]
                item.role = _role(item)
        in_kroner = in_kroner or _says_in_kroner(item)
        if (
            previous is not None
            and item.role == Role.AMOUNT
            and (not previous.amounts or REGISTERED_IN_A_YEAR.match(previous.row.text))
        ):
            item.role = _wrapped_role(previous, item)
        if previous is not None and item.role == Role.DATE and _labels_the_next(previous):
            item.role = Role.DISTRACTOR  # "Neste time" over "Man 18. aug 2025, 08:00"
        previous = item
    notes: list[str] = []
    name, name_box = _name(scanned)
    for item in scanned:
        if name and item.role == Role.TEXT and name in item.row.text:
            item.role = Role.NAME
    fee_index = _fee_index(scanned, columns, notes)
    lines, both_ways = _lines(scanned, columns, fee_index)
    total, total_box = _total(scanned, columns, lines, notes)
    credited = any(item.role == Role.CREDIT for item in scanned)
    if credited:
        notes.append("A fee is printed as credited or paid back: a person reads what it means.")
    unsure = any(item.role in (Role.FEE, Role.DATE) and item.dates[0].glued for item in scanned)
    if unsure:
        notes.append("A fee's date has a letter glued to it: its day may be misread.")
    if both_ways:
        unsure = True
        notes.append(
            "Dates and amounts on rows of their own pair up both ways (the date above the "
            "amount, and below): a fee may have been given another's date."
        )
    if any(item.role == Role.FEE and _date_between_amounts(item) for item in scanned):
        unsure = True
        notes.append(
            "A row has amounts on both sides of its date (two cards' parts on one row): which "
            "is the date's fee is not certain."
        )
    disagree = _figures_disagree([item for item in scanned if item.role == Role.FEE])
    slashed = any(
        item.role in (Role.FEE, Role.DATE)
        and DAY_SLASH_MONTH.fullmatch(item.row.text[item.dates[0].start : item.dates[0].end])
        for item in scanned
    )
    year = _title_year(scanned)
    if year is not None and any(line.date.year != year for line in lines):
        unsure = True
        notes.append(f"A fee is dated outside {year}, the year the title names: it may be misread.")
    return Parsed(
        Kind.USER_FEE_OVERVIEW,
        name=name,
        name_box=name_box,
        total=total,
        total_box=total_box,
        lines=tuple(lines),
        notes=tuple(notes),
        credited=credited,
        figures_disagree=disagree,
        unsure_dates=unsure,
        slashed_days=slashed,
    )


def _adds_up(values: Sequence[Decimal]) -> bool:
    """Whether one of three amounts is the sum of the other two."""
    return any(2 * value == sum(values) for value in values)


def _figures_disagree(fees: list[Scanned]) -> bool:
    """Whether fee rows of three amounts mostly add up (a price is Helfo's part plus the user
    fee, as a pharmacy prints them), and some do not: a figure of those is misread, and the
    lines may add up to the total with two misreadings that cancel out."""
    threes = [
        [found.value for found in item.amounts[:3]] for item in fees if len(item.amounts) >= 3
    ]
    agreeing = sum(_adds_up(values) for values in threes)
    return agreeing * 2 > len(threes) and agreeing < len(threes)


def _date_between_amounts(item: Scanned) -> bool:
    """Whether one date of the row stands after an amount and before another."""
    return any(
        any(a.end <= found.start for a in item.amounts)
        and any(a.start >= found.end for a in item.amounts)
        for found in item.dates
    )


YEAR = re.compile(r"(?<![\d.,/:-])(?:19|20)\d\d(?![\d.,/:-]|\s?kr)")


def _without_dates(item: Scanned) -> str:
    """The row's text with its dates blanked out (positions kept)."""
    text = item.row.text
    for found in item.dates:
        text = text[: found.start] + " " * (found.end - found.start) + text[found.end :]
    return text


def _title_year(scanned: list[Scanned]) -> int | None:
    """The one year the overview's title names ("Egenandeler 2025", "Oppgave over egenandeler
    – mars 2025"), above its first fee; None where it names none or several (a period)."""
    years: set[int] = set()
    for item in scanned:
        if item.role == Role.FEE:
            break
        if not has_any(item.row.text, OVERVIEW_KEYS):
            continue
        text = _without_dates(item)
        years.update(int(match[0]) for match in YEAR.finditer(text))
    return years.pop() if len(years) == 1 else None


# How far (a share of the width) a bare number may stand outside its column's heading.
FEE_COLUMN_SLACK = 0.05
# A whole number standing alone: not a part of a fraction or a page count ("1/2").
BARE_NUMBER = re.compile(r"(?<![\w.,/])\d{1,3}(?:[ .]\d{3})*(?![\w.,/]|,\d)")


def _bare_fee(item: Scanned, columns: Columns, *, anywhere: bool = False) -> FoundAmount | None:
    """A whole number of kroner standing in the fee column of a table whose header gives the
    currency ("Egenandel (kr)": "179"), on a row with a date or a word of the sum (or, on a
    receipt's list of treatments, ``anywhere``)."""
    if not anywhere and not item.dates and not has_any(item.row.text, TOTAL_KEYS):
        return None
    text = _without_dates(item)
    for match in BARE_NUMBER.finditer(text):
        found = FoundAmount(
            match.start(), match.end(), Decimal(re.sub(r"\D", "", match[0]) + ".00"), False
        )
        centre = _centre(item, found)
        left, middle = columns.lefts[Column.FEE], columns.centres[Column.FEE]
        beside = left - FEE_COLUMN_SLACK <= centre <= 2 * middle - left + FEE_COLUMN_SLACK
        if beside and columns.nearest(centre, tuple(Column)) == Column.FEE:
            return found
    return None


# "Egenandel (kr)", "Beløp (NOK)", "Beløp i kroner", "Amount in NOK".
KRONER_HEADING = re.compile(rf"\({KRONER}\.?\)|\b(?:i|in)\s{KRONER}\b", re.I)


def _says_in_kroner(item: Scanned) -> bool:
    """A heading alone on its row that gives the fees' unit ("Egenandel (kr)") above a list of
    cards, which then print whole kroner bare."""
    text = item.row.text
    return (
        bool(KRONER_HEADING.search(text))
        and not any(ch.isdigit() for ch in text)
        and _cell_role(text) == Column.FEE
    )


def _bare_at_the_end(item: Scanned) -> FoundAmount | None:
    """A whole number of kroner at the right end of a card's row, under a heading in kroner."""
    if item.dates or not item.row.words:
        return None
    last = item.row.words[-1]
    match = BARE_NUMBER.fullmatch(last.text) if last.right >= CARD_AMOUNT_RIGHT else None
    if match is None or len(item.row.words) < 2:
        return None
    start = item.row.spans[-1][0]
    value = Decimal(re.sub(r"\D", "", match[0]) + ".00")
    return FoundAmount(start, start + len(last.text), value, False)


# A card's amount stands at its right edge (a share of the page's width).
CARD_AMOUNT_RIGHT = 0.6


def _role(item: Scanned) -> Role:
    text = item.row.text
    if not item.dates and not item.amounts and _header_roles(item.row) >= 2:
        return Role.HEADER
    if _total_sentence(item):
        return Role.TOTAL
    if (
        FOOTER.search(text)
        or (has_any(text, DISTRACTOR_KEYS) and not _sum_to_date(item))
        or _paid_in(item)
        or (item.amounts and REGISTERED_IN_A_YEAR.match(text))
    ):
        return Role.DISTRACTOR  # "Registrert 2024  av kr. 3.165,-": the ceiling's figure
    if item.amounts and (
        has_any(text, CREDIT_KEYS)
        or any(text[: found.start].endswith("-") for found in item.amounts)
    ):
        return Role.CREDIT
    if NAME_LABEL.match(text):
        return Role.NAME
    if has_any(text, TOTAL_KEYS) and item.amounts and not _figure_in_prose(item):
        return Role.TOTAL
    if _year_s_sum_beside(item):
        return Role.TOTAL
    if not item.dates and not item.amounts:
        return Role.TEXT
    if item.dates and item.amounts:
        return Role.FEE
    if len(item.dates) > 1:
        return Role.TEXT  # a period ("01.01.2025–31.12.2025"), not a card's date
    if item.dates and not item.amounts and has_any(text, REPORTED_KEYS):
        return Role.TEXT  # "Innrapportert 30.01.2024": when the fee was reported, not paid
    if _is_sentence(item):
        return Role.TEXT  # "Eigendelstaket for 2024 er 3 165 kr. Du har 370 kr att …"
    return Role.DATE if item.dates else Role.AMOUNT


# Where a sentence ends and the next begins on a row of running text ("… i 2026. Eigendelstaket").
SENTENCE_BREAK = re.compile(r"(?<=\w\.)\s+(?=[A-ZÆØÅ])")


def _total_sentence(item: Scanned) -> bool:
    """Whether a sentence of the row opens with a word of the sum and gives an amount, with no
    word of the limit or what is left ("Til sammen er det registrert egenandeler for 1 303,44
    norske kroner i 2026."): a letter's total, whatever sentence its row runs on into."""
    if not item.amounts or item.dates:
        return False
    text = item.row.text
    start = 0
    for end in [*(found.start() for found in SENTENCE_BREAK.finditer(text)), len(text)]:
        sentence = text[start:end]
        if (
            _opens_with_a_sum(sentence)
            and not has_any(sentence, DISTRACTOR_KEYS + CREDIT_KEYS)
            and any(start <= found.start and found.end <= end for found in item.amounts)
        ):
            return True
        start = end
    return False


# What an account statement calls the person's payment into the account.
PAID_IN_KEYS = ("innbetaling", "innbetalt", "innbetalingar", "payment", "betaling")


def _paid_in(item: Scanned) -> bool:
    """Whether the row is a payment into an account, printed as a minus on a statement
    ("Innbetaling, Vipps  −596,00 kr"): neither a fee nor a fee credited."""
    text = item.row.text
    return (
        has_any(text, PAID_IN_KEYS)
        and not has_any(text, CREDIT_KEYS)  # "Refund payment −179,00": a fee paid back
        and any(text[: found.start].rstrip().endswith("-") for found in item.amounts)
    )


# Words after a row's last amount that make it prose, not a sum: a total's figure ends its row.
PROSE_AFTER = 3


def _figure_in_prose(item: Scanned) -> bool:
    """A row of running text that tells of a figure ("for 2024 er Kr 3 165. Når du har betalt
    eigendelar for dette beløpet, får du frikort"): words go on after its last amount."""
    after = item.row.text[item.amounts[-1].end :]
    return sum(any(ch.isalpha() for ch in word) for word in after.split()) >= PROSE_AFTER


def _sum_to_date(item: Scanned) -> bool:
    """A row that opens with a word of the sum and says no more than "so far" of it ("Sum
    egenandeler hittil i år 1 934,88"): the sum of what the document lists, not a distractor."""
    return bool(item.amounts) and _says_sum_to_date(item.row.text)


def _opens_with_a_sum(text: str) -> bool:
    """Whether a word of the sum stands among the first three words ("Til sammen er …",
    "Sum egenandeler hittil …")."""
    return has_any(" ".join(text.split()[:3]), TOTAL_KEYS)


def _says_sum_to_date(text: str) -> bool:
    return (
        _opens_with_a_sum(text)
        and has_any(text, TO_DATE_KEYS)
        and not has_any(text, DISTRACTORS_BUT_TO_DATE)
    )


def _is_sentence(item: Scanned) -> bool:
    """A row of prose (six words or more besides its numbers, and a full stop), which tells
    of a figure rather than listing a fee as a card does."""
    words = _rest(item, skip=[*item.dates, *item.amounts])
    return len(words) >= 6 and item.row.text.rstrip().endswith(".")


# What a label says of a year's sum above it ("Betalt i 2026"); beside an amount on its own
# row, it may be an earlier year's ("Tidligere år: Betalt i 2023  Kr. 2.693,25").
YEAR_SUM_KEYS = (
    *TOTAL_KEYS,
    "betalt i",
    "betalte i",
    "paid in",
    # What is registered with Helfo in the year: the fees paid, as an app shows their sum.
    "registrert i",
    "registrerte i",
    "registered in",
)


def _says_a_year_s_sum(text: str) -> bool:
    """A label of what was paid in a year, and nothing else: a word of the sum and the year
    ("Betalt i 2026", "Sum 2025", "Paid in 2026")."""
    words = text.split()
    return (
        len(words) <= 4
        and has_any(text, YEAR_SUM_KEYS)
        and bool(YEAR.search(text))
        and not has_any(text, DISTRACTOR_KEYS)
    )


def _labels_the_next(label: Scanned) -> bool:
    """Whether the row is the next appointment's label alone ("Neste time", "Next
    appointment:"), the date under it a day to come."""
    return (
        not label.dates
        and not label.amounts
        and words_of(label.row.text).strip() in NEXT_APPOINTMENT_KEYS
    )


def _year_s_sum_beside(item: Scanned) -> bool:
    """Whether a cell of the row is a year's sum with its label before it and nothing after
    ("2025  Betalt i 2025: 194kr", a list's heading of the year and its sum on one row)."""
    if item.dates or len(item.amounts) != 1:
        return False
    amount = item.amounts[0]
    for start, cell in item.row.cells():
        if start <= amount.start < start + len(cell):
            label = item.row.text[start : amount.start]
            after = item.row.text[amount.end : start + len(cell)]
            return start > 0 and not after.strip() and _says_a_year_s_sum(label.rstrip(" :"))
    return False


def _wrapped_role(label: Scanned, item: Scanned) -> Role:
    """The role of an amount alone on its row under a label without one (a phone wraps
    "Remaining before exemption card:" and its amount onto two rows)."""
    if label.row.page != item.row.page or label.dates:
        return item.role
    if _says_sum_to_date(label.row.text):
        return Role.TOTAL  # "Betalt hittil i 2025" over "2 032,- kr"
    if _says_a_year_s_sum(label.row.text):
        return Role.TOTAL  # "Betalt i 2026" over "1 835,61 Kr"
    if _says_registered_against_the_ceiling(label.row.text):
        return Role.TOTAL  # "Egenandelstak 2024 · Registrert" over "794,00 NOK" ("av 3 165")
    if REGISTERED_IN_A_YEAR.match(label.row.text):
        return Role.TOTAL  # "Registrert 2024  av kr. 3.165,-" over "kr. 1.186,-"
    if label.role == Role.DISTRACTOR:
        return Role.DISTRACTOR
    if has_any(label.row.text, TOTAL_KEYS) and label.row.text.rstrip().endswith(":"):
        return Role.TOTAL
    return item.role


REGISTERED_KEYS = ("registrert", "registrerte", "registered")
# "Registrert 2024", "Registered in 2024  of kr. 3,165": what is registered in a year, the
# exemption card's ceiling ("of …") beside it at most; the sum is the amount under it.
REGISTERED_IN_A_YEAR = re.compile(
    r"^(?:registrert|registrerte|registered)(?:\s+(?:i|in))?\s+(?:19|20)\d{2}"
    r"(?:\s+(?:av|of)\s+(?:kr\.?|nok)?[\s\d.,:-]*)?$",
    re.I,
)


def _says_registered_against_the_ceiling(text: str) -> bool:
    """A label that names the exemption card's ceiling and ends with what is registered
    against it ("Egenandelstak 2024 · Registrert", "User fee ceiling 2026 · Registered"): the
    amount under it is the sum of the fees registered, the ceiling's own figure is not."""
    words = words_of(text).split()
    return (
        len(words) > 1
        and words[-1] in REGISTERED_KEYS
        and has_any(" ".join(words[:-1]), DISTRACTOR_KEYS)
    )


def _header_roles(row: Row) -> int:
    """How many kinds of column the row's words name (a header names two or more)."""
    return len({_cell_role(word.text) for word in row.words} - {None})


def _cell_role(text: str) -> Column | None:
    for role, keys in HEADER_ROLES:
        if has_any(text, keys):
            return role
    return None


def _columns(row: Row) -> Columns:
    """The header's cells (words close together) and what each column holds. Where two name
    an amount, the user fee's ("Egenandel", "User fee") is the fee's column, and the other
    (a price) some other amount's."""
    cells: list[list[Word]] = []
    for word in row.words:
        if cells and word.left - cells[-1][-1].right < word.height * 0.6:
            cells[-1].append(word)
        else:
            cells.append([word])
    columns = Columns()
    fee_named = False  # the fee's column is named as the user fee's
    for cell in [part for joined in cells for part in _fee_heading_apart(joined)]:
        text = " ".join(word.text for word in cell)
        role = _cell_role(text)
        if role == Column.FEE and Column.FEE in columns.centres:
            if fee_named or not has_any(text, FEE_ITEM_KEYS):
                continue
            if Column.OTHER_AMOUNT not in columns.centres:
                columns.centres[Column.OTHER_AMOUNT] = columns.centres[Column.FEE]
                columns.lefts[Column.OTHER_AMOUNT] = columns.lefts[Column.FEE]
            del columns.centres[Column.FEE]
        if role and role not in columns.centres:
            columns.centres[role] = (cell[0].left + cell[-1].right) / 2
            columns.lefts[role] = cell[0].left
            fee_named = fee_named or (role == Column.FEE and has_any(text, FEE_ITEM_KEYS))
    return columns


def _fee_heading_apart(cell: list[Word]) -> list[list[Word]]:
    """A header's cell that runs another column's name into the user fee's ("Helfo betaler
    Egenandel", "Paid by Helfo User fee": a text layer may set them a word apart) as two."""
    for index in range(1, len(cell)):
        if _opens_with(" ".join(word.text for word in cell[index:]), FEE_ITEM_KEYS):
            return [cell[:index], cell[index:]]
    return [cell]


def _centre(item: Scanned, found: FoundAmount | FoundDate) -> float:
    words = item.row.words_in(found.start, found.end) or item.row.words
    return (min(word.left for word in words) + max(word.right for word in words)) / 2


def _fee_index(scanned: list[Scanned], columns: Columns, notes: list[str]) -> int | None:
    """Which of a row's amounts is the fee when rows have two (the other a running sum, or
    what Helfo covered): ``None`` when the header says (then each amount goes to its nearest
    column), else the index that the running sum's property points to, else the first."""
    pairs = [
        item.amounts[:2] for item in scanned if item.role == Role.FEE and len(item.amounts) >= 2
    ]
    if not pairs:
        return 0
    if Column.FEE in columns.centres and (
        Column.RUNNING in columns.centres or Column.OTHER_AMOUNT in columns.centres
    ):
        return None
    scores = [
        _running_score(
            [pair[index].value for pair in pairs], [pair[1 - index].value for pair in pairs]
        )
        for index in (0, 1)
    ]
    if scores[1] > scores[0]:
        return 1
    if scores[0] == scores[1]:
        notes.append(
            "Rows have two amounts and neither is plainly a running sum: the first was taken."
        )
    return 0


def _running_score(fees: list[Decimal], running: list[Decimal]) -> int:
    """How many rows have a running sum that is the one before plus the fee (listed oldest
    first or newest first), the first row's sum its fee counted too."""
    score = 0
    for index in range(len(fees)):
        before = running[index - 1] if index else Decimal(0)
        after = running[index + 1] if index + 1 < len(fees) else Decimal(0)
        if running[index] == before + fees[index] or running[index] == after + fees[index]:
            score += 1
    return score


AMOUNT_COLUMNS = (Column.FEE, Column.RUNNING, Column.OTHER_AMOUNT)


def _fee_amount(item: Scanned, columns: Columns, fee_index: int | None) -> FoundAmount:
    if len(item.amounts) == 1:
        return item.amounts[0]
    if fee_index is None:
        fees = [
            found
            for found in item.amounts
            if columns.nearest(_centre(item, found), AMOUNT_COLUMNS) == Column.FEE
        ]
        return fees[0] if fees else item.amounts[0]
    return item.amounts[min(fee_index, len(item.amounts) - 1)]


def _lines(
    scanned: list[Scanned], columns: Columns, fee_index: int | None
) -> tuple[list[FeeLine], bool]:
    """The fee lines: a row with a date and an amount is one; a date and an amount on rows of
    their own (a card) pair up. Also whether cards paired both ways, the date above its amount
    and below another: one document's cards share a layout, so a row between them (a second
    date) has put a fee with another's date."""
    lines: list[FeeLine] = []
    texts: list[Scanned] = []
    pending: Scanned | None = None
    pending_at = 0
    orders: set[bool] = set()
    for position, item in enumerate(scanned):
        if item.role == Role.FEE:
            lines.append(_table_line(item, columns, fee_index))
            texts, pending = [], None
        elif item.role in (Role.DATE, Role.AMOUNT):
            fits = (
                pending is not None
                and pending.role != item.role
                and pending.row.page == item.row.page
                and position - pending_at <= 4
            )
            if fits and pending is not None:
                lines.append(_card_line(pending, item, texts))
                orders.add(pending.role == Role.DATE)
                texts, pending = [], None
            else:
                texts = texts[-1:] if pending is None else []
                pending, pending_at = item, position
        elif item.role == Role.TEXT and not MONTH_HEADING.match(item.row.text.strip()):
            texts.append(item)
        else:  # a card never runs across a month's heading
            texts, pending = [], None
    return lines, len(orders) > 1


def _rest(item: Scanned, *, skip: Sequence[FoundDate | FoundAmount]) -> list[Word]:
    """The row's words that are not part of the dates and amounts in ``skip``, nor a mark
    OCR made of a timeline's dot or a bullet ("@", "•", "e" before the first word)."""
    taken = {id(word) for found in skip for word in item.row.words_in(found.start, found.end)}
    words = [
        word
        for word in item.row.words
        if id(word) not in taken and not _is_currency(word.text) and not _is_a_mark(word.text)
    ]
    if len(words) > 1 and _is_a_stray_letter(words[0].text):
        return words[1:]
    return words


def _is_a_mark(text: str) -> bool:
    return len(text) == 1 and not text.isalnum()


# One-letter words a provider's or service's name may begin with.
ONE_LETTER_WORDS = frozenset("iåaIÅA")


def _is_a_stray_letter(text: str) -> bool:
    return len(text) == 1 and text.isalpha() and text.islower() and text not in ONE_LETTER_WORDS


def _is_currency(text: str) -> bool:
    mark = text.lower().strip(".:")
    return mark in (",-", "") or re.fullmatch(KRONER, mark) is not None


def _clean(words: Sequence[Word]) -> str:
    return " ".join(word.text for word in words).strip(" :;,.-–—|·")


def _table_line(item: Scanned, columns: Columns, fee_index: int | None) -> FeeLine:
    fee = _fee_amount(item, columns, fee_index)
    rest = _rest(item, skip=[*item.dates, *item.amounts])
    provider, service = _provider_and_service(rest, columns)
    return FeeLine(item.dates[0].value, fee.value, provider, service, item.row.box())


def _provider_and_service(rest: list[Word], columns: Columns) -> tuple[str, str]:
    if Column.PROVIDER in columns.centres and Column.SERVICE in columns.centres:
        roles = (Column.PROVIDER, Column.SERVICE)
        provider = [
            w for w in rest if columns.starting_before(w.left, roles) in (None, Column.PROVIDER)
        ]
        service = [w for w in rest if columns.starting_before(w.left, roles) == Column.SERVICE]
        return _clean(provider), _clean(service)
    text = _clean(rest)
    parts = [part.strip(" :;,.") for part in SEPARATORS.split(text) if part.strip(" :;,.")]
    if len(parts) >= 2:
        return parts[0], " ".join(parts[1:])
    if Column.SERVICE in columns.centres and Column.PROVIDER not in columns.centres:
        return "", text
    return text, ""


def _card_line(first: Scanned, second: Scanned, texts: list[Scanned]) -> FeeLine:
    dated, priced = (first, second) if first.role == Role.DATE else (second, first)
    words = [
        *_rest(dated, skip=dated.dates),
        *_rest(priced, skip=priced.amounts),
    ]
    labels = [_clean(item.row.words) for item in texts if _clean(item.row.words)]
    own = _clean(words)
    parts = [*labels, own] if own else labels
    provider = parts[0] if parts else ""
    service = " ".join(parts[1:])
    box = union([first.row.box(), second.row.box(), *(item.row.box() for item in texts)])
    return FeeLine(dated.dates[0].value, priced.amounts[0].value, provider, service, box)


def _total(
    scanned: list[Scanned], columns: Columns, lines: list[FeeLine], notes: list[str]
) -> tuple[Decimal | None, Box | None]:
    """The printed total: the amount of a row that says it is the sum. Where several differ
    (a month's or a page's sum, a summary), the largest: the grand total, which the lines must
    then add up to, so that a subtotal is never taken for the whole. Without a worded total,
    an amount alone on the row right under the last fee, if the lines add up to it."""
    found: list[tuple[Decimal, Box]] = []
    for item in scanned:
        if item.role != Role.TOTAL:
            continue
        # The sum stands after its word: an amount before it is some other card's, where two
        # screenshots side by side put a fee and the sum on one row.
        worded = _word_end(item.row.text, TOTAL_KEYS)
        candidates = [a for a in item.amounts if a.start >= worded] or item.amounts
        amount = candidates[0]
        if len(candidates) > 1 and Column.FEE in columns.centres:
            amount = min(
                candidates, key=lambda a: abs(_centre(item, a) - columns.centres[Column.FEE])
            )
        found.append((amount.value, item.row.box(amount.start, amount.end)))
    if not found:
        return _unworded_total(scanned, lines, notes)
    values = sorted({value for value, _ in found})
    if len(values) > 1:
        notes.append(
            "Several totals are printed ("
            + ", ".join(str(value) for value in values)
            + "): the largest was taken."
        )
        return max(found, key=lambda pair: pair[0])
    return found[-1]


def _word_end(text: str, keys: tuple[str, ...]) -> int:
    """Where the first of ``keys`` to stand in ``text`` as words of their own ends (0 if none)."""
    ends = [
        found.end()
        for key in keys
        if (found := re.search(rf"(?<!\w){re.escape(key)}(?!\w)", text, re.I)) is not None
    ]
    return min(ends, default=0)


def _unworded_total(
    scanned: list[Scanned], lines: list[FeeLine], notes: list[str]
) -> tuple[Decimal | None, Box | None]:
    boxes = [line.box for line in lines if line.box is not None]
    if not boxes:
        return None, None
    last = max(boxes, key=lambda box: (box.page, box.bottom))
    after = [
        item
        for item in scanned
        if (item.row.page, item.row.top) >= (last.page, last.bottom - 0.001)
    ]
    added = sum((line.amount for line in lines), Decimal(0))
    for item in after[:2]:
        if item.role == Role.AMOUNT and len(item.amounts) == 1 and item.amounts[0].value == added:
            notes.append(
                "The total was taken from the row under the fees, which has no word for it."
            )
            amount = item.amounts[0]
            return amount.value, item.row.box(amount.start, amount.end)
    return None, None


def _name(scanned: list[Scanned], *, labelled_only: bool = False) -> tuple[str, Box | None]:
    """The person's name: after a label ("Navn:", "Pasient:") in any cell of any row, or on the
    row under a bare label; else (unless ``labelled_only``: on a receipt, a name without a
    label is the therapist's or the clinic's) in the title ("Egenandeler for Kari Nordmann");
    else a cell that looks like a name above the first fee of the first page (a header band,
    a line under the title), never a clinic's or a service's name."""
    for position, item in enumerate(scanned):
        for start, cell in item.row.cells():
            # The label's cell and what follows it on the row: "Navn:" and the name may stand
            # a cell apart.
            match = NAME_LABEL.match(item.row.text[start:])
            if not match:
                continue
            # The name ends with its cell ("Customer  Tigist Stojanovska  Next appointment").
            rest = _name_part(match["rest"].strip().split("  ")[0])
            if rest and (
                _surely_a_label(match, item.row.text[start:], cell) or _looks_like_name(rest)
            ):
                at = start + match.start("rest") + max(0, match["rest"].find(rest[:1]))
                return _natural_order(rest), item.row.box(at, at + len(rest))
            following = scanned[position + 1] if position + 1 < len(scanned) else None
            if following and _looks_like_name(_name_part(following.row.text)):
                return _natural_order(_name_part(following.row.text)), following.row.box()
    name, box = _window_addressee(scanned)
    if name:
        return name, box
    name, box = _given_and_family(scanned)
    if name:
        return name, box
    if labelled_only:
        return _addressee(scanned)
    name, box = _logged_in(scanned)
    if name:
        return name, box
    first_page = [item for item in scanned if item.row.page == scanned[0].row.page]
    fees = [index for index, item in enumerate(first_page) if item.dates and item.amounts]
    heading = first_page[: min(fees[0] if fees else 12, 12)]
    for position, item in enumerate(heading):
        if has_any(item.row.text, OVERVIEW_KEYS + RECEIPT_KEYS):
            # "Egenandeler for Kari Nordmann" (", født 01.02.2001" may follow)
            match = TITLE_NAME.search(item.row.text)
            name = _name_part(match["name"]) if match else ""
            if match is None or not name:
                continue
            at = match.start("name")
            if _looks_like_name(name):
                return name, item.row.box(at, at + len(name))
            # On a phone the name may wrap: "… the user fees of Tharshika" / "Vågen".
            following = heading[position + 1] if position + 1 < len(heading) else None
            if following is not None and len(following.row.cells()) == 1:
                joined = f"{name} {_name_part(following.row.text)}"
                if _looks_like_name(joined):
                    return joined, union([item.row.box(at, at + len(name)), following.row.box()])
    for item in heading:
        cells = item.row.cells()
        for number, (start, cell) in enumerate(cells):
            if number and _labels_another(cells[number - 1][1]):
                continue  # "Saksbehandler:  Sondre Aas": the case officer, not the person
            candidate = _name_part(cell)
            if _looks_like_name(candidate):
                at = start + max(0, cell.find(candidate[:1]))
                return _natural_order(candidate), item.row.box(at, at + len(candidate))
    return "", None


# Who else a letter or a statement names beside the person: the case officer, the GP, the
# practitioner (their label may have lost its colon to OCR).
STAFF_LABELS = (
    "saksbehandler",
    "sakshandsamar",
    "case officer",
    "caseworker",
    "case worker",
    "case handler",
    "handled by",
    "kontaktperson",
    "contact person",
    "fastlege",
    "lege",
    "doctor",
    "your gp",
    "behandler",
    "behandlar",
    "practitioner",
    "therapist",
    "terapeut",
    "vaksinatør",
    "vaccinator",
    "jordmor",
    "midwife",
    "signert",
    "signed",
)


def _labels_another(cell: str) -> bool:
    """Whether a cell is the label of someone other than the person ("Saksbehandler:",
    "Fastlege"): the cell after it is that one's name."""
    return len(cell.split()) <= 3 and has_any(cell, STAFF_LABELS)


# A site's link to log out, after the name of who is logged in ("Kari Nordmann Logg ut"; OCR
# may misread the first word: "Loa out").
LOG_OUT = re.compile(r"\s(?:lo[a-z0-9]{1,3})\s+(?:ut|out|av|off)\s*$", re.I)
LOGGED_IN_WORDS = 4


def _logged_in(scanned: list[Scanned]) -> tuple[str, Box | None]:
    """The name of who is logged in, as a site's header gives it before its link to log out:
    the capitalised words right before it (OCR may have run the row into its neighbour's)."""
    for item in scanned[:12]:
        text = item.row.text
        link = LOG_OUT.search(text)
        if link is None:
            continue
        words = text[: link.start()].split()
        name: list[str] = []
        for word in reversed(words[-LOGGED_IN_WORDS:]):
            if not NAME_WORD.match(word) or not (word[0].isupper() or word in NAME_PARTICLES):
                break
            name.insert(0, word)
        candidate = " ".join(name)
        if _looks_like_name(candidate):
            at = text.rfind(candidate, 0, link.start())
            return candidate, item.row.box(at, at + len(candidate))
    return "", None


# A form's fields for the given name and the family name, each with its own label.
GIVEN_NAME_LABELS = ("fornavn", "fornamn", "førenamn", "first name", "given name", "given names")
FAMILY_NAME_LABELS = ("etternavn", "etternamn", "last name", "surname", "family name")
NAME_FIELD = re.compile(
    r"(?<!\w)(?P<label>"
    + "|".join(
        re.escape(label).replace(r"\ ", r"\s+")
        for label in sorted((*GIVEN_NAME_LABELS, *FAMILY_NAME_LABELS), key=len, reverse=True)
    )
    + r")(?!\w)\s*:?\s*",
    re.I,
)


def _given_and_family(scanned: list[Scanned]) -> tuple[str, Box | None]:
    """The name where a form gives it in two fields ("Fornavn: Siri", "Etternavn: Håland", on
    one row or two): the given name, then the family name."""
    found: dict[bool, tuple[str, Box]] = {}  # given? → the name and where it stands
    for item in scanned:
        cells = item.row.cells()
        for index, (start, cell) in enumerate(cells):
            fields = list(NAME_FIELD.finditer(cell))
            for number, label in enumerate(fields):
                given = " ".join(label["label"].lower().split()) in GIVEN_NAME_LABELS
                end = fields[number + 1].start() if number + 1 < len(fields) else len(cell)
                at, value = start + label.end(), cell[label.end() : end]
                if not value.strip() and number + 1 == len(fields) and index + 1 < len(cells):
                    at, value = cells[index + 1]  # the field's value a cell away
                part = _name_part(value)
                if given not in found and part and all(map(NAME_WORD.match, part.split())):
                    found[given] = (part, item.row.box(at, at + len(part)))
        if len(found) == 2:
            (first, first_box), (last, last_box) = found[True], found[False]
            return f"{first} {last}", union([first_box, last_box])
    return "", None


# Labels that also open a sentence ("Patient fee (user fee) under …", "Name of the clinic").
WORDS_THAT_MAY_BE_LABELS = frozenset(
    {
        "navn",
        "namn",
        "name",
        "pasient",
        "patient",
        "client",
        "klient",
        "bruker",
        "brukar",
        "innbygger",
        "innbyggjar",
        "person",
        "oversikt for",
        "overview for",
        "utskrift for",
        "gjelder",
        "gjeld",
        "concerning",
        "regarding",
        "innlogget",
        "innlogga",
        "pålogget",
        "pålogga",
        "logged in",
        "signed in",
        "logget inn",
        "logga inn",
        "du er logget inn",
        "du er logga inn",
        "kunde",
        "customer",  # "Customer account", "Customer no."
    }
)


def _surely_a_label(match: re.Match[str], text: str, cell: str) -> bool:
    """Whether the name label ``match`` found at the start of ``text`` is surely one: a label
    of several words ("Innlogget som"), or one with its colon or in a cell of its own ("Name
    Liv ter Horst"). A word that may open a sentence is a label only so, or before a name."""
    label = text[: match.start("rest")]
    if ":" in label or " ".join(label.split()).lower() not in WORDS_THAT_MAY_BE_LABELS:
        return True
    in_cell = NAME_LABEL.match(cell)
    return in_cell is not None and not in_cell["rest"].strip()


INVOICE_KEYS = ("faktura", "invoice")


# A Norwegian postal address's lines as a letter's window shows them: a street and its number
# (or a post box), then the postcode and the place.
STREET_LINE = re.compile(
    r"^(?:[^\W\d_][\w.'’\- ]*\s\d{1,4}\s?[A-Za-z]?"  # "Solåsen 37", "Postboks 113"
    # A street's name alone, where OCR set its number on another row ("Fjellvegen").
    r"|[^\W\d_]+(?:vegen|veien|vei|veg|gata|gate|gaten|bakken|stien|plassen|allé|alle))$",
    re.I,
)
POSTCODE_LINE = re.compile(r"^\d{4}\s{1,2}[^\W\d_][^\W\d_ \-]*(?:[ \-][^\W\d_]+)*$")


def _window_addressee(scanned: list[Scanned]) -> tuple[str, Box | None]:
    """The name a letter is posted to: the first cell of a row that looks like a name, with a
    street and a postcode and place in the first cells of the rows under it, as an envelope's
    window shows them (never on the letterhead's first row: a clinic that prints its address
    under its name there is the sender). A letter's writer, who signs it, gives no address."""
    first_page = [item for item in scanned if item.row.page == scanned[0].row.page]
    for index in range(1, len(first_page) - 2):
        item = first_page[index]
        first_cell = item.row.cells()[0][1].strip()
        if not _looks_like_name(_name_part(first_cell)):
            continue
        # A page in two columns may set a row of the other column between the window's lines.
        below = [
            cells[0][1].strip()
            for cells in (row.row.cells() for row in first_page[index + 1 : index + 5])
            if cells
        ]
        streets = [at for at, cell in enumerate(below[:2]) if STREET_LINE.match(cell)]
        if streets and streets[0] and _looks_like_name(_name_part(below[0])):
            continue  # the name nearest the street is the addressee: a sender's may stand above
        if streets and any(
            POSTCODE_LINE.match(cell) for cell in below[streets[0] + 1 : streets[0] + 3]
        ):
            name = _name_part(first_cell)
            start = item.row.text.find(name[:1])
            return _natural_order(name), item.row.box(start, start + len(name))
    return "", None


def _addressee(scanned: list[Scanned]) -> tuple[str, Box | None]:
    """The name an invoice is addressed to: a row that is only a name, under the letterhead
    (the first row) and above the title ("Faktura – poliklinisk konsultasjon"), as a letter's
    window shows it. A receipt that is not an invoice names its patient by a label only."""
    first_page = [item for item in scanned if item.row.page == scanned[0].row.page]
    titles = [
        index for index, item in enumerate(first_page[:12]) if has_any(item.row.text, INVOICE_KEYS)
    ]
    if not titles:
        return "", None
    for item in reversed(first_page[1 : titles[0]]):
        cells = [cell for _, cell in item.row.cells()]
        if len(cells) == 1 and _looks_like_name(_name_part(cells[0])) and not item.amounts:
            name = _name_part(cells[0])
            start = item.row.text.find(name[:1])
            return _natural_order(name), item.row.box(start, start + len(name))
    return "", None


def _natural_order(name: str) -> str:
    """ "Nordmann, Kari" as "Kari Nordmann"; a name without a comma as it is."""
    surname, comma, given = name.partition(",")
    if not comma or not given.strip():
        return " ".join(name.split())
    return " ".join([*given.split(), *surname.split()])


def find_name(words: Sequence[Word], *, labelled_only: bool = False) -> tuple[str, Box | None]:
    """The person's name among ``words`` (a part of a page read again), as :func:`parse`
    finds it on a whole document."""
    scanned = [_scan(row) for row in rows(words)]
    return _name(scanned, labelled_only=labelled_only) if scanned else ("", None)


# What OCR makes of a capital Ø or O at the start of a word ("@degård", "0verås").
OCR_CAPITAL_O = re.compile(r"(?<!\S)(?:(?P<slashed>@)|0)(?=[^\W\d_]{2})")


NAME_STOPS = "·•|"


def _name_part(text: str) -> str:
    """A name as far as it goes: up to a digit, a colon, a mark standing alone ("·", "|") or a
    word like "født"."""
    text = OCR_CAPITAL_O.sub(lambda match: "Ø" if match["slashed"] else "O", text)
    # A mark glued between two words ends the first: "Mienna·Logg ut".
    text = re.sub(rf"(?<=\w)([{re.escape(NAME_STOPS)}])(?=\w)", r"\1 ", text)
    words: list[str] = []
    for word in text.split():
        if (
            any(ch.isdigit() for ch in word)
            or not any(ch.isalpha() for ch in word)
            or has_any(word, DISTRACTOR_KEYS + NAME_ENDS)
            or word.endswith(":")
        ):
            break
        if word.startswith(("(", "[")):  # "Siri Håland (f. 01.02.2001)"
            if not words and BRACKETED_INITIALS.fullmatch(word):
                continue  # "(RO) Rhodri Ogunleye": an app's initials in a circle
            break
        if word[-1] in NAME_STOPS:  # "von Krogh· 2024": the mark ends the name
            words.append(word.rstrip(NAME_STOPS))
            break
        words.append(word)
    return " ".join(_without_initials(words)).strip(" ,;")


BRACKETED_INITIALS = re.compile(r"[(\[][A-ZÆØÅ]{1,3}[)\]]")


def _without_initials(words: list[str]) -> list[str]:
    """The name without the initials an app prints before it in a circle ("GH Gyrid Hoxha",
    which OCR may read as "cH) Gyrid Hoxha", "IK lolo Khumalo" for "IK Iolo Khumalo", or as a
    stray small letter: "q Nyambura Ramasamy")."""
    if len(words) < 3 or len(words[0]) > 4:
        return words
    first, rest = words[0], words[1:]
    letters = "".join(ch for ch in first if ch.isalpha())
    # A capital I and a small l look the same in a sans-serif face.
    initials = "".join(word[:1] for word in rest).upper().replace("L", "I")
    matched = letters.replace("L", "I") == initials[: len(letters)]
    if letters.isupper() and matched and len(letters) > 1:
        return rest
    if not NAME_WORD.match(first) and _looks_like_name(" ".join(rest)):
        return rest
    if len(first) == 1 and first.islower() and _looks_like_name(" ".join(rest)):
        return rest
    return words


def _looks_like_name(text: str) -> bool:
    parts = text.replace(",", " ").split()
    if not 2 <= len(parts) <= 5 or text.count(",") > 1:
        return False
    if has_any(text, OVERVIEW_KEYS + RECEIPT_KEYS + DISTRACTOR_KEYS + TOTAL_KEYS + NOT_NAMES):
        return False
    if any(_cell_role(part) for part in parts) or max(len(part) for part in parts) < 3:
        return False
    return (
        all(
            NAME_WORD.match(part) and (_capitalised(part) or part in NAME_PARTICLES)
            for part in parts
        )
        and parts[0] not in NAME_PARTICLES
    )


def _capitalised(word: str) -> bool:
    """A name's word begins with a capital, or with what OCR makes of a capital it does not
    know: two letters ("Ł" as "tL"), or a small t or l ("Łukasz" as "tukasz")."""
    if any(part[:1].isupper() for part in word.split("-")[1:]):
        return True  # "al-Hashimi", "ter-Avest"
    return any(ch.isupper() for ch in word[:2]) or (
        len(word) > 3 and word[0] in "tl" and word[1:].islower()
    )


# Receipts


@dataclass(slots=True)
class ReceiptBody:
    """What a receipt prices: its items (a description and an amount), the row of its total,
    and the treatment where a label names it."""

    items: list[tuple[str, Decimal]] = field(default_factory=list)
    total_row: Scanned | None = None
    treatment: str = ""

    @property
    def printed_total(self) -> Decimal | None:
        """The total row's amount; an invoice marked paid ends "Å betale 0,00", and nothing
        left to pay is not the fee."""
        value = self.total_row.amounts[-1].value if self.total_row else None
        return value or None


def _receipt(scanned: list[Scanned]) -> Parsed:
    notes: list[str] = []
    everything = "\n".join(item.row.text for item in scanned)
    organisation_number = _organisation_number(everything, notes)
    provider = _receipt_provider(scanned)
    body = _receipt_body(scanned)
    total = body.printed_total
    if total is None and len(body.items) == 1:
        total = body.items[0][1]
        notes.append("No total is printed: the receipt's one priced item was taken for it.")
    treatment = body.treatment or "; ".join(description for description, _ in body.items)
    items_sum = None
    if body.items and body.total_row is not None:
        items_sum = sum((value for _, value in body.items), Decimal(0))
        if items_sum != total:
            notes.append(f"The items add up to {items_sum}, the receipt's total is {total}.")
    total_box = body.total_row.row.box() if body.total_row is not None else None
    line, sure_of_the_day = _receipt_line(scanned, total, total_box, provider, treatment, notes)
    name, name_box = _name(scanned, labelled_only=True)
    return Parsed(
        Kind.RECEIPT,
        name=name,
        name_box=name_box,
        total=total,
        total_box=total_box,
        lines=(line,) if line else (),
        receipt=ReceiptDetails(
            provider, organisation_number, bool(body.items or body.treatment), treatment
        ),
        notes=tuple(notes),
        items_sum=items_sum,
        total_printed=body.printed_total is not None,
        unsure_dates=not sure_of_the_day,
    )


def _receipt_body(scanned: list[Scanned]) -> ReceiptBody:
    body = ReceiptBody()
    columns = Columns()
    headline: Scanned | None = None
    dated = False  # the receipt's date seen: what follows is its list of treatments
    wrapped: Scanned | None = None  # a row of words only, whose price may stand under it
    for item in scanned:
        text = item.row.text
        above, wrapped = wrapped, None
        dated = dated or bool(item.dates)
        label = TREATMENT_LABEL.match(text)
        if label:
            body.treatment = body.treatment or label["rest"].strip()
            continue
        if _receipt_header(item):
            columns = _columns(item.row)
            continue
        if not item.amounts and Column.FEE in columns.centres and not item.dates:
            bare = _bare_fee(item, columns, anywhere=True)
            item.amounts = [bare] if bare is not None else []
        if not item.amounts and _may_wrap_an_item(item) and dated:
            wrapped = item
            continue
        if not item.amounts or ORG_NUMBER.search(text) or ORG_NUMBER_MVA.search(text):
            continue
        if has_any(text, RECEIPT_NOT_ITEMS):
            continue
        if has_any(text, RECEIPT_TOTAL_KEYS):
            if item.amounts[-1].value or body.total_row is None:
                body.total_row = item
            continue
        if has_any(text, CARD_KEYS) or CARD_DIGITS.search(text):
            continue
        description = _clean(_rest(item, skip=[*item.dates, *item.amounts]))
        if above is not None and not item.dates and _continues(above, description):
            # A till roll prints an item's price on the row under it; a text message wraps a
            # long item ("Psychomotor physiotherapy," / "60 min: 890.00 kr.").
            description = " ".join(part for part in (_clean(above.row.words), description) if part)
        if not description and not item.dates and not body.items and headline is None:
            headline = item
        if any(ch.isalpha() for ch in description):
            # A discount ("Studentrabatt 20 %  −490") takes its amount off the items'.
            amount = item.amounts[-1]
            sign = -1 if text[: amount.start].endswith("-") else 1
            body.items.append((description, sign * amount.value))
    # A payment app prints the sum it took large at the top, above the items, with no word.
    if body.total_row is None and headline is not None and body.items:
        body.total_row = headline
    # A payment page repeats the sum it took on a row of its own (with the day and the card):
    # an item of the total's amount, where the other items add up to the total, is that repeat.
    total = body.printed_total
    if total is not None and sum(value for _, value in body.items) != total:
        rest = [(text, value) for text, value in body.items if value != total]
        if rest and len(rest) < len(body.items) and sum(value for _, value in rest) == total:
            body.items = rest
    # A pharmacy prices each medicine, then the user fee of it: the fees are the items. (An
    # out-of-hours clinic's user fee is one item among others where all add up to the total.)
    fees = [(text, value) for text, value in body.items if has_any(text, FEE_ITEM_KEYS)]
    if fees and sum(value for _, value in body.items) != body.printed_total:
        body.items = fees
    return body


def _may_wrap_an_item(item: Scanned) -> bool:
    """A row of words only (no date, no amount, no label) that may be an item whose price the
    next row gives."""
    text = item.row.text.strip()
    return (
        not item.dates
        and any(ch.isalpha() for ch in text)
        and ":" not in text.rstrip(":")  # "Pasient: Kari" is a label; "Rapport til lege:" not
        and not has_any(
            text, RECEIPT_NOT_ITEMS + RECEIPT_TOTAL_KEYS + CARD_KEYS + DISTRACTOR_KEYS + TOTAL_KEYS
        )
    )


def _continues(above: Scanned, description: str) -> bool:
    """Whether a priced row continues the row of words above it: it has no words of its own,
    or the row above breaks off ("Psychomotor physiotherapy,", "Rapport til fastlege:") or it
    goes on in small letters ("60" / "min: 890,00 kr.")."""
    return not description or above.row.text.rstrip()[-1] in ",-:" or description[0].islower()


def _receipt_header(item: Scanned) -> bool:
    """The head of a receipt's list of treatments: words only, naming the amount's column in
    kroner ("Beløp (kr)") or two kinds of column ("Behandling  Beløp")."""
    text = item.row.text
    if any(ch.isdigit() for ch in text) or _cell_role(text) is None:
        return False
    return bool(KRONER_HEADING.search(text)) or _header_roles(item.row) >= 2


def _receipt_line(
    scanned: list[Scanned],
    total: Decimal | None,
    total_box: Box | None,
    provider: str,
    treatment: str,
    notes: list[str],
) -> tuple[FeeLine | None, bool]:
    """The receipt's one line: its date and total, boxed where both stand on one page; and
    whether the date is surely the treatment's."""
    day, day_box, sure = _receipt_date(scanned)
    if day is None:
        notes.append("No date was found on the receipt.")
        return None, True
    if not sure:
        notes.append("The receipt has several dates and none says it is the treatment's.")
    if total is None:
        notes.append("No total was found on the receipt.")
        return None, sure
    boxes = [box for box in (day_box, total_box) if box is not None]
    box = union([b for b in boxes if b.page == boxes[0].page]) if boxes else None
    return FeeLine(day, total, provider, treatment, box), sure


def _organisation_number(text: str, notes: list[str]) -> str:
    for pattern in (ORG_NUMBER, ORG_NUMBER_MVA):
        for match in pattern.finditer(text):
            number = re.sub(r"\s", "", match["number"])
            if orgnr.is_valid(number):
                return number
            notes.append(f"The organisation number {number} fails its check digit.")
    return ""


def _receipt_provider(scanned: list[Scanned]) -> str:
    """Who was paid, as a payment app names it ("Betalt til"), or the receipt's letterhead."""
    for item in scanned:
        payee = PAYEE_LABEL.match(item.row.text)
        if payee:
            return payee["rest"].strip()
    for item in scanned:
        label = PROVIDER_LABEL.match(item.row.text)
        if label:
            clinic = _clinic(scanned)
            return clinic or label["rest"].strip()
    for item in scanned:
        # A text message or a footer names the clinic where it gives its number.
        named = NAMED_ORG_NUMBER.match(item.row.text.strip())
        if named and not has_any(named["name"], RECEIPT_KEYS + PHONE_CHROME):
            return named["name"].strip()
    return _clinic(scanned)


WEB_ADDRESS = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?\s*[|]?", re.I)


def _clinic(scanned: list[Scanned]) -> str:
    """The letterhead: the first row of the first page that is not the title, a date, an
    amount or a label."""
    for index, item in enumerate(scanned[:6]):
        text = item.row.text.strip()
        if item.dates or item.amounts or ":" in text or ORG_NUMBER.search(text):
            continue
        if has_any(text, PHONE_CHROME) or WEB_ADDRESS.fullmatch(text):
            continue  # the app's bar, or the browser's with the page's address
        kept = " ".join(cell for _, cell in item.row.cells() if not _spaced_title(cell))
        clinic = " ".join(word for word in kept.split() if not has_any(word, RECEIPT_KEYS))
        if any(ch.isalpha() for ch in clinic):
            return _clinic_wrapped(clinic, item, scanned[index + 1 : index + 3])
    return ""


def _spaced_title(cell: str) -> bool:
    """Whether the cell is a receipt's title set in spaced capitals ("K VIT TERING")."""
    parts = cell.split()
    return len(parts) > 1 and cell.isupper() and has_any("".join(parts), RECEIPT_KEYS)


# The last word of a name that goes on in the next row ("Tvedestrand mage- og" / "tarmsenter").
NAME_GOES_ON = re.compile(r"(?:\s(?:og|and|&)|-)$", re.I)


def _clinic_wrapped(clinic: str, item: Scanned, below: list[Scanned]) -> str:
    """The letterhead's name with the rest of it from a row below, where it breaks off after
    "og" or a hyphen: the first row below whose first words start where the name starts."""
    if not NAME_GOES_ON.search(clinic):
        return clinic
    left, width = item.row.words[0].left, item.row.words[0].right - item.row.words[0].left
    for row in (next_item.row for next_item in below):
        first = row.cells()[0][1] if row.cells() else ""
        starts = abs(row.words[0].left - left) < width / max(len(item.row.words[0].text), 1) * 2
        if starts and first and not any(ch.isdigit() for ch in first) and ":" not in first:
            return f"{clinic} {first}"
    return clinic


# A receipt's dates, from the surest to be the treatment's: labelled as the treatment's; on an
# item's row (a date and a price); labelled as the receipt's or the payment's; any other;
# labelled as the invoice's (a hospital invoices a week after the consultation).
TREATMENT_DATE_KEYS = (
    "behandlingsdato",
    "behandlingsdag",
    "timedato",
    "konsultasjonsdato",
    "date of treatment",
    "treatment date",
    "date of service",
    "service date",
    "dato for behandling",
    "besøksdato",
    "besøksdag",
    "visit date",
    "date of visit",
    "time",
    "appointment",
    "behandlet",
    "behandla",
    "treated",
    # "Konsultasjon tirsdag den 3. september 2024", "Consultation on Tuesday the 28th of July"
    "konsultasjon",
    "consultation",
)
INVOICE_DATE_KEYS = ("fakturadato", "invoice date", "date of invoice", "utstedt", "issued")
# A referral and its date ("Henvisning fra fastlege, datert 15. desember 2023"): the day the
# GP wrote it, before the treatment, never the treatment's own.
REFERRAL_KEYS = (
    "henvisning",
    "tilvising",
    "tilvisning",
    "referral",
    "henvist",
    "tilvist",
    "referred",
)
# The head of an e-mail a receipt came in, or a digital mailbox's "Received" over a letter:
# its date is the mail's.
MAIL_HEADER = re.compile(r"^(?:til|fra|to|from|sendt|sent|dato|date)\s*:\s*\S+@", re.I)
# The word of a received stamp, or of a mailbox's arrival.
RECEIVED_KEYS = ("mottatt", "motteke", "received")
MAIL_HEADER_KEYS = ("sendt", "sent", *RECEIVED_KEYS)


def _opens_with(text: str, keys: tuple[str, ...]) -> bool:
    """Whether ``text`` opens with one of ``keys`` as words: a label, not a word in passing
    ("Receipt for your appointment")."""
    opening = words_of(text)
    return any(opening.startswith(f" {key} ") for key in keys)


def _mail_header(text: str) -> bool:
    """Whether the row is an e-mail's head ("Til: kari@…, søn. 16. mar. 2025", "Sendt: …")."""
    return bool(MAIL_HEADER.search(text)) or (has_any(text, MAIL_HEADER_KEYS) and ":" in text)


def _receipt_date(scanned: list[Scanned]) -> tuple[date | None, Box | None, bool]:
    """The treatment's date, where on the page it is, and whether it is sure: a date found by
    its label or on an item's row is; any other is only where the receipt has no other date."""
    dated = [
        item
        for position, item in enumerate(scanned)
        if not _date_distracted(item)
        and not FOOTER.search(item.row.text)
        and not (position and _ends_with_a_distractor(scanned[position - 1]))
        and not has_any(item.row.text, REFERRAL_KEYS)
        and not _stamp(item)
        and not (position and _stamp(scanned[position - 1]) and not scanned[position - 1].dates)
    ]
    candidates = [item for item in dated if item.dates]
    if not candidates:
        return None, None, False

    def rank(item: Scanned) -> int:
        text = item.row.text
        if any(_opens_with(cell, TREATMENT_DATE_KEYS) for _, cell in item.row.cells()):
            return 0
        if has_any(text, INVOICE_DATE_KEYS) or _mail_header(text):
            return 4
        if item.amounts and not has_any(text, RECEIPT_TOTAL_KEYS):
            return 1
        return 2 if has_any(text, DATE_LABEL_KEYS) else 3

    ranked = [(rank(item), item) for item in candidates]
    best, chosen = min(ranked, key=lambda pair: pair[0])
    found = chosen.dates[0]
    others = {item.dates[0].value for item in candidates}
    # Alone, a date is sure unless it is an invoice's or an e-mail's own: the treatment's is
    # then not printed, or not read, and a receipt's date is checked by no sum.
    # Two dates of the same standing that differ leave it in doubt.
    level = {item.dates[0].value for standing, item in ranked if standing == best}
    sure = (best <= 1 and len(level) == 1) or (others == {found.value} and best < 4)
    # Something that looks like a date and was not read may be the treatment's; so may the
    # figures beside the treatment's own label where no date was read from them.
    sure = sure and not any(_unread_date(item) or _treatment_day_unread(item) for item in dated)
    return found.value, chosen.row.box(found.start, found.end), sure


def _stamp(item: Scanned) -> bool:
    """Whether the row is a received stamp's word ("MOTTATT", "RECEIVED"), with or without its
    date: the day an office got the receipt, under it or beside it, is not the treatment's."""
    return words_of(_without_dates(item)).strip() in RECEIVED_KEYS


def _date_distracted(item: Scanned) -> bool:
    """Whether a word of what is no treatment's day (a birth, the next appointment, a due day)
    stands in the cell of the row's first date or the cell before it; without a date, anywhere
    on the row. A receipt set in two columns puts other words on the date's row ("Date
    3.11.2025  Health services are exempt from VAT")."""
    if not item.dates:
        return has_any(item.row.text, DISTRACTOR_KEYS)
    cells = item.row.cells()
    at = max(
        (index for index, (start, _) in enumerate(cells) if start <= item.dates[0].start),
        default=0,
    )
    return has_any(" ".join(cell for _, cell in cells[max(0, at - 1) : at + 1]), DISTRACTOR_KEYS)


# The labels of the treatment's day that name a date ("Time", "Behandlet" may open an item).
TREATMENT_DAY_LABELS = tuple(
    key for key in TREATMENT_DATE_KEYS if any(part in key for part in ("dat", "dag"))
)


def _treatment_day_unread(item: Scanned) -> bool:
    """Whether the row labels the treatment's day ("Behandlingsdato  mandag, 26. mai 2025") and
    has figures, but no date was read from them."""
    return (
        not item.dates
        and any(ch.isdigit() for ch in item.row.text)
        and any(_opens_with(cell, TREATMENT_DAY_LABELS) for _, cell in item.row.cells())
    )


def _ends_with_a_distractor(item: Scanned) -> bool:
    """Whether the row ends with a word whose figure wrapped onto the next ("(født" over
    "24.07.1999)")."""
    words = item.row.text.split()
    return bool(words) and has_any(words[-1].strip("(:"), DISTRACTOR_KEYS)


def _unread_date(item: Scanned) -> bool:
    """Whether the row shows something like a date that no date read covers."""
    return any(
        not any(start < read.end and read.start < end for read in item.dates)
        for start, end in date_like(item.row.text)
    )
