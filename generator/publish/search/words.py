"""Words and index keys. content/assets/tim-kiem.js makes the same keys from a query
(meaning.py slot_keys is the reference; the browser tests compare the two): a change here is a
change there.

A word is a run of letters and digits, lower case, NFC. Each is looked up through keys:

    w          the word folded: no tones, no marks, đ -> d ("tỉnh" -> "tinh")
    w=e        the word exactly, its tone on one vowel of "oa", "oe", "uy" ("hoá" -> "w=hóa")
    w*         every word that begins with w (only where that is more than w itself)
    w!         w in the page's h1, any of its words, or in its kind (a page named by the query)
    w*!        every word of the h1 that begins with w (only where that is more than w itself)
    a~b        the folded words a and b side by side in one block (a phrase)
    a~b!       the same in the h1

Beside the keys, the index's vocabulary (chi-muc/tu.txt): every folded word of letters, the
most pages first. A query word that matches nothing is looked up there at one edit (two for
five letters or more: `corrections`), the same rule as tim-kiem.js's.

The separators sort before letters, so "w", "w!", "w*" and "w=…" stand together in the
sorted keys and usually in one shard; "a~b" follow the words that begin with a.
"""

from __future__ import annotations

import re
import unicodedata

from ...textnorm import fold as _fold

WORD = re.compile(r"[^\W_]+")
TYPO_LETTERS = 3  # a shorter word is never corrected (3 letters: only into a phrase, tim-kiem.js)
TWO_EDITS = 5  # from this length, two edits when one finds nothing
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
    return unicodedata.normalize("NFC", bare[: m.start()] + m.group(1) + m.group(3) + m.group(2))


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

    def of_page(self, title: str, blocks: list[str], kind: str = "") -> set[str]:
        """Every key of one page: its words, exact forms and phrases, and its name's: the
        words of its h1 and of its kind ("Kế hoạch": a query "kế hoạch Sơn La" names a plan)."""
        keys: set[str] = set()
        fold, exact = self.fold, self.exact
        for block in blocks:
            ws = words(block)
            folded = [fold(w) for w in ws]
            keys.update(folded)
            keys.update(map(exact, ws))
            keys.update(a + "~" + b for a, b in zip(folded, folded[1:]))
        for name in (title, kind):
            named = [fold(w) for w in words(name)]
            keys.update(w + "!" for w in named)
            keys.update(a + "~" + b + "!" for a, b in zip(named, named[1:]))
        return keys


def distance(a: str, b: str, limit: int = 2) -> int:
    """Edits from a to b (a letter replaced, added, left out, or two neighbours swapped),
    counted up to limit + 1 (tim-kiem.js's editDistance)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[-1], limit + 1)


def corrections(word: str, vocabulary: list[str]) -> list[str]:
    """The words of the vocabulary (most pages first) a mistyped folded word may be: those one
    edit away, or, for five letters or more when none is, two; in the vocabulary's order. A
    word of digits, or shorter than three letters, has none."""
    if len(word) < TYPO_LETTERS or not word.isalpha():
        return []
    limit = 2 if len(word) >= TWO_EDITS else 1
    found: dict[int, list[str]] = {1: [], 2: []}
    for v in vocabulary:
        if v != word and abs(len(v) - len(word)) <= limit:
            d = distance(word, v, limit)
            if d <= limit:
                found[d].append(v)
    return found[1] or found[2]
