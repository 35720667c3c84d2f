"""A seeded corpus of helsenorge user-fee overviews and providers' receipts, with their truth.

Four sets, never mixed: the *development* set (``dev_set``, seed ``DEV_SEED``) for tests and
tuning; the *held-out* benchmark set (``bench_set``, seed ``BENCH_SEED``) with layouts,
wordings, amount styles and surnames the development set never has; the *fresh* set
(``fresh_set``, seed ``FRESH_SEED``) with only variations neither of those has; and the
*blind* set (``blind_set``, seed ``BLIND_SEED``) with only variations none of the three has
(``content.blind_overview``, ``content.blind_receipt``, ``blind_layouts``), made after the
other three had all been seen by the reader's author; and the *third blind* set (``blind3_set``,
seed ``BLIND3_SEED``) with only variations none of the four has (``content.blind3_overview``,
``content.blind3_receipt``, ``blind3_layouts``); and the *fourth blind* set (``blind4_set``,
seed ``BLIND4_SEED``) with only variations none of the five has (``content.blind4_overview``,
``content.blind4_statement``, ``content.blind4_receipt``, ``blind4_layouts``); and the
*fifth blind* set (``blind5_set``, seed ``BLIND5_SEED``) with only variations none of the six
has (``content.blind5_overview``, ``content.blind5_receipt``, ``blind5_layouts``, and the
renditions ``render.rotated_scan``, ``render.photocopy`` and ``render.desktop_screenshot``);
and the *sixth blind* set (``blind6_set``, seed ``BLIND6_SEED``) with only variations none of
the seven has (``content.blind6_overview``, ``content.blind6_receipt``, ``blind6_layouts``,
and the renditions ``render.scanner_app``, ``render.folded_scan``,
``render.android_screenshot`` and ``render.side_by_side``); and the *seventh blind* set
(``blind7_set``, seed ``BLIND7_SEED``) with only variations none of the eight has
(``content.blind7_overview``, ``content.blind7_receipt``, ``blind7_layouts``, and the renditions
``render.messenger``, ``render.highlighted_scan`` and ``render.screen_photo``); and the
*eighth blind* set (``blind8_set``, seed ``BLIND8_SEED``) with only variations none of the nine
has (``content.blind8_overview``, ``content.blind8_receipt``, ``blind8_layouts``, and the
renditions ``render.bilevel_scan``, ``render.lamp_photo`` and ``render.stitched``); and the
*ninth blind* set (``blind9_set``, seed ``BLIND9_SEED``) with only variations none of the ten
has (``content.blind9_overview``, ``content.blind9_receipt``, ``blind9_layouts``, and the
renditions ``render.on_glass``, ``render.punched_scan``, ``render.crumpled_photo`` and
``render.notification``); and the *tenth blind* set (``blind10_set``, seed ``BLIND10_SEED``)
with only variations none of the eleven has (``content.blind10_overview``,
``content.blind10_receipt``, ``blind10_layouts``, and the renditions ``render.sticky_note``,
``render.show_through``, ``render.held_photo``, ``render.cropped`` and
``render.desktop_site``); and the *eleventh blind* set (``blind11_set``, seed ``BLIND11_SEED``)
with only variations none of the twelve has (``content.blind11_overview``,
``content.blind11_receipt``, ``blind11_layouts``, and the renditions ``render.coffee_stain``,
``render.dog_eared``, ``render.flash_photo`` and ``render.small_phone``); and the *twelfth
blind* set (``blind12_set``, seed ``BLIND12_SEED``) with only variations none of the thirteen
has (``content.blind12_overview``, ``content.blind12_receipt``, ``blind12_layouts``, and the
renditions ``render.two_up``, ``render.sleeve_photo``, ``render.low_toner``,
``render.shaky_photo``, ``render.full_page_pdf``, ``render.android_capture`` and
``render.samsung_jpeg``); and the *thirteenth blind* set (``blind13_set``, seed
``BLIND13_SEED``) with only variations none of the fourteen has (``content.blind13_overview``,
``content.blind13_receipt``, ``blind13_layouts``, and the renditions ``render.annotated``,
``render.rotated_page``, ``render.angled_photo``, ``render.wallet_folded``,
``render.halftone_scan``, ``render.ipad_screenshot``, ``render.phone_photo``,
``render.screenshots_pdf`` and ``render.pro_max_screenshot``); and the *fourteenth blind* set
(``blind14_set``, seed ``BLIND14_SEED``) with only variations none of the fifteen has
(``content.blind14_overview``, ``content.blind14_receipt``, ``blind14_layouts``, and the
renditions ``render.stamped_scan``, ``render.duplex_scan`` and
``render.keyboard_screenshot``); and the *fifteenth blind* set (``blind15_set``, seed
``BLIND15_SEED``) with only variations none of the sixteen has (``content.blind15_overview``,
``content.blind15_receipt``, ``blind15_layouts``, and the renditions ``render.ticked_scan``,
``render.clipped_scan`` and ``render.split_screen``); and the *sixteenth blind* set
(``blind16_set``, seed ``BLIND16_SEED``) with only variations none of the seventeen has
(``content.blind16_overview``, ``content.blind16_receipt``, ``blind16_layouts``, and the
renditions ``render.coloured_paper_scan``, ``render.skewed_feed`` and
``render.photos_viewer``); and the *seventeenth blind* set (``blind17_set``, seed
``BLIND17_SEED``) with only variations none of the eighteen has (``content.blind17_overview``,
``content.blind17_receipt``, ``blind17_layouts``, and the renditions ``render.streaked_scan``,
``render.taped_scan`` and ``render.fold_screenshot``); and the *eighteenth blind* set
(``blind18_set``, seed ``BLIND18_SEED``) with only variations none of the nineteen has
(``content.blind18_overview``, ``content.blind18_receipt``, ``blind18_layouts``, and the
renditions ``render.shadow_photo``, ``render.stapled_slip`` and
``render.redacted_screenshot``); and the *nineteenth blind* set (``blind19_set``, seed
``BLIND19_SEED``) with only variations none of the twenty has (``content.blind19_overview``,
``content.blind19_receipt``, ``blind19_layouts``, and the renditions ``render.exif_photo``,
``render.impact_print`` and ``render.pip_screenshot``).
The same seed, count and renditions give the same files, byte for byte.

Each document is one file named ``doc-NNN.<ext>`` (nothing in the name gives its content
away) and one line of ``truth.jsonl`` in the shape ``refusjon extract`` writes::

    {"file": "doc-000.pdf", "kind": "user_fee_overview", "name": "Kari Sæther",
     "total": "1234.50", "lines": [{"date": "2025-03-12", "amount": "179.00",
     "provider": "Legesenteret Ås", "service": "Fastlege"}],
     "receipt": null, "corpus": {"rendition": "pdf", "layout": "web", "language": "nb",
     "pages": 1, "held_out": false}}

A receipt's one line is its date and total (``receipt`` then holds the provider, the
organisation number and whether it is itemised). Usage from the repository root::

    python -m bench.documents.generate DIRECTORY [--count 30]
        [--held-out | --fresh | --blind | --blind3 | --blind4 | --blind5 | --blind6
         | --blind7 | --blind8 | --blind9 | --blind10 | --blind11 | --blind12
         | --blind13 | --blind14 | --blind15 | --blind16 | --blind17 | --blind18
         | --blind19]
        [--seed N]
        [--renditions pdf,scan,screenshot]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import (
    blind3_layouts,
    blind4_layouts,
    blind5_layouts,
    blind6_layouts,
    blind7_layouts,
    blind8_layouts,
    blind9_layouts,
    blind10_layouts,
    blind11_layouts,
    blind12_layouts,
    blind13_layouts,
    blind14_layouts,
    blind15_layouts,
    blind16_layouts,
    blind17_layouts,
    blind18_layouts,
    blind19_layouts,
    blind_layouts,
    content,
    layouts,
    render,
)

DEV_SEED = 1304
BENCH_SEED = 2026_12_13
FRESH_SEED = 2026_12_04
BLIND_SEED = 2026_12_05
BLIND3_SEED = 2026_12_06
BLIND4_SEED = 2026_12_07
BLIND5_SEED = 2026_12_08
BLIND6_SEED = 2026_12_09
BLIND7_SEED = 2026_12_10
BLIND8_SEED = 2026_12_11
BLIND9_SEED = 2026_12_12
BLIND10_SEED = 2026_12_13
BLIND11_SEED = 2026_12_14
BLIND12_SEED = 2026_12_15
BLIND13_SEED = 2026_12_16
BLIND14_SEED = 2026_12_17
BLIND15_SEED = 2026_12_18
BLIND16_SEED = 2026_12_19
BLIND17_SEED = 2026_12_20
BLIND18_SEED = 2026_12_21
BLIND19_SEED = 2026_12_22
RENDITIONS = ("pdf", "scan", "screenshot")
RECEIPT_SHARE = 0.3
BLIND4_RECEIPT_SHARE = 0.25
BLIND4_STATEMENT_SHARE = 0.25
BLIND5_RECEIPT_SHARE = 0.3
BLIND5_ROTATIONS = (90, 180, 270, 180, 90)
"""The fifth blind set's rotated scans, in turn: every fourth scan from the third."""
BLIND6_RECEIPT_SHARE = 1 / 3
BLIND6_PHONE_VARIANTS = ("ios_browser", "android_browser", "side_by_side")
"""The sixth blind set's overviews on a phone, in turn (two screenshots side by side only for
a list of four fees or more, else Safari)."""
BLIND7_RECEIPT_SHARE = 1 / 3
BLIND8_RECEIPT_SHARE = 0.3
BLIND9_RECEIPT_SHARE = 1 / 3
BLIND9_PHONE_VARIANTS = ("large_text", "notification", "marked_up")
"""The ninth blind set's screenshots, in turn."""
BLIND9_SCAN_VARIANTS = ("punched", "crumpled")
"""The ninth blind set's scans of A4 pages, in turn (a hand-written slip is always laid on the
glass)."""
BLIND10_RECEIPT_SHARE = 1 / 3
BLIND10_PAPER_RECEIPT_LAYOUTS = ("terminal_roll", "surgery_receipt")
"""The tenth blind set's receipts on paper (a text PDF or a scan); on a phone a receipt is
always a text message."""
BLIND10_SCAN_VARIANTS = ("sticky_note", "show_through", "held_photo")
"""The tenth blind set's scans of A4 pages, in turn (a till roll is always held up to the
camera)."""
BLIND10_PHONE_VARIANTS = ("cropped", "desktop_site", "bold_text")
"""The tenth blind set's screenshots, in turn (a text message is never a desktop site: it is
cropped or bold by turns)."""
BLIND11_RECEIPT_SHARE = 1 / 3
BLIND11_SCAN_VARIANTS = ("coffee_stain", "dog_eared", "flash_photo")
"""The eleventh blind set's scans, in turn."""
BLIND11_PHONE_VARIANTS = ("in_app_browser", "small_phone")
"""The eleventh blind set's screenshots, in turn (a payment app's receipt is never in a
built-in browser: always on the small phone)."""
BLIND12_RECEIPT_SHARE = 1 / 3
BLIND12_PAPER_VARIANTS = ("", "two_up")
"""The twelfth blind set's overviews as text PDFs, in turn (a receipt is never two to a
sheet)."""
BLIND12_SCAN_VARIANTS = ("sleeve_photo", "low_toner", "shaky_photo")
"""The twelfth blind set's scans, in turn."""
BLIND12_PHONE_VARIANTS = ("translated", "full_page_pdf")
"""The twelfth blind set's overviews on a phone, in turn (a bank app's receipt is always a
Samsung phone's JPEG)."""
BLIND13_RECEIPT_SHARE = 1 / 3
BLIND13_PAPER_VARIANTS = ("", "annotated")
"""The thirteenth blind set's overviews as text PDFs, in turn (a hospital's receipt is always
annotated, a hearing clinic's landscape receipt always stored turned)."""
BLIND13_SCAN_VARIANTS = ("angled_photo", "wallet_folded", "halftone_scan")
"""The thirteenth blind set's scans, in turn."""
BLIND13_PHONE_VARIANTS = ("ipad", "phone_photo", "screenshots_pdf")
"""The thirteenth blind set's overviews on a screen, in turn (a psychiatrist's receipt is
always on the large phone)."""
BLIND13_PHONE_COUNTS = {
    "ipad": (1, 2, 3, 4, 5, 6),
    "phone_photo": (1, 2, 3, 4),
    "screenshots_pdf": (6, 8, 10, 12, 14, 16, 18),
}
"""How many fees an overview on a screen draws from, by variant: as many as one screen holds
for a single picture, more than one screen for screenshots gathered in a PDF."""
BLIND14_RECEIPT_SHARE = 0.3
BLIND14_SCAN_VARIANTS = ("stamped", "duplex")
"""The fourteenth blind set's scans, in turn."""
BLIND14_PHONE_COUNTS = (1, 2, 3, 4, 5)
"""How many fees the portal on a phone draws from: as many as the screen above the keyboard
holds."""
BLIND15_RECEIPT_SHARE = 1 / 3
BLIND15_SCAN_VARIANTS = ("ticked", "clipped")
"""The fifteenth blind set's scans, in turn."""
BLIND15_PHONE_COUNTS = (1, 2, 3, 4)
"""How many fees the app in the upper window of a split screen draws from: as many as the
window holds."""
BLIND16_RECEIPT_SHARE = 0.6
"""Of the sixteenth blind set's documents on paper (on a screen, always the app)."""
BLIND16_SCAN_VARIANTS = ("coloured_paper", "skewed_feed")
"""The sixteenth blind set's scans, in turn."""
BLIND16_PHONE_COUNTS = (1, 2, 3, 4, 5)
BLIND16_LANGUAGES = ("nb", "nn", "en")
"""How many fees the app draws from: as many as one screen holds."""
BLIND17_RECEIPT_SHARE = 0.55
"""Of the seventeenth blind set's text PDFs (the scans are by turns a receipt and a statement;
on a screen, always the app)."""
BLIND17_PHONE_COUNTS = (1, 2, 3, 4, 5, 6)
"""How many fees the app on the unfolded phone draws from: as many as its list pane holds."""
BLIND17_LANGUAGES = ("nb", "nn", "en")
BLIND18_PAPER_RECEIPTS = (True, False, True, True)
"""Which of the eighteenth blind set's text PDFs are receipts, in turn (the scans are by turns
a receipt and a statement; on a screen, always the app). Four long, so that the language's
turn of three does not follow it."""
BLIND18_PHONE_COUNTS = (1, 2, 3, 4, 5)
"""How many fees the app draws from: as many as one screen holds under their quarters."""
BLIND18_LANGUAGES = ("nb", "nn", "en")
BLIND19_PAPER_RECEIPTS = (True, False, True, True, False)
"""Which of the nineteenth blind set's text PDFs are receipts, in turn (the scans are by turns
a receipt and a card; on a screen, always the booking app). Five long, so that the
language's turn of three does not follow it."""
BLIND19_PHONE_COUNTS = (1, 2, 3, 4, 5)
"""How many fees the booking app draws from: as many as one screen holds beside the
cancelled appointments."""
BLIND19_LANGUAGES = ("nb", "nn", "en")
TRUTH_FILE = "truth.jsonl"


