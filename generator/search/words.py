"""Words and index keys. content/assets/search.js makes the same keys from a query: a change
here is a change there (tests/unit/test_search_index.py checks both on the same words).

A word is a run of letters and digits, lower case, NFC. Each is looked up through keys:

    w          the word folded: no tones, no marks, đ -> d ("tỉnh" -> "tinh")
    w=e        the word exactly, its tone on one vowel of "oa", "oe", "uy" ("hoá" -> "w=hóa")
    w*         every word that begins with w (only where that is more than w itself)
    w!         w among the first words of the page's h1 (a page named by the query)
    a~b        the folded words a and b side by side in one block (a phrase)
    a~b!       the same among the first words of the h1

The separators sort before letters, so "w", "w!", "w*" and "w=…" stand together in the
sorted keys and usually in one shard; "a~b" follow the words that begin with a.
"""
from __future__ import annotations

import re
import unicodedata

from ..textnorm import fold as _fold

WORD = re.compile(r"[^\W_]+")
TITLE_WORDS = 8          # the first words of the h1 that can name the page
_TONE_LAST = re.compile("([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])\\Z")


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def one_spelling(word: str) -> str:
    """The tone of an open "oa", "oe", "uy" at the end of a word on its first vowel ("hoá" ->
    "hóa", "thuỷ" -> "thủy"; "quý", "hoàn" unchanged): both spellings are in the documents."""
    bare = unicodedata.normalize("NFD", word)
    m = _TONE_LAST.search(bare)
    if not m or m.group(1) + m.group(2) not in ("oa", "oe", "uy"):
        return word
    if m.group(1) == "u" and m.start() > 0 and bare[m.start() - 1] == "q":
        return word
    return unicodedata.normalize("NFC", bare[:m.start()] + m.group(1) + m.group(3) + m.group(2))


class Keys:
    """Keys of pages, with each word's folded and exact form worked out once a build."""

    def __init__(self) -> None:
        self._folded: dict[str, str] = {}
        self._exact: dict[str, str] = {}

    def fold(self, word: str) -> str:
        f = self._folded.get(word)
        if f is None:
            f = self._folded[word] = _fold(word)
        return f

    def exact(self, word: str) -> str:
        e = self._exact.get(word)
        if e is None:
            e = self._exact[word] = self.fold(word) + "=" + one_spelling(word)
        return e

    def of_page(self, title: str, blocks: list[str]) -> set[str]:
        """Every key of one page: its words, exact forms and phrases, and its name's."""
        keys: set[str] = set()
        fold, exact = self.fold, self.exact
        for block in blocks:
            ws = words(block)
            folded = [fold(w) for w in ws]
            keys.update(folded)
            keys.update(map(exact, ws))
            keys.update(a + "~" + b for a, b in zip(folded, folded[1:]))
        named = [fold(w) for w in words(title)[:TITLE_WORDS]]
        keys.update(w + "!" for w in named)
        keys.update(a + "~" + b + "!" for a, b in zip(named, named[1:]))
        return keys


def query_keys(query: str) -> dict[str, list[str]]:
    """The keys search.js looks up for a query, by use (the reference for its queryKeys; the
    browser tests compare the two): found (each word, or the words it begins), whole words,
    the phrase, the page's name, and the exact forms when the query has accents."""
    keys = Keys()
    typed = words(query)
    folded = [keys.fold(w) for w in typed]
    typed = [w for w, f in zip(typed, folded) if f]
    folded = [f for f in folded if f]
    pairs = [a + "~" + b for a, b in zip(folded, folded[1:])]
    accented = any(keys.fold(w) != w for w in typed)
    return {"found": [w + "*" for w in folded], "whole": folded, "phrase": pairs,
            "named": [p + "!" for p in pairs] if pairs else [w + "!" for w in folded[:1]],
            "exact": [keys.exact(w) for w in typed] if accented else []}
