"""Positioned words, what every engine gives the parser, and rows made of them.

A word's edges are fractions (0–1) of its page's width and height, from the top left, as in
:class:`~refusjon.intake.reading.records.Box`; an OCR engine that reads phrases gives each
phrase as one word (with spaces inside), which the parser takes the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median

from refusjon.intake.reading.records import Box


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    page: int
    left: float
    top: float
    right: float
    bottom: float
    panel: int = 0
    """Which of the page's panels side by side it stands in (two phone screenshots put
    together as one picture), from the left; each panel's rows are its own."""

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


# A gap between two words wider than this many of their characters parts two cells (a table's
# columns, a band's left and right): a word space is a half to one character wide (monospaced),
# a thousands space no wider.
CELL_GAP = 1.5


@dataclass(frozen=True, slots=True)
class Row:
    """Words that stand on one line of a page, left to right, and their text: words of one cell
    joined by a space, cells by two (so "12" in one column and "345,00" in the next never read
    as 12 345,00); ``spans[i]`` is where ``words[i]`` stands in ``text``."""

    page: int
    words: tuple[Word, ...]
    text: str
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, page: int, words: Iterable[Word]) -> Row:
        ordered = tuple(sorted(words, key=lambda word: word.left))
        spans: list[tuple[int, int]] = []
        parts: list[str] = []
        at = 0
        for index, word in enumerate(ordered):
            if index:
                gap = "  " if _parts_cells(ordered[index - 1], word) else " "
                parts.append(gap)
                at += len(gap)
            spans.append((at, at + len(word.text)))
            parts.append(word.text)
            at += len(word.text)
        return cls(page, ordered, "".join(parts), tuple(spans))

    def cells(self) -> list[tuple[int, str]]:
        """The row's text cell by cell (see :data:`CELL_GAP`), each with where it starts."""
        found: list[tuple[int, str]] = []
        at = 0
        for part in self.text.split("  "):
            if part.strip():
                found.append((at + len(part) - len(part.lstrip()), part.strip()))
            at += len(part) + 2
        return found

    @property
    def top(self) -> float:
        return min(word.top for word in self.words)

    @property
    def bottom(self) -> float:
        return max(word.bottom for word in self.words)

    def words_in(self, start: int, end: int) -> tuple[Word, ...]:
        """The words that the characters ``start:end`` of ``text`` fall in."""
        return tuple(
            word
            for word, (left, right) in zip(self.words, self.spans, strict=True)
            if left < end and start < right
        )

    def box(self, start: int = 0, end: int | None = None) -> Box:
        words = self.words_in(start, len(self.text) if end is None else end) or self.words
        return box_around(words)


def _parts_cells(before: Word, after: Word) -> bool:
    letters = len(before.text) + len(after.text)
    character = (before.right - before.left + after.right - after.left) / max(letters, 1)
    return after.left - before.right > character * CELL_GAP


def box_around(words: Sequence[Word]) -> Box:
    return Box(
        page=words[0].page,
        left=round(float(min(word.left for word in words)), 4),
        top=round(float(min(word.top for word in words)), 4),
        right=round(float(max(word.right for word in words)), 4),
        bottom=round(float(max(word.bottom for word in words)), 4),
    )


def union(boxes: Sequence[Box]) -> Box:
    return Box(
        page=boxes[0].page,
        left=min(box.left for box in boxes),
        top=min(box.top for box in boxes),
        right=max(box.right for box in boxes),
        bottom=max(box.bottom for box in boxes),
    )


def rows(words: Iterable[Word]) -> list[Row]:
    """The words as rows, page by page (panel by panel), top to bottom: a word joins the row
    its middle falls within (half a word's height of the row's middle), so words of one printed
    line that an engine places a little higher or lower (a residual skew, a taller font) stay
    together."""
    by_panel: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        if word.text.strip():
            by_panel.setdefault((word.page, word.panel), []).append(word)
    result: list[Row] = []
    for page, panel in sorted(by_panel):
        result.extend(_page_rows(page, by_panel[page, panel]))
    return result


