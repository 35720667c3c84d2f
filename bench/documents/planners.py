"""What each corpus set's documents say and how they are rendered: a *planner* per set (a
document's body and its ``Spec.variant`` from the set's seeded draws and its turns), a *page*
for the sets whose variants change the HTML, and an *own file* for the sets with renditions
of their own. ``sets`` gathers them, one entry a set."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from . import (
    blind3_layouts,
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
    blind18_layouts,
    blind19_layouts,
    content,
    render,
)

if TYPE_CHECKING:
    from .generate import Spec

Body = content.Overview | content.Receipt
Planned = tuple[Body, str]
"""A document's body and how it is rendered (``Spec.variant``, empty for the usual way)."""
Rendered = tuple[bytes, str, int]
"""A rendered file: its bytes, its extension and its number of pages."""


@dataclass(frozen=True, slots=True)
class Turn:
    """Where a document stands in its set: its number, and how many text PDFs (``papers``),
    scans and screenshots (``phones``) went before it, as its set counts them
    (``CorpusSet.overview_turns``). A set that renders by turns picks its variant from these."""

    index: int
    papers: int = 0
    scans: int = 0
    phones: int = 0


Planner = Callable[[random.Random, str, Turn], Planned]
"""A set's planner: a document's body and variant from its own seeded draws, its rendition
(pdf, scan or screenshot) and its turn."""

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


def dev_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A development document: three in ten receipts, the rest helsenorge's overview (as
    cards on a phone)."""
    return _first_body(rng, rendition, held_out=False, fresh=False), ""


def held_out_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A held-out document: as the development set's, in layouts, wordings, amount styles and
    surnames the development set never has."""
    return _first_body(rng, rendition, held_out=True, fresh=False), ""


def fresh_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A fresh (first blind) document: only variations neither the development nor the
    held-out set has."""
    return _first_body(rng, rendition, held_out=True, fresh=True), ""


def _first_body(rng: random.Random, rendition: str, *, held_out: bool, fresh: bool) -> Body:
    if rng.random() < RECEIPT_SHARE:
        return content.receipt(rng, held_out=held_out, fresh=fresh)
    layout = "cards" if rendition == "screenshot" else None
    return content.overview(rng, held_out=held_out, layout=layout, fresh=fresh)


def blind_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A second blind set's document: three in ten receipts, the rest overviews (the app on a
    phone)."""
    if rng.random() < RECEIPT_SHARE:
        return content.blind_receipt(rng), ""
    phone = content.BLIND_PHONE_LAYOUT if rendition == "screenshot" else None
    return content.blind_overview(rng, layout=phone), ""


def blind3_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A third blind set's document: three in ten receipts, the rest overviews (the app on a
    phone)."""
    if rng.random() < RECEIPT_SHARE:
        return content.blind3_receipt(rng), ""
    phone = content.BLIND3_PHONE_LAYOUT if rendition == "screenshot" else None
    return content.blind3_overview(rng, layout=phone), ""


def blind3_file(spec: Spec) -> Rendered | None:
    """The third blind set's own rendition: a receipt scanned is photographed; else None for
    the usual ones."""
    if spec.rendition == "scan" and spec.body.layout in blind3_layouts.PHOTOGRAPHED:
        return render.photo(render.pdf(spec.html()), random.Random(spec.seed))
    return None


def blind4_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A fourth blind set's document: a quarter private psychologists' receipts, a quarter
    physiotherapists' monthly statements, half helsenorge's page (the app on a phone)."""
    share = rng.random()
    if share < BLIND4_RECEIPT_SHARE:
        return content.blind4_receipt(rng), ""
    if share < BLIND4_RECEIPT_SHARE + BLIND4_STATEMENT_SHARE:
        return content.blind4_statement(rng), ""
    phone = content.BLIND4_PHONE_LAYOUT if rendition == "screenshot" else None
    return content.blind4_overview(rng, layout=phone), ""


