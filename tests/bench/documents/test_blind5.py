"""The fifth blind set: made only of what none of the other six sets has, and true to itself
(checked without the reader, which is never run on it here)."""

from __future__ import annotations

from collections import Counter

from bench.documents import blind5_layouts, content, generate, render, sets
from tests.bench.documents.pdfs import printed, text_of


def blind5_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind5"], count=count, renditions=renditions)


def shown(text: str) -> str:
    """As the PDF's text gives it back: no-break spaces, narrow or not, as plain ones."""
    return printed(text).replace(blind5_layouts.NNBSP, " ")


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee and the total."""
    assert {spec.body.layout for spec in specs} >= {content.BLIND5_OVERVIEW_LAYOUT}
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        text = shown(text_of(document.path.read_bytes()))
        flat = " ".join(text.split())
        assert truth.name in flat
        assert shown(blind5_layouts.money(truth.total, body.amount_style)) in text
        rows = text.splitlines()
        pairs = Counter((line.date, line.amount) for line in truth.lines)
        for (when, amount), times in pairs.items():
            shown_day = blind5_layouts.day(when, body.date_style)
            shown_amount = shown(blind5_layouts.money(amount, body.amount_style))
            found = sum(shown_day in row and shown_amount in row for row in rows)
            if isinstance(body, content.Receipt):
                found = int(shown_day in text and shown_amount in text)
            assert found >= times


def test_a_printed_overview_has_its_sum_and_its_columns() -> None:
    overview = next(
        spec.body
        for spec in blind5_plan(60)
        if spec.body.layout == content.BLIND5_OVERVIEW_LAYOUT and spec.body.language == "nb"
    )
    assert isinstance(overview, content.Overview)
    html = generate.Spec(0, 0, "pdf", overview, True).html()
    assert "Sum egenandeler hittil i år" in html and "Virksomhet" in html
    assert ("Kategori" in html) or ("Helsetjeneste" in html)
    for fee in overview.fees:
        assert blind5_layouts.day(fee.day, overview.date_style) in html


def test_every_receipt_and_desktop_page_fits_on_one_page() -> None:
    specs = blind5_plan(300)
    for layout in content.BLIND5_RECEIPT_LAYOUTS:
        longest = max(
            (spec for spec in specs if spec.body.layout == layout),
            key=lambda spec: len(getattr(spec.body, "items", ())),
        )
        assert render.page_count(render.pdf(longest.html())) == 1
    desktop = max(
        (spec for spec in specs if spec.body.layout == content.BLIND5_DESKTOP_LAYOUT),
        key=lambda spec: len(getattr(spec.body, "fees", ())),
    )
    assert render.page_count(render.pdf(desktop.html())) == 1


def test_the_renditions_mix_desktop_phone_turned_and_black_and_white() -> None:
    specs = blind5_plan(60)
    variants = Counter(spec.variant for spec in specs)
    turned = sum(n for variant, n in variants.items() if "rotated" in variant)
    assert 3 <= turned <= 5
    assert variants["photocopy"] >= 10
    assert sum(n for v, n in variants.items() if v.startswith("desktop")) >= 4
    assert variants["phone"] >= 6
    assert all(spec.variant == "" for spec in specs if spec.rendition == "pdf")
    assert {spec.body.layout for spec in specs} == blind5_layouts.LAYOUTS


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


def test_the_fifth_blind_set_has_only_what_the_other_six_sets_never_show() -> None:
    seen_specs = (
        generate.plan(sets.SETS["dev"], count=300)
        + generate.plan(sets.SETS["held-out"], count=300)
        + generate.plan(sets.SETS["fresh"], count=300)
        + generate.plan(sets.SETS["blind"], count=300)
        + generate.plan(sets.SETS["blind3"], count=300)
        + generate.plan(sets.SETS["blind4"], count=300)
    )
    seen = variations(seen_specs)
    blind5 = blind5_plan(300)
    new = variations(blind5)
    assert not new & seen
    assert not any(spec.variant for spec in seen_specs)
    names = {spec.truth("x", 1).name for spec in blind5}
    seen_names = {spec.truth("x", 1).name for spec in seen_specs}
    seen_words = {word for name in seen_names for word in name.split()}
    assert not names & seen_names
    assert not {word for name in names for word in name.split()} & seen_words


def test_every_fifth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind5_plan(300):
        body, truth = spec.body, spec.truth("x", 1)
        assert sum(line.amount for line in truth.lines) == truth.total > 0
        if isinstance(body, content.Overview):
            assert truth.kind == "user_fee_overview"
            assert truth.total < body.limit
            assert all(line.date.year == body.year for line in truth.lines)
            continue
        assert truth.kind == "receipt" and truth.lines[0].date == body.day
        assert truth.receipt is not None and len(truth.receipt.organisation_number) == 9
        assert truth.total < content.EXEMPTION_CARD_LIMIT[body.day.year]
