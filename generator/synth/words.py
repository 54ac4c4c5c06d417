"""Vietnamese text for the synthetic dataset, made from the words of the real data.

A second-order Markov chain (falling back to first order) over the words and punctuation of every paragraph in data/ (task
contents, forms, products, plan paragraphs): the synthetic text has the real vocabulary, its
word frequencies and its phrases ("phối hợp", "xúc tiến đầu tư"), so search and page sizes
behave as they will on real plans. Deterministic: the chain keeps the order words were met in
and every choice comes from the caller's seeded random.Random.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from ..model.catalog import Catalog
from ..textnorm import nfc

_TOKEN = re.compile(r"\w+(?:[-/.]\w+)*|[,;:.]")
_END = "."


def _paragraphs(cat: Catalog) -> list[str]:
    out: list[str] = []
    for plan in cat.sorted_plans():
        out += [*plan.purpose, *plan.requirements, *plan.targets, *plan.organisation]
    for task in cat.tasks:
        out += [p for p in task.content.split("\n\n") if p.strip()]
        out += [t for t in (task.form, task.product) if t]
    return out


@dataclass
class Chain:
    """Word -> the words that follow it in the real text (with repeats: frequency kept)."""

    follows: dict[str, list[str]] = field(default_factory=dict)
    follows2: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    starts: list[str] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)  # words per real task content

    def sentence(self, rng: random.Random, words: int) -> str:
        """About `words` words, from a sentence start to a full stop."""
        out = [rng.choice(self.starts)]
        while True:
            options = self.follows2.get((out[-2], out[-1])) if len(out) > 1 else None
            options = options or self.follows.get(out[-1])
            if not options or (len(out) >= words and _END in options):
                break
            nxt = rng.choice(options)
            if nxt == _END:
                if len(out) >= words // 2:
                    break
                nxt = rng.choice(self.starts)
                if out[-1] not in ",;:":
                    out.append(",")
            out.append(nxt)
            if len(out) > 3 * words:
                break
        text = " ".join(out).replace(" ,", ",").replace(" ;", ";").replace(" :", ":")
        text = text.rstrip(",;: ")
        return nfc(text[0].upper() + text[1:] + ".")

    def paragraph(self, rng: random.Random, words: int | None = None) -> str:
        """A paragraph of one or more sentences, as long as a real task when `words` is None."""
        target = words or rng.choice(self.lengths)
        parts, count = [], 0
        while count < target:
            sentence = self.sentence(rng, min(40, max(8, target - count)))
            parts.append(sentence)
            count += sentence.count(" ") + 1
        return " ".join(parts)

    def phrase(self, rng: random.Random, words: int) -> str:
        """A few words without a full stop (titles, topics)."""
        return self.sentence(rng, words).rstrip(".")


def build_chain(cat: Catalog) -> Chain:
    chain = Chain()
    for text in _paragraphs(cat):
        tokens = _TOKEN.findall(nfc(text))
        if not tokens:
            continue
        tokens = [t for t in tokens if not t.isdigit()] + [_END]
        starts_next = True
        for first, second in zip(tokens, tokens[1:]):
            if starts_next and first not in ",;:." and first[0].isupper():
                chain.starts.append(first)
            chain.follows.setdefault(first, []).append(second)
        for first, second, third in zip(tokens, tokens[1:], tokens[2:]):
            chain.follows2.setdefault((first, second), []).append(third)
            starts_next = second == _END
    chain.lengths = sorted(len(t.content.split()) for t in cat.tasks)
    return chain
