"""Scripted translators for marked paragraphs, and the inline structure of a .docx to compare.

``keeping_marks`` answers a translate prompt with every word run wrapped as
``EN[…]`` and every mark kept in place, as a perfect model would;
``damaging_marks`` drops or invents marks in the first reply for a marked
paragraph and translates the pieces it is then asked for correctly.
``structure(path)`` lists, part by part, what a translation must keep: links
with target and words, fields by instruction with their result, breaks by
type, bookmarks with the words they enclose, symbols with the words after
them, and the words carrying hidden/superscript/bold/italic.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable

from lxml import etree

from desktop.documents import marks
from desktop.contracts import ChatMessage

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ASKED = re.compile(r"Translate into [^:\n]+:\n", re.S)


def asked_text(messages: list[ChatMessage]) -> str:
    """The text a translate prompt asks for (after its context, if any)."""
    user = messages[-1]["content"]
    found = list(_ASKED.finditer(user))
    return user[found[-1].end():] if found else user


def english(text: str) -> str:
    """Marked ``text`` with each run of words wrapped as EN[…] (marks untouched)."""
    nodes = marks.parse(text)

    def walk(items: list[marks.Node]) -> None:
        for node in items:
            if node.kind == "text" and node.text.strip():
                node.text = f"EN[{node.text}]"
            walk(node.children)

    walk(nodes)
    return marks.render(nodes)


def keeping_marks(messages: list[ChatMessage]) -> str:
    return english(asked_text(messages))


def damaging_marks(how: str = "drop") -> Callable[[list[ChatMessage]], str]:
    """A reply function that damages the marks ("drop": all removed, "extra": one atom invented,
    "swap": the first span closed wrongly, or the first atom lost) when the prompt explains marks."""

    def reply(messages: list[ChatMessage]) -> str:
        text = asked_text(messages)
        if "The text contains marks" not in messages[0]["content"]:
            return english(text)
        if how == "drop":
            return english(marks.strip_marks(text))
        if how == "extra":
            return english(text) + "{f9}"
        if re.search(r"</[a-z]+\d*>", text):
            return re.sub(r"</([a-z]+\d*)>", r"</zz>", english(text), count=1)
        return marks.MARK.sub("", english(text), count=1)

    return reply


# ------------------------------------------------------------- structure

def _texts(elements) -> str:
    return "".join(t.text or "" for el in elements for t in el.iter(f"{W}t"))


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    name = part.replace("word/", "word/_rels/") + ".rels"
    if name not in archive.namelist():
        return {}
    root = etree.fromstring(archive.read(name))
    return {rel.get("Id"): rel.get("Target") for rel in root}


def paragraph_structure(p, rels: dict[str, str]) -> dict:
    """What one ``w:p`` holds (see the module docstring)."""
    found: dict = {"links": [], "fields": [], "breaks": [], "bookmarks": [], "symbols": [], "tabs": 0,
                   "notes": 0, "formats": []}
    for link in p.iter(f"{W}hyperlink"):
        target = rels.get(link.get(R_ID), "") if link.get(R_ID) else "#" + (link.get(f"{W}anchor") or "")
        found["links"].append((target, _texts([link])))
    for simple in p.iter(f"{W}fldSimple"):
        found["fields"].append((" ".join(simple.get(f"{W}instr").split()), _texts([simple])))
    leaves = [el for el in p.iter() if el.tag in (f"{W}fldChar", f"{W}instrText", f"{W}t")]
    stack: list[list] = []
    for el in leaves:
        kind = el.get(f"{W}fldCharType")
        if kind == "begin":
            stack.append(["", "", False])
        elif el.tag == f"{W}instrText" and stack:
            stack[-1][0] += el.text or ""
        elif kind == "separate" and stack:
            stack[-1][2] = True
        elif el.tag == f"{W}t" and stack and stack[-1][2]:
            stack[-1][1] += el.text or ""
        elif kind == "end" and stack:
            instruction, result, _ = stack.pop()
            found["fields"].append((" ".join(instruction.split()), result))
    for br in p.iter(f"{W}br"):
        found["breaks"].append(br.get(f"{W}type") or "textWrapping")
    starts = {b.get(f"{W}id"): b for b in p.iter(f"{W}bookmarkStart")}
    order = list(p.iter())
    for ident, start in starts.items():
        end = next((e for e in p.iter(f"{W}bookmarkEnd") if e.get(f"{W}id") == ident), None)
        if end is not None:
            between = order[order.index(start):order.index(end)]
            found["bookmarks"].append((start.get(f"{W}name"), "".join(
                t.text or "" for t in between if t.tag == f"{W}t")))
    for sym in p.iter(f"{W}sym"):
        after = order[order.index(sym):]
        following = next((t.text for t in after if t.tag == f"{W}t" and (t.text or "").strip()), "")
        found["symbols"].append((sym.get(f"{W}char"), following))
    found["tabs"] = len(list(p.iter(f"{W}tab"))) + len(list(p.iter(f"{W}ptab")))
    found["notes"] = len(list(p.iter(f"{W}footnoteReference"))) + len(list(p.iter(f"{W}endnoteReference")))
    for run in p.iter(f"{W}r"):
        rpr = run.find(f"{W}rPr")
        text = _texts([run])
        if rpr is None or not text:
            continue
        for prop in ("vanish", "vertAlign", "b", "i"):
            element = rpr.find(f"{W}{prop}")
            if element is not None and element.get(f"{W}val") not in ("0", "false", "baseline"):
                found["formats"].append((prop, text))
    return found


def structure(path) -> list[tuple[str, dict]]:
    """(part name, paragraph structure) for every paragraph with text of every story part."""
    out = []
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if not re.match(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$", name):
                continue
            rels = _rels(archive, name)
            root = etree.fromstring(archive.read(name))
            for p in root.iter(f"{W}p"):
                out.append((name, paragraph_structure(p, rels)))
    return out


def language_tags(path) -> list[tuple[str, str]]:
    """(w:lang w:val, words) of every run with words in word/document.xml."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    found = []
    for run in root.iter(f"{W}r"):
        lang = run.find(f"{W}rPr/{W}lang")
        text = _texts([run])
        if text.strip():
            found.append((lang.get(f"{W}val") if lang is not None else "", text))
    return found
