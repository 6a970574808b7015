"""A Word paragraph's inline content as a flat list of leaves, with its fields grouped.

``paragraph_leaves(p)`` walks a ``w:p`` the way Word shows it: runs (and runs
inside links, content controls, smart tags, custom XML and tracked
insertions, and the base text of ruby), one leaf per text, tab, break,
symbol, field character, picture, note reference, bookmark, comment anchor.
Links and inline content controls give an "open" and a "close" leaf around
their content. The reading of a ruby (``w:rt``), proofing marks, soft hyphens
and Word's cached page-break positions give no leaf.

``group_fields(leaves)`` then turns every field into one atom (instruction and
result together, ECMA-376 §17.16.18 complex fields and §17.16.19 simple fields),
except where a field is not whole inside the paragraph (a table of contents
starts in its first entry and ends after its last): there the field's start
(up to its separator) and its end are atoms of their own and the result
between them is ordinary content. A ``HYPERLINK`` field whose result holds
words becomes a link span like ``w:hyperlink``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

W_R, W_T, W_RPR, W_PPR = qn("w:r"), qn("w:t"), qn("w:rPr"), qn("w:pPr")
W_HYPERLINK, W_SDT, W_SDT_CONTENT = qn("w:hyperlink"), qn("w:sdt"), qn("w:sdtContent")
W_FLDCHAR, W_INSTR, W_FLDSIMPLE = qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")
W_BOOKMARK_START, W_BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_UNWRAPPED = {qn("w:smartTag"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo")}
_WRAPPER_PROPERTIES = {qn("w:smartTagPr"), qn("w:customXmlPr"), W_PPR}
_DROPPED = {qn("w:proofErr"), qn("w:softHyphen"), qn("w:lastRenderedPageBreak"), W_RPR, qn("w:delText")}
_NOTE_REFERENCES = {qn("w:footnoteReference"), qn("w:endnoteReference"), qn("w:footnoteRef"), qn("w:endnoteRef")}
_PICTURES = {qn("w:drawing"), qn("w:pict"), qn("w:object"), f"{{{_MC}}}AlternateContent"}
_TABS = {qn("w:tab"), qn("w:ptab")}
#: Zero-width markers: they hold a place but no words.
MARKERS = {W_BOOKMARK_START, W_BOOKMARK_END, qn("w:commentRangeStart"), qn("w:commentRangeEnd"),
           qn("w:permStart"), qn("w:permEnd"), qn("w:del"), qn("w:moveFrom"),
           qn("w:moveFromRangeStart"), qn("w:moveFromRangeEnd"), qn("w:moveToRangeStart"), qn("w:moveToRangeEnd")}


@dataclass
class Leaf:
    """One thing in a paragraph: ``kind`` is "text", "atom", "marker", "open", "close" or "field".

    ``element`` is the XML element, ``run`` the ``w:r`` it sits in (None at
    paragraph level), ``path`` the link/control elements around it. Atoms have
    ``atom`` ("tab", "br", "sym", "n", "img", "f", "x"); text leaves ``text``;
    field leaves ``field`` ("begin", "separate", "end", "instr").
    """

    kind: str
    element: Any
    run: Any | None = None
    path: tuple = ()
    text: str = ""
    atom: str = ""
    field: str = ""


@dataclass
class Group:
    """Leaves that move together: an atom (``atom`` set) or a field-made link (``opening``/``closing``)."""

    leaves: list[Leaf]
    atom: str = ""
    shown: str = ""          # what the atom shows in plain text (a field's result, a tab)
    opening: list[Leaf] = field(default_factory=list)
    closing: list[Leaf] = field(default_factory=list)
    whole: bool = True       # False for the start or end of a field that continues in another paragraph


def paragraph_leaves(p: Any) -> list[Leaf]:
    """The leaves of paragraph element ``p``, in document order."""
    out: list[Leaf] = []
    _container(p, (), out)
    return out


def _container(parent: Any, path: tuple, out: list[Leaf]) -> None:
    for child in parent:
        tag = child.tag
        if not isinstance(tag, str) or tag in _WRAPPER_PROPERTIES or tag in _DROPPED:
            continue
        if tag == W_R:
            _run(child, child, path, out)
        elif tag == W_HYPERLINK:
            _wrapped(child, child, path, out)
        elif tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is None:
                out.append(Leaf("atom", child, path=path, atom="x"))
            else:
                _wrapped(child, content, path, out)
        elif tag in _UNWRAPPED:
            _container(child, path, out)
        elif tag in MARKERS:
            out.append(Leaf("marker", child, path=path))
        elif tag == W_FLDSIMPLE:
            shown = "".join(t.text or "" for t in child.iter(W_T))
            out.append(Leaf("atom", child, path=path, atom="f", text=shown))
        else:
            out.append(Leaf("atom", child, path=path, atom="img" if tag in _PICTURES else "x"))


def _wrapped(wrapper: Any, content: Any, path: tuple, out: list[Leaf]) -> None:
    out.append(Leaf("open", wrapper, path=path))
    _container(content, path + (wrapper,), out)
    out.append(Leaf("close", wrapper, path=path))


def _run(run: Any, template: Any, path: tuple, out: list[Leaf]) -> None:
    """Leaves of one ``w:r``; ``template`` is the run whose properties its text carries."""
    for child in run:
        tag = child.tag
        if not isinstance(tag, str) or tag in _DROPPED:
            continue
        if tag == W_T:
            out.append(Leaf("text", child, template, path, text=child.text or ""))
        elif tag == qn("w:br"):
            if child.get(qn("w:type")) in (None, "textWrapping"):
                out.append(Leaf("text", child, template, path, text="\n"))
            else:
                out.append(Leaf("atom", child, template, path, atom="br"))
        elif tag == qn("w:cr"):
            out.append(Leaf("text", child, template, path, text="\n"))
        elif tag == qn("w:noBreakHyphen"):
            out.append(Leaf("text", child, template, path, text="\u2011"))
        elif tag in _TABS:
            out.append(Leaf("atom", child, template, path, text="\t", atom="tab"))
        elif tag == qn("w:sym"):
            from .docx_walk import symbol_text   # the reader's own character for the symbol

            out.append(Leaf("atom", child, template, path, text=symbol_text(child), atom="sym"))
        elif tag == W_FLDCHAR:
            out.append(Leaf("field", child, template, path, field=child.get(qn("w:fldCharType")) or ""))
        elif tag == W_INSTR:
            out.append(Leaf("field", child, template, path, text=child.text or "", field="instr"))
        elif tag in _NOTE_REFERENCES:
            out.append(Leaf("atom", child, template, path, atom="n"))
        elif tag in _PICTURES:
            out.append(Leaf("atom", child, template, path, atom="img"))
        elif tag == qn("w:ruby"):
            base = child.find(qn("w:rubyBase"))
            for base_run in base.iter(W_R) if base is not None else ():
                _run(base_run, base_run, path, out)
        else:
            out.append(Leaf("atom", child, template, path, atom="x"))


# --------------------------------------------------------------- fields

@dataclass
class _Field:
    begin: int
    separate: int | None = None
    end: int | None = None
    instruction: str = ""


def _fields(leaves: list[Leaf]) -> tuple[list[_Field], list[int]]:
    """Fields by leaf index (outermost first within each nesting), and stray separate/end indexes."""
    found: list[_Field] = []
    stack: list[_Field] = []
    strays: list[int] = []
    for index, leaf in enumerate(leaves):
        if leaf.kind != "field":
            continue
        if leaf.field == "begin":
            stack.append(_Field(index))
            found.append(stack[-1])
        elif leaf.field == "instr":
            if stack:
                stack[-1].instruction += leaf.text
            else:
                strays.append(index)
        elif leaf.field == "separate":
            if stack and stack[-1].separate is None:
                stack[-1].separate = index
            else:
                strays.append(index)
        elif leaf.field == "end":
            if stack:
                stack.pop().end = index
            else:
                strays.append(index)
        else:
            strays.append(index)
    return found, strays


def _clean(leaves: list[Leaf], start: int, stop: int) -> bool:
    """True when leaves[start..stop] share one container and hold no link or control edge."""
    path = leaves[start].path
    return all(leaf.path == path and leaf.kind not in ("open", "close") for leaf in leaves[start:stop + 1])


def _shown(leaves: list[Leaf]) -> str:
    return "".join(leaf.text for leaf in leaves if leaf.kind == "text" or leaf.atom in ("tab", "sym"))


def group_fields(leaves: list[Leaf]) -> list[Leaf | Group]:
    """``leaves`` with every field (or field part) replaced by one ``Group``; other leaves as they are."""
    found, strays = _fields(leaves)
    starts: dict[int, tuple[int, Group]] = {}   # first leaf index -> (last leaf index, group)
    covered_until = -1
    for item in found:
        if item.begin <= covered_until:
            continue
        is_link = item.instruction.split()[:1] == ["HYPERLINK"]
        if item.end is not None and is_link and item.separate is not None \
                and _clean(leaves, item.begin, item.end) and _has_words(leaves[item.separate + 1:item.end]):
            group = Group([], opening=leaves[item.begin:item.separate + 1], closing=[leaves[item.end]])
            starts[item.begin] = (item.separate, group)
            starts[item.end] = (item.end, group)
            continue
        if item.end is not None and _clean(leaves, item.begin, item.end):
            result = leaves[(item.separate if item.separate is not None else item.end) + 1:item.end]
            starts[item.begin] = (item.end, Group(leaves[item.begin:item.end + 1], "f", _shown(result)))
            covered_until = item.end
            continue
        head_end = item.separate if item.separate is not None else _last_instruction(leaves, item)
        if _clean(leaves, item.begin, head_end):
            starts[item.begin] = (head_end, Group(leaves[item.begin:head_end + 1], "f", whole=False))
        if item.end is not None:
            strays.append(item.end)
    for index in strays:
        starts.setdefault(index, (index, Group([leaves[index]], "f", whole=False)))
    out: list[Leaf | Group] = []
    index = 0
    while index < len(leaves):
        if index in starts:
            last, group = starts[index]
            out.append(group if group.atom else LinkEdge(group, leaves[index] is group.closing[0]))
            index = last + 1
        else:
            leaf = leaves[index]
            if leaf.kind == "field":   # an instruction outside any field: kept as an atom
                out.append(Group([leaf], "f", whole=False))
            else:
                out.append(leaf)
            index += 1
    return out


def _has_words(leaves: list[Leaf]) -> bool:
    return any(leaf.kind == "text" and leaf.text.strip() for leaf in leaves)


def _last_instruction(leaves: list[Leaf], item: _Field) -> int:
    index = item.begin
    while index + 1 < len(leaves) and leaves[index + 1].kind == "field" and leaves[index + 1].field == "instr":
        index += 1
    return index


@dataclass
class LinkEdge:
    """The start or the end of a field-made link (a ``HYPERLINK`` field with words in its result)."""

    group: Group
    closing: bool
