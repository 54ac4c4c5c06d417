/* Cổng kế hoạch hợp tác — search: the box in the header of every page and the search page
   tim-kiem/. Without JavaScript both are plain forms that open tim-kiem/?q=… This file is
   loaded by assets/search.js (on every page, small): at once on the search page, elsewhere
   when the header box is first used, so that a page that is only read does not download it.

   The index (generator/search/, built with the site under chi-muc/) gives, for every key, the
   set of pages that hold it; pages are numbered in their ranking order (a province,
   partnership or agency page first, then tasks, then plans and documents, then index pages
   and guides). A query fetches the index's meta (once), the few small shards that hold its
   keys, and then only the pages it shows. The keys of a word (generator/search/words.py):
     w      the word folded: no tones, no marks, đ -> d   ("Điện" -> "dien")
     w*     every word that begins with it                ("ca" -> các, cây, cả …)
     w=e    the word with its accents as typed            ("tầm" is not "tâm")
     a~b    two words side by side (a phrase)
     w! w*! a~b!  in a page's h1, any of its words (the page is named by the query)
   The last word of a query may be unfinished: it matches the words it begins too. A word that
   matches nothing is looked up in the index's vocabulary (chi-muc/tu.txt, fetched only then)
   at one edit, two for five letters or more ("lihc" -> "lich"), and the page says "Có phải
   bạn muốn tìm: …". A page holding every word is a result; for three words or more, one
   holding all but one too, after them and marked. The order (Engine.rank): how many words,
   accents as typed, whole words before beginnings before corrections, a province,
   partnership, plan or agency the query names (every word in its h1 or kind), more than half
   the words in the h1, the phrase, the h1's phrase, then the page's number (its kind, then its address). Both
   tone placements ("Hoá", "Hóa") are one spelling in the index and in the query. Among the
   first results, a page whose own name is the query ("son la" -> Tỉnh Sơn La) comes first. */
