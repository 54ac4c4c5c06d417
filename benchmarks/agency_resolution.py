"""How well the importer's agency resolution alone does on ../shared/realdocs: every truth row's
printed lead and coordinating cell (expected.json) is resolved with importer.agencies.Resolver in
the document's own province and judged by the scorer's own judge() (score.py), so the figure does
not depend on which rows the readers find. Also counts proposals that are no body.

Usage, from the project's root: .venv/bin/python benchmarks/agency_resolution.py [CORPUS] [-v]
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ARGS = [a for a in sys.argv[1:] if a != "-v"]
CORPUS = Path(ARGS[0]) if ARGS else ROOT.parent / "shared/realdocs"


def scorer() -> dict:
    """score.py's functions, without running its main loop (which starts at 'T = dict(')."""
    source = (CORPUS / "score.py").read_text(encoding="utf-8")
    names = {"__file__": str(CORPUS / "score.py"), "__name__": "score"}
    argv, sys.argv = sys.argv, [str(ROOT)]
    try:
        exec(compile(source[: source.index("T = dict(")], "score.py", "exec"), names)
    finally:
        sys.argv = argv
    return names


def main() -> None:
    from generator.model.read import read_catalog
    from generator.importer.agencies import Resolver

    score = scorer()
    cat, known = read_catalog(ROOT / "data", ROOT), score["catalog"]()
    totals, wrong = collections.Counter(), []
    for doc in json.loads((CORPUS / "expected.json").read_text(encoding="utf-8")):
        own = doc.get("own_province")
        ministry = (
            None if own else {"id": "central-x", "name": (doc.get("issuer") or "").split("(")[0].strip()}
        )
        resolver = Resolver(cat, own, [], ministry, doc["file"])
        for row in doc["rows"]:
            for side in ("lead", "coordinating"):
                if not row[side]:
                    continue
                got = resolver.resolve(row[side])
                verdict, why = score["judge"](
                    row[side], got.ids, got.collective, known, resolver.proposed, own, row["content"]
                )
                totals[side, verdict == "right"] += 1
                if verdict != "right":
                    wrong.append((doc["file"], side, verdict, row[side][:80], why[:120]))
        totals["not a body"] += sum(
            1 for a in resolver.proposed.values() if score["NOT_AGENCY"].match(a.get("name") or "")
        )
    for side in ("lead", "coordinating"):
        print(f"{side}: {totals[side, True]}/{totals[side, True] + totals[side, False]} right")
    print(f"proposed agencies that are no body: {totals['not a body']}")
    if "-v" in sys.argv:
        for line in wrong:
            print(*line, sep=" | ")


if __name__ == "__main__":
    main()
