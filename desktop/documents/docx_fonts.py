"""Fonts for .docx output that Japanese (and Chinese, Korean) Windows PCs really show.

python-docx's ``font.name`` sets only ``w:ascii``/``w:hAnsi``; Word then picks
the East Asian font from the theme, which may not be what the office uses.
These helpers write ``w:eastAsia`` (and ascii/hAnsi) on ``w:rFonts``, and drop
the ``*Theme`` attributes that would otherwise win over them.

Defaults are fonts every Windows 10/11 PC has: 游明朝 for Japanese body text
and 游ゴシック for Japanese headings (the Office 2016+ defaults; official
documents are traditionally 明朝 for body text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


@dataclass(frozen=True)
class FontChoice:
    latin: str
    east_asia: str
    heading_latin: str
    heading_east_asia: str


_FONTS = {
    "ja": FontChoice("游明朝", "游明朝", "游ゴシック", "游ゴシック"),
    "en": FontChoice("Calibri", "游明朝", "Calibri", "游ゴシック"),
    "zh-Hans": FontChoice("Microsoft YaHei", "Microsoft YaHei", "Microsoft YaHei", "Microsoft YaHei"),
    "zh-Hant": FontChoice("Microsoft JhengHei", "Microsoft JhengHei", "Microsoft JhengHei", "Microsoft JhengHei"),
    "ko": FontChoice("Malgun Gothic", "Malgun Gothic", "Malgun Gothic", "Malgun Gothic"),
}
CJK_LANGS = ("ja", "zh-Hans", "zh-Hant", "ko")


def font_choice(lang: str | None) -> FontChoice:
    """The fonts for output in ``lang`` ("ja", "en", "zh-Hans", "zh-Hant", "ko"; others: the English set)."""
    if not lang:
        return _FONTS["ja"]
    if lang in _FONTS:
        return _FONTS[lang]
    lowered = lang.lower()
    if lowered.startswith("zh"):
        return _FONTS["zh-Hant" if ("hant" in lowered or lowered in ("zh-tw", "zh-hk")) else "zh-Hans"]
    return _FONTS.get(lowered.split("-")[0], _FONTS["en"])


def is_cjk(lang: str | None) -> bool:
    return bool(lang) and (lang in CJK_LANGS or lang.lower().split("-")[0] in ("ja", "zh", "ko"))


def set_rpr_fonts(rpr: Any, *, east_asia: str, latin: str | None = None) -> None:
    """Set ``w:rFonts`` on a ``w:rPr`` element: eastAsia always, ascii/hAnsi when ``latin`` is given."""
    fonts = rpr.get_or_add_rFonts()  # python-docx keeps the schema order (after w:rStyle)
    fonts.set(qn("w:eastAsia"), east_asia)
    for theme in ("w:eastAsiaTheme",):
        fonts.attrib.pop(qn(theme), None)
    if latin:
        fonts.set(qn("w:ascii"), latin)
        fonts.set(qn("w:hAnsi"), latin)
        for theme in ("w:asciiTheme", "w:hAnsiTheme"):
            fonts.attrib.pop(qn(theme), None)


def set_run_fonts(run_element: Any, *, east_asia: str, latin: str | None = None) -> None:
    """Fonts on one ``w:r`` element (python-docx's CT_R; its ``w:rPr`` is created when missing)."""
    rpr = run_element.get_or_add_rPr()
    set_rpr_fonts(rpr, east_asia=east_asia, latin=latin)


def set_style_fonts(style: Any, *, east_asia: str, latin: str | None = None) -> None:
    """Fonts on a python-docx style (its ``w:rPr``)."""
    rpr = style.element.get_or_add_rPr()
    set_rpr_fonts(rpr, east_asia=east_asia, latin=latin)


def set_document_default_fonts(document: Any, *, east_asia: str, latin: str | None = None) -> None:
    """Fonts in ``w:docDefaults`` (what every style falls back to) and on the Normal style."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    set_rpr_fonts(rpr, east_asia=east_asia, latin=latin)
    try:
        normal = document.styles["Normal"]
    except KeyError:
        return
    set_style_fonts(normal, east_asia=east_asia, latin=latin)
