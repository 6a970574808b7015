"""The named checks that rule files may use with ``kind = "analysis"``."""

from __future__ import annotations

from desktop.checking import analyses_document as doc
from desktop.checking import analyses_sentences as sent

ANALYSES = {
    "sentence_length": sent.sentence_length,
    "comma_count": sent.comma_count,
    "ra_nuki": sent.ra_nuki,
    "doubled_particle": sent.doubled_particle,
    "adversative_ga": sent.adversative_ga,
    "style_mix": doc.style_mix,
    "bracket_mix": doc.bracket_mix,
    "era_mix": doc.era_mix,
    "katakana_variants": doc.katakana_variants,
}
KNOWN_ANALYSES = frozenset(ANALYSES)