def blind5_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
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
    if turn.scans % 4 == 2:
        degrees = BLIND5_ROTATIONS[(turn.scans // 4) % len(BLIND5_ROTATIONS)]
        copied = "photocopy_" if turn.scans // 4 == 3 else ""
        return body, f"{copied}rotated_{degrees}"
    return body, "photocopy"


def blind5_file(spec: Spec) -> Rendered | None:
    """The fifth blind set's own renditions (a desktop browser's screenshot, a photocopy, a
    turned scan), or None for the usual ones."""
    if spec.variant.startswith("desktop"):
        assert isinstance(spec.body, content.Overview)
        html = spec.html()
        return render.desktop_screenshot(html, blind5_layouts.desktop(spec.body)[1]), "png", 1
    turned = int(spec.variant.rsplit("_", 1)[1]) if "rotated" in spec.variant else 0
    if spec.variant.startswith("photocopy"):
        return render.photocopy(render.pdf(spec.html()), random.Random(spec.seed), turned)
    if turned:
        return render.rotated_scan(render.pdf(spec.html()), random.Random(spec.seed), turned)
    return None


def blind6_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
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
        return body, ("scanner_app", "folded")[turn.scans % 2]
    if rendition != "screenshot":
        return body, ""
    if isinstance(body, content.Receipt):
        return body, "files_app" if body.layout == "takst_receipt" else "app"
    variant = BLIND6_PHONE_VARIANTS[turn.phones % len(BLIND6_PHONE_VARIANTS)]
    if variant == "side_by_side" and len(body.fees) < 4:
        variant = "ios_browser"
    return body, variant


def blind6_file(spec: Spec) -> Rendered | None:
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


def blind7_page(body: Body, *, phone: bool, variant: str) -> str:
    """The seventh blind set's page (a phone turned sideways, ``landscape``)."""
    return blind7_layouts.html(body, phone=phone, landscape=variant == "landscape")


def blind7_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
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
        return body, ("highlighted", "screen_photo")[turn.scans % 2]
    if rendition != "screenshot":
        return body, ""
    if isinstance(body, content.Receipt):
        return body, "messenger"
    return body, ("landscape", "messenger")[turn.phones % 2]


def blind7_file(spec: Spec) -> Rendered | None:
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


def blind8_page(body: Body, *, phone: bool, variant: str) -> str:
    """The eighth blind set's page (a phone in ``dark`` mode)."""
    return blind8_layouts.html(body, phone=phone, dark=variant == "dark")


def blind8_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
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
        return body, ("bilevel", "lamp_photo")[turn.scans % 2]
    if rendition != "screenshot":
        return body, ""
    if isinstance(body, content.Receipt):
        return body, "dark"
    return body, ("dark", "stitched")[turn.phones % 2]


def blind8_file(spec: Spec) -> Rendered | None:
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


def blind9_page(body: Body, *, phone: bool, variant: str) -> str:
    """The ninth blind set's page (``large_text``, ``marked_up`` with a pen ring)."""
    large_text, marked = variant == "large_text", variant == "marked_up"
    return blind9_layouts.html(body, phone=phone, large_text=large_text, marked=marked)


def blind9_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
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
        return body, BLIND9_SCAN_VARIANTS[turn.scans % len(BLIND9_SCAN_VARIANTS)]
    if rendition != "screenshot":
        return body, ""
    return body, BLIND9_PHONE_VARIANTS[turn.phones % len(BLIND9_PHONE_VARIANTS)]


def blind9_file(spec: Spec) -> Rendered | None:
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


def blind10_page(body: Body, *, phone: bool, variant: str) -> str:
    """The tenth blind set's page (the ``desktop_site``, ``bold_text``)."""
    desktop, bold = variant == "desktop_site", variant == "bold_text"
    return blind10_layouts.html(body, phone=phone, desktop=desktop, bold=bold)


def blind10_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A tenth blind set's document and how it is rendered (``Spec.variant``): a third
    receipts (on paper a till roll or an oral surgeon's receipt, on a phone a text message);
    a till roll scanned is always held up to the camera, other scans by turns with a sticky
    note, printed on the back of used paper and held up; screenshots by turns cropped, the
    desktop site (an overview) and with bold text."""
    body: content.Overview | content.Receipt
    variant = BLIND10_PHONE_VARIANTS[turn.phones % len(BLIND10_PHONE_VARIANTS)]
    if rng.random() < BLIND10_RECEIPT_SHARE:
        on_paper = rendition != "screenshot"
        layouts = BLIND10_PAPER_RECEIPT_LAYOUTS if on_paper else ("sms_receipt",)
        body = content.blind10_receipt(rng, layout=rng.choice(layouts))
        if variant == "desktop_site":
            variant = ("cropped", "bold_text")[turn.phones // len(BLIND10_PHONE_VARIANTS) % 2]
    else:
        layout = None
        if rendition == "screenshot":
            desktop = variant == "desktop_site"
            layout = content.BLIND10_DESKTOP_LAYOUT if desktop else content.BLIND10_PHONE_LAYOUT
        body = content.blind10_overview(rng, layout=layout)
    if rendition == "scan":
        if body.layout == "terminal_roll":
            return body, "held_photo"
        return body, BLIND10_SCAN_VARIANTS[turn.scans % len(BLIND10_SCAN_VARIANTS)]
    if rendition != "screenshot":
        return body, ""
    return body, variant


def blind10_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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


def blind11_page(body: Body, *, phone: bool, variant: str) -> str:
    """The eleventh blind set's page (an ``in_app_browser``, a ``small_phone``)."""
    in_app, small = variant == "in_app_browser", variant == "small_phone"
    return blind11_layouts.html(body, phone=phone, in_app=in_app, small=small)


def blind11_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """An eleventh blind set's document and how it is rendered (``Spec.variant``): a third
    receipts (on paper an allergist's receipt or a printed e-mail, on a phone the payment
    app's); scans by turns with a coffee ring, with a corner folded over and photographed with
    the flash; screenshots by turns in an app's built-in browser and on a small phone (a
    payment app's receipt always on the small phone)."""
    body: content.Overview | content.Receipt
    variant = BLIND11_PHONE_VARIANTS[turn.phones % len(BLIND11_PHONE_VARIANTS)]
    if rng.random() < BLIND11_RECEIPT_SHARE:
        on_paper = rendition != "screenshot"
        choices = content.BLIND11_PAPER_RECEIPT_LAYOUTS if on_paper else ("payment_app",)
        body = content.blind11_receipt(rng, layout=rng.choice(choices))
        variant = "small_phone"
    else:
        phone = content.BLIND11_PHONE_LAYOUT if rendition == "screenshot" else None
        body = content.blind11_overview(rng, layout=phone)
    if rendition == "scan":
        return body, BLIND11_SCAN_VARIANTS[turn.scans % len(BLIND11_SCAN_VARIANTS)]
    if rendition != "screenshot":
        return body, ""
    return body, variant


def blind11_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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


def blind12_page(body: Body, *, phone: bool, variant: str) -> str:
    """The twelfth blind set's page (``translated``, a ``full_page_pdf``)."""
    translated, full_page = variant == "translated", variant == "full_page_pdf"
    return blind12_layouts.html(body, phone=phone, translated=translated, full_page=full_page)


def blind12_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
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
        variant = BLIND12_PHONE_VARIANTS[turn.phones % len(BLIND12_PHONE_VARIANTS)]
        body = content.blind12_overview(
            rng, layout=content.BLIND12_PHONE_LAYOUT, translated=variant == "translated"
        )
    else:
        body = content.blind12_overview(rng)
        if rendition == "pdf":
            variant = BLIND12_PAPER_VARIANTS[turn.papers % len(BLIND12_PAPER_VARIANTS)]
    if rendition == "scan":
        variant = BLIND12_SCAN_VARIANTS[turn.scans % len(BLIND12_SCAN_VARIANTS)]
    return body, variant


def blind12_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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


def blind13_page(body: Body, *, phone: bool, variant: str) -> str:
    """The thirteenth blind set's page (on an ``ipad``)."""
    return blind13_layouts.html(body, phone=phone, ipad=variant == "ipad")


def blind13_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
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
        variant = BLIND13_PHONE_VARIANTS[turn.phones % len(BLIND13_PHONE_VARIANTS)]
        body = content.blind13_overview(
            rng, layout=content.BLIND13_PHONE_LAYOUT, counts=BLIND13_PHONE_COUNTS[variant]
        )
    else:
        body = content.blind13_overview(rng)
        if rendition == "pdf":
            variant = BLIND13_PAPER_VARIANTS[turn.papers % len(BLIND13_PAPER_VARIANTS)]
    if rendition == "scan":
        variant = BLIND13_SCAN_VARIANTS[turn.scans % len(BLIND13_SCAN_VARIANTS)]
    return body, variant


def annotation_marks(body: content.Overview | content.Receipt) -> list[str]:
    """What a thirteenth blind set's annotated PDF highlights: the total, and an overview's
    first line's amount."""
    marks = [blind13_layouts.money(body.total, body.amount_style)]
    if isinstance(body, content.Overview):
        first = sorted(body.fees, key=lambda fee: fee.day, reverse=body.newest_first)[0]
        marks.append(blind13_layouts.money(first.amount, body.amount_style))
    return marks


def blind13_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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


def blind14_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
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
        BLIND14_SCAN_VARIANTS[turn.scans % len(BLIND14_SCAN_VARIANTS)]
        if rendition == "scan"
        else ""
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


def blind14_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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


def blind15_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
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
        BLIND15_SCAN_VARIANTS[turn.scans % len(BLIND15_SCAN_VARIANTS)]
        if rendition == "scan"
        else ""
    )
    return body, variant


def tick_marks(body: content.Overview | content.Receipt) -> list[str]:
    """What a student ticks off on a fifteenth blind set's page: each fee's (each item's)
    amount as printed."""
    amounts = body.items if isinstance(body, content.Receipt) else body.fees
    return [blind15_layouts.money(line.amount, body.amount_style) for line in amounts]


def blind15_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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


def blind16_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A sixteenth blind set's document and how it is rendered (``Spec.variant``): on paper (a
    text PDF or a scan) a psychology practice's annual statement of the user fees paid there
    or, three times in five, a rheumatologist's receipt, the scans by turns on coloured paper and
    fed crooked; on a screen the app, opened again in the phone's photo viewer. The language
    goes round bokmål, nynorsk and English every three documents (``index``), so that each
    rendition has all three alike often."""
    body: content.Overview | content.Receipt
    lang = BLIND16_LANGUAGES[turn.index // 3 % len(BLIND16_LANGUAGES)]
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
        BLIND16_SCAN_VARIANTS[turn.scans % len(BLIND16_SCAN_VARIANTS)]
        if rendition == "scan"
        else ""
    )
    return body, variant


def blind16_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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


def blind17_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A seventeenth blind set's document and how it is rendered (``Spec.variant``): on paper
    (a text PDF or a scan) a student health service's statement, month by month, or a
    neurologist's receipt on an A5 sheet (a text PDF a little over half the time; the scans
    by turns, ``scans``); a scanned statement goes through a feeder with a dirty glass, a
    scanned receipt is taped onto an A4 sheet first; on
    a screen the app on an unfolded phone. The language goes round bokmål, nynorsk and
    English every three documents (``index``), so that each rendition has all three alike
    often."""
    body: content.Overview | content.Receipt
    lang = BLIND17_LANGUAGES[turn.index // 3 % len(BLIND17_LANGUAGES)]
    if rendition == "screenshot":
        body = content.blind17_overview(
            rng, lang, layout=content.BLIND17_PHONE_LAYOUT, counts=BLIND17_PHONE_COUNTS
        )
        return body, "fold_screen"
    receipt = turn.scans % 2 == 0 if rendition == "scan" else rng.random() < BLIND17_RECEIPT_SHARE
    body = content.blind17_receipt(rng, lang) if receipt else content.blind17_overview(rng, lang)
    if rendition != "scan":
        return body, ""
    return body, "taped" if isinstance(body, content.Receipt) else "streaked"


def blind17_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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


def blind18_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """An eighteenth blind set's document and how it is rendered (``Spec.variant``): on paper
    (a text PDF or a scan) a hospital trust's statement of outpatient user fees, department by
    department, or a receipt, by turns a periodontist's and an emergency dental clinic's (three
    text PDFs in four, ``papers``; every other scan, ``scans``); a scanned statement is
    photographed with the shadow of the phone and the hand across it, a scanned receipt has
    the card terminal's slip stapled onto it; on a screen the app, quarter by quarter, the
    birth date blacked out. The language goes round bokmål, nynorsk and English every three
    documents (``index``), so that each rendition has all three alike often."""
    body: content.Overview | content.Receipt
    lang = BLIND18_LANGUAGES[turn.index // 3 % len(BLIND18_LANGUAGES)]
    if rendition == "screenshot":
        body = content.blind18_overview(
            rng, lang, layout=content.BLIND18_PHONE_LAYOUT, counts=BLIND18_PHONE_COUNTS
        )
        return body, "redacted"
    if rendition == "scan":
        receipt, receipts_before = turn.scans % 2 == 0, turn.scans // 2
    else:
        turns = len(BLIND18_PAPER_RECEIPTS)
        receipt = BLIND18_PAPER_RECEIPTS[turn.papers % turns]
        receipts_before = sum(
            BLIND18_PAPER_RECEIPTS[number % turns] for number in range(turn.papers)
        )
    if receipt:
        layouts_ = content.BLIND18_RECEIPT_LAYOUTS
        body = content.blind18_receipt(rng, lang, layouts_[receipts_before % len(layouts_)])
    else:
        body = content.blind18_overview(rng, lang)
    if rendition != "scan":
        return body, ""
    return body, "stapled_slip" if isinstance(body, content.Receipt) else "shadow_photo"


def blind18_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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


def blind19_body(rng: random.Random, rendition: str, turn: Turn) -> Planned:
    """A nineteenth blind set's document and how it is rendered (``Spec.variant``): as a text
    PDF a gastroenterologist's receipt or, two times in five (``papers``), a chiropractor's
    treatment card; as a scan by turns (``scans``) a laboratory's receipt from an impact
    printer, scanned and cropped, and a treatment card photographed with the phone upright
    and stored on its side with the EXIF tag that turns it; on a screen the booking app, a
    video playing in a floating window over a corner. The language goes round bokmål,
    nynorsk and English every three documents (``index``), so that each rendition has all
    three alike often."""
    body: content.Overview | content.Receipt
    lang = BLIND19_LANGUAGES[turn.index // 3 % len(BLIND19_LANGUAGES)]
    if rendition == "screenshot":
        body = content.blind19_overview(
            rng, lang, layout=content.BLIND19_PHONE_LAYOUT, counts=BLIND19_PHONE_COUNTS
        )
        return body, "pip_video"
    if rendition == "scan":
        if turn.scans % 2 == 0:
            return content.blind19_receipt(rng, lang, content.BLIND19_LAB_LAYOUT), "impact_print"
        return content.blind19_overview(rng, lang), "exif_photo"
    if BLIND19_PAPER_RECEIPTS[turn.papers % len(BLIND19_PAPER_RECEIPTS)]:
        return content.blind19_receipt(rng, lang, content.BLIND19_ENDOSCOPY_LAYOUT), ""
    return content.blind19_overview(rng, lang), ""


def blind19_file(spec: Spec, placed: list[render.Placed] | None = None) -> Rendered | None:
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
