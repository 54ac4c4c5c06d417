"""The search index: which pages hold each key, split into small files a query fetches.

Pages are numbered in their ranking order (`page_order`): a province, partnership or agency
page first, then tasks, then plans and source documents, then index pages and guides; within a
kind by URL. A query's results are ranked by how well they match (tim-kiem.js), ties in page
number, with no score to fetch; the meta says where each kind's numbers begin, so that a
province, partnership, plan or agency whose h1 the query names comes first.

Files (under `chi-muc/`, all fetched with `?v=<version>` so a new build is never mixed with a
cached old one):

    tu.txt            the vocabulary: every folded word of letters, one a line, the most
                      pages first (fetched only to correct a word that matches nothing)
    meta.json         {"v": version, "n": pages, "w": bytes of a page number (2 or 4),
                       "k": the first page number of each kind (KINDS' ranks 0 to HELP),
                       "s": [first key of each shard, …],
                       "y": what queries mean (meaning.py: optional words, words that mean
                            the same, abbreviations)}
    k/<i>.bin         shard i: the keys from its first key up to the next shard's, each with
                      its pages: u8 key length, key (UTF-8), u8 form, u32 count, u32 bytes,
                      then the pages as deltas (form 0, u16 or u32 little-endian, the first
                      delta from 0) or as a bitmap of `n` bits (form 1, page p is bit p % 8 of
                      byte p // 8), whichever is smaller
    t/<page>.json     what a result shows: {"url", "title", "loai", "ke_hoach", "muc", "text"}
    nhom.bin          the filters' provinces and quarters (facets.py: "tinh:<id>", "ky:<period>"),
                      each with its pages, entries as in a shard
    nhom.json         their names: {"tinh": {id: name}, "ky": {period: name}}
    nhom/<p>.bin      the lead agencies of province p ("co-quan:<id>"), each with its pages
    nhom/<p>.json     their names: {id: name}

A shard holds about SHARD_BYTES (a key larger than that alone): a query fetches the meta, then
about three shards a word (the word, its h1 key, its phrase), then the ten results it shows.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator

from . import meaning
from .extract import PageText
from .words import Keys, words

SHARD_BYTES = 4 * 1024  # measured at 25,000 tasks: 8 KB shards made a typo query 67 KB, 4 KB 47 KB
TEXT_CHARS = 4000  # of a page's text kept for its excerpt
ROOT = "chi-muc/"
KINDS = {"tinh-thanh": 0, "hop-tac": 1, "co-quan": 2, "ke-hoach": 4, "van-ban": 5}
KIND_NAMES = {
    "tinh-thanh": "Tỉnh, thành phố",
    "hop-tac": "Quan hệ hợp tác",
    "co-quan": "Cơ quan",
    "ke-hoach": "Kế hoạch",
    "van-ban": "Văn bản",
}
TASK, PAGE, HELP = 3, 6, 7
HELP_FOLDERS = ("tim-kiem", "du-lieu-mo")  # the search page and the open data's guide
PLAN_NUMBER = re.compile(r"\bsố\s+(\d+)", re.I)


def kind_of(url: str) -> tuple[int, str]:
    """(rank, name) of the page at `url` (URLs come from ids: ke-hoach/<plan>/<task>/, …):
    a listing page (lich/…, nhiem-vu/…, a kind's index) is PAGE; a page at the site's root
    (the home page, the guides, Giới thiệu) and the search page are help, HELP."""
    parts = url.split("/")
    if len(parts) == 4 and parts[0] == "ke-hoach":
        return TASK, "Nhiệm vụ"
    if len(parts) == 3 and parts[0] in KINDS:
        return KINDS[parts[0]], KIND_NAMES[parts[0]]
    if len(parts) == 1 or parts[0] in HELP_FOLDERS:
        return HELP, "Trang"
    return PAGE, "Trang"


def page_order(urls: Iterable[str]) -> list[str]:
    return sorted(set(urls), key=lambda u: (kind_of(u)[0], u))


class Index:
    """Pages go in one at a time (`add`, which gives the page's result file at once); `files`
    gives the index's other files, and the result files too unless `keep_shown` is False (the
    build's process writes each as it comes)."""

    def __init__(
        self,
        urls: Iterable[str],
        keep_shown: bool = True,
        vocabulary: meaning.Vocabulary | None = None,
        facets: dict | None = None,
    ) -> None:
        if vocabulary is None:
            vocabulary, problems = meaning.load()
            if problems:
                raise ValueError("; ".join(p.line() for p in problems))
        self.vocabulary_of_queries = vocabulary
        self.names: dict[int, list[str]] = {0: [], 2: []}  # h1s of the provinces and agencies
        self.order = page_order(urls)
        self.number = {url: i for i, url in enumerate(self.order)}
        self.facets = facets or {"pages": {}, "labels": {}}
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.shown: dict[int, bytes] = {}
        self.digests: dict[int, bytes] = {}  # of each result file, for the version
        self.keep_shown = keep_shown
        self.keys = Keys()

    def add(self, url: str, page: PageText) -> tuple[str, bytes] | None:
        """Index the page; (path, bytes) of its result file, or None for a page not in the
        index or already in it."""
        n = self.number.get(url)
        if n is None or n in self.digests:
            return None
        keys = self.keys.of_page(page.title, page.blocks, page.meta.get("loai", ""))
        # a page of a plan holds the plan's number ("Kế hoạch số 4778/KH-UBND"): "4778 du lịch"
        number = PLAN_NUMBER.search(page.meta.get("ke_hoach", ""))
        if number:
            keys.update(words(number.group(1)))
        for key in keys:
            self.postings[key].append(n)
        rank = kind_of(url)[0]
        if rank in self.names and page.title:
            self.names[rank].append(page.title)
        blocks = page.blocks[1:] if page.blocks[:1] == [page.title] else page.blocks
        text = " · ".join(blocks)  # the h1 is shown as the result's title
        shown = json.dumps(
            {
                "url": url,
                "title": page.title or url,
                "loai": page.meta.get("loai", "Trang"),
                "ke_hoach": page.meta.get("ke_hoach", ""),
                "muc": page.meta.get("muc", ""),
                "text": text[:TEXT_CHARS],
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode()
        self.digests[n] = hashlib.sha256(shown).digest()
        if self.keep_shown:
            self.shown[n] = shown
        return f"{ROOT}t/{n}.json", shown

    def _prefixes(self, mark: str = "") -> dict[str, list[int]]:
        """w* for every beginning of a folded word that more than the word itself begins;
        with mark "!", w*! for the words of the h1s."""
        begun: dict[str, list[str]] = defaultdict(list)
        for key in self.postings:
            word = key[:-1] if mark and key.endswith(mark) else key if not mark else ""
            if word.isalnum():  # a folded word, no separator
                for i in range(1, len(word) + 1):
                    begun[word[:i]].append(key)
        out = {}
        for prefix, ws in begun.items():
            if ws == [prefix + mark]:
                continue
            if len(ws) == 1:
                out[prefix + "*" + mark] = self.postings[ws[0]]
                continue
            union: set[int] = set()
            for w in ws:
                union.update(self.postings[w])
            out[prefix + "*" + mark] = sorted(union)
        return out

    def vocabulary(self) -> bytes:
        """Every folded word of letters, one a line, the most pages first, then a-z: what a
        mistyped query word is looked up in (words.corrections, tim-kiem.js)."""
        ws = [k for k in self.postings if k.isalpha()]
        ws.sort(key=lambda w: (-len(self.postings[w]), w))
        return "\n".join(ws).encode()

    def files(self) -> Iterator[tuple[str, bytes]]:
        """(path under the site, bytes) of every file of the index."""
        total = len(self.order)
        width = 2 if total <= 0xFFFF else 4
        entries = dict(self.postings)
        entries.update(self._prefixes())
        entries.update(self._prefixes("!"))
        shards: list[bytes] = []
        firsts: list[str] = []
        current = bytearray()
        for key in sorted(entries):
            if len(key.encode()) > 255:  # no query asks for a word that long
                continue
            blob = _entry(key, sorted(entries[key]), total, width)
            if current and len(current) + len(blob) > SHARD_BYTES:
                shards.append(bytes(current))
                current = bytearray()
            if not current:
                firsts.append(key)
            current += blob
        if current:
            shards.append(bytes(current))
        vocabulary = self.vocabulary()
        digest = hashlib.sha256(vocabulary)
        for shard in shards:
            digest.update(shard)
        for n in sorted(self.digests):
            digest.update(self.digests[n])
        ranks = [kind_of(url)[0] for url in self.order]
        starts = [next((i for i, r in enumerate(ranks) if r >= k), total) for k in range(HELP + 1)]
        facet_files = list(self._facet_files(total, width))
        for path, data in facet_files:
            digest.update(path.encode() + data)
        made = meaning.short_names(sorted(self.names[2]), sorted(self.names[0]))
        y = meaning.to_meta(self.vocabulary_of_queries, made)
        digest.update(json.dumps(y, ensure_ascii=False, sort_keys=True).encode())
        meta = {"v": digest.hexdigest()[:12], "n": total, "w": width, "k": starts, "s": firsts, "y": y}
        yield ROOT + "meta.json", json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode()
        yield from facet_files
        yield ROOT + "tu.txt", vocabulary
        for i, shard in enumerate(shards):
            yield f"{ROOT}k/{i}.bin", shard
        for n in sorted(self.shown):
            yield f"{ROOT}t/{n}.json", self.shown[n]

    def _facet_files(self, total: int, width: int) -> Iterator[tuple[str, bytes]]:
        """nhom.bin and .json (provinces, quarters), nhom/<province>.bin and .json (its lead
        agencies): each value's pages (of those in the index), in a shard's format."""
        postings: dict[str, list[int]] = defaultdict(list)
        for url, keys in self.facets["pages"].items():
            n = self.number.get(url)
            if n is not None:
                for key in keys:
                    postings[key].append(n)
        labels = self.facets["labels"]
        where = self.facets.get("agency_province", {})
        files: dict[str, list[str]] = defaultdict(list)
        files["nhom"] = []
        for key in sorted(postings):
            facet, _, value = key.partition(":")
            files["nhom" if facet != "co-quan" else "nhom/" + where.get(value, "khac")].append(key)

        def dump(data) -> bytes:
            return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()

        for name, keys in sorted(files.items()):
            yield (
                ROOT + name + ".bin",
                b"".join(
                    _entry(k, sorted(postings[k]), total, width) for k in keys if len(k.encode()) <= 255
                ),
            )
            if name == "nhom":
                yield ROOT + "nhom.json", dump({f: v for f, v in labels.items() if f != "co-quan"})
            else:
                names = labels.get("co-quan", {})
                yield ROOT + name + ".json", dump({k[8:]: names.get(k[8:], k[8:]) for k in keys})


def _entry(key: str, pages: list[int], total: int, width: int) -> bytes:
    raw = key.encode()
    as_bitmap = (total + 7) // 8
    if len(pages) * width > as_bitmap:
        bits = bytearray(as_bitmap)
        for p in pages:
            bits[p >> 3] |= 1 << (p & 7)
        form, body = 1, bytes(bits)
    else:
        deltas = array("H" if width == 2 else "I", [pages[0]] if pages else [])
        deltas.extend(b - a for a, b in zip(pages, pages[1:]))
        if deltas.itemsize != width:  # array's sizes are the machine's: 2 and 4 here
            raise ValueError("array item size")
        if sys.byteorder == "big":
            deltas.byteswap()
        form, body = 0, deltas.tobytes()
    return (
        bytes((len(raw),))
        + raw
        + bytes((form,))
        + len(pages).to_bytes(4, "little")
        + len(body).to_bytes(4, "little")
        + body
    )


def read_shard(data: bytes, total: int, width: int) -> dict[str, list[int]]:
    """A shard's keys and their pages (what tim-kiem.js reads; for the tests and the benchmark)."""
    out, at = {}, 0
    while at < len(data):
        klen = data[at]
        key = data[at + 1 : at + 1 + klen].decode()
        at += 1 + klen
        form, count = data[at], int.from_bytes(data[at + 1 : at + 5], "little")
        size = int.from_bytes(data[at + 5 : at + 9], "little")
        body = data[at + 9 : at + 9 + size]
        at += 9 + size
        if form == 1:
            out[key] = [p for p in range(total) if body[p >> 3] >> (p & 7) & 1]
        else:
            pages, page = [], 0
            for k in range(count):
                page += int.from_bytes(body[k * width : (k + 1) * width], "little")
                pages.append(page)
            out[key] = pages
    return out