def _page_rows(page: int, words: list[Word]) -> list[Row]:
    tolerance = median(word.height for word in words) * 0.5
    groups: list[list[Word]] = []
    middles: list[float] = []
    for word in sorted(words, key=lambda word: word.middle):
        if groups and abs(word.middle - middles[-1]) <= tolerance:
            groups[-1].append(word)
            middles[-1] = sum(member.middle for member in groups[-1]) / len(groups[-1])
        else:
            groups.append([word])
            middles.append(word.middle)
    return [Row.of(page, group) for group in groups]


# Where a sheet of two pages side by side may part them (shares of its width), how wide the
# band between them is at least, and the share of the right page's lines that stand level with
# a line of the left page's at which they are one page (two pages' lines meet now and then,
# their footers always; a table's columns share every row).
TWO_UP_MIDDLE = (0.4, 0.6)
TWO_UP_GUTTER = 0.02
TWO_UP_SHARED_LINES = 0.8
# How far apart (a share of a word's height) the middles of two words of one line of a text
# layer are at most.
SAME_LINE = 0.2


def two_up(words: Sequence[Word], width: float, height: float) -> list[Word]:
    """The words of a PDF's landscape sheet that holds two pages side by side (printed "two
    pages per sheet"), each marked with the panel (the page) it stands in, so that the two
    pages' lines are never read as one: where a band down the middle holds no word and the
    right page's lines mostly do not line up with the left's (in a text layer, one line's
    words stand exactly level). Any other page's words as they are."""
    if width <= height or len(words) < 2 or any(word.panel for word in words):
        return list(words)
    low, high = TWO_UP_MIDDLE
    edges = sorted(
        (word.left, word.right) for word in words if word.right > low and word.left < high
    )
    gap_start, best = low, (0.0, 0.0)
    for left, right in edges:
        if left - gap_start > best[1] - best[0]:
            best = (gap_start, left)
        gap_start = max(gap_start, right)
    if high - gap_start > best[1] - best[0]:
        best = (gap_start, high)
    if best[1] - best[0] < TWO_UP_GUTTER:
        return list(words)
    middle = (best[0] + best[1]) / 2
    left_words = [word for word in words if word.centre < middle]
    right_words = [word for word in words if word.centre >= middle]
    if not left_words or not right_words:
        return list(words)
    if _level(left_words, right_words, SAME_LINE):
        return list(words)
    return [
        word
        if word.centre < middle
        else Word(word.text, word.page, word.left, word.top, word.right, word.bottom, panel=1)
        for word in words
    ]


def _level(left_words: Sequence[Word], right_words: Sequence[Word], within: float) -> bool:
    """Whether the lines of ``right_words`` mostly stand level with words of ``left_words``
    (their middles within ``within`` of a word's height): one page's, one table's lines."""
    lines = _page_rows(0, list(right_words))
    shared = sum(
        any(
            abs(line.words[0].middle - other.middle) <= other.height * within
            for other in left_words
        )
        for line in lines
    )
    return shared >= len(lines) * TWO_UP_SHARED_LINES


# How far apart (a share of a word's height) the middles of two words of one line that OCR
# read are at most.
OCR_SAME_LINE = 0.3


def apart(words: Sequence[Word], at: float) -> bool:
    """Whether a rule down a picture at ``at`` (a share of its width) parts panes whose lines
    are their own (an app's list and the detail beside it), not a table's columns, whose rows
    run across it: no word stands over it, there are words on both sides, and the lines of one
    side mostly do not stand level with the other's (a list's many lines may meet the few of
    the detail beside it, but not the other way round)."""
    left = [word for word in words if word.right <= at]
    right = [word for word in words if word.left >= at]
    if not left or not right or len(left) + len(right) < len(words):
        return False
    return not (_level(left, right, OCR_SAME_LINE) and _level(right, left, OCR_SAME_LINE))


def layout_words(text: str, *, columns: int = 100, lines: int = 60) -> list[Word]:
    """Words placed as ``text`` shows them, one character a column and one line a row (pages
    apart by form feeds): how tests and benchmarks write a page's layout by hand."""
    words: list[Word] = []
    for page, page_text in enumerate(text.split("\f"), start=1):
        for line_number, line in enumerate(page_text.splitlines()):
            column = 0
            for token in line.split(" "):
                if token:
                    words.append(
                        Word(
                            token,
                            page,
                            left=column / columns,
                            top=line_number / lines,
                            right=(column + len(token)) / columns,
                            bottom=(line_number + 0.8) / lines,
                        )
                    )
                column += len(token) + 1
    return words