@dataclass(frozen=True, slots=True)
class TruthLine:
    date: date
    amount: Decimal
    provider: str = ""
    service: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "date": self.date.isoformat(),
            "amount": str(self.amount),
            "provider": self.provider,
            "service": self.service,
        }


@dataclass(frozen=True, slots=True)
class ReceiptTruth:
    provider: str
    organisation_number: str
    itemised: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "provider": self.provider,
            "organisation_number": self.organisation_number,
            "itemised": self.itemised,
        }


@dataclass(frozen=True, slots=True)
class Truth:
    """What a document says, as ``refusjon extract`` should write it (plus how it was made)."""

    file: str
    kind: str
    """user_fee_overview or receipt."""
    name: str
    total: Decimal
    lines: tuple[TruthLine, ...]
    rendition: str
    """pdf (a text PDF), scan (an image, or a PDF of images) or screenshot (a PNG)."""
    layout: str
    language: str
    pages: int
    held_out: bool
    receipt: ReceiptTruth | None = None
    variant: str = ""
    """How the rendition was made, where a set has more than one way. Fifth blind set: a scan
    ``photocopy`` (one bit a pixel), ``rotated_90``/``_180``/``_270`` (turned
    counter-clockwise) or both; a screenshot ``desktop_WIDTHxHEIGHT`` or ``phone``. Sixth
    blind set: a scan ``scanner_app`` (a phone's scanner app, a PDF) or ``folded`` (creased in
    three); a screenshot ``ios_browser``, ``android_browser``, ``side_by_side`` (two
    screenshots in one picture), ``files_app`` (a PDF opened on the phone) or ``app``. Seventh
    blind set: a scan ``highlighted`` (marked with a highlighter, in colour) or
    ``screen_photo`` (the page on a computer's screen, photographed); a screenshot
    ``landscape`` (the phone turned sideways) or ``messenger`` (sent on through a messaging
    app: smaller, a JPEG). Eighth blind set: a scan ``bilevel`` (an office scanner's black and
    white mode) or ``lamp_photo`` (photographed under a lamp); a screenshot ``dark`` (the
    phone in dark mode) or ``stitched`` (two captures joined, the row at the cut repeated).
    Ninth blind set: a scan ``on_glass`` (a slip on an A4 flatbed's glass), ``punched``
    (punched, stapled and fed through a document feeder) or ``crumpled`` (crumpled, smoothed
    out and photographed); a screenshot ``large_text`` (the phone's text made larger),
    ``notification`` (a message's banner over the top) or ``marked_up`` (a pen ring round the
    total). Tenth blind set: a scan ``sticky_note`` (a note stuck where nothing is printed,
    scanned in colour), ``show_through`` (printed on the back of used thin paper) or
    ``held_photo`` (held up in one hand and photographed); a screenshot ``cropped`` (the bars
    cut away in the phone's photo editor), ``desktop_site`` (the browser's desktop version of
    the page) or ``bold_text`` (the phone's text set bold). Eleventh blind set: a scan
    ``coffee_stain`` (a coffee ring where nothing is printed, scanned in colour),
    ``dog_eared`` (a corner folded over where nothing is printed, scanned in grey) or
    ``flash_photo`` (photographed with the phone's flash on a dark desk); a screenshot
    ``in_app_browser`` (the page in an app's built-in browser) or ``small_phone`` (a small
    phone with a home button, device scale 2). Twelfth blind set: a text PDF ``two_up`` (two
    pages to a landscape sheet); a scan ``sleeve_photo`` (in a clear plastic sleeve,
    photographed), ``low_toner`` (printed low on toner, scanned in grey) or ``shaky_photo``
    (photographed in dim light with a hand that moved); a screenshot ``translated`` (Chrome
    on Android, the page machine-translated into English), ``full_page_pdf`` (Safari's full
    page saved as a PDF) or ``samsung_jpeg`` (a Samsung phone's screenshot saved as a JPEG).
    Thirteenth blind set: a text PDF ``annotated`` (a PDF reader's highlights and comment) or
    ``rotated_page`` (a landscape page stored as a portrait page turned by its rotation); a
    scan ``angled_photo`` (photographed at a steep angle on a table), ``wallet_folded`` (folded
    in four and carried, scanned in colour) or ``halftone_scan`` (an office scanner's halftone
    mode, one bit a pixel by error diffusion); a screenshot ``ipad`` (a tablet in landscape,
    the inbox beside the letter), ``phone_photo`` (the phone's screen photographed, a JPEG),
    ``screenshots_pdf`` (several scrolling screenshots gathered in one PDF) or ``pro_max`` (a
    large phone, 430 CSS pixels wide). Fourteenth blind set: a scan ``stamped`` (a red
    received stamp where nothing is printed, scanned in colour) or ``duplex`` (through a
    duplex feeder, each page followed by its blank back); a screenshot ``keyboard`` (the
    phone's keyboard up over the foot of the screen). Fifteenth blind set: a scan ``ticked``
    (each fee ticked off with a ballpoint pen in the margin, scanned in colour) or ``clipped``
    (a paper clip over the top edge, scanned in colour); a screenshot ``split_screen`` (an
    Android phone in split screen, the app above and a mail being written below). Sixteenth
    blind set: a scan ``coloured_paper`` (printed on pale coloured paper, scanned in colour) or
    ``skewed_feed`` (fed crooked through a sheet feeder, the feeder's dark backing round the
    turned page); a screenshot ``photos_viewer`` (the app's screenshot opened in the phone's
    photo viewer and captured again there). Seventeenth blind set: a scan ``streaked`` (fed
    through a feeder with a dirty glass) or ``taped`` (a small receipt taped onto an A4 sheet);
    a screenshot ``fold_screen`` (an unfolded phone's inner screen). Eighteenth blind set: a
    scan ``shadow_photo`` (photographed on a table, the shadow of the phone and the hand across
    the page) or ``stapled_slip`` (the card terminal's slip stapled onto the receipt, scanned
    in colour); a screenshot ``redacted`` (the birth date blacked out with the photo editor's
    marker). Nineteenth blind set: a scan ``exif_photo`` (photographed with the phone upright,
    stored on its side with the EXIF tag that turns it) or ``impact_print`` (printed in dots
    by an impact printer, the roll scanned in colour and cropped); a screenshot ``pip_video``
    (a video in a floating picture-in-picture window over a corner)."""

    def to_json(self) -> dict[str, Any]:
        corpus: dict[str, Any] = {
            "rendition": self.rendition,
            "layout": self.layout,
            "language": self.language,
            "pages": self.pages,
            "held_out": self.held_out,
        }
        if self.variant:
            corpus["variant"] = self.variant
        return {
            "file": self.file,
            "kind": self.kind,
            "name": self.name,
            "total": str(self.total),
            "lines": [line.to_json() for line in self.lines],
            "receipt": self.receipt.to_json() if self.receipt else None,
            "corpus": corpus,
        }

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Truth:
        corpus, receipt = record["corpus"], record.get("receipt")
        return cls(
            file=record["file"],
            kind=record["kind"],
            name=record["name"],
            total=Decimal(record["total"]),
            lines=tuple(
                TruthLine(
                    date.fromisoformat(line["date"]),
                    Decimal(line["amount"]),
                    line.get("provider", ""),
                    line.get("service", ""),
                )
                for line in record["lines"]
            ),
            rendition=corpus["rendition"],
            layout=corpus["layout"],
            language=corpus["language"],
            pages=corpus["pages"],
            held_out=corpus["held_out"],
            receipt=ReceiptTruth(**receipt) if receipt else None,
            variant=corpus.get("variant", ""),
        )


