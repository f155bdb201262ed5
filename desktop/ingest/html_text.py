"""trafilatura's XML body -> the text an analyst reads and cites.

One paragraph per block (heading, paragraph, list item, table row, quote), blocks
separated by a blank line, line breaks inside a block kept, other whitespace
collapsed: the same shape the plain-text and fallback readers produce.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLOCKS = frozenset({"head", "p", "item", "row", "code", "quote", "cell"})
_CONTAINERS = frozenset({"list", "table", "div", "main", "body", "doc", "quote"})


def _inline(element) -> str:  # noqa: ANN001 - an lxml element
    """Text of one block, <lb/> as a line break, whitespace collapsed per line."""
    parts: list[str] = []

    def walk(node) -> None:  # noqa: ANN001
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            elif child.tag == "cell":
                if parts and not parts[-1].endswith(" | "):
                    parts.append(" | ")
                walk(child)
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    raw = "".join(parts).strip(" |")
    if element.tag == "code":
        return raw.strip("\n")
    lines = (_SPACE.sub(" ", line).strip() for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def body_text(body) -> str:  # noqa: ANN001 - an lxml element
    """Blocks of a trafilatura body, iteratively (deep bodies cannot overflow a stack)."""
    blocks: list[str] = []
    stack = [iter([body])]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        has_blocks = any(isinstance(c.tag, str) and c.tag in _BLOCKS - {"cell"} for c in node)
        if tag in _CONTAINERS and (tag != "quote" or has_blocks):
            if node.text and node.text.strip() and tag not in ("list", "table"):
                blocks.append(_SPACE.sub(" ", node.text).strip())
            stack.append(iter(node))
            continue
        if tag:  # a block, or an inline element standing alone
            text = _inline(node)
            if text:
                blocks.append(text)
        if node.tail and node.tail.strip() and len(stack) > 1:
            blocks.append(_SPACE.sub(" ", node.tail).strip())
    return "\n\n".join(blocks)
