"""The third blind set: the same files from the same seed, every fee and the total printed on
the page, and only variations that none of the development, held-out, fresh and blind sets
has."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from bench.documents import blind3_layouts, content, generate, layouts, render, sets
from tests.bench.documents import blind_sets
from tests.bench.documents.pdfs import printed, text_of


def blind3_plan(count: int) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind3"], count=count)


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee and the total."""
    assert {spec.body.layout for spec in specs} >= {"carried", "status"}
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        text = text_of(document.path.read_bytes())
        rows = text.splitlines()
        assert truth.name in " ".join(text.split())
        assert printed(layouts.money(truth.total, body.amount_style)) in text
        if isinstance(body, content.Receipt):
            assert printed(layouts.day(body.day, body.date_style, body.language)) in text
            continue
        pairs = Counter((line.date, line.amount) for line in truth.lines)
        for (when, amount), times in pairs.items():
            shown_day = printed(layouts.day(when, body.date_style, body.language))
            shown_amount = printed(layouts.money(amount, body.amount_style))
            # A row whose provider or service wraps goes on over the next lines.
            found = sum(
                shown_day in row and shown_amount in " ".join(rows[index : index + 3])
                for index, row in enumerate(rows)
            )
            assert found >= times


def test_a_long_overview_carries_its_sum_from_page_to_page(tmp_path: Path) -> None:
    spec = next(
        spec
        for spec in blind3_plan(60)
        if spec.body.layout == "carried" and len(spec.body.fees) > 2 * blind3_layouts.ROWS_A_PAGE
    )
    body = spec.body
    assert isinstance(body, content.Overview)
    document = generate.render_document(
        generate.Spec(spec.index, spec.seed, "pdf", body, True), tmp_path
    )
    pages = document.truth.pages
    assert pages == -(-len(body.fees) // blind3_layouts.ROWS_A_PAGE) > 2
    words = blind3_layouts.WORDS[body.language]
    text = text_of(document.path.read_bytes())
    fees = blind3_layouts.sorted_fees(body)
    for page in range(1, pages):
        carried = sum(
            (fee.amount for fee in fees[: page * blind3_layouts.ROWS_A_PAGE]), Decimal("0.00")
        )
        shown = printed(layouts.money(carried, body.amount_style))
        assert f"{words['carried']} {shown}" in " ".join(text.split())
        assert f"{words['brought']} {shown}" in " ".join(text.split())
    assert text.count(str(words["provider"])) == pages  # the table's header on every page


def test_every_receipt_fits_on_one_page_photographed_or_not() -> None:
    receipts = [spec for spec in blind3_plan(300) if isinstance(spec.body, content.Receipt)]
    longest = {}
    for spec in receipts:
        body = spec.body
        key = (body.layout, body.payment)
        if key not in longest or len(body.items) > len(longest[key].body.items):
            longest[key] = spec
    assert set(longest) == {("dental_discount", ""), ("clinic_payment", "vipps"),
                            ("clinic_payment", "cash")}  # fmt: skip
    for spec in longest.values():
        assert render.page_count(render.pdf(spec.html())) == 1


def variations(specs: list[generate.Spec]) -> set[str]:
    found = set()
    for spec in specs:
        body = spec.body
        found |= {f"layout:{body.layout}", f"amount:{body.amount_style}"}
        found.add(f"date:{body.date_style}")
        if isinstance(body, content.Overview):
            found |= {f"wording:{body.wording}", f"order:{body.order}"}
    return found


def test_the_third_blind_set_has_only_what_the_other_four_sets_never_show() -> None:
    seen_specs = blind_sets.specs_before("blind3")
    seen = variations(seen_specs)
    blind3 = blind3_plan(300)
    new = variations(blind3) - {"order:date"}  # its long overviews and the app go by date
    assert {"order:amount", "order:provider"} <= new
    for kind in ("layout", "amount", "date", "wording", "order"):
        assert not {v for v in new if v.startswith(kind)} & seen, kind
    layouts_made = {v.removeprefix("layout:") for v in new if v.startswith("layout")}
    assert layouts_made == blind3_layouts.LAYOUTS
    names = {spec.truth("x", 1).name for spec in blind3}
    seen_names = {spec.truth("x", 1).name for spec in seen_specs}
    seen_words = {word for name in seen_names for word in name.split()}
    assert not names & seen_names
    assert all(name.split()[0] not in seen_words for name in names)
    surnames = {name.split(" ", 1)[1] for name in names}
    assert surnames <= set(content.BLIND3_SURNAMES)
    assert not surnames & {name.split(" ", 1)[-1] for name in seen_names}
    assert any("'" in name for name in names) and any(" von " in name for name in names)
    assert not any(
        spec.body.payment for spec in seen_specs if isinstance(spec.body, content.Receipt)
    )


def test_every_third_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind3_plan(300):
        body, truth = spec.body, spec.truth("x", 1)
        assert sum(line.amount for line in truth.lines) == truth.total > 0
        if isinstance(body, content.Overview):
            assert truth.total < body.limit
            assert all(line.date.year == body.year for line in truth.lines)
            continue
        assert truth.lines[0].date == body.day and body.day.weekday() < 5
        if body.layout == "dental_discount":
            *treatments, discount = body.items
            before = sum((item.amount for item in treatments), Decimal("0.00"))
            assert discount.amount < 0 and all(item.amount > 0 for item in treatments)
            assert truth.total == before + discount.amount
        else:
            assert body.payment in ("vipps", "cash")