@dataclass(frozen=True, slots=True)
class Spec:
    """One document before it is rendered: what it says and how it will look."""

    index: int
    seed: int
    rendition: str
    body: content.Overview | content.Receipt
    held_out: bool
    variant: str = ""
    """How the fifth to nineteenth blind sets render it (``Truth.variant``), else empty."""

    @property
    def stem(self) -> str:
        return f"doc-{self.index:03d}"

    def html(self) -> str:
        phone = self.rendition == "screenshot"
        if self.body.layout in blind19_layouts.LAYOUTS:
            return blind19_layouts.html(self.body, phone=phone)
        if self.body.layout in blind18_layouts.LAYOUTS:
            return blind18_layouts.html(self.body, phone=phone)
        if self.body.layout in blind17_layouts.LAYOUTS:
            return blind17_layouts.html(self.body, phone=phone)
        if self.body.layout in blind16_layouts.LAYOUTS:
            return blind16_layouts.html(self.body, phone=phone)
        if self.body.layout in blind15_layouts.LAYOUTS:
            return blind15_layouts.html(self.body, phone=phone)
        if self.body.layout in blind14_layouts.LAYOUTS:
            return blind14_layouts.html(self.body, phone=phone)
        if self.body.layout in blind13_layouts.LAYOUTS:
            return blind13_layouts.html(self.body, phone=phone, ipad=self.variant == "ipad")
        if self.body.layout in blind12_layouts.LAYOUTS:
            return blind12_layouts.html(
                self.body,
                phone=phone,
                translated=self.variant == "translated",
                full_page=self.variant == "full_page_pdf",
            )
        if self.body.layout in blind11_layouts.LAYOUTS:
            return blind11_layouts.html(
                self.body,
                phone=phone,
                in_app=self.variant == "in_app_browser",
                small=self.variant == "small_phone",
            )
        if self.body.layout in blind10_layouts.LAYOUTS:
            return blind10_layouts.html(
                self.body,
                phone=phone,
                desktop=self.variant == "desktop_site",
                bold=self.variant == "bold_text",
            )
        if self.body.layout in blind9_layouts.LAYOUTS:
            return blind9_layouts.html(
                self.body,
                phone=phone,
                large_text=self.variant == "large_text",
                marked=self.variant == "marked_up",
            )
        if self.body.layout in blind8_layouts.LAYOUTS:
            return blind8_layouts.html(self.body, phone=phone, dark=self.variant == "dark")
        if self.body.layout in blind7_layouts.LAYOUTS:
            landscape = self.variant == "landscape"
            return blind7_layouts.html(self.body, phone=phone, landscape=landscape)
        if self.body.layout in blind6_layouts.LAYOUTS:
            return blind6_layouts.html(self.body, phone=phone)
        if self.body.layout in blind5_layouts.LAYOUTS:
            return blind5_layouts.html(self.body, phone=phone)
        if self.body.layout in blind4_layouts.LAYOUTS:
            return blind4_layouts.html(self.body, phone=phone)
        if self.body.layout in blind3_layouts.LAYOUTS:
            return blind3_layouts.html(self.body, phone=phone)
        if self.body.layout in blind_layouts.LAYOUTS:
            return blind_layouts.html(self.body, phone=phone)
        if isinstance(self.body, content.Overview):
            return layouts.overview_html(self.body, phone=phone)
        return layouts.receipt_html(self.body, phone=phone)

    def truth(self, file: str, pages: int) -> Truth:
        body = self.body
        desktop = body.layout == content.BLIND5_DESKTOP_LAYOUT
        layout = "phone" if self.rendition == "screenshot" and not desktop else body.layout
        if isinstance(body, content.Overview):
            lines = tuple(
                TruthLine(fee.day, fee.amount, fee.provider, fee.service) for fee in body.fees
            )
            return Truth(
                file, "user_fee_overview", body.name, body.total, lines, self.rendition,
                layout, body.language, pages, self.held_out, variant=self.variant,
            )  # fmt: skip
        line = TruthLine(body.day, body.total, body.provider, body.service)
        receipt = ReceiptTruth(body.provider, body.organisation_number, body.itemised)
        return Truth(
            file, "receipt", body.patient, body.total, (line,), self.rendition, layout,
            body.language, pages, self.held_out, receipt, self.variant,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Document:
    path: Path
    truth: Truth


def plan(
    *,
    seed: int,
    count: int,
    held_out: bool,
    renditions: Sequence[str] = RENDITIONS,
    fresh: bool = False,
    blind: bool = False,
    blind3: bool = False,
    blind4: bool = False,
    blind5: bool = False,
    blind6: bool = False,
    blind7: bool = False,
    blind8: bool = False,
    blind9: bool = False,
    blind10: bool = False,
    blind11: bool = False,
    blind12: bool = False,
    blind13: bool = False,
    blind14: bool = False,
    blind15: bool = False,
    blind16: bool = False,
    blind17: bool = False,
    blind18: bool = False,
    blind19: bool = False,
) -> list[Spec]:
    """What each document will say, without rendering anything (cheap). ``fresh``, ``blind``,
    ``blind3``, ``blind4``, ``blind5``, ``blind6``, ``blind7``, ``blind8``, ``blind9``,
    ``blind10``, ``blind11``, ``blind12``, ``blind13``, ``blind14``, ``blind15``, ``blind16``,
    ``blind17``, ``blind18`` and ``blind19`` draw only from their own set's variations."""
    specs = []
    scans = phones = papers = 0
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        rendition = renditions[index % len(renditions)]
        body: content.Overview | content.Receipt
        if blind19:
            body, variant = _blind19_body(rng, rendition, papers, scans, index)
            papers += rendition == "pdf"
            scans += rendition == "scan"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind18:
            body, variant = _blind18_body(rng, rendition, papers, scans, index)
            papers += rendition == "pdf"
            scans += rendition == "scan"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind17:
            body, variant = _blind17_body(rng, rendition, scans, index)
            scans += rendition == "scan"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind16:
            body, variant = _blind16_body(rng, rendition, scans, index)
            scans += rendition == "scan"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind15:
            body, variant = _blind15_body(rng, rendition, scans)
            scans += rendition == "scan"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind14:
            body, variant = _blind14_body(rng, rendition, scans)
            scans += rendition == "scan"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind13:
            body, variant = _blind13_body(rng, rendition, papers, scans, phones)
            overview = isinstance(body, content.Overview)
            papers += rendition == "pdf" and overview
            scans += rendition == "scan"
            phones += rendition == "screenshot" and overview
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind12:
            body, variant = _blind12_body(rng, rendition, papers, scans, phones)
            overview = isinstance(body, content.Overview)
            papers += rendition == "pdf" and overview
            scans += rendition == "scan"
            phones += rendition == "screenshot" and overview
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind11:
            body, variant = _blind11_body(rng, rendition, scans, phones)
            scans += rendition == "scan"
            phones += rendition == "screenshot"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind10:
            # The tenth set's seed is the held-out set's number: its own stream, so that no
            # draw follows the held-out set's.
            rng = random.Random(f"tenth blind:{seed}:{index}")
            body, variant = _blind10_body(rng, rendition, scans, phones)
            scans += rendition == "scan"
            phones += rendition == "screenshot"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind9:
            body, variant = _blind9_body(rng, rendition, scans, phones)
            scans += rendition == "scan"
            phones += rendition == "screenshot"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind8:
            body, variant = _blind8_body(rng, rendition, scans, phones)
            scans += rendition == "scan"
            phones += rendition == "screenshot" and isinstance(body, content.Overview)
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind7:
            body, variant = _blind7_body(rng, rendition, scans, phones)
            scans += rendition == "scan"
            phones += rendition == "screenshot" and isinstance(body, content.Overview)
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind6:
            body, variant = _blind6_body(rng, rendition, scans, phones)
            scans += rendition == "scan"
            phones += rendition == "screenshot" and isinstance(body, content.Overview)
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind5:
            body, variant = _blind5_body(rng, rendition, scans)
            scans += rendition == "scan"
            specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out, variant))
            continue
        if blind4:
            body = _blind4_body(rng, rendition)
        elif blind3:
            if rng.random() < RECEIPT_SHARE:
                body = content.blind3_receipt(rng)
            else:
                phone = content.BLIND3_PHONE_LAYOUT if rendition == "screenshot" else None
                body = content.blind3_overview(rng, layout=phone)
        elif rng.random() < RECEIPT_SHARE:
            body = (
                content.blind_receipt(rng)
                if blind
                else content.receipt(rng, held_out=held_out, fresh=fresh)
            )
        elif blind:
            phone = content.BLIND_PHONE_LAYOUT if rendition == "screenshot" else None
            body = content.blind_overview(rng, layout=phone)
        else:
            layout = "cards" if rendition == "screenshot" else None
            body = content.overview(rng, held_out=held_out, layout=layout, fresh=fresh)
        specs.append(Spec(index, rng.randrange(2**32), rendition, body, held_out))
    return specs


