"""What a reader hands the parser: a flat list of paragraphs and tables, in reading order.

Readers know file formats (text, .docx, .html); the parser knows plans. Nothing else crosses.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Paragraph:
    text: str
    # A hint from the source's own markup: Word "Heading N" style / outline level, or <hN> in HTML.
    heading_level: int | None = None


@dataclass(slots=True)
class Table:
    """A real table. A one-cell table (or a Word text box) is how a 专栏 box often arrives:
    its cell text keeps its paragraphs joined by "\\n"."""

    rows: list[list[str]]


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    path: str
    fmt: str  # "text" | "docx" | "html"
    blocks: list[Block] = field(default_factory=list)
    encoding: str | None = None  # for text and html: the detected encoding

    def plain_text(self) -> str:
        """All text in reading order, one paragraph a line; tables one cell a line."""
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Paragraph):
                out.append(b.text)
            else:
                for row in b.rows:
                    out.extend(row)
        return "\n".join(out)
