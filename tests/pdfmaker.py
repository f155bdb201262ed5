"""PDFs made at test time with reportlab: wrapped, multi-page, with running furniture."""

from __future__ import annotations

import io
import textwrap

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer


def justified_article(title: str, dateline: str, paragraphs: list[str], header: str) -> bytes:
    """Platypus layout: justified body (word spacing stretched), header and 'Page N' footer."""
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    body.alignment, body.fontSize, body.leading = TA_JUSTIFY, 11, 14

    def furniture(c: canvas.Canvas, doc: SimpleDocTemplate) -> None:
        c.saveState()
        c.setFont("Helvetica", 9)
        c.drawString(72, A4[1] - 40, header)
        c.drawRightString(A4[0] - 72, 30, f"Page {doc.page}")
        c.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, title=title, author="Mara Lindqvist")
    story = [Paragraph(title, styles["Title"]), Paragraph(dateline, body), Spacer(1, 12)]
    for text in paragraphs:
        story += [Paragraph(text, body), Spacer(1, 6)]
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


def hand_set_article(paragraphs: list[str], header: str, *, per_word: bool = False) -> bytes:
    """Lines placed one by one: first-line indents, long words hyphenated at line ends,
    '– N –' page numbers; ``per_word`` draws each word apart with no space character."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    page, y = 1, height - 90

    def furniture() -> None:
        c.setFont("Helvetica", 9)
        c.drawString(72, height - 45, header)
        c.drawCentredString(width / 2, 35, f"– {page} –")
        c.setFont("Times-Roman", 12)

    furniture()
    for text in paragraphs:
        lines = textwrap.wrap(text, 62, break_on_hyphens=False)
        for i in range(len(lines) - 1):  # hyphenate the next line's long first word
            first, _, rest = lines[i + 1].partition(" ")
            if len(first) >= 8 and first.isalpha():
                half = len(first) // 2
                lines[i] += f" {first[:half]}-"
                lines[i + 1] = f"{first[half:]} {rest}".strip()
        for i, line in enumerate(lines):
            if y < 80:
                c.showPage()
                page, y = page + 1, height - 90
                furniture()
            x = 72 + (18 if i == 0 else 0)
            if per_word:
                for word in line.split():
                    c.drawString(x, y, word)
                    x += stringWidth(word, "Times-Roman", 12) + 3.2
            else:
                c.drawString(x, y, line)
            y -= 15
        y -= 10
    c.save()
    return out.getvalue()
