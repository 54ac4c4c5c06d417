"""Columns of a table laid out with spaces (`pdftotext -layout`): where they start, and which
column each word of a line falls in.

pdftotext puts each word at the character column nearest its place on the page, so a column's
words start within a character or two of one place; between two columns there are usually
two spaces or more, but sometimes one, or none ('nhiệm vụngành': 'Tên nhiệm vụ' | 'Sở,
ngành'). A word after two spaces or more (a 'hard' start) goes to the nearest column; a word
after one space stays in the column of the word before it unless it starts where a column of
its row starts; a word that runs over the start of the next column, where other lines of the
row show that column begins, is cut there (noted, for a reviewer).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..textnorm import fold

TOL = 2  # characters a column's words may drift from its start
# Chosen by measuring against tests/fixtures/import/layout/ (LibreOffice and Chromium PDFs):
SLACK = 4  # a run ending this near the next column does not tell a width
BACK = 5  # characters glued words are written left of their column's start


@dataclass
class Word:
    start: int
    text: str
    hard: bool  # at the line's start or after two spaces or more

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def words(line: str) -> list[Word]:
    out, last = [], None
    for m in re.finditer(r"\S+", line):
        out.append(Word(m.start(), m.group(0), last is None or m.start() - last >= 2))
        last = m.end()
    return out


def clusters(starts: list[int]) -> list[tuple[int, int]]:
    """(start, support) of groups of hard starts no more than TOL apart, left to right: the
    start of a group is its most frequent position (the leftmost of equals)."""
    groups: list[list[int]] = []
    for s in sorted(starts):
        if groups and s - groups[-1][-1] <= TOL:
            groups[-1].append(s)
        else:
            groups.append([s])
    return [(min(set(g), key=lambda v: (-g.count(v), v)), len(g)) for g in groups]


def hard_starts(lines: list[str]) -> list[int]:
    return [w.start for ln in lines for w in words(ln) if w.hard]


def match(found: list[tuple[int, int]], ref: list[int]) -> list[int]:
    """Columns of a page from its hard-start groups and the columns before (`ref`): as many
    groups as columns are the columns; otherwise each column takes the group nearest its old
    start, in order (a monotone matching of least distance), and a column without a group
    keeps its old start moved as its neighbours moved."""
    if len(found) == len(ref):
        return [s for s, _ in found]
    k, n = len(found), len(ref)
    inf = float("inf")
    # best[i][c]: least cost of placing the first i groups among the first c columns
    best = [[inf] * (n + 1) for _ in range(k + 1)]
    pick = [[None] * (n + 1) for _ in range(k + 1)]
    for c in range(n + 1):
        best[0][c] = 0
    for i in range(1, k + 1):
        s, weight = found[i - 1]
        for c in range(1, n + 1):
            options = [
                (best[i][c - 1], "skip column"),
                (best[i - 1][c - 1] + abs(s - ref[c - 1]), "take"),
                (best[i - 1][c] + 8 * weight, "drop group"),
            ]
            best[i][c], pick[i][c] = min(options, key=lambda o: o[0])
    got: dict[int, int] = {}
    i, c = k, n
    while i > 0 and c > 0:
        how = pick[i][c]
        if how == "take":
            got[c - 1] = found[i - 1][0]
            i, c = i - 1, c - 1
        elif how == "skip column":
            c -= 1
        else:
            i -= 1
    out = []
    for c in range(n):
        if c in got:
            out.append(got[c])
            continue
        near = [
            got[d] - ref[d]
            for d in (
                max((d for d in got if d < c), default=None),
                min((d for d in got if d > c), default=None),
            )
            if d is not None
        ]
        out.append(ref[c] + (round(sum(near) / len(near)) if near else 0))
    for c in range(1, n):  # keep them in order, one character apart at least
        out[c] = max(out[c], out[c - 1] + 1)
    return out


_VOWELS = re.compile(r"[aăâeêioôơuưy]+", re.I)


def _nuclei(text: str) -> int:
    return len(_VOWELS.findall(fold(text)))


def widths(lines: list[str], starts: list[int]) -> dict[int, int]:
    """How far each column's text reaches on a page, from the words no other column's start
    is near (a run after two spaces that ends well before the next column)."""
    out: dict[int, int] = {}
    for ln in lines:
        ws = words(ln)
        for k, w in enumerate(ws):
            if not w.hard:
                continue
            c = min(range(len(starts)), key=lambda c: abs(w.start - starts[c]))
            run = [w] + list(itertools.takewhile(lambda v: not v.hard, ws[k + 1 :]))
            if c + 1 >= len(starts) or all(v.start < starts[c + 1] - SLACK for v in run):
                out[c] = max(out.get(c, 0), run[-1].end)
    return out


def _switch(run: list[Word], before: int, ref: int, known: bool, width: int | None) -> int | None:
    """Where, in words after one space, the next column (starting at `ref`) begins, once a
    word reaches its start or the text runs past the column's width: of the words that may
    have drifted to its start, the last that leaves this column within its width (pdftotext
    writes glued words to the left of their place), else the one nearest the start."""
    reach = ref - 1 if known else ref - TOL
    if not any(w.start >= reach or (width and w.end > width + 1) for w in run):
        return None
    near = [k for k, w in enumerate(run) if ref - BACK <= w.start <= ref + TOL]
    fits = [k for k in near if (run[k - 1].end if k else before) <= (width or 0)]
    if fits:
        return fits[-1]
    if near:
        return min(near, key=lambda k: (abs(run[k].start - ref), k))
    return next((k for k, w in enumerate(run) if w.start >= reach), None)


def _cut(w: Word, ref: int) -> int | None:
    """Where a word over a column start is two glued words ('vụngành'): two vowel groups
    (a Vietnamese syllable has one), one each side of the start; never digits or capitals."""
    cut = ref - w.start
    if not (1 <= cut < len(w.text) - 1) or not w.text.islower() or _nuclei(w.text) < 2:
        return None
    return cut if _nuclei(w.text[:cut]) and _nuclei(w.text[cut:]) else None


def assign(
    lines: list[str], starts: list[int], width: dict[int, int] | None = None
) -> tuple[list[list[str]], list[tuple[int, str]]]:
    """Lines of one row -> for each line, the text of each column; and (line index, note) of
    each place two columns touched without two spaces between them."""
    n = len(starts)
    parsed = [words(ln) for ln in lines]
    hard: list[list[int]] = []
    for ws in parsed:  # hard words: the nearest column, in order
        line_cols, last = [], 0
        for w in ws:
            if w.hard:
                last = max(last, min(range(n), key=lambda c: abs(w.start - starts[c])))
            line_cols.append(last if w.hard else -1)
        hard.append(line_cols)
    notes: list[tuple[int, str]] = []
    block: dict[int, int] = {}  # where this row shows a column starts
    for ws, line_cols in zip(parsed, hard):
        for w, c in zip(ws, line_cols):
            if c > 0 and (c not in block or w.start < block[c]):
                block[c] = w.start
    ref = lambda d: block.get(d, starts[d])
    out = []
    for index, (ws, line_cols) in enumerate(zip(parsed, hard)):
        cols = list(line_cols)
        k = 0
        while k < len(ws):  # a run of words after one space
            if cols[k] >= 0:
                k += 1
                continue
            end = next((e for e in range(k, len(ws)) if cols[e] >= 0), len(ws))
            current = cols[k - 1] if k else 0
            at = k
            for d in range(current + 1, n):
                if end < len(ws) and cols[end] <= d:
                    break  # the next hard word holds that column or one before
                found = _switch(
                    ws[at:end], ws[at - 1].end if at else 0, ref(d), d in block, (width or {}).get(current)
                )
                if found is not None:
                    notes.append(
                        (
                            index,
                            f"'{' '.join(w.text for w in ws[max(at + found - 2, 0) : at + found])} | "
                            f"{' '.join(w.text for w in ws[at + found : at + found + 2])}': hai cột "
                            "không cách nhau, chia theo vị trí chữ",
                        )
                    )
                    for e in range(at, at + found):
                        cols[e] = current
                    at, current = at + found, d
            for e in range(at, end):
                cols[e] = current
            k = end
        cells: list[list[str]] = [[] for _ in range(n)]
        for w, c in zip(ws, cols):
            cut = _cut(w, ref(c + 1)) if c + 1 < n and c + 1 in block else None
            if cut:
                notes.append(
                    (index, f"'{w.text}' tách thành '{w.text[:cut]}' | '{w.text[cut:]}' (hai cột dính nhau)")
                )
                cells[c].append(w.text[:cut])
                cells[c + 1].append(w.text[cut:])
            else:
                cells[c].append(w.text)
        out.append([" ".join(parts) for parts in cells])
    return out, notes


def spans(lines: list[str], starts: list[int]) -> bool:
    """A row whose text runs across the columns (a merged group cell: 'III  Nhiệm vụ khác',
    '1.1 Hỗ trợ quảng bá, …' over the whole table): after the number, no word of any line
    stands after two spaces or more but its first, and every line begins where the first does."""
    first = None
    for ln in lines:
        ws = [w for w in words(ln) if not (first is None and w.start < starts[1] - TOL)]
        if not ws:
            continue
        if first is None:
            first = ws[0].start
        if any(w.hard for w in ws[1:]) or abs(ws[0].start - first) > TOL:
            return False
    return first is not None
