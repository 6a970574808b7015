"""Profiles: kinds of document whose rules differ, and choosing one from the text.

The 2022 「公用文作成の考え方」 sorts 公用文 into 法令・告示・通知等 (strict) and
記録・解説・広報等 (written for residents, where plainer wording is allowed).
Fumi has three profiles: 例規・告示 (``reiki``), 通知・依頼 (``tsuchi``) and
広報・お知らせ (``koho``). Rules list the profiles they apply to; analyses
may take different parameters per profile (a shorter sentence limit in 広報).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.messages import message


@dataclass(frozen=True)
class Profile:
    id: str

    def name(self, lang: str) -> str:
        """The profile's name in ``lang``: the catalogue's ``check.profile_<id>``."""
        return message(f"check.profile_{self.id}", lang)


PROFILES: dict[str, Profile] = {key: Profile(key) for key in ("reiki", "tsuchi", "koho")}
DEFAULT_PROFILE = "tsuchi"

_REIKI = re.compile(r"第[0-9０-９一二三四五六七八九十百]+条|附\s*則|告示第|規則第|条例第|次のように定める|この(?:条例|規則|要綱)")
_KOHO = re.compile(r"お知らせ|皆さん|皆様へ|ご家庭|お問い合わせ|お気軽に|市民の|区民の|住民の|ぜひ|広報")
_TSUCHI = re.compile(r"について（(?:通知|依頼|照会|回答)）|様$|殿$|^記$|下記のとおり|ご依頼|ご協力をお願い", re.MULTILINE)


def guess_profile(text: str) -> str:
    """The profile that fits ``text`` best: 例規 markers (第N条, 附則, 告示第) win, then 広報 words, else 通知・依頼."""
    head = text[:20000]
    reiki = len(_REIKI.findall(head))
    koho = len(_KOHO.findall(head))
    tsuchi = len(_TSUCHI.findall(head))
    if reiki >= 2 and reiki >= koho:
        return "reiki"
    if koho >= 2 and koho > tsuchi:
        return "koho"
    return DEFAULT_PROFILE


def resolve_profile(name: str | None, text: str) -> str:
    """``name`` (an id, or a Japanese or English profile name) or, when None/"auto", the guess from ``text``.

    Raises ``KeyError`` for an unknown name.
    """
    if not name or name == "auto":
        return guess_profile(text)
    for profile in PROFILES.values():
        if name in (profile.id, profile.name("ja"), profile.name("en")):
            return profile.id
    raise KeyError(name)
