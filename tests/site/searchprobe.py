"""The tests' way into the search engine of a page: it imports content/assets/tim-kiem.js (an ES
module; the same instance the page loaded, by the same address) and calls what it exports. The
shipped script puts nothing on `window` for the tests.

    probe(page, "ranked", "son la")      -> every result URL, in ranked order
    probe(page, "explain", query)        -> [[url, "score,…"], …]
    probe(page, "results", query)        -> {"urls", "suggestion", "meaning", "unknown"}
    probe(page, "keys", query)           -> slotKeys(understand(query, meta.y))
    probe(page, "understand", query)     -> the slots of the query, with the index's meta.y
    probe(page, "corrections", [w, vocabulary]) / probe(page, "distance", [a, b, limit])
"""
from __future__ import annotations

PROBE = """async ([what, arg]) => {
  const script = document.querySelector('script[src*="tim-kiem.js"]')
    || document.querySelector('script[src*="search.js"]');
  const src = script.src.replace(/search\\.js(\\?[^#]*)?$/, "tim-kiem.js$1");
  const m = await import(src);
  const form = document.querySelector("form.tim-nhanh");
  const engine = new m.Engine(new URL("../", form.action));
  const all = async q => {
    const r = await engine.rank(q);
    const data = await Promise.all(r.map(x => x.data()));
    return {r, urls: data.map(d => d.url)};
  };
  if (what === "ranked") return (await all(arg)).urls;
  if (what === "explain") { const {r, urls} = await all(arg); return urls.map((u, i) => [u, r[i].score.join(",")]); }
  if (what === "results") {
    const {r, urls} = await all(arg);
    return {urls, suggestion: r.suggestion || "", meaning: r.meaning || "", unknown: r.unknown || []};
  }
  if (what === "keys") return m.slotKeys(m.understand(arg, (await engine.ready()).y || {}));
  if (what === "understand") return m.understand(arg, (await engine.ready()).y || {});
  if (what === "corrections") return m.corrections(arg[0], arg[1]);
  if (what === "distance") return m.editDistance(arg[0], arg[1], arg[2]);
  throw new Error("probe: " + what);
}"""


def probe(page, what: str, arg):
    return page.evaluate(PROBE, [what, arg])
