"""A seeded corpus of helsenorge user-fee overviews and providers' receipts, with their truth.

The sets (the development set, the held-out benchmark set, the fresh set and the blind sets,
never mixed) are listed in ``sets``, each with its seed, its planner and its layouts. The same
set, seed, count and renditions give the same files, byte for byte.

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
        [--dev | --held-out | --fresh | --blind | --blind3 | ... | --blind20]
        [--seed N]
        [--renditions pdf,scan,screenshot]

with a flag for every set in ``sets`` (``--help`` lists them); the development set is the
default.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import content, layouts, render, sets
from .planners import Rendered, Turn

RENDITIONS = ("pdf", "scan", "screenshot")
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
        corpus_set = sets.of_layout(self.body.layout)
        if corpus_set is not None:
            return corpus_set.html(self.body, phone=phone, variant=self.variant)
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
    corpus_set: sets.CorpusSet,
    *,
    count: int,
    seed: int | None = None,
    renditions: Sequence[str] = RENDITIONS,
) -> list[Spec]:
    """What each document of ``corpus_set`` will say, without rendering anything (cheap);
    ``seed`` in place of the set's own."""
    seed = corpus_set.seed if seed is None else seed
    specs = []
    papers = scans = phones = 0
    for index in range(count):
        rng = random.Random(f"{corpus_set.stream}{seed}:{index}")
        rendition = renditions[index % len(renditions)]
        body, variant = corpus_set.planner(rng, rendition, Turn(index, papers, scans, phones))
        takes_turn = not corpus_set.overview_turns or isinstance(body, content.Overview)
        papers += rendition == "pdf" and takes_turn
        scans += rendition == "scan"
        phones += rendition == "screenshot" and takes_turn
        spec = Spec(index, rng.randrange(2**32), rendition, body, corpus_set.held_out, variant)
        specs.append(spec)
    return specs


def render_document(spec: Spec, directory: Path) -> Document:
    """Write one document into ``directory`` and return it with its truth."""
    corpus_set = sets.of_layout(spec.body.layout)
    own = corpus_set.own_file(spec) if corpus_set and corpus_set.own_file else None
    data, extension, pages = own if own is not None else usual_file(spec)
    path = directory / f"{spec.stem}.{extension}"
    path.write_bytes(data)
    return Document(path, spec.truth(path.name, pages))


def usual_file(spec: Spec) -> Rendered:
    """A document as a phone's screenshot, a scan or a text PDF, by its rendition."""
    html = spec.html()
    if spec.rendition == "screenshot":
        return render.screenshot(html), "png", 1
    text_pdf = render.pdf(html)
    if spec.rendition == "scan":
        return render.scan(text_pdf, random.Random(spec.seed))
    return text_pdf, "pdf", render.page_count(text_pdf)


def generate(
    directory: Path,
    corpus_set: sets.CorpusSet,
    *,
    count: int,
    seed: int | None = None,
    renditions: Sequence[str] = RENDITIONS,
) -> list[Document]:
    """Write ``count`` documents of ``corpus_set`` and their ``truth.jsonl`` into
    ``directory``; ``seed`` in place of the set's own."""
    directory.mkdir(parents=True, exist_ok=True)
    specs = plan(corpus_set, count=count, seed=seed, renditions=renditions)
    documents = [render_document(spec, directory) for spec in specs]
    write_truth((document.truth for document in documents), directory / TRUTH_FILE)
    return documents


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
    for corpus_set in sets.SETS.values():
        chosen.add_argument(
            f"--{corpus_set.name}",
            dest="corpus_set",
            action="store_const",
            const=corpus_set.name,
            help=corpus_set.description,
        )
    parser.add_argument("--seed", type=int, help="default: the set's own seed")
    parser.add_argument("--renditions", default=",".join(RENDITIONS))
    parser.set_defaults(corpus_set="dev")
    arguments = parser.parse_args(argv)
    started = time.perf_counter()
    documents = generate(
        arguments.directory,
        sets.SETS[arguments.corpus_set],
        count=arguments.count,
        seed=arguments.seed or None,
        renditions=tuple(arguments.renditions.split(",")),
    )
    pages = sum(document.truth.pages for document in documents)
    print(
        f"{len(documents)} documents ({pages} pages) in {arguments.directory} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