(function () {
  "use strict";

  var PAGE = 10;          // results shown at a time on the search page
  var PEEK = 5;           // results under the header box
  var WORDS = 30;         // words in an excerpt
  var WORD = /[\p{L}\p{N}]+/gu;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d")
      .replace(/Đ/g, "D").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  function words(text) {
    return String(text).normalize("NFC").toLowerCase().match(WORD) || [];
  }

  /* One spelling for both placements (generator/search/words.py one_spelling): the tone of an
     open "oa", "oe", "uy" at the end of a word on its first vowel ("hoá" -> "hóa", "thuỷ" ->
     "thủy"; "quý", "hoàn" unchanged). */
  function oneSpelling(word) {
    var bare = word.normalize("NFD");
    var m = /([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])$/.exec(bare);
    if (!m || ["oa", "oe", "uy"].indexOf(m[1] + m[2]) < 0) return word;
    if (m[1] === "u" && m.index > 0 && bare[m.index - 1] === "q") return word;
    return (bare.slice(0, m.index) + m[1] + m[3] + m[2]).normalize("NFC");
  }

  /* A set of pages: a bitmap of n bits. */
  function none(n) { return new Uint8Array((n + 7) >> 3); }

  function and(sets, n) {
    if (!sets.length) return none(n);
    var out = sets[0].slice();
    for (var s = 1; s < sets.length; s++) for (var i = 0; i < out.length; i++) out[i] &= sets[s][i];
    return out;
  }

  function has(set, p) { return (set[p >> 3] >> (p & 7)) & 1; }

  /* One shard: key -> its pages (decoded when asked for). */
  function parseShard(buffer, meta) {
    var view = new DataView(buffer), bytes = new Uint8Array(buffer), text = new TextDecoder();
    var entries = {}, at = 0;
    while (at < bytes.length) {
      var klen = bytes[at];
      var key = text.decode(bytes.subarray(at + 1, at + 1 + klen));
      at += 1 + klen;
      var form = bytes[at], count = view.getUint32(at + 1, true), size = view.getUint32(at + 5, true);
      entries[key] = { form: form, count: count, from: at + 9, size: size };
      at += 9 + size;
    }
    return function (key) {
      var e = entries[key];
      if (!e) return null;
      if (e.form === 1) return bytes.slice(e.from, e.from + e.size);
      var set = none(meta.n), page = 0, step = meta.w;
      for (var k = 0; k < e.count; k++) {
        page += step === 2 ? view.getUint16(e.from + 2 * k, true) : view.getUint32(e.from + 4 * k, true);
        set[page >> 3] |= 1 << (page & 7);
      }
      return set;
    };
  }

  function Engine(root) {
    this.root = root;
    this.loading = null;
    this.shards = {};
    this.pages = {};
  }

  Engine.prototype.url = function (path) { return new URL(path, this.root).href; };

  /* The index's meta: its version, the number of pages, the first key of every shard. */
  Engine.prototype.ready = function () {
    if (!this.loading) {
      this.loading = fetch(this.url("chi-muc/meta.json"), { cache: "no-cache" }).then(function (r) {
        if (!r.ok) throw new Error("chi-muc/meta.json: " + r.status);
        return r.json();
      });
      var self = this;
      this.loading.catch(function () { self.loading = null; });
    }
    return this.loading;
  };

  /* The pages of each key ({key: bitmap or null}), fetching the shards that hold them. */
  function shardOf(meta, key) {
    var lo = 0, hi = meta.s.length - 1, at = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (meta.s[mid] <= key) { at = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return at;
  }

  Engine.prototype.lookup = function (meta, keys) {
    var self = this, wanted = {};
    keys.forEach(function (key) {
      var at = shardOf(meta, key);
      if (at >= 0) wanted[key] = at;
    });
    var shards = Object.keys(wanted).map(function (k) { return wanted[k]; })
      .filter(function (x, i, all) { return all.indexOf(x) === i; });
    return Promise.all(shards.map(function (i) {
      if (!self.shards[i]) {
        self.shards[i] = fetch(self.url("chi-muc/k/" + i + ".bin?v=" + meta.v)).then(function (r) {
          if (!r.ok) throw new Error("chi-muc/k/" + i + ".bin: " + r.status);
          return r.arrayBuffer();
        }).then(function (buffer) { return parseShard(buffer, meta); });
        self.shards[i].catch(function () { delete self.shards[i]; });
      }
      return self.shards[i];
    })).then(function (parsed) {
      var byShard = {}, out = {};
      shards.forEach(function (i, k) { byShard[i] = parsed[k]; });
      keys.forEach(function (key) { out[key] = key in wanted ? byShard[wanted[key]](key) : null; });
      return out;
    });
  };

  /* What a result shows ({url, meta: {title, loai, ke_hoach, muc}, text}), fetched once. */
  Engine.prototype.page = function (meta, n) {
    var self = this;
    if (!this.pages[n]) {
      this.pages[n] = fetch(this.url("chi-muc/t/" + n + ".json?v=" + meta.v)).then(function (r) {
        if (!r.ok) throw new Error("chi-muc/t/" + n + ".json: " + r.status);
        return r.json();
      }).then(function (d) {
        return { url: self.root.pathname + d.url, text: d.text,
                 meta: { title: d.title, loai: d.loai, ke_hoach: d.ke_hoach, muc: d.muc } };
      });
      this.pages[n].catch(function () { delete self.pages[n]; });
    }
    return this.pages[n];
  };

  /* The keys a query looks up, by use (generator/search/words.py query_keys): the whole
     words, the words the last begins (another word's beginnings only when it is nowhere
     whole: Engine.forms), the phrase, the words and phrase in a page's h1 (the last
     word also as a beginning), and the exact forms when the query has accents. */
  function queryKeys(query) {
    var typed = words(query).filter(function (w) { return fold(w); });
    var folded = typed.map(function (w) { return fold(w); });
    var pairs = folded.slice(1).map(function (w, i) { return folded[i] + "~" + w; });
    var accented = typed.some(function (w, i) { return folded[i] !== w; });
    return {
      whole: folded, begun: folded.slice(-1).map(function (w) { return w + "*"; }), phrase: pairs,
      named: folded.map(function (w) { return w + "!"; }).concat(folded.slice(-1).map(function (w) { return w + "*!"; })),
      named_phrase: pairs.map(function (p) { return p + "!"; }),
      exact: accented ? typed.map(function (w, i) { return folded[i] + "=" + oneSpelling(w); }) : []
    };
  }

  /* Edits from a to b (a letter replaced, added, left out, two neighbours swapped), counted up
     to limit + 1 (words.py distance). */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = null, row = [], i, j;
    for (j = 0; j <= b.length; j++) row.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i], low = i;
      for (j = 1; j <= b.length; j++) {
        var best = Math.min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
        current.push(best);
        low = Math.min(low, best);
      }
      if (low > limit) return limit + 1;
      before = row; row = current;
    }
    return Math.min(row[b.length], limit + 1);
  }

  /* What a mistyped folded word may be (words.py corrections): the vocabulary's words (most
     pages first) one edit away, or two for five letters or more when none is one. */
  var TYPO_LETTERS = 3, TWO_EDITS = 5, CHECKED = 2, CHOICES = 2, ENDINGS = 12;
  /* The kinds of page a query can name (index.py KINDS' ranks), in the order they come when
     it names several: a province, a partnership, a plan, an agency. */
  var NAMED = { 0: 4, 1: 3, 4: 2, 2: 1 };
  function corrections(word, vocabulary) {
    if (word.length < TYPO_LETTERS || !/^\p{L}+$/u.test(word)) return [];
    var limit = word.length >= TWO_EDITS ? 2 : 1, found = { 1: [], 2: [] };
    vocabulary.forEach(function (v) {
      if (v === word || Math.abs(v.length - word.length) > limit) return;
      var d = editDistance(word, v, limit);
      if (d <= limit) found[d].push(v);
    });
    return found[1].length ? found[1] : found[2];
  }

  function count(set) {
    var c = 0;
    for (var i = 0; i < set.length; i++) for (var b = set[i]; b; b &= b - 1) c++;
    return c;
  }

  function or(sets, n) {
    var out = none(n);
    sets.forEach(function (s) { for (var i = 0; i < out.length; i++) out[i] |= s[i]; });
    return out;
  }

  /* The vocabulary (chi-muc/tu.txt), fetched the first time a word needs correcting. */
  Engine.prototype.vocabulary = function (meta) {
    var self = this;
    if (!this.words) {
      this.words = fetch(this.url("chi-muc/tu.txt?v=" + meta.v)).then(function (r) {
        if (!r.ok) throw new Error("chi-muc/tu.txt: " + r.status);
        return r.text();
      }).then(function (t) { return t ? t.split("\n") : []; });
      this.words.catch(function () { self.words = null; });
    }
    return this.words;
  };

  /* The forms each query word matches pages by, best first: the word whole (3), the words it
     begins (2: the last word, which may be unfinished, or a word that is nowhere whole), and,
     for a word that matches nothing (or, when no page has every word, the rarest of four
     letters or more), the words of
     the vocabulary it may be a typo of (1), preferring those that make a phrase of the index
     with the word before or after it (then the first of those alone; else the CHOICES
     commonest; the phrases are checked in the shards already fetched and at most CHECKED
     more); a word of three letters is corrected only into such a phrase. An unfinished last word after another gets the phrases it may end (.ends: the
     ENDINGS commonest words of the vocabulary it begins: "nong sa" -> nong~san, nong~sang …).
     Resolves to [[{word, level, set, title, ends}]] and the corrected words. */
  Engine.prototype.forms = function (meta, q, sets) {
    var self = this, last = q.whole.length - 1;
    var nowhere = q.whole.filter(function (w, i) { return i < last && !sets[w]; });
    return this.lookup(meta, nowhere.map(function (w) { return w + "*"; })).then(function (more) {
      Object.keys(more).forEach(function (k) { if (more[k]) sets[k] = more[k]; });
      return self.typos(meta, q, sets);
    });
  };

  Engine.prototype.typos = function (meta, q, sets) {
    var self = this, n = meta.n, last = q.whole.length - 1;
    var forms = q.whole.map(function (w, i) {
      var list = [];
      if (sets[w]) list.push({ word: w, level: 3, set: sets[w], title: sets[w + "!"] });
      if (sets[w + "*"] && (i === last || !sets[w]))
        list.push({ word: w, level: 2, set: sets[w + "*"], title: i === last ? sets[w + "*!"] || sets[w + "!"] : null });
      return list;
    });
    var need = [];
    forms.forEach(function (f, i) { if (!f.length) need.push(i); });
    if (!need.length && forms.length > 1) {
      var unions = forms.map(function (f) { return or(f.map(function (x) { return x.set; }), n); });
      if (!count(and(unions, n))) {
        var rarest = -1, fewest = Infinity;
        unions.forEach(function (u, i) {
          var c = count(u);
          if (q.whole[i].length > TYPO_LETTERS && c < fewest) { rarest = i; fewest = c; }
        });
        if (rarest >= 0) need.push(rarest);
      }
    }
    var fixed = {}, begun = last > 0 && forms[last].filter(function (x) { return x.level === 2; })[0];
    if (!need.length && !begun) return Promise.resolve({ forms: forms, fixed: fixed });
    return this.vocabulary(meta).then(function (vocabulary) {
      var ends = [];
      if (begun) {     // the phrases the unfinished last word may end: "nong sa" -> nong~san …
        var prev = q.whole[last - 1], w = q.whole[last];
        begun.ends = vocabulary.filter(function (v) { return v.indexOf(w) === 0; }).slice(0, ENDINGS);
        begun.ends.forEach(function (c) { ends.push(prev + "~" + c, prev + "~" + c + "!"); });
        if (!need.length) {
          return self.lookup(meta, ends).then(function (more) {
            Object.keys(more).forEach(function (k) { if (more[k]) sets[k] = more[k]; });
            return { forms: forms, fixed: fixed };
          });
        }
      }
      var checks = ends, cands = {};
      need.forEach(function (i) {
        var w = q.whole[i], left = i > 0 ? q.whole[i - 1] : null, right = i < last ? q.whole[i + 1] : null;
        var fresh = {}, spent = 0;       // the shards of the phrase checks not fetched yet
        cands[i] = corrections(w, vocabulary).map(function (c) {
          var pair = left ? left + "~" + c : right ? c + "~" + right : null;
          if (pair) {
            var at = shardOf(meta, pair);
            if (!self.shards[at] && !fresh[at]) {
              if (spent === CHECKED) pair = null; else { fresh[at] = true; spent++; }
            }
          }
          if (pair) checks.push(pair);
          return { word: c, pair: pair };
        });
      });
      return self.lookup(meta, checks).then(function (paired) {
        Object.keys(paired).forEach(function (k) { if (paired[k]) sets[k] = paired[k]; });
        var keys = [];
        need.forEach(function (i) {
          var list = cands[i], withPhrase = list.filter(function (c) { return c.pair && paired[c.pair]; });
          if (withPhrase.length || q.whole[i].length <= TYPO_LETTERS) list = withPhrase;
          cands[i] = list.slice(0, withPhrase.length ? 1 : CHOICES).map(function (c) { return c.word; });
          cands[i].forEach(function (c) {
            keys.push(c, c + "!");
            if (i > 0) keys.push(q.whole[i - 1] + "~" + c, q.whole[i - 1] + "~" + c + "!");
            if (i < last) keys.push(c + "~" + q.whole[i + 1], c + "~" + q.whole[i + 1] + "!");
          });
        });
        return self.lookup(meta, keys).then(function (more) {
          Object.keys(more).forEach(function (k) { if (more[k]) sets[k] = more[k]; });
          need.forEach(function (i) {
            cands[i].forEach(function (c) {
              if (sets[c]) forms[i].push({ word: c, level: 1, set: sets[c], title: sets[c + "!"] });
            });
            var first = forms[i].filter(function (f) { return f.level === 1; })[0];
            if (first) fixed[i] = first.word;
          });
          return { forms: forms, fixed: fixed };
        });
      });
    });
  };

  /* Every result for the query, ranked: [{id, score, missing, data}] (data() fetches what it
     shows), with .full (how many have every word) and .suggestion (the corrected query, or
     ""). A page is a result when it has every word (in one of its forms), or, for a query of
     three words or more, most of them (every word but one, but one in three: 6 of 8), or, for
     two words when no page has both, one; ranked by, in order:
       1. the number of query words it has (all words before most words);
       2. when the query has accents, the words accented exactly as typed;
       3. how each word matched: whole, then its beginning, then a typo's correction;
       4. a province, partnership, plan or agency whose h1 (all of it) or kind has every word:
          the page the query names (in that order when it names several);
       5. the query words in its h1 (matched there as well as in the text), when that is more
          than half of them;
       6. the query's pairs of words side by side in its text (a phrase);
       7. the query's pairs of words side by side in its h1;
       8. the page's number: its kind (a province, partnership or agency; a task; a plan or
          document; index pages and guides), then its address. */
  Engine.prototype.rank = function (query) {
    var q = queryKeys(query), self = this;
    var typed = words(query).filter(function (w) { return fold(w); });
    if (!q.whole.length) return Promise.resolve([]);
    return this.ready().then(function (meta) {
      var keys = [].concat(q.whole, q.begun, q.phrase, q.named, q.named_phrase, q.exact);
      return self.lookup(meta, keys).then(function (sets) {
        return self.forms(meta, q, sets).then(function (found) {
          var forms = found.forms, n = meta.n, nw = q.whole.length;
          var unions = forms.map(function (f) { return or(f.map(function (x) { return x.set; }), n); });
          var any = or(unions, n), exact = q.exact.map(function (k) { return sets[k]; }).filter(Boolean);
          var pairs = [];
          for (var i = 0; i + 1 < nw; i++) {
            var body = [], title = [];
            forms[i].forEach(function (a) {
              forms[i + 1].forEach(function (b) {
                (b.ends || [b.word]).forEach(function (end) {
                  var k = a.word + "~" + end;
                  if (sets[k]) body.push(sets[k]);
                  if (sets[k + "!"]) title.push(sets[k + "!"]);
                });
              });
            });
            pairs.push({ body: or(body, n), title: or(title, n) });
          }
          var results = [], kinds = meta.k || [];
          for (var p = 0; p < n; p++) {
            if (!has(any, p)) continue;
            var matched = 0, named = 0, levels = 0, accents = 0, inTitle = 0, inBody = 0, missing = [];
            forms.forEach(function (f, k) {
              var best = 0, t = 0;
              f.forEach(function (x) { if (has(x.set, p)) best = Math.max(best, x.level); });
              f.forEach(function (x) { if (x.level === best && x.title && has(x.title, p)) t = 1; });
              if (best) matched++; else missing.push(k);
              levels += best;
              named += t;       // in the h1 as well as it matched in the text
            });
            exact.forEach(function (s) { accents += has(s, p); });
            pairs.forEach(function (x) { inTitle += has(x.title, p); inBody += has(x.body, p); });
            var kind = 0;
            while (kind + 1 < kinds.length && kinds[kind + 1] <= p) kind++;
            var names = named === nw && NAMED[kind] || 0;
            results.push({ id: p, missing: missing,
                           score: [matched, accents, levels, names, 2 * named > nw ? named : 0, inBody, inTitle] });
          }
          var full = results.filter(function (r) { return !r.missing.length; }).length;
          var least = nw >= 3 ? nw - Math.max(1, Math.floor(nw / 3)) : nw === 2 && !full ? 1 : nw;
          results = results.filter(function (r) { return r.score[0] >= Math.max(1, least); });
          results.sort(function (a, b) {
            for (var k = 0; k < a.score.length; k++) if (a.score[k] !== b.score[k]) return b.score[k] - a.score[k];
            return a.id - b.id;
          });
          results.forEach(function (r) {
            r.missing = r.missing.map(function (k) { return typed[k]; });
            r.data = function () {
              return self.page(meta, r.id).then(function (d) {
                var shown = q.whole.concat(Object.keys(found.fixed).map(function (k) { return found.fixed[k]; }));
                return { url: d.url, meta: d.meta, excerpt: excerpt(d.text, shown), missing: r.missing };
              });
            };
          });
          results.full = full;
          results.suggestion = Object.keys(found.fixed).length ? q.whole.map(function (w, k) {
            return found.fixed[k] || typed[k];
          }).join(" ") : "";
          return results;
        });
      });
    });
  };

  /* The data of results[from, to), with a page named exactly as the query moved to the front
     when it is among them. */
  function load(results, from, to, query) {
    var q = fold(query);
    return Promise.all(results.slice(from, to).map(function (r) { return r.data(); })).then(function (data) {
      if (from > 0) return data;
      function named(d) {
        var title = fold((d.meta && d.meta.title) || "");
        var bare = title.replace(/^(tinh|thanh pho|hop tac|ke hoach so|cong van so|so) /, "");
        return title === q || bare === q ? 1 : 0;
      }
      return data.map(function (d, i) { return { d: d, s: named(d), i: i }; })
        .sort(function (a, b) { return b.s - a.s || a.i - b.i; })
        .map(function (x) { return x.d; });
    });
  }

  /* About WORDS words of the page around the most query words, as HTML: the words that match
     a query word whole are marked (a word it only begins, where none matches whole). */
  function excerpt(text, query) {
    var parts = String(text || "").split(/([\p{L}\p{N}]+)/u);   // odd: words, even: between
    var wholes = {}, marks = [];
    query.forEach(function (q) { wholes[q] = false; });
    for (var i = 1; i < parts.length; i += 2) {
      var f = fold(parts[i]);
      if (f in wholes) wholes[f] = true;
    }
    for (i = 1; i < parts.length; i += 2) {
      var w = fold(parts[i]);
      marks.push(query.some(function (q) { return w === q || (!wholes[q] && w.indexOf(q) === 0); }));
    }
    var best = 0, bestCount = 0;       // from a marked word: the most marks in the window
    for (var at = 0; at < marks.length; at++) {
      if (!marks[at]) continue;
      var count = 0;
      for (var k = at; k < Math.min(marks.length, at + WORDS - 3); k++) count += marks[k] ? 1 : 0;
      if (count > bestCount) { bestCount = count; best = at; }
    }
    best = Math.max(0, Math.min(best - 3, marks.length - WORDS));
    var out = best > 0 ? "… " : "", end = Math.min(marks.length, best + WORDS);
    for (i = best; i < end; i++) {
      var word = escapeHtml(parts[2 * i + 1]);
      out += marks[i] ? "<mark>" + word + "</mark>" : word;
      if (i < end - 1) out += escapeHtml(parts[2 * i + 2]);
    }
    return end < marks.length ? out + " …" : out;
  }

  function item(d) {
    var li = document.createElement("li");
    var kind = (d.meta && d.meta.loai) || "Trang";
    var where = d.meta && d.meta.ke_hoach ? " · " + d.meta.ke_hoach : "";
    if (d.meta && d.meta.muc) where += " · mục " + d.meta.muc;
    li.innerHTML = '<p class="ket-qua__loai">' + escapeHtml(kind + where) + "</p>" +
      '<a class="ket-qua__tieu-de" href="' + escapeHtml(d.url) + '">' +
      escapeHtml((d.meta && d.meta.title) || d.url) + "</a>" +
      '<p class="ket-qua__trich">' + (d.excerpt || "") + "</p>" +
      (d.missing && d.missing.length ? '<p class="ket-qua__thieu">Không có: ' + d.missing.map(function (w) {
        return "<s>" + escapeHtml(w) + "</s>";
      }).join(", ") + "</p>" : "");
    if (d.missing && d.missing.length) li.className = "ket-qua--thieu";
    return li;
  }

  /* "Có phải bạn muốn tìm: …" with a link to the corrected query, when a word was corrected. */
  function suggest(box, results, action) {
    box.innerHTML = "";
    box.hidden = !results.suggestion;
    if (!results.suggestion) return;
    box.appendChild(document.createTextNode("Có phải bạn muốn tìm: "));
    var a = document.createElement("a");
    a.href = action + "?q=" + encodeURIComponent(results.suggestion);
    a.textContent = results.suggestion;
    box.appendChild(a);
  }

  function counted(results, query) {
    var partial = results.length - (results.full || 0);
    return results.length + " kết quả cho “" + query + "”" + (partial && results.full
      ? " (" + results.full + " có đủ các từ, " + partial + " thiếu từ, xếp sau)"
      : partial ? " (không trang nào có đủ các từ; các kết quả thiếu từ)" : "");
  }

  function keepInUrl(query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  }

  /* The search page: count, the first ten, "Xem thêm" for the next ten. */
  function setupPage(engine) {
    var form = document.querySelector("form.tim-kiem");
    if (!form || !document.getElementById("ket-qua")) return false;
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("trang-thai-tim");
    var list = document.getElementById("ket-qua");
    var more = document.createElement("button");
    more.type = "button";
    more.id = "xem-them";
    more.className = "md-button xem-them";
    more.textContent = "Xem thêm";
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    var hint = document.createElement("p");
    hint.id = "goi-y-tim";
    hint.className = "goi-y-tim";
    hint.hidden = true;
    list.parentNode.insertBefore(hint, list);
    var latest = 0, ranked = [], shown = 0, query = "";

    function showMore(ticket) {
      var from = shown, to = Math.min(shown + PAGE, ranked.length);
      more.hidden = true;
      return load(ranked, from, to, query).then(function (data) {
        if (ticket !== latest) return;
        data.forEach(function (d) { list.appendChild(item(d)); });
        shown = to;
        status.textContent = counted(ranked, query) +
          (shown < ranked.length ? ", đang hiện " + shown + " kết quả đầu" : "") + ".";
        more.hidden = shown >= ranked.length;
        if (from > 0 && list.children[from]) list.children[from].querySelector("a").focus();
      });
    }

    function run(text) {
      var ticket = ++latest;
      query = text.trim();
      keepInUrl(query);
      list.innerHTML = "";
      more.hidden = true;
      hint.hidden = true;
      if (!query) { status.textContent = ""; return; }
      status.textContent = "Đang tìm…";
      engine.rank(query).then(function (results) {
        if (ticket !== latest) return;
        ranked = results;
        shown = 0;
        suggest(hint, results, form.action);
        if (!ranked.length) { status.textContent = "Không tìm thấy kết quả cho “" + query + "”."; return; }
        return showMore(ticket);
      }).catch(function () {
        status.textContent = "Không tải được bộ tìm kiếm (trang cần được mở qua máy chủ web, không phải tệp).";
      });
    }

    more.addEventListener("click", function () { showMore(latest); });
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 200);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value); });
    var initial = new URL(window.location.href).searchParams.get("q");
    if (initial) { input.value = initial; run(initial); }
    return true;
  }

  /* The header box (and the home page's): the first five results as you type, and a link to all of them. Enter opens
     the search page (the form's own action, as without JavaScript). */
  function setupHeader(engine, form) {
    var input = form.querySelector("input[name=q]");
    var panel = form.querySelector(".tim-nhanh__ket-qua");
    var latest = 0;

    function close() { panel.hidden = true; panel.innerHTML = ""; }

    function run() {
      var ticket = ++latest, query = input.value.trim();
      if (!query) { close(); return; }
      engine.rank(query).then(function (results) {
        return load(results, 0, PEEK, query).then(function (data) {
          if (ticket !== latest) return;
          panel.innerHTML = "";
          var status = document.createElement("p");
          status.className = "tim-nhanh__dem";
          status.textContent = results.length ? results.length + " kết quả" : "Không tìm thấy kết quả.";
          panel.appendChild(status);
          if (results.suggestion) {
            var hint = document.createElement("p");
            hint.className = "goi-y-tim";
            suggest(hint, results, form.action);
            panel.appendChild(hint);
          }
          var ol = document.createElement("ol");
          data.forEach(function (d) { ol.appendChild(item(d)); });
          panel.appendChild(ol);
          if (results.length > PEEK) {
            var all = document.createElement("a");
            all.className = "tim-nhanh__tat-ca";
            all.href = form.action + "?q=" + encodeURIComponent(query);
            all.textContent = "Xem tất cả " + results.length + " kết quả";
            panel.appendChild(all);
          }
          panel.hidden = false;
        });
      }).catch(close);
    }

    var timer = null;
    input.addEventListener("focus", function () { engine.ready().catch(function () {}); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 200);
    });
    form.addEventListener("keydown", function (event) { if (event.key === "Escape") { close(); input.focus(); } });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) close(); });
    if (document.activeElement === input) engine.ready().catch(function () {});
    if (input.value.trim()) timer = setTimeout(run, 0);    // typed while this file loaded
  }

  function start() {
    var header = document.querySelector("form.tim-nhanh");
    if (!header) return;
    // The site root, from the header form's action (tim-kiem/index.html on every page).
    var engine = new Engine(new URL("../", header.action));
    if (!setupPage(engine)) {
      document.querySelectorAll("form[data-tim-nhanh]").forEach(function (form) { setupHeader(engine, form); });
    }

    /* For the browser tests: every result URL of a query, in ranked order. */
    window.portalSearchRanked = function (query) {
      return engine.rank(query).then(function (results) {
        return Promise.all(results.map(function (r) { return r.data(); }));
      }).then(function (data) { return data.map(function (d) { return d.url; }); });
    };
    window.portalSearchExplain = function (query) {
      return engine.rank(query).then(function (results) {
        return Promise.all(results.map(function (r) {
          return r.data().then(function (d) { return [d.url, r.score.join(",")]; });
        }));
      });
    };
    window.portalSearchKeys = queryKeys;
    window.portalSearchSuggestion = function (query) {
      return engine.rank(query).then(function (results) { return results.suggestion; });
    };
    window.portalSearchCorrections = function (word, vocabulary) { return corrections(word, vocabulary); };
    window.portalSearchDistance = function (a, b, limit) { return editDistance(a, b, limit); };
    window.portalSearchAll = function (query) {
      return window.portalSearchRanked(query).then(function (urls) {
        return Array.from(new Set(urls)).sort();
      });
    };
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
