"""What the blind sets' tests share: the order a document prints its lines in, where a PDF
prints a text and whether a picture shows it, the variations a set draws from, and the specs
of every set made before the thirteenth (the later sets' tests add their own)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import numpy as np
import pypdfium2 as pdfium

from bench.documents import content, generate, render, sets
from tests.bench.documents.pdfs import in_pixels, printed

Box = tuple[float, float, float, float]


def in_order(body: content.Overview | content.Receipt) -> list[tuple[date, Decimal]]:
    """The lines' dates and amounts in the order the document prints them."""
    if isinstance(body, content.Receipt):
        return [(body.day, body.total)]
    fees = sorted(body.fees, key=lambda fee: fee.day, reverse=body.newest_first)
    return [(fee.day, fee.amount) for fee in fees]


def occurrences(pdf: bytes, text: str) -> list[tuple[int, list[Box], set[int]]]:
    """Where ``text`` is printed in the PDF: the page, the boxes (PDF points) of its letters
    and their indices on the page (a space in ``text`` stands for any run of spaces)."""
    wanted = r"\s+".join(re.escape(part) for part in printed(text).split())
    found = []
    document = pdfium.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number].get_textpage()
            letters = page.get_text_range().replace("\u00a0", " ")
            assert len(letters) == page.count_chars()
            for match in re.finditer(wanted, letters):
                indices = {i for i in range(match.start(), match.end()) if not letters[i].isspace()}
                found.append((number, [page.get_charbox(i) for i in sorted(indices)], indices))
    finally:
        document.close()
    return found


def media_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's width and height as its content is drawn (before the page's rotation)."""
    document = pdfium.PdfDocument(pdf)
    try:
        sizes = []
        for number in range(len(document)):
            left, bottom, right, top = document[number].get_mediabox()
            sizes.append((right - left, top - bottom))
        return sizes
    finally:
        document.close()


def overlaps(box: Box, others: np.ndarray, inset: float = 0.4) -> np.ndarray:
    """Which of the other boxes (rows of left, bottom, right, top) overlap the box, each made a
    little smaller first (glyph boxes of neighbours touch)."""
    if not len(others):
        return np.zeros(0, dtype=bool)
    return (
        (box[0] + inset < others[:, 2] - inset)
        & (others[:, 0] + inset < box[2] - inset)
        & (box[1] + inset < others[:, 3] - inset)
        & (others[:, 1] + inset < box[3] - inset)
    )


def seen(
    boxes: list[Box], height: float, where: render.Placed, picture: np.ndarray
) -> tuple[bool, str]:
    """Whether the letters (``boxes``, PDF points of a page ``height`` tall) are seen whole in
    the picture: inside it, under nothing, dark on light; and if not, why."""
    corners = []
    for box in boxes:
        left, top, right, bottom = in_pixels(box, height, where.scale)
        for hidden in where.covered:
            if left < hidden[2] and hidden[0] < right and top < hidden[3] and hidden[1] < bottom:
                return False, "covered"
        corners += [where.where(x, y) for x in (left, right) for y in (top, bottom)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    slack = where.slack + 1
    if min(xs) - slack < 0 or max(xs) + slack > where.size[0]:
        return False, "cut at the side"
    if min(ys) - slack < 0 or max(ys) + slack > where.size[1]:
        return False, "cut at the top or foot"
    region = picture[int(min(ys)) : int(max(ys)) + 1, int(min(xs)) : int(max(xs)) + 1]
    if not region.size:
        return False, "no pixels"
    dark, light = np.percentile(region, 3), np.percentile(region, 97)
    if dark >= 125 or light <= 140:
        return False, f"faint ({dark:.0f}, {light:.0f})"
    return True, ""


def variations(specs: list[generate.Spec]) -> set[str]:
    found = set()
    for spec in specs:
        body = spec.body
        found |= {f"layout:{body.layout}", f"amount:{body.amount_style}"}
        found.add(f"date:{body.date_style}")
        if isinstance(body, content.Overview):
            found.add(f"wording:{body.wording}")
        else:
            found.add(f"profession:{body.profession}")
    return found


def earlier_specs() -> list[generate.Spec]:
    return (
        generate.plan(sets.SETS["dev"], count=300)
        + generate.plan(sets.SETS["held-out"], count=300)
        + generate.plan(sets.SETS["fresh"], count=300)
        + generate.plan(sets.SETS["blind"], count=300)
        + generate.plan(sets.SETS["blind3"], count=300)
        + generate.plan(sets.SETS["blind4"], count=300)
        + generate.plan(sets.SETS["blind5"], count=300)
        + generate.plan(sets.SETS["blind6"], count=300)
        + generate.plan(sets.SETS["blind7"], count=300)
        + generate.plan(sets.SETS["blind8"], count=300)
        + generate.plan(sets.SETS["blind9"], count=300)
        + generate.plan(sets.SETS["blind10"], count=300)
        + generate.plan(sets.SETS["blind11"], count=300)
        + generate.plan(sets.SETS["blind12"], count=300)
    )


def specs_before(name: str, count: int = 300) -> list[generate.Spec]:
    """The plans of every set made before the blind set ``name`` ("blind19"): the earlier
    sets', and the later blind sets' from the thirteenth up to it."""
    later = [f"blind{number}" for number in range(13, int(name.removeprefix("blind")))]
    return earlier_specs() + [
        spec for later_name in later for spec in generate.plan(sets.SETS[later_name], count=count)
    ]


def assert_nothing_seen(
    own: list[generate.Spec], seen: list[generate.Spec], places: Iterable[str]
) -> None:
    """That a blind set shares with the sets ``seen`` no variation (layout, notation, wording,
    profession, rendition variant), no name nor a word of one, no provider, and none of its
    ``places`` among the words of their providers and addresses."""
    assert not variations(own) & variations(seen)
    variants = {spec.variant for spec in own} - {""}
    assert variants and not variants & {spec.variant for spec in seen}
    names = {spec.truth("x", 1).name for spec in own}
    seen_names = {spec.truth("x", 1).name for spec in seen}
    seen_words = {word.casefold() for name in seen_names for word in name.split()}
    assert not names & seen_names
    assert not {word.casefold() for name in names for word in name.split()} & seen_words
    seen_providers = {line.provider for spec in seen for line in spec.truth("x", 1).lines}
    seen_texts = " ".join(
        sorted(seen_providers | {getattr(spec.body, "address", "") for spec in seen})
    )
    assert not set(places) & set(re.findall(r"\w+", seen_texts))
    providers = {line.provider for spec in own for line in spec.truth("x", 1).lines}
    assert not providers & seen_providers