def _blind4_body(rng: random.Random, rendition: str) -> content.Overview | content.Receipt:
    """A fourth blind set's document: a quarter private psychologists' receipts, a quarter
    physiotherapists' monthly statements, half helsenorge's page (the app on a phone)."""
    share = rng.random()
    if share < BLIND4_RECEIPT_SHARE:
        return content.blind4_receipt(rng)
    if share < BLIND4_RECEIPT_SHARE + BLIND4_STATEMENT_SHARE:
        return content.blind4_statement(rng)
    phone = content.BLIND4_PHONE_LAYOUT if rendition == "screenshot" else None
    return content.blind4_overview(rng, layout=phone)


def _blind5_body(
    rng: random.Random, rendition: str, scans: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A fifth blind set's document and how it is rendered (``Spec.variant``): three in ten
    receipts; an overview on a screen is captured from a desktop browser about two times in
    three, else from the app; of the scans, every fourth from the third is turned (sideways or
    upside down), the rest (and one turned one) photocopied in black and white."""
    body: content.Overview | content.Receipt
    if rng.random() < BLIND5_RECEIPT_SHARE:
        body = content.blind5_receipt(rng)
        layout = None
    else:
        layout = None
        if rendition == "screenshot":
            desktop = rng.random() < content.BLIND5_DESKTOP_SHARE
            layout = content.BLIND5_DESKTOP_LAYOUT if desktop else content.BLIND5_PHONE_LAYOUT
        body = content.blind5_overview(rng, layout=layout)
    if rendition == "screenshot":
        if isinstance(body, content.Overview) and body.layout == content.BLIND5_DESKTOP_LAYOUT:
            width, scale, height = blind5_layouts.desktop(body)
            return body, f"desktop_{round(width * scale)}x{round(height * scale)}"
        return body, "phone"
    if rendition != "scan":
        return body, ""
    if scans % 4 == 2:
        degrees = BLIND5_ROTATIONS[(scans // 4) % len(BLIND5_ROTATIONS)]
        copied = "photocopy_" if scans // 4 == 3 else ""
        return body, f"{copied}rotated_{degrees}"
    return body, "photocopy"


def _blind6_body(
    rng: random.Random, rendition: str, scans: int, phones: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A sixth blind set's document and how it is rendered (``Spec.variant``): a third
    receipts; scans by turns from a phone's scanner app and folded in three; an overview on a
    phone by turns in Safari, in Chrome on Android and as two screenshots side by side; a GP's
    receipt on a phone opened in the Files app, an online doctor's in its app."""
    body: content.Overview | content.Receipt
    if rng.random() < BLIND6_RECEIPT_SHARE:
        body = content.blind6_receipt(rng)
    else:
        phone = content.BLIND6_PHONE_LAYOUT if rendition == "screenshot" else None
        body = content.blind6_overview(rng, layout=phone)
    if rendition == "scan":
        return body, ("scanner_app", "folded")[scans % 2]
    if rendition != "screenshot":
        return body, ""
    if isinstance(body, content.Receipt):
        return body, "files_app" if body.layout == "takst_receipt" else "app"
    variant = BLIND6_PHONE_VARIANTS[phones % len(BLIND6_PHONE_VARIANTS)]
    if variant == "side_by_side" and len(body.fees) < 4:
        variant = "ios_browser"
    return body, variant


def _blind6_file(spec: Spec) -> tuple[bytes, str, int] | None:
    """The sixth blind set's own renditions, or None for the usual ones."""
    body, seed = spec.body, random.Random(spec.seed)
    match spec.variant:
        case "scanner_app":
            return render.scanner_app(render.pdf(spec.html()), seed)
        case "folded":
            return render.folded_scan(render.pdf(spec.html()), seed)
        case "android_browser":
            assert isinstance(body, content.Overview)
            return render.android_screenshot(blind6_layouts.mobile(body, android=True)), "png", 1
        case "side_by_side":
            assert isinstance(body, content.Overview)
            halves = [blind6_layouts.mobile(body, android=False, part=part) for part in (1, 2)]
            return render.side_by_side(halves), "png", 1
        case "ios_browser" | "files_app" | "app":
            return render.screenshot(spec.html()), "png", 1
    return None


def _blind7_body(
    rng: random.Random, rendition: str, scans: int, phones: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A seventh blind set's document and how it is rendered (``Spec.variant``): a third
    receipts; scans by turns marked with a highlighter and photographed off a computer's
    screen; an overview on a phone by turns captured with the phone turned sideways and sent
    on through a messaging app; a receipt on a phone always sent on so."""
    body: content.Overview | content.Receipt
    if rng.random() < BLIND7_RECEIPT_SHARE:
        body = content.blind7_receipt(rng)
    else:
        phone = content.BLIND7_PHONE_LAYOUT if rendition == "screenshot" else None
        body = content.blind7_overview(rng, layout=phone)
    if rendition == "scan":
        return body, ("highlighted", "screen_photo")[scans % 2]
    if rendition != "screenshot":
        return body, ""
    if isinstance(body, content.Receipt):
        return body, "messenger"
    return body, ("landscape", "messenger")[phones % 2]


def _blind7_file(spec: Spec) -> tuple[bytes, str, int] | None:
    """The seventh blind set's own renditions, or None for the usual ones."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "highlighted":
            return render.highlighted_scan(render.pdf(spec.html()), seed)
        case "screen_photo":
            return render.screen_photo(render.pdf(spec.html()), seed)
        case "messenger":
            return render.messenger(render.screenshot(spec.html()), seed)
        case "landscape":
            return render.screenshot(spec.html()), "png", 1
    return None


def _blind8_body(
    rng: random.Random, rendition: str, scans: int, phones: int
) -> tuple[content.Overview | content.Receipt, str]:
    """An eighth blind set's document and how it is rendered (``Spec.variant``): three in ten
    receipts; scans by turns in an office scanner's black and white mode and photographed
    under a lamp; an overview on a phone by turns in dark mode and as two captures joined; a
    receipt on a phone always its e-mail in dark mode."""
    body: content.Overview | content.Receipt
    if rng.random() < BLIND8_RECEIPT_SHARE:
        body = content.blind8_receipt(rng)
    else:
        phone = content.BLIND8_PHONE_LAYOUT if rendition == "screenshot" else None
        body = content.blind8_overview(rng, layout=phone)
    if rendition == "scan":
        return body, ("bilevel", "lamp_photo")[scans % 2]
    if rendition != "screenshot":
        return body, ""
    if isinstance(body, content.Receipt):
        return body, "dark"
    return body, ("dark", "stitched")[phones % 2]


def _blind8_file(spec: Spec) -> tuple[bytes, str, int] | None:
    """The eighth blind set's own renditions, or None for the usual ones."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "bilevel":
            return render.bilevel_scan(render.pdf(spec.html()), seed)
        case "lamp_photo":
            return render.lamp_photo(render.pdf(spec.html()), seed)
        case "stitched":
            return render.stitched(render.screenshot(spec.html()), seed)
        case "dark":
            return render.screenshot(spec.html()), "png", 1
    return None


def _blind9_body(
    rng: random.Random, rendition: str, scans: int, phones: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A ninth blind set's document and how it is rendered (``Spec.variant``): a third
    receipts (a hand-written one only on paper, so only scanned; on a phone a receipt is the
    online payment page); a hand-written slip scanned on an A4 flatbed's glass, other scans by
    turns punched and fed through a document feeder and crumpled and photographed;
    screenshots by turns with larger text, under a notification and marked with a pen ring."""
    body: content.Overview | content.Receipt
    if rng.random() < BLIND9_RECEIPT_SHARE:
        layouts = {
            "pdf": ("online_paid_receipt", "dietitian_receipt"),
            "scan": ("receipt_book", "receipt_book", "online_paid_receipt", "dietitian_receipt"),
            "screenshot": ("online_paid_receipt",),
        }[rendition]
        body = content.blind9_receipt(rng, layout=rng.choice(layouts))
    else:
        phone = content.BLIND9_PHONE_LAYOUT if rendition == "screenshot" else None
        body = content.blind9_overview(rng, layout=phone)
    if rendition == "scan":
        if body.layout in content.BLIND9_PAPER_RECEIPT_LAYOUTS:
            return body, "on_glass"
        return body, BLIND9_SCAN_VARIANTS[scans % len(BLIND9_SCAN_VARIANTS)]
    if rendition != "screenshot":
        return body, ""
    return body, BLIND9_PHONE_VARIANTS[phones % len(BLIND9_PHONE_VARIANTS)]


def _blind9_file(spec: Spec) -> tuple[bytes, str, int] | None:
    """The ninth blind set's own renditions, or None for the usual ones."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "on_glass":
            return render.on_glass(render.pdf(spec.html()), seed)
        case "punched":
            return render.punched_scan(render.pdf(spec.html()), seed)
        case "crumpled":
            return render.crumpled_photo(render.pdf(spec.html()), seed)
        case "notification":
            words = blind9_layouts.WORDS[spec.body.language]
            lines = (words["n_app"], words["n_now"], words["n_from"], words["n_text"])
            return render.notification(render.screenshot(spec.html()), seed, lines), "png", 1
        case "large_text" | "marked_up":
            return render.screenshot(spec.html()), "png", 1
    return None


def _blind10_body(
    rng: random.Random, rendition: str, scans: int, phones: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A tenth blind set's document and how it is rendered (``Spec.variant``): a third
    receipts (on paper a till roll or an oral surgeon's receipt, on a phone a text message);
    a till roll scanned is always held up to the camera, other scans by turns with a sticky
    note, printed on the back of used paper and held up; screenshots by turns cropped, the
    desktop site (an overview) and with bold text."""
    body: content.Overview | content.Receipt
    variant = BLIND10_PHONE_VARIANTS[phones % len(BLIND10_PHONE_VARIANTS)]
    if rng.random() < BLIND10_RECEIPT_SHARE:
        on_paper = rendition != "screenshot"
        layouts = BLIND10_PAPER_RECEIPT_LAYOUTS if on_paper else ("sms_receipt",)
        body = content.blind10_receipt(rng, layout=rng.choice(layouts))
        if variant == "desktop_site":
            variant = ("cropped", "bold_text")[phones // len(BLIND10_PHONE_VARIANTS) % 2]
    else:
        layout = None
        if rendition == "screenshot":
            desktop = variant == "desktop_site"
            layout = content.BLIND10_DESKTOP_LAYOUT if desktop else content.BLIND10_PHONE_LAYOUT
        body = content.blind10_overview(rng, layout=layout)
    if rendition == "scan":
        if body.layout == "terminal_roll":
            return body, "held_photo"
        return body, BLIND10_SCAN_VARIANTS[scans % len(BLIND10_SCAN_VARIANTS)]
    if rendition != "screenshot":
        return body, ""
    return body, variant


def _blind10_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The tenth blind set's own renditions, or None for the usual ones; ``placed`` gathers
    where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    body = spec.body
    words = blind10_layouts.WORDS[body.language]
    match spec.variant:
        case "sticky_note":
            return render.sticky_note(render.pdf(spec.html()), seed, words["n_note"], placed)
        case "show_through":
            back = render.pdf(blind10_layouts.back_of_sheet(body))
            return render.show_through(render.pdf(spec.html()), back, seed, placed)
        case "held_photo":
            return render.held_photo(render.pdf(spec.html()), seed, placed)
        case "cropped":
            top = seed.choice(blind10_layouts.top_chrome(body))
            bottom = blind10_layouts.foot_chrome(body)
            data = render.cropped(render.screenshot(spec.html()), top, bottom, seed, placed)
            return data, "png", 1
        case "desktop_site":
            assert isinstance(body, content.Overview)
            moment = body.printed_at
            clock = f"{8 + moment.day % 13}:{moment.month * 4 + 2:02d}"
            address = "helsenorge.no/frikort-og-egenandeler"
            data = render.desktop_site(
                spec.html(), blind10_layouts.DESKTOP_WIDTH, address, clock, placed
            )
            return data, "png", 1
        case "bold_text":
            return render.as_taken(render.screenshot(spec.html()), placed), "png", 1
    return None


def _blind11_body(
    rng: random.Random, rendition: str, scans: int, phones: int
) -> tuple[content.Overview | content.Receipt, str]:
    """An eleventh blind set's document and how it is rendered (``Spec.variant``): a third
    receipts (on paper an allergist's receipt or a printed e-mail, on a phone the payment
    app's); scans by turns with a coffee ring, with a corner folded over and photographed with
    the flash; screenshots by turns in an app's built-in browser and on a small phone (a
    payment app's receipt always on the small phone)."""
    body: content.Overview | content.Receipt
    variant = BLIND11_PHONE_VARIANTS[phones % len(BLIND11_PHONE_VARIANTS)]
    if rng.random() < BLIND11_RECEIPT_SHARE:
        on_paper = rendition != "screenshot"
        choices = content.BLIND11_PAPER_RECEIPT_LAYOUTS if on_paper else ("payment_app",)
        body = content.blind11_receipt(rng, layout=rng.choice(choices))
        variant = "small_phone"
    else:
        phone = content.BLIND11_PHONE_LAYOUT if rendition == "screenshot" else None
        body = content.blind11_overview(rng, layout=phone)
    if rendition == "scan":
        return body, BLIND11_SCAN_VARIANTS[scans % len(BLIND11_SCAN_VARIANTS)]
    if rendition != "screenshot":
        return body, ""
    return body, variant


def _blind11_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The eleventh blind set's own renditions, or None for the usual ones; ``placed``
    gathers where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "coffee_stain":
            return render.coffee_stain(render.pdf(spec.html()), seed, placed)
        case "dog_eared":
            return render.dog_eared(render.pdf(spec.html()), seed, placed)
        case "flash_photo":
            return render.flash_photo(render.pdf(spec.html()), seed, placed)
        case "in_app_browser":
            return render.as_taken(render.screenshot(spec.html()), placed), "png", 1
        case "small_phone":
            return render.small_phone(spec.html(), placed), "png", 1
    return None


def _blind12_body(
    rng: random.Random, rendition: str, papers: int, scans: int, phones: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A twelfth blind set's document and how it is rendered (``Spec.variant``): a third
    receipts (on paper a travel vaccination clinic's or a midwife's in two copies, on a phone
    the bank app's); an overview as a text PDF by turns as it is and two pages to a sheet;
    scans by turns in a plastic sleeve, low on toner and with a shaking hand; an overview on a
    phone by turns machine-translated in Chrome on Android and saved as a full page from
    Safari, a bank app's receipt a Samsung phone's JPEG."""
    body: content.Overview | content.Receipt
    variant = ""
    if rng.random() < BLIND12_RECEIPT_SHARE:
        on_paper = rendition != "screenshot"
        choices = content.BLIND12_PAPER_RECEIPT_LAYOUTS if on_paper else ("bank_receipt",)
        body = content.blind12_receipt(rng, layout=rng.choice(choices))
        if rendition == "screenshot":
            variant = "samsung_jpeg"
    elif rendition == "screenshot":
        variant = BLIND12_PHONE_VARIANTS[phones % len(BLIND12_PHONE_VARIANTS)]
        body = content.blind12_overview(
            rng, layout=content.BLIND12_PHONE_LAYOUT, translated=variant == "translated"
        )
    else:
        body = content.blind12_overview(rng)
        if rendition == "pdf":
            variant = BLIND12_PAPER_VARIANTS[papers % len(BLIND12_PAPER_VARIANTS)]
    if rendition == "scan":
        variant = BLIND12_SCAN_VARIANTS[scans % len(BLIND12_SCAN_VARIANTS)]
    return body, variant


def _blind12_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The twelfth blind set's own renditions, or None for the usual ones; ``placed`` gathers
    where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    body = spec.body
    match spec.variant:
        case "two_up":
            return render.two_up(render.pdf(spec.html()))
        case "sleeve_photo":
            return render.sleeve_photo(render.pdf(spec.html()), seed, placed)
        case "low_toner":
            return render.low_toner(render.pdf(spec.html()), seed, placed)
        case "shaky_photo":
            return render.shaky_photo(render.pdf(spec.html()), seed, placed)
        case "full_page_pdf":
            assert isinstance(body, content.Overview)

            def make(height: int | None) -> str:
                return blind12_layouts.accordion_site(body, full_page=True, height=height)

            return render.full_page_pdf(make), "pdf", 1
        case "translated":
            return render.android_capture(spec.html(), placed), "png", 1
        case "samsung_jpeg":
            return render.samsung_jpeg(spec.html(), seed, placed), "jpg", 1
    return None


def _blind13_body(
    rng: random.Random, rendition: str, papers: int, scans: int, phones: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A thirteenth blind set's document and how it is rendered (``Spec.variant``): a third
    receipts (on paper a hearing clinic's, stored turned as a text PDF, or a private
    hospital's, annotated as a text PDF; on a phone a psychiatrist's letter in the digital
    mailbox, on the large phone); an overview as a text PDF by turns as it is and annotated;
    scans by turns photographed at an angle, folded in four and in halftone mode; an overview
    on a screen (the health centre's statement in the mailbox) by turns on a tablet, the
    phone's screen photographed and scrolling screenshots gathered in a PDF."""
    body: content.Overview | content.Receipt
    variant = ""
    if rng.random() < BLIND13_RECEIPT_SHARE:
        on_paper = rendition != "screenshot"
        choices = content.BLIND13_PAPER_RECEIPT_LAYOUTS if on_paper else ("mailbox_receipt",)
        body = content.blind13_receipt(rng, layout=rng.choice(choices))
        if rendition == "screenshot":
            variant = "pro_max"
        elif rendition == "pdf":
            variant = "rotated_page" if body.layout == "hearing_receipt" else "annotated"
    elif rendition == "screenshot":
        variant = BLIND13_PHONE_VARIANTS[phones % len(BLIND13_PHONE_VARIANTS)]
        body = content.blind13_overview(
            rng, layout=content.BLIND13_PHONE_LAYOUT, counts=BLIND13_PHONE_COUNTS[variant]
        )
    else:
        body = content.blind13_overview(rng)
        if rendition == "pdf":
            variant = BLIND13_PAPER_VARIANTS[papers % len(BLIND13_PAPER_VARIANTS)]
    if rendition == "scan":
        variant = BLIND13_SCAN_VARIANTS[scans % len(BLIND13_SCAN_VARIANTS)]
    return body, variant


def annotation_marks(body: content.Overview | content.Receipt) -> list[str]:
    """What a thirteenth blind set's annotated PDF highlights: the total, and an overview's
    first line's amount."""
    marks = [blind13_layouts.money(body.total, body.amount_style)]
    if isinstance(body, content.Overview):
        first = sorted(body.fees, key=lambda fee: fee.day, reverse=body.newest_first)[0]
        marks.append(blind13_layouts.money(first.amount, body.amount_style))
    return marks


def _blind13_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The thirteenth blind set's own renditions, or None for the usual ones; ``placed``
    gathers where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    body = spec.body
    top, bottom = blind13_layouts.PHONE_TOP, blind13_layouts.PHONE_BOTTOM
    match spec.variant:
        case "annotated":
            note = blind13_layouts.WORDS[body.language]["n_note"]
            data = render.annotated(render.pdf(spec.html()), annotation_marks(body), note)
            return data, "pdf", render.page_count(data)
        case "rotated_page":
            return render.rotated_page(render.pdf(spec.html()))
        case "angled_photo":
            return render.angled_photo(render.pdf(spec.html()), seed, placed)
        case "wallet_folded":
            return render.wallet_folded(render.pdf(spec.html()), seed, placed)
        case "halftone_scan":
            return render.halftone_scan(render.pdf(spec.html()), seed, placed)
        case "ipad":
            return render.ipad_screenshot(spec.html(), placed), "png", 1
        case "phone_photo":
            return render.phone_photo(spec.html(), top, bottom, seed, placed), "jpg", 1
        case "screenshots_pdf":
            return render.screenshots_pdf(spec.html(), top, bottom, placed)
        case "pro_max":
            screen = blind13_layouts.PRO_MAX
            return render.pro_max_screenshot(spec.html(), screen, top, bottom, placed), "png", 1
    return None


def _blind14_body(
    rng: random.Random, rendition: str, scans: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A fourteenth blind set's document and how it is rendered (``Spec.variant``): on paper
    (a text PDF or a scan) an emergency clinic's listing or, three times in ten, a private
    occupational therapist's receipt, the scans by turns stamped and through a duplex feeder;
    on a screen the clinic chain's portal with the keyboard up."""
    body: content.Overview | content.Receipt
    if rendition == "screenshot":
        body = content.blind14_overview(
            rng, layout=content.BLIND14_PHONE_LAYOUT, counts=BLIND14_PHONE_COUNTS
        )
        return body, "keyboard"
    if rng.random() < BLIND14_RECEIPT_SHARE:
        body = content.blind14_receipt(rng)
    else:
        body = content.blind14_overview(rng)
    variant = (
        BLIND14_SCAN_VARIANTS[scans % len(BLIND14_SCAN_VARIANTS)] if rendition == "scan" else ""
    )
    return body, variant


STAMP_WORDS = {
    "nb": ("MOTTATT", "Lønn og personal"),
    "nn": ("MOTTEKE", "Løn og personal"),
    "en": ("RECEIVED", "HR / Payroll"),
}
"""A received stamp's first and last lines, by language (the date between)."""


def stamp_lines(body: content.Overview | content.Receipt) -> tuple[str, str, str]:
    """A fourteenth blind set's received stamp: its word, the day it was received (after the
    document's last day), the department."""
    last = body.day if isinstance(body, content.Receipt) else max(f.day for f in body.fees)
    seed = last.toordinal() + len(body.language)
    received = last + timedelta(days=20 + seed % 25)
    word, department = STAMP_WORDS[body.language]
    return word, f"{received:%d.%m.%Y}", department


def _blind14_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The fourteenth blind set's own renditions, or None for a text PDF; ``placed`` gathers
    where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "stamped":
            return render.stamped_scan(
                render.pdf(spec.html()), stamp_lines(spec.body), seed, placed
            )
        case "duplex":
            return render.duplex_scan(render.pdf(spec.html()), seed, placed)
        case "keyboard":
            keys = blind14_layouts.KEYBOARD
            png = render.keyboard_screenshot(spec.html(), keys, spec.body.language, placed)
            return png, "png", 1
    return None


def _blind15_body(
    rng: random.Random, rendition: str, scans: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A fifteenth blind set's document and how it is rendered (``Spec.variant``): on paper (a
    text PDF or a scan) a GP office's bill list or, a third of the time, a private lung
    specialist's receipt, the scans by turns ticked off and clipped; on a screen the app in
    the upper window of a split screen."""
    body: content.Overview | content.Receipt
    if rendition == "screenshot":
        body = content.blind15_overview(
            rng, layout=content.BLIND15_PHONE_LAYOUT, counts=BLIND15_PHONE_COUNTS
        )
        return body, "split_screen"
    if rng.random() < BLIND15_RECEIPT_SHARE:
        body = content.blind15_receipt(rng)
    else:
        body = content.blind15_overview(rng)
    variant = (
        BLIND15_SCAN_VARIANTS[scans % len(BLIND15_SCAN_VARIANTS)] if rendition == "scan" else ""
    )
    return body, variant


def tick_marks(body: content.Overview | content.Receipt) -> list[str]:
    """What a student ticks off on a fifteenth blind set's page: each fee's (each item's)
    amount as printed."""
    amounts = body.items if isinstance(body, content.Receipt) else body.fees
    return [blind15_layouts.money(line.amount, body.amount_style) for line in amounts]


def _blind15_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The fifteenth blind set's own renditions, or None for a text PDF; ``placed`` gathers
    where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "ticked":
            marks = tick_marks(spec.body)
            return render.ticked_scan(render.pdf(spec.html()), marks, seed, placed)
        case "clipped":
            return render.clipped_scan(render.pdf(spec.html()), seed, placed)
        case "split_screen":
            assert isinstance(spec.body, content.Overview)
            lower = blind15_layouts.mail_html(spec.body)
            png = render.split_screen(spec.html(), lower, blind15_layouts.DIVIDER, placed)
            return png, "png", 1
    return None


def _blind16_body(
    rng: random.Random, rendition: str, scans: int, index: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A sixteenth blind set's document and how it is rendered (``Spec.variant``): on paper (a
    text PDF or a scan) a psychology practice's annual statement of the user fees paid there
    or, three times in five, a rheumatologist's receipt, the scans by turns on coloured paper and
    fed crooked; on a screen the app, opened again in the phone's photo viewer. The language
    goes round bokmål, nynorsk and English every three documents (``index``), so that each
    rendition has all three alike often."""
    body: content.Overview | content.Receipt
    lang = BLIND16_LANGUAGES[index // 3 % len(BLIND16_LANGUAGES)]
    if rendition == "screenshot":
        body = content.blind16_overview(
            rng, lang, layout=content.BLIND16_PHONE_LAYOUT, counts=BLIND16_PHONE_COUNTS
        )
        return body, "photos_viewer"
    if rng.random() < BLIND16_RECEIPT_SHARE:
        body = content.blind16_receipt(rng, lang)
    else:
        body = content.blind16_overview(rng, lang)
    variant = (
        BLIND16_SCAN_VARIANTS[scans % len(BLIND16_SCAN_VARIANTS)] if rendition == "scan" else ""
    )
    return body, variant


def _blind16_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The sixteenth blind set's own renditions, or None for a text PDF; ``placed`` gathers
    where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "coloured_paper":
            return render.coloured_paper_scan(render.pdf(spec.html()), seed, placed)
        case "skewed_feed":
            return render.skewed_feed(render.pdf(spec.html()), seed, placed)
        case "photos_viewer":
            assert isinstance(spec.body, content.Overview)
            chrome = blind16_layouts.viewer_words(spec.body)
            png = render.photos_viewer(spec.html(), chrome, placed)
            return png, "png", 1
    return None


def _blind17_body(
    rng: random.Random, rendition: str, scans: int, index: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A seventeenth blind set's document and how it is rendered (``Spec.variant``): on paper
    (a text PDF or a scan) a student health service's statement, month by month, or a
    neurologist's receipt on an A5 sheet (a text PDF a little over half the time; the scans
    by turns, ``scans``); a scanned statement goes through a feeder with a dirty glass, a
    scanned receipt is taped onto an A4 sheet first; on
    a screen the app on an unfolded phone. The language goes round bokmål, nynorsk and
    English every three documents (``index``), so that each rendition has all three alike
    often."""
    body: content.Overview | content.Receipt
    lang = BLIND17_LANGUAGES[index // 3 % len(BLIND17_LANGUAGES)]
    if rendition == "screenshot":
        body = content.blind17_overview(
            rng, lang, layout=content.BLIND17_PHONE_LAYOUT, counts=BLIND17_PHONE_COUNTS
        )
        return body, "fold_screen"
    receipt = scans % 2 == 0 if rendition == "scan" else rng.random() < BLIND17_RECEIPT_SHARE
    body = content.blind17_receipt(rng, lang) if receipt else content.blind17_overview(rng, lang)
    if rendition != "scan":
        return body, ""
    return body, "taped" if isinstance(body, content.Receipt) else "streaked"


def _blind17_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The seventeenth blind set's own renditions, or None for a text PDF; ``placed`` gathers
    where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "streaked":
            return render.streaked_scan(render.pdf(spec.html()), seed, placed)
        case "taped":
            return render.taped_scan(render.pdf(spec.html()), seed, placed)
        case "fold_screen":
            return render.fold_screenshot(spec.html(), placed), "png", 1
    return None


def _blind18_body(
    rng: random.Random, rendition: str, papers: int, scans: int, index: int
) -> tuple[content.Overview | content.Receipt, str]:
    """An eighteenth blind set's document and how it is rendered (``Spec.variant``): on paper
    (a text PDF or a scan) a hospital trust's statement of outpatient user fees, department by
    department, or a receipt, by turns a periodontist's and an emergency dental clinic's (three
    text PDFs in four, ``papers``; every other scan, ``scans``); a scanned statement is
    photographed with the shadow of the phone and the hand across it, a scanned receipt has
    the card terminal's slip stapled onto it; on a screen the app, quarter by quarter, the
    birth date blacked out. The language goes round bokmål, nynorsk and English every three
    documents (``index``), so that each rendition has all three alike often."""
    body: content.Overview | content.Receipt
    lang = BLIND18_LANGUAGES[index // 3 % len(BLIND18_LANGUAGES)]
    if rendition == "screenshot":
        body = content.blind18_overview(
            rng, lang, layout=content.BLIND18_PHONE_LAYOUT, counts=BLIND18_PHONE_COUNTS
        )
        return body, "redacted"
    if rendition == "scan":
        receipt, turn = scans % 2 == 0, scans // 2
    else:
        turns = len(BLIND18_PAPER_RECEIPTS)
        receipt = BLIND18_PAPER_RECEIPTS[papers % turns]
        turn = sum(BLIND18_PAPER_RECEIPTS[number % turns] for number in range(papers))
    if receipt:
        layouts_ = content.BLIND18_RECEIPT_LAYOUTS
        body = content.blind18_receipt(rng, lang, layouts_[turn % len(layouts_)])
    else:
        body = content.blind18_overview(rng, lang)
    if rendition != "scan":
        return body, ""
    return body, "stapled_slip" if isinstance(body, content.Receipt) else "shadow_photo"


def _blind18_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The eighteenth blind set's own renditions, or None for a text PDF; ``placed`` gathers
    where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "shadow_photo":
            return render.shadow_photo(render.pdf(spec.html()), seed, placed)
        case "stapled_slip":
            assert isinstance(spec.body, content.Receipt)
            slip = render.pdf(blind18_layouts.slip_html(spec.body))
            return render.stapled_slip(render.pdf(spec.html()), slip, seed, placed)
        case "redacted":
            assert isinstance(spec.body, content.Overview)
            marks = [blind18_layouts.birth_shown(spec.body)]
            return render.redacted_screenshot(spec.html(), marks, seed, placed), "png", 1
    return None


def _blind19_body(
    rng: random.Random, rendition: str, papers: int, scans: int, index: int
) -> tuple[content.Overview | content.Receipt, str]:
    """A nineteenth blind set's document and how it is rendered (``Spec.variant``): as a text
    PDF a gastroenterologist's receipt or, two times in five (``papers``), a chiropractor's
    treatment card; as a scan by turns (``scans``) a laboratory's receipt from an impact
    printer, scanned and cropped, and a treatment card photographed with the phone upright
    and stored on its side with the EXIF tag that turns it; on a screen the booking app, a
    video playing in a floating window over a corner. The language goes round bokmål,
    nynorsk and English every three documents (``index``), so that each rendition has all
    three alike often."""
    body: content.Overview | content.Receipt
    lang = BLIND19_LANGUAGES[index // 3 % len(BLIND19_LANGUAGES)]
    if rendition == "screenshot":
        body = content.blind19_overview(
            rng, lang, layout=content.BLIND19_PHONE_LAYOUT, counts=BLIND19_PHONE_COUNTS
        )
        return body, "pip_video"
    if rendition == "scan":
        if scans % 2 == 0:
            return content.blind19_receipt(rng, lang, content.BLIND19_LAB_LAYOUT), "impact_print"
        return content.blind19_overview(rng, lang), "exif_photo"
    if BLIND19_PAPER_RECEIPTS[papers % len(BLIND19_PAPER_RECEIPTS)]:
        return content.blind19_receipt(rng, lang, content.BLIND19_ENDOSCOPY_LAYOUT), ""
    return content.blind19_overview(rng, lang), ""


def _blind19_file(
    spec: Spec, placed: list[render.Placed] | None = None
) -> tuple[bytes, str, int] | None:
    """The nineteenth blind set's own renditions, or None for a text PDF; ``placed`` gathers
    where each page went in the pictures (for the tests)."""
    seed = random.Random(spec.seed)
    match spec.variant:
        case "exif_photo":
            return render.exif_photo(render.pdf(spec.html()), seed, placed)
        case "impact_print":
            return render.impact_print(render.pdf(spec.html()), seed, placed)
        case "pip_video":
            keep = blind19_layouts.truth_prints(spec.body)
            return render.pip_screenshot(spec.html(), keep, seed, placed), "png", 1
    return None


def render_document(spec: Spec, directory: Path) -> Document:
    """Write one document into ``directory`` and return it with its truth."""
    own = _blind6_file(spec) if spec.body.layout in blind6_layouts.LAYOUTS else None
    if spec.body.layout in blind7_layouts.LAYOUTS:
        own = _blind7_file(spec)
    if spec.body.layout in blind8_layouts.LAYOUTS:
        own = _blind8_file(spec)
    if spec.body.layout in blind9_layouts.LAYOUTS:
        own = _blind9_file(spec)
    if spec.body.layout in blind10_layouts.LAYOUTS:
        own = _blind10_file(spec)
    if spec.body.layout in blind11_layouts.LAYOUTS:
        own = _blind11_file(spec)
    if spec.body.layout in blind12_layouts.LAYOUTS:
        own = _blind12_file(spec)
    if spec.body.layout in blind13_layouts.LAYOUTS:
        own = _blind13_file(spec)
    if spec.body.layout in blind14_layouts.LAYOUTS:
        own = _blind14_file(spec)
    if spec.body.layout in blind15_layouts.LAYOUTS:
        own = _blind15_file(spec)
    if spec.body.layout in blind16_layouts.LAYOUTS:
        own = _blind16_file(spec)
    if spec.body.layout in blind17_layouts.LAYOUTS:
        own = _blind17_file(spec)
    if spec.body.layout in blind18_layouts.LAYOUTS:
        own = _blind18_file(spec)
    if spec.body.layout in blind19_layouts.LAYOUTS:
        own = _blind19_file(spec)
    if own is not None:
        data, extension, pages = own
        path = directory / f"{spec.stem}.{extension}"
        path.write_bytes(data)
        return Document(path, spec.truth(path.name, pages))
    html = spec.html()
    if spec.variant.startswith("desktop"):
        assert isinstance(spec.body, content.Overview)
        data = render.desktop_screenshot(html, blind5_layouts.desktop(spec.body)[1])
        extension, pages = "png", 1
    elif spec.rendition == "screenshot":
        data, extension, pages = render.screenshot(html), "png", 1
    else:
        text_pdf = render.pdf(html)
        turned = int(spec.variant.rsplit("_", 1)[1]) if "rotated" in spec.variant else 0
        if spec.variant.startswith("photocopy"):
            data, extension, pages = render.photocopy(text_pdf, random.Random(spec.seed), turned)
        elif turned:
            data, extension, pages = render.rotated_scan(text_pdf, random.Random(spec.seed), turned)
        elif spec.rendition == "scan" and spec.body.layout in blind3_layouts.PHOTOGRAPHED:
            data, extension, pages = render.photo(text_pdf, random.Random(spec.seed))
        elif spec.rendition == "scan":
            data, extension, pages = render.scan(text_pdf, random.Random(spec.seed))
        else:
            data, extension, pages = text_pdf, "pdf", render.page_count(text_pdf)
    path = directory / f"{spec.stem}.{extension}"
    path.write_bytes(data)
    return Document(path, spec.truth(path.name, pages))


def generate(
    directory: Path,
    *,
    seed: int,
    count: int,
    held_out: bool,
    renditions: Sequence[str] = RENDITIONS,
    fresh: bool = False,
    blind: bool = False,
    blind3: bool = False,
    blind4: bool = False,
    blind5: bool = False,
    blind6: bool = False,
    blind7: bool = False,
    blind8: bool = False,
    blind9: bool = False,
    blind10: bool = False,
    blind11: bool = False,
    blind12: bool = False,
    blind13: bool = False,
    blind14: bool = False,
    blind15: bool = False,
    blind16: bool = False,
    blind17: bool = False,
    blind18: bool = False,
    blind19: bool = False,
) -> list[Document]:
    """Write ``count`` documents and their ``truth.jsonl`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    specs = plan(
        seed=seed,
        count=count,
        held_out=held_out,
        renditions=renditions,
        fresh=fresh,
        blind=blind,
        blind3=blind3,
        blind4=blind4,
        blind5=blind5,
        blind6=blind6,
        blind7=blind7,
        blind8=blind8,
        blind9=blind9,
        blind10=blind10,
        blind11=blind11,
        blind12=blind12,
        blind13=blind13,
        blind14=blind14,
        blind15=blind15,
        blind16=blind16,
        blind17=blind17,
        blind18=blind18,
        blind19=blind19,
    )
    documents = [render_document(spec, directory) for spec in specs]
    write_truth((document.truth for document in documents), directory / TRUTH_FILE)
    return documents


def dev_set(
    directory: Path, *, count: int = 30, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The development documents (for tests and tuning), written into ``directory``."""
    return generate(directory, seed=DEV_SEED, count=count, held_out=False, renditions=renditions)


def bench_set(
    directory: Path, *, count: int = 90, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The held-out benchmark documents: another seed, and variations the dev set lacks."""
    return generate(directory, seed=BENCH_SEED, count=count, held_out=True, renditions=renditions)


def fresh_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The first blind set: its own seed, and only layouts, date and amount styles, wordings of
    the sum and names that neither the development nor the held-out set has (made after the
    reader's author had looked at the held-out set, and read once; since seen)."""
    return generate(
        directory, seed=FRESH_SEED, count=count, held_out=True, renditions=renditions, fresh=True
    )


def blind_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The second blind set: its own seed, and only layouts, date and amount styles, name
    styles, names and receipts that none of the other three sets has (made by a helper who
    never read the reader, after the reader's author had seen the other three; to be read
    once)."""
    return generate(
        directory, seed=BLIND_SEED, count=count, held_out=True, renditions=renditions, blind=True
    )


def blind3_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The third blind set: its own seed, and only layouts, orders, date and amount styles,
    names and receipts that none of the other four sets has (made by a helper who never read
    the reader, after the reader's author had seen the other four; to be read once)."""
    return generate(
        directory, seed=BLIND3_SEED, count=count, held_out=True, renditions=renditions, blind3=True
    )


def blind4_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The fourth blind set: its own seed, and only layouts, date and amount styles, names,
    statements and receipts that none of the other five sets has (made by a helper who never
    read the reader, after the reader's author had seen the other five; to be read once)."""
    return generate(
        directory, seed=BLIND4_SEED, count=count, held_out=True, renditions=renditions, blind4=True
    )


def blind5_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The fifth blind set: its own seed, and only layouts, date and amount styles, wordings,
    names, receipts and renditions (desktop screenshots, turned and black-and-white scans) that
    none of the other six sets has (made by a helper who never read the reader, after the
    reader's author had seen the other six; to be read once)."""
    return generate(
        directory, seed=BLIND5_SEED, count=count, held_out=True, renditions=renditions, blind5=True
    )


def blind6_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The sixth blind set: its own seed, and only layouts, date and amount styles, wordings,
    names, receipts and renditions (a scanner app's PDF, a folded letter, a phone's web
    browser, two screenshots side by side, a PDF opened on a phone) that none of the other
    seven sets has (made by a helper who never read the reader, after the reader's author had
    seen the other seven; to be read once)."""
    return generate(
        directory, seed=BLIND6_SEED, count=count, held_out=True, renditions=renditions, blind6=True
    )


def blind7_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The seventh blind set: its own seed, and only layouts, date and amount styles, wordings,
    names, receipts and renditions (a highlighted scan, a photo of a screen, a phone turned
    sideways, a screenshot sent on through a messaging app) that none of the other eight sets
    has (made by a helper who never read the reader, after the reader's author had seen the
    other eight; to be read once)."""
    return generate(
        directory, seed=BLIND7_SEED, count=count, held_out=True, renditions=renditions, blind7=True
    )


def blind8_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The eighth blind set: its own seed, and only layouts, date and amount styles, wordings,
    names, receipts and renditions (an office scanner's black and white mode, a photo under a
    lamp, a phone in dark mode, two captures joined) that none of the other nine sets has (made
    by a helper who never read the reader, after the reader's author had seen the other nine;
    to be read once)."""
    return generate(
        directory, seed=BLIND8_SEED, count=count, held_out=True, renditions=renditions, blind8=True
    )


def blind9_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The ninth blind set: its own seed, and only layouts, date and amount styles, wordings,
    names, receipts and renditions (a slip on a flatbed's glass, a punched page through a
    document feeder, a crumpled page photographed, a phone's larger text, a notification over a
    screenshot, a pen ring) that none of the other ten sets has (made by a helper who never read
    the reader, after the reader's author had seen the other ten; to be read once)."""
    return generate(
        directory, seed=BLIND9_SEED, count=count, held_out=True, renditions=renditions, blind9=True
    )


def blind10_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The tenth blind set: its own seed, and only layouts, date and amount styles, wordings,
    names, places, receipts and renditions (a sticky note on a scan, print showing through
    from the back, a page held up in the hand, a cropped screenshot, a phone's desktop site,
    bold text) that none of the other eleven sets has (made by a helper who never read the
    reader, after the reader's author had seen the other eleven; to be read once)."""
    return generate(
        directory,
        seed=BLIND10_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind10=True,
    )


def blind11_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The eleventh blind set: its own seed, and only layouts, date and amount styles, wordings,
    names, places, receipts and renditions (a coffee ring on a scan, a corner folded over, a
    photo with the flash, a page in an app's built-in browser, a small phone) that none of the
    other twelve sets has (made by a helper who never read the reader, after the reader's
    author had seen the other twelve; to be read once)."""
    return generate(
        directory,
        seed=BLIND11_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind11=True,
    )


def blind12_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The twelfth blind set: its own seed, and only layouts, date and amount styles, wordings,
    names, places, receipts and renditions (two pages to a sheet, a page in a plastic sleeve,
    a printer low on toner, a shaking hand, a page machine-translated in the phone's browser,
    a full page saved as a PDF, a Samsung phone's JPEG) that none of the other thirteen sets
    has (made by a helper who never read the reader, after the reader's author had seen the
    other thirteen; to be read once)."""
    return generate(
        directory,
        seed=BLIND12_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind12=True,
    )


def blind13_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The thirteenth blind set: its own seed, and only layouts, date and amount styles,
    wordings, names, places, receipts and renditions (a PDF reader's annotations, a landscape
    page stored turned, a photo at a steep angle, a page folded in four, a scanner's halftone
    mode, a tablet, a phone's screen photographed, scrolling screenshots gathered in a PDF, a
    large phone) that none of the other fourteen sets has (made by a helper who never read
    the reader, after the reader's author had seen the other fourteen; to be read once)."""
    return generate(
        directory,
        seed=BLIND13_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind13=True,
    )


def blind14_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The fourteenth blind set: its own seed, and only layouts, date and amount styles,
    wordings, names, places, receipts and renditions (a received stamp on a scan, a duplex
    feeder's blank backs, a phone's keyboard up over a screenshot) that none of the other
    fifteen sets has (made by a helper who never read the reader, after the reader's author
    had seen the other fifteen; to be read once)."""
    return generate(
        directory,
        seed=BLIND14_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind14=True,
    )


def blind15_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The fifteenth blind set: its own seed, and only layouts, date and amount styles,
    wordings, names, places, receipts and renditions (a ballpoint's ticks on a scan, a paper
    clip on a scan, an Android phone in split screen) that none of the other sixteen sets has
    (made by a helper who never read the reader, after the reader's author had seen the other
    sixteen; to be read once)."""
    return generate(
        directory,
        seed=BLIND15_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind15=True,
    )


def blind16_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The sixteenth blind set: its own seed, and only layouts, date and amount styles,
    wordings, names, places, receipts and renditions (a page printed on coloured paper, a page
    fed crooked through a sheet feeder, a screenshot opened again in the phone's photo viewer)
    that none of the other seventeen sets has (made by a helper who never read the reader,
    after the reader's author had seen the other seventeen; to be read once)."""
    return generate(
        directory,
        seed=BLIND16_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind16=True,
    )


def blind17_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The seventeenth blind set: its own seed, and only layouts, date and amount styles,
    wordings, names, places, receipts and renditions (a scan streaked by a feeder's dirty
    glass, a small receipt taped onto an A4 sheet and scanned, a screenshot of an unfolded
    phone's wide inner screen) that none of the other eighteen sets has (made by a helper who
    never read the reader, after the reader's author had seen the other eighteen; to be read
    once)."""
    return generate(
        directory,
        seed=BLIND17_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind17=True,
    )


def blind18_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The eighteenth blind set: its own seed, and only layouts, date and amount styles,
    wordings, names, places, receipts and renditions (a page photographed with the shadow of
    the phone and the hand across it, a receipt with the card terminal's slip stapled onto it,
    a screenshot with the birth date blacked out) that none of the other nineteen sets has
    (made by a helper who never read the reader, after the reader's author had seen the other
    nineteen; to be read once)."""
    return generate(
        directory,
        seed=BLIND18_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind18=True,
    )


def blind19_set(
    directory: Path, *, count: int = 60, renditions: Sequence[str] = RENDITIONS
) -> list[Document]:
    """The nineteenth blind set: its own seed, and only layouts, date and amount styles,
    wordings, names, places, receipts and renditions (a photo stored on its side with the EXIF
    tag that turns it, a receipt printed in dots by an impact printer, a screenshot with a
    video in a floating window) that none of the other twenty sets has (made by a helper who
    never read the reader, after the reader's author had seen the other twenty; to be read
    once)."""
    return generate(
        directory,
        seed=BLIND19_SEED,
        count=count,
        held_out=True,
        renditions=renditions,
        blind19=True,
    )


SETS = {
    "dev": dev_set, "held-out": bench_set, "fresh": fresh_set, "blind": blind_set,
    "blind3": blind3_set, "blind4": blind4_set, "blind5": blind5_set, "blind6": blind6_set,
    "blind7": blind7_set, "blind8": blind8_set, "blind9": blind9_set, "blind10": blind10_set,
    "blind11": blind11_set, "blind12": blind12_set, "blind13": blind13_set,
    "blind14": blind14_set, "blind15": blind15_set, "blind16": blind16_set,
    "blind17": blind17_set, "blind18": blind18_set, "blind19": blind19_set,
}  # fmt: skip
SEEDS = {
    "dev": DEV_SEED, "held-out": BENCH_SEED, "fresh": FRESH_SEED, "blind": BLIND_SEED,
    "blind3": BLIND3_SEED, "blind4": BLIND4_SEED, "blind5": BLIND5_SEED,
    "blind6": BLIND6_SEED, "blind7": BLIND7_SEED, "blind8": BLIND8_SEED,
    "blind9": BLIND9_SEED, "blind10": BLIND10_SEED, "blind11": BLIND11_SEED,
    "blind12": BLIND12_SEED, "blind13": BLIND13_SEED, "blind14": BLIND14_SEED,
    "blind15": BLIND15_SEED, "blind16": BLIND16_SEED, "blind17": BLIND17_SEED,
    "blind18": BLIND18_SEED, "blind19": BLIND19_SEED,
}  # fmt: skip


def write_truth(truths: Iterable[Truth], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for truth in truths:
            out.write(json.dumps(truth.to_json(), ensure_ascii=False) + "\n")


def read_truth(path: Path) -> list[Truth]:
    """The truth of a generated set, from its ``truth.jsonl``."""
    with path.open(encoding="utf-8") as lines:
        return [Truth.from_json(json.loads(line)) for line in lines if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=30)
    chosen = parser.add_mutually_exclusive_group()
    for flag, help_text in (
        ("held-out", "the benchmark's set"),
        ("fresh", "the first blind set (seen)"),
        ("blind", "the second blind set"),
        ("blind3", "the third blind set"),
        ("blind4", "the fourth blind set"),
        ("blind5", "the fifth blind set"),
        ("blind6", "the sixth blind set"),
        ("blind7", "the seventh blind set"),
        ("blind8", "the eighth blind set"),
        ("blind9", "the ninth blind set"),
        ("blind10", "the tenth blind set"),
        ("blind11", "the eleventh blind set"),
        ("blind12", "the twelfth blind set"),
        ("blind13", "the thirteenth blind set"),
        ("blind14", "the fourteenth blind set"),
        ("blind15", "the fifteenth blind set"),
        ("blind16", "the sixteenth blind set"),
        ("blind17", "the seventeenth blind set"),
        ("blind18", "the eighteenth blind set"),
        ("blind19", "the nineteenth blind set"),
    ):
        chosen.add_argument(
            f"--{flag}", dest="corpus_set", action="store_const", const=flag, help=help_text
        )
    parser.add_argument("--seed", type=int, help="default: the set's own seed")
    parser.add_argument("--renditions", default=",".join(RENDITIONS))
    parser.set_defaults(corpus_set="dev")
    arguments = parser.parse_args(argv)
    name = arguments.corpus_set
    started = time.perf_counter()
    documents = generate(
        arguments.directory,
        seed=arguments.seed or SEEDS[name],
        count=arguments.count,
        held_out=name != "dev",
        renditions=tuple(arguments.renditions.split(",")),
        fresh=name == "fresh",
        blind=name == "blind",
        blind3=name == "blind3",
        blind4=name == "blind4",
        blind5=name == "blind5",
        blind6=name == "blind6",
        blind7=name == "blind7",
        blind8=name == "blind8",
        blind9=name == "blind9",
        blind10=name == "blind10",
        blind11=name == "blind11",
        blind12=name == "blind12",
        blind13=name == "blind13",
        blind14=name == "blind14",
        blind15=name == "blind15",
        blind16=name == "blind16",
        blind17=name == "blind17",
        blind18=name == "blind18",
        blind19=name == "blind19",
    )
    pages = sum(document.truth.pages for document in documents)
    print(
        f"{len(documents)} documents ({pages} pages) in {arguments.directory} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
