"""Documents a student uploads, made for the tests: a helsenorge-like overview of user fees
paid as a text PDF (WeasyPrint), and the same page as a scan-like PNG."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape

from refusjon.letters.pdf import weasyprint


def overview_html(name: str, fees: list[tuple[date, str, str]], total: str | None = None) -> str:
    rows = "".join(
        f"<tr><td>{day:%d.%m.%Y}</td><td>{escape(provider)}</td><td>Egenandel</td>"
        f"<td class='n'>{amount.replace('.', ',')}</td></tr>"
        for day, provider, amount in fees
    )
    total = total or str(sum((Decimal(amount) for _d, _p, amount in fees), Decimal("0.00")))
    return f"""<!doctype html><html lang="nb"><head><meta charset="utf-8"><style>
      @page {{ size: A4; margin: 2cm }}
      body {{ font-family: sans-serif; font-size: 11pt }}
      td, th {{ padding: 4pt 8pt; text-align: left }} .n {{ text-align: right }}
    </style></head><body>
      <h1>Egenandeler</h1>
      <p>Navn: {escape(name)}</p>
      <p>Fødselsnummer: 090401 *****</p>
      <table><thead><tr><th>Dato</th><th>Behandler</th><th>Tjeneste</th>
      <th class="n">Beløp</th></tr></thead><tbody>{rows}</tbody></table>
      <p>Sum egenandeler: {total.replace(".", ",")} kr</p>
    </body></html>"""


def overview_pdf(name: str, fees: list[tuple[date, str, str]], total: str | None = None) -> bytes:
    data: bytes = weasyprint().HTML(string=overview_html(name, fees, total)).write_pdf()
    return data


def overview_png(name: str, fees: list[tuple[date, str, str]]) -> bytes:
    """The overview's page as a grey scan at about 150 dpi."""
    import io

    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(overview_pdf(name, fees))
    try:
        image = document[0].render(scale=150 / 72).to_pil().convert("L")
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
