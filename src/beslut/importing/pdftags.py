"""Which paragraph each piece of a tagged PDF's text belongs to (no Qt).

A tagged PDF (LibreOffice's and Word's exports are tagged by default, PDF/A-1a must
be) has a structure tree: a paragraph, a heading, a list item's body and a table's cell
are elements, and the text they hold is marked in the pages' content with numbers
(MCIDs) that the elements name. A paragraph that goes on over a page names marks on
both pages; two paragraphs name marks of their own. That tells where a paragraph
ends, also where the text's look cannot (a full last line at the foot of a full page).
"""

from __future__ import annotations

from typing import Any

# Elements inside a paragraph: their text belongs to the block around them.
INLINE = frozenset(
    {"/Span", "/Link", "/Note", "/Reference", "/Quote", "/Lbl", "/Annot", "/Code"}
    | {"/BibEntry", "/Ruby", "/Warichu", "/Form"}
)
MAX_NODES = 200_000  # a structure tree larger than this is not read (nor one with loops)

Marks = dict[tuple[int, int], int]  # (page's object number, MCID) -> the block's number


def block_marks(reader: Any) -> Marks:
    """The block each marked piece of text belongs to; empty for an untagged PDF or a
    structure tree that cannot be read."""
    try:
        tree = reader.trailer["/Root"].get("/StructTreeRoot")
        if tree is None:
            return {}
        tree = tree.get_object()
        roles = tree.get("/RoleMap") or {}
        return _walk(tree.get("/K"), {str(k): str(v) for k, v in roles.items()})
    except (KeyError, TypeError, AttributeError, ValueError, RecursionError):
        return {}


def _walk(kids: Any, roles: dict[str, str]) -> Marks:
    marks: Marks = {}
    seen: set[int] = set()
    blocks = 0
    # (node, its page's object number, the block it belongs to)
    todo: list[tuple[Any, int, int]] = [(kids, -1, -1)]
    nodes = 0
    while todo:
        nodes += 1
        if nodes > MAX_NODES:
            return {}
        node, page, block = todo.pop()
        reference = getattr(node, "idnum", None)
        if reference is not None:
            if reference in seen:
                continue
            seen.add(reference)
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, int):
            marks[(page, node)] = block
        elif isinstance(node, list):
            todo.extend((kid, page, block) for kid in reversed(node))
        elif isinstance(node, dict):
            where = node.get("/Pg")
            page = getattr(where, "idnum", page)
            if node.get("/Type") == "/MCR":
                mcid = node.get("/MCID")
                if isinstance(mcid, int):
                    marks[(page, mcid)] = block
                continue
            if node.get("/Type") == "/OBJR":
                continue
            kind = str(node.get("/S", ""))
            if roles.get(kind, kind) not in INLINE:
                blocks += 1
                block = blocks
            if "/K" in node:
                todo.append((node["/K"], page, block))
    return marks


SHOWS = frozenset({b"Tj", b"TJ", b"'", b'"'})  # the operators that show text


class MarkedContent:
    """The MCID the text being shown is marked with, from pypdf's operator callback.

    pypdf hands text to the visitor when it gathers no more (at a move, a font change,
    the end of the text object), which may be after the next paragraph's mark began:
    the mark is taken where the text was shown, the first showing since the last hand-
    over."""

    def __init__(self, page: int) -> None:
        self.page = page
        self._stack: list[int | None] = []
        self._shown: int | None = None  # the MCID where text was first shown since
        self._showing = False

    def operator(self, op: bytes, args: Any, _cm: Any, _tm: Any) -> None:
        if op in SHOWS:
            if not self._showing:
                self._shown, self._showing = self._current(), True
        elif op == b"BDC":
            props: Any = args[1] if len(args) > 1 else None
            if hasattr(props, "get_object"):
                props = props.get_object()
            mcid = props.get("/MCID") if isinstance(props, dict) else None
            self._stack.append(mcid if isinstance(mcid, int) else None)
        elif op == b"BMC":
            self._stack.append(None)
        elif op == b"EMC" and self._stack:
            self._stack.pop()

    def _current(self) -> int | None:
        return next((m for m in reversed(self._stack) if m is not None), None)

    def block(self, marks: Marks) -> int:
        """The block of the text handed over now; -1 when it is not known."""
        mcid = self._shown if self._showing else self._current()
        self._showing = False
        return marks.get((self.page, mcid), -1) if mcid is not None else -1
