/* Cổng kế hoạch hợp tác — search: the box in the header of every page and the search page
   tim-kiem/. Without JavaScript both are plain forms that open tim-kiem/?q=… This file is
   loaded by assets/search.js (on every page, small): at once on the search page, elsewhere
   when the header box is first used, so that a page that is only read does not download it.

   The index (generator/publish/search/, built with the site under chi-muc/) gives, for every key, the
   set of pages that hold it; pages are numbered in their ranking order (a province,
   partnership or agency page first, then tasks, then plans and documents, then listing
   pages, then help pages). A query fetches the index's meta (once), the few small shards that hold its
   keys, and then only the pages it shows. The keys of a word (generator/publish/search/words.py):
     w      the word folded: no tones, no marks, đ -> d   ("Điện" -> "dien")
     w*     every word that begins with it                ("ca" -> các, cây, cả …)
     w=e    the word with its accents as typed            ("tầm" is not "tâm")
     a~b    two words side by side (a phrase)
     w! w*! a~b!  in a page's h1, any of its words (the page is named by the query)
   A query is first read for what it means (understand: optional question words, words that
   mean the same, abbreviations, quarters as numbers; the vocabulary in the meta's "y"). The
   last word may be unfinished: it matches the words it begins too. A word on no page is looked
   up in the index's vocabulary (chi-muc/tu.txt, fetched only then) at one edit, two for five
   letters or more ("lihc" -> "lich"), and corrected only when that makes the query match; the
   page says "Có phải bạn muốn tìm: …", or that the word is on no page. A page holding every
   required word is a result; for three or more, one holding all but one too, after them and
   marked. The order is Engine.rank's (help pages last, how many words, accents, whole words,
   the page the query names, the phrase, the h1 …). Both tone placements ("Hoá", "Hóa") are
   one spelling in the index and in the query. Among the first results, a page whose own name
   is the query ("son la" -> Tỉnh Sơn La) comes first. The search page's filters (kind,
   province, lead agency, year or quarter) read chi-muc/nhom*, fetched only when opened.

   An ES module (search.js loads it with type="module"): it sets up the boxes of the page it is
   loaded in, and exports the engine (Engine, understand, slotKeys, corrections, editDistance)
   for a page that imports it — the tests do; nothing is put on `window`. */

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

  /* One spelling for both placements (generator/publish/search/words.py one_spelling): the tone of an
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

  /* What a query means beside what it spells (generator/publish/search/meaning.py understand: the
     browser tests hold the two equal): its slots, each one or more typed words —
       word     a word as typed (its beginnings and corrections are the engine's)
       same     a run of words that is a member of a group of the vocabulary (meta.y.g):
                every member is looked for, each as a phrase
       short    an abbreviation (meta.y.a: "skhcn", "nn&mt", "tp.hcm", "tp hcm") and what it
                stands for
       quarter  a number 1-4 after "quý" ("quý 3" = "Quý III"; "q3" is "quý 3")
     A question or function word (meta.y.o) is a slot marked optional: never required. */
  var SPAN = 6, SHORT_PART = 5, ROMAN = { 1: "i", 2: "ii", 3: "iii", 4: "iv" };
  var ARABIC = { i: "1", ii: "2", iii: "3", iv: "4" };
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function folds(text) { return words(text).map(fold); }

  function understand(query, y) {
    var text = String(query).normalize("NFC").toLowerCase().replace(/(\p{L}+)\s*&\s*(?=\p{L})/gu, "$1");
    var typed = [];
    words(text).forEach(function (w) {
      var f = fold(w), m = /^q([1-4])$/.exec(f);
      if (m) typed.push("quý", m[1]); else if (f) typed.push(w);
    });
    var folded = typed.map(fold), members = {}, shorts = y.a || {}, optional = {};
    (y.g || []).forEach(function (group) {
      group.forEach(function (m) { var k = folds(m).join(" "); if (!own(members, k)) members[k] = group; });
    });
    (y.o || []).forEach(function (w) { var f = fold(w); (optional[f] = optional[f] || []).push(oneSpelling(w)); });
    var slots = [], i = 0;
    while (i < folded.length) {
      var slot = null, j;
      for (j = Math.min(folded.length, i + SPAN); j > i; j--) {
        var span = folded.slice(i, j), joined = span.join(""), said = typed.slice(i, j);
        if (own(shorts, joined) && (j - i === 1 || span.every(function (x) { return x.length <= SHORT_PART; }))) {
          slot = { kind: "short", typed: said, alts: [[joined]].concat(shorts[joined].map(folds)),
                   shows: [said.join(" ")].concat(shorts[joined]) };
        } else if (own(members, span.join(" "))) {
          var others = members[span.join(" ")].filter(function (m) { return folds(m).join(" ") !== span.join(" "); });
          slot = { kind: "same", typed: said, alts: [span].concat(others.map(folds)),
                   shows: [said.join(" ")].concat(others) };
        }
        if (slot) break;
      }
      if (slot) i = j;
      else {
        var w = typed[i], f = folded[i];
        if ((own(ROMAN, f) || own(ARABIC, f)) && i > 0 && folded[i - 1] === "quy") {
          var other = ROMAN[f] || ARABIC[f];
          slot = { kind: "quarter", typed: [w], alts: [[f], [other]], shows: [w, other.toUpperCase()] };
        } else {
          slot = { kind: "word", typed: [w], alts: [[f]], shows: [w] };
          if (own(optional, f) && (w === f || optional[f].indexOf(oneSpelling(w)) >= 0)) slot.optional = true;
        }
        i++;
      }
      slot.optional = !!slot.optional;
      slots.push(slot);
    }
    if (slots.every(function (s) { return s.optional; })) slots.forEach(function (s) { s.optional = false; });
    return slots;
  }

  function pairsOf(ws) { return ws.slice(1).map(function (w, i) { return ws[i] + "~" + w; }); }

  /* The pairs a phrase of several words is looked for by: all but those with a linking word
     ("và", "các", "của", "tại", "với": meaning.py LINKING), whose pages are most pages and
     whose pairs fill many shards ("sở khoa học và công nghệ": so~khoa, khoa~hoc, cong~nghe). */
  var LINKING = ["va", "cac", "cua", "tai", "voi"];
  function altPairs(ws) {
    var kept = pairsOf(ws).filter(function (p) {
      return p.split("~").every(function (w) { return LINKING.indexOf(w) < 0; });
    });
    return kept.length ? kept : pairsOf(ws);
  }

  /* The keys a query's slots look up (meaning.py slot_keys: the browser tests compare the
     two): each alternative's word (w, w!) or phrase (its pairs, in the text and in the h1),
     the beginnings of the last word, the exact forms of accented words, and the pairs across
     neighbouring slots (as typed). Another word's beginnings are looked up only when it is
     nowhere whole (Engine.forms). An optional word's only the pairs in an h1 with a required
     neighbour (whether it spells a name: then it is required, and its keys are fetched
     next); a common word's pages would cost a shard each (at 25,000 tasks, "với", "là" and
     "gì" made a second query 56 KB). */
  function slotKeys(slots) {
    var keys = [], last = slots.length - 1;
    slots.forEach(function (s, k) {
      var next = k < last && slots[k + 1];
      if (s.optional) {    // only whether it spells a name with a neighbour (Engine.rank)
        if (k > 0 && !slots[k - 1].optional) {
          var before = slots[k - 1].alts[0];
          keys.push(before[before.length - 1] + "~" + s.alts[0][0] + "!");
        }
        if (next && !next.optional) keys.push(s.alts[0][0] + "~" + next.alts[0][0] + "!");
        return;
      }
      s.alts.forEach(function (a) {
        if (a.length === 1) keys.push(a[0], a[0] + "!");
        else altPairs(a).forEach(function (p) { keys.push(p, p + "!"); });
      });
      if (s.kind === "word") {
        if (k === last) keys.push(s.alts[0][0] + "*", s.alts[0][0] + "*!");
        if (fold(s.typed[0]) !== s.typed[0]) keys.push(s.alts[0][0] + "=" + oneSpelling(s.typed[0]));
      }
      if (next && !next.optional) {
        var p = s.alts[0][s.alts[0].length - 1] + "~" + next.alts[0][0];
        keys.push(p, p + "!");
      }
    });
    return keys.filter(function (x, i, all) { return all.indexOf(x) === i; });
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

  function merge(sets, more) { Object.keys(more).forEach(function (k) { if (more[k]) sets[k] = more[k]; }); }

  /* The pages of an alternative: a word's, or a phrase's (every pair side by side). */
  function altSet(sets, a, mark, n) {
    if (a.length === 1) return sets[a[0] + mark] || null;
    var parts = altPairs(a).map(function (p) { return sets[p + mark]; });
    return parts.every(Boolean) ? and(parts, n) : null;
  }

  /* The forms each slot matches pages by, best first: a word whole (3), the words it begins
     (2: the last word, which may be unfinished, or a word that is nowhere whole), and, for a
     word on no page, the word of the vocabulary it may be a typo of (1) — only one that makes
     the query match (a page with it and every other word), preferring one that makes a
     phrase of the index with the word before or after it (the phrases are checked in the
     shards already fetched and at most CHECKED more); a word of three letters is corrected
     only into such a phrase. A slot of alternatives matches by each (3). An unfinished last
     word after another gets the phrases it may end (.ends: the ENDINGS commonest words of the
     vocabulary it begins: "nong sa" -> nong~san, nong~sang …).
     A word of a page's kind ("Nhiệm vụ", "Kế hoạch": the w! keys) counts as on the page.
     Resolves to {forms: [[{word, first, last, level, set, title, typed}]], fixed, unknown}. */
  Engine.prototype.forms = function (meta, slots, sets) {
    var self = this, last = slots.length - 1;
    var nowhere = slots.filter(function (s, i) {
      return s.kind === "word" && i < last && !sets[s.alts[0][0]] && !sets[s.alts[0][0] + "!"];
    });
    return this.lookup(meta, nowhere.map(function (s) { return s.alts[0][0] + "*"; })).then(function (more) {
      merge(sets, more);
      return self.typos(meta, slots, sets);
    });
  };

  Engine.prototype.typos = function (meta, slots, sets) {
    var self = this, n = meta.n, last = slots.length - 1;
    var firstOf = function (k) { return slots[k].alts[0][0]; };
    var lastOf = function (k) { var a = slots[k].alts[0]; return a[a.length - 1]; };
    var forms = slots.map(function (s, i) {
      var list = [];
      if (s.kind === "word") {
        var w = s.alts[0][0];
        // a word of the page's kind counts as the page's ("nhiệm vụ" is every task's)
        var whole = sets[w] && sets[w + "!"] ? or([sets[w], sets[w + "!"]], n) : sets[w] || sets[w + "!"];
        if (whole) list.push({ word: w, level: 3, set: whole, title: sets[w + "!"], typed: true });
        if (sets[w + "*"] && (i === last || !whole))
          list.push({ word: w, level: 2, set: sets[w + "*"], typed: true,
                      title: i === last ? sets[w + "*!"] || sets[w + "!"] : null });
      } else {
        s.alts.forEach(function (a, t) {
          var set = altSet(sets, a, "", n);
          if (set && count(set)) list.push({ word: a.join(" "), level: 3, set: set, title: altSet(sets, a, "!", n),
                                             typed: t === 0, shows: s.shows[t] });
        });
      }
      list.forEach(function (f) {
        var ws = f.word.split(" ");
        f.first = ws[0]; f.last = ws[ws.length - 1];
      });
      return list;
    });
    var need = [];
    forms.forEach(function (f, i) { if (!f.length && slots[i].kind === "word" && !slots[i].optional) need.push(i); });
    var fixed = {}, unknown = [], begun = last > 0 && forms[last].filter(function (x) { return x.level === 2; })[0];
    if (!need.length && !begun) return Promise.resolve({ forms: forms, fixed: fixed, unknown: unknown });
    return this.vocabulary(meta).then(function (vocabulary) {
      var ends = [];
      if (begun) {     // the phrases the unfinished last word may end: "nong sa" -> nong~san …
        var prev = lastOf(last - 1), w = firstOf(last);
        begun.ends = vocabulary.filter(function (v) { return v.indexOf(w) === 0; }).slice(0, ENDINGS);
        begun.ends.forEach(function (c) { ends.push(prev + "~" + c, prev + "~" + c + "!"); });
        if (!need.length) {
          return self.lookup(meta, ends).then(function (more) {
            merge(sets, more);
            return { forms: forms, fixed: fixed, unknown: unknown };
          });
        }
      }
      var checks = ends, cands = {};
      need.forEach(function (i) {
        var w = firstOf(i), left = i > 0 ? lastOf(i - 1) : null, right = i < last ? firstOf(i + 1) : null;
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
        merge(sets, paired);
        var keys = [];
        need.forEach(function (i) {
          var list = cands[i], withPhrase = list.filter(function (c) { return c.pair && paired[c.pair]; });
          if (withPhrase.length || firstOf(i).length <= TYPO_LETTERS) list = withPhrase;
          else list = withPhrase.concat(list);
          cands[i] = list.slice(0, CHOICES).map(function (c) { return c.word; });
          cands[i].forEach(function (c) {
            keys.push(c, c + "!");
            if (i > 0) keys.push(lastOf(i - 1) + "~" + c, lastOf(i - 1) + "~" + c + "!");
            if (i < last) keys.push(c + "~" + firstOf(i + 1), c + "~" + firstOf(i + 1) + "!");
          });
        });
        return self.lookup(meta, keys).then(function (more) {
          merge(sets, more);
          // the other required slots: a correction must make the query match with them
          var others = forms.map(function (f, k) {
            return f.length && !slots[k].optional ? or(f.map(function (x) { return x.set; }), n) : null;
          });
          need.forEach(function (i) {
            var rest = others.filter(function (o, k) { return o && k !== i; });
            var within = rest.length ? and(rest, n) : null;
            var chosen = cands[i].filter(function (c) {
              return sets[c] && (!within || count(and([within, sets[c]], n)) > 0);
            })[0];
            if (chosen) {
              forms[i].push({ word: chosen, first: chosen, last: chosen, level: 1, set: sets[chosen],
                              title: sets[chosen + "!"], typed: false });
              fixed[i] = chosen;
            } else unknown.push(i);
          });
          return { forms: forms, fixed: fixed, unknown: unknown };
        });
      });
    });
  };

  /* Whether any page of `set` is of one of `ranks` (a kind the query can name). */
  function ofKinds(set, meta, ranks) {
    var k = meta.k || [];
    return set && ranks.some(function (r) {
      for (var p = k[r]; p < (r + 1 < k.length ? k[r + 1] : meta.n); p++) if (has(set, p)) return true;
      return false;
    });
  }

  /* Every result for the query, ranked: [{id, score, missing, data}] (data() fetches what it
     shows), with .full (how many have every word), .suggestion (the corrected query, or ""),
     .meaning (what was searched, when it is more than the words as typed: other words for the
     same thing, an abbreviation's meaning, a quarter's number, the optional words) and
     .unknown (words on no page, left as typed). An optional word is required again when, with
     a word beside it, it spells part of a province's, partnership's, agency's or plan's h1
     ("son la": "la"). A page is a result when it has every required slot (in one of its
     forms), or, for three slots or more, most of them (every one but one, but one in three:
     6 of 8), or, for two when no page has both, one; ranked by, in order:
       1. a content page before a help page (the home page, the guides, the search page),
          unless the help page is named by the query (5);
       2. the number of required slots it has (all before most);
       3. when the query has accents, the words accented exactly as typed;
       4. how each slot matched: whole (or by an alternative), its beginning, a correction;
       5. a province, partnership, plan, agency or listing page (lich/, nhiem-vu/) whose h1
          (all of it) or kind has every required slot: the page the query names (in that
          order when it names several); a province whose h1 holds two neighbouring words of
          the query (not both "tỉnh", "thành phố") and at least half of its required slots
          comes after the partnerships
          named, before the plans (a question naming a province: "hợp tác với Nghệ An là gì"),
          unless the query names an agency (all of its h1: that is what it means);
       6. the query's neighbouring required words side by side in its text (a phrase: it
          beats the same words scattered in an h1);
       7. the required slots in its h1 (matched there as well as in the text), when that is
          more than half of them;
       8. the phrases in its h1;
       9. the slots matched by the words as typed (before another word for the same thing);
      10. (the optional words are not looked up: they weigh nothing);
      11. the page's number: its kind (a province, partnership or agency; a task; a plan or
          document; listing pages; help pages), then its address. */
  /* The kinds of page a query can name (index.py KINDS' ranks), in the order they come when
     it names several: a province, a partnership, a plan, an agency, a listing page. */
  var HELP = 7, NAMED = { 0: 10, 1: 8, 4: 6, 2: 4, 6: 2 }, PART = { 0: 7 };
  /* The words of a province's kind and of the start of its h1 ("Tỉnh", "Thành phố": index.py
     KIND_NAMES): a pair of them in an h1 does not name a province. */
  var PLACE = ["tinh", "thanh", "pho", "thanh pho"];
  Engine.prototype.rank = function (query) {
    var self = this;
    return this.ready().then(function (meta) {
      var slots = understand(query, meta.y || {});
      if (!slots.length) return [];
      return self.lookup(meta, slotKeys(slots)).then(function (sets) {
        var glued = false;
        slots.forEach(function (s, k) {
          if (!s.optional) return;
          var w = s.alts[0][0], before = k > 0 && slots[k - 1].alts[0], after = k + 1 < slots.length && slots[k + 1].alts[0];
          if (ofKinds(before && sets[before[before.length - 1] + "~" + w + "!"], meta, [0, 1, 2, 4]) ||
              ofKinds(after && sets[w + "~" + after[0] + "!"], meta, [0, 1, 2, 4])) {
            s.optional = false;
            glued = true;
          }
        });
        var more = glued ? self.lookup(meta, slotKeys(slots)) : Promise.resolve({});
        return more.then(function (got) {
          merge(sets, got);
          return self.forms(meta, slots, sets);
        }).then(function (found) {
          return ranked(self, meta, query, slots, sets, found);
        });
      });
    });
  };

  function ranked(self, meta, query, slots, sets, found) {
    var forms = found.forms, n = meta.n, ns = slots.length;
    var required = slots.filter(function (s) { return !s.optional; }).length;
    var unions = forms.map(function (f) { return or(f.map(function (x) { return x.set; }), n); });
    var any = or(unions.filter(function (u, k) { return !slots[k].optional; }), n);
    var exact = [];
    slots.forEach(function (s) {
      if (s.kind === "word" && fold(s.typed[0]) !== s.typed[0]) {
        var e = sets[s.alts[0][0] + "=" + oneSpelling(s.typed[0])];
        if (e) exact.push(e);
      }
    });
    var pairs = [];
    for (var i = 0; i + 1 < ns; i++) {
      var body = [], title = [];
      forms[i].forEach(function (a) {
        forms[i + 1].forEach(function (b) {
          (b.ends || [b.first]).forEach(function (end) {
            var k = a.last + "~" + end;
            if (sets[k]) body.push(sets[k]);
            if (sets[k + "!"]) title.push(sets[k + "!"]);
          });
        });
      });
      pairs.push({ body: or(body, n), title: or(title, n), optional: slots[i].optional || slots[i + 1].optional,
                   place: PLACE.indexOf(slots[i].alts[0].join(" ")) < 0 || PLACE.indexOf(slots[i + 1].alts[0].join(" ")) < 0 });
    }
    var results = [], kinds = meta.k || [], agencyNamed = false, partly = [];
    for (var p = 0; p < n; p++) {
      if (!has(any, p)) continue;
      var matched = 0, named = 0, levels = 0, accents = 0, inTitle = 0, inBody = 0, asTyped = 0, extra = 0, place = 0;
      var missing = [];
      forms.forEach(function (f, k) {
        var best = 0, t = 0, typed = 0;
        f.forEach(function (x) { if (has(x.set, p)) { best = Math.max(best, x.level); if (x.typed) typed = 1; } });
        f.forEach(function (x) { if (x.level === best && x.title && has(x.title, p)) t = 1; });
        if (slots[k].optional) { extra += best ? 1 : 0; return; }
        if (best) matched++; else missing.push(k);
        levels += best;
        named += t;       // in the h1 as well as it matched in the text
        asTyped += typed;
      });
      exact.forEach(function (s) { accents += has(s, p); });
      pairs.forEach(function (x) {
        if (x.optional) extra += has(x.body, p);
        else { inTitle += has(x.title, p); inBody += has(x.body, p); if (x.place) place += has(x.title, p); }
      });
      var kind = 0;
      while (kind + 1 < kinds.length && kinds[kind + 1] <= p) kind++;
      var names = named === required && NAMED[kind] || 0;
      if (names && kind === 2) agencyNamed = true;
      else if (!names && place && 2 * named >= required && PART[kind]) { names = PART[kind]; partly.push(results.length); }
      results.push({ id: p, missing: missing,
                     score: [kind !== HELP || named === required ? 1 : 0, matched, accents, levels, names,
                             inBody, 2 * named > required ? named : 0, inTitle, asTyped, extra] });
    }
    if (agencyNamed) partly.forEach(function (k) { results[k].score[4] = 0; });   // the agency is meant
    var full = results.filter(function (r) { return !r.missing.length; }).length;
    var least = required >= 3 ? required - Math.max(1, Math.floor(required / 3)) : required === 2 && !full ? 1 : required;
    results = results.filter(function (r) { return r.score[1] >= Math.max(1, least); });
    results.sort(function (a, b) {
      for (var k = 0; k < a.score.length; k++) if (a.score[k] !== b.score[k]) return b.score[k] - a.score[k];
      return a.id - b.id;
    });
    var shown = [];
    forms.forEach(function (f) { f.forEach(function (x) { shown = shown.concat(x.word.split(" ")); }); });
    results.forEach(function (r) {
      r.missing = r.missing.map(function (k) { return slots[k].typed.join(" "); });
      r.data = function () {
        return self.page(meta, r.id).then(function (d) {
          return { url: d.url, meta: d.meta, excerpt: excerpt(d.text, shown), missing: r.missing };
        });
      };
    });
    results.full = full;
    results.suggestion = Object.keys(found.fixed).length ? slots.map(function (s, k) {
      return found.fixed[k] || s.typed.join(" ");
    }).join(" ") : "";
    results.unknown = found.unknown.map(function (k) { return slots[k].typed.join(" "); });
    results.meaning = meaningOf(slots, forms);
    return results;
  }

  /* What was searched, when it is more than the words as typed: "công ty (doanh nghiệp, nhà
     đầu tư) đầu tư sơn la; không bắt buộc: với, là" — the other ways of saying a slot that
     are on some page, and the optional words. */
  function meaningOf(slots, forms) {
    var more = false, optional = [];
    var parts = slots.map(function (s, k) {
      if (s.optional) { optional.push(s.typed.join(" ")); more = true; return ""; }
      var others = forms[k].filter(function (x) { return !x.typed && x.shows; }).map(function (x) { return x.shows; });
      if (!others.length) return s.typed.join(" ");
      more = true;
      return s.typed.join(" ") + " (" + others.join(", ") + ")";
    }).filter(Boolean);
    if (!more) return "";
    return parts.join(" ") + (optional.length ? "; không bắt buộc: " + optional.join(", ") : "");
  }


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

  /* "Kết quả cho: …" when the query was read as more than its words (meaningOf), and the
     words found on no page and left as typed. */
  function explain(box, results) {
    var lines = [];
    if (results.meaning) lines.push("Kết quả cho: " + results.meaning + ".");
    if (results.unknown && results.unknown.length) {
      lines.push("Không trang nào có " + results.unknown.map(function (w) { return "“" + w + "”"; }).join(", ") +
                 " (không sửa được thành một từ gần giống mà có kết quả); đã tìm các từ còn lại.");
    }
    box.textContent = lines.join(" ");
    box.hidden = !lines.length;
  }

  function counted(results, query) {
    var partial = results.length - (results.full || 0);
    return results.length + " kết quả cho “" + query + "”" + (partial && results.full
      ? " (" + results.full + " có đủ các từ, " + partial + " thiếu từ, xếp sau)"
      : partial ? " (không trang nào có đủ các từ; các kết quả thiếu từ)" : "");
  }

  function keepInUrl(query, chosen) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    FACETS.forEach(function (f) {
      if (chosen && chosen[f[0]]) url.searchParams.set(f[0], chosen[f[0]]); else url.searchParams.delete(f[0]);
    });
    window.history.replaceState(null, "", url);
  }

  /* The filters of the search page (generator/publish/search/facets.py): the kind of page (from the
     page numbers: meta.k), and, fetched only when the filters are opened or the address holds
     one (chi-muc/nhom.bin, nhom.json), the province, the lead agency and the year or quarter of
     each page. Each list counts the results the other filters leave, and keeps its choice in
     the address (?q=…&loai=…&tinh=…&co-quan=…&ky=…). The lead agencies are listed once a
     province is chosen (its agencies' file: chi-muc/nhom/<province>.bin, .json). */
  var FACETS = [["loai", "Loại trang"], ["tinh", "Tỉnh, thành phố"], ["co-quan", "Cơ quan chủ trì"],
                ["ky", "Năm, quý"]];
  var KIND_VALUES = ["tinh-thanh", "hop-tac", "co-quan", "nhiem-vu", "ke-hoach", "van-ban", "danh-sach", "huong-dan"];
  var KIND_LABELS = ["Tỉnh, thành phố", "Quan hệ hợp tác", "Cơ quan", "Nhiệm vụ", "Kế hoạch", "Văn bản",
                     "Trang danh sách", "Trang hướng dẫn"];

  /* A facet file (nhom.bin, nhom/<province>.bin) read into of: facet -> page -> [values]. */
  function readFacets(buffer, meta, of) {
        var bytes = new Uint8Array(buffer), view = new DataView(buffer), text = new TextDecoder();
        var at = 0;
        while (at < bytes.length) {
          var klen = bytes[at], key = text.decode(bytes.subarray(at + 1, at + 1 + klen));
          at += 1 + klen;
          var form = bytes[at], count = view.getUint32(at + 1, true), size = view.getUint32(at + 5, true);
          var from = at + 9, colon = key.indexOf(":"), facet = key.slice(0, colon), value = key.slice(colon + 1);
          var pages = of[facet] = of[facet] || {};
          if (form === 1) {
            for (var p = 0; p < meta.n; p++) if ((bytes[from + (p >> 3)] >> (p & 7)) & 1) (pages[p] = pages[p] || []).push(value);
          } else {
            for (var k = 0, page = 0; k < count; k++) {
              page += meta.w === 2 ? view.getUint16(from + 2 * k, true) : view.getUint32(from + 4 * k, true);
              (pages[page] = pages[page] || []).push(value);
            }
          }
          at += 9 + size;
        }
  }

  Engine.prototype.fetchPair = function (meta, name) {
    var self = this;
    return Promise.all([
      fetch(self.url("chi-muc/" + name + ".bin?v=" + meta.v)).then(function (r) {
        if (!r.ok) throw new Error("chi-muc/" + name + ".bin: " + r.status);
        return r.arrayBuffer();
      }),
      fetch(self.url("chi-muc/" + name + ".json?v=" + meta.v)).then(function (r) {
        if (!r.ok) throw new Error("chi-muc/" + name + ".json: " + r.status);
        return r.json();
      })
    ]);
  };

  /* The provinces and quarters of every page (and its years: its quarters'). */
  Engine.prototype.facets = function (meta) {
    var self = this;
    if (!this.grouped) {
      this.grouped = this.fetchPair(meta, "nhom").then(function (got) {
        var of = { "co-quan": {} };
        readFacets(got[0], meta, of);
        var years = of.ky || {};
        Object.keys(years).forEach(function (p) {
          years[p].slice().forEach(function (k) {
            var y = k.slice(0, 4);
            if (years[p].indexOf(y) < 0) years[p].push(y);
          });
        });
        got[1]["co-quan"] = {};
        return { of: of, labels: got[1], provinces: {} };
      });
      this.grouped.catch(function () { self.grouped = null; });
    }
    return this.grouped;
  };

  /* The lead agencies of one province's pages, added to the groups once. */
  Engine.prototype.agencies = function (meta, groups, province) {
    if (!groups.provinces[province]) {
      groups.provinces[province] = this.fetchPair(meta, "nhom/" + province).then(function (got) {
        readFacets(got[0], meta, groups.of);
        Object.keys(got[1]).forEach(function (k) { groups.labels["co-quan"][k] = got[1][k]; });
      });
      groups.provinces[province].catch(function () { delete groups.provinces[province]; });
    }
    return groups.provinces[province];
  };

  function kindOfPage(meta, p) {
    var k = meta.k || [], kind = 0;
    while (kind + 1 < k.length && k[kind + 1] <= p) kind++;
    return kind;
  }

  /* The values of a facet a result has. */
  function valuesOf(facet, meta, groups, r) {
    if (facet === "loai") return [KIND_VALUES[kindOfPage(meta, r.id)]];
    return (groups && groups.of[facet] && groups.of[facet][r.id]) || [];
  }

  function filtered(results, chosen, meta, groups, except) {
    var out = results.filter(function (r) {
      return FACETS.every(function (f) {
        var want = chosen[f[0]];
        return !want || f[0] === except || valuesOf(f[0], meta, groups, r).indexOf(want) >= 0;
      });
    });
    out.full = out.filter(function (r) { return !r.missing.length; }).length;
    return out;
  }

  function labelOf(facet, value, groups) {
    if (facet === "loai") return KIND_LABELS[KIND_VALUES.indexOf(value)] || value;
    if (facet === "ky" && /^\d{4}$/.test(value)) return "Năm " + value;
    return (groups && groups.labels[facet] && groups.labels[facet][value]) || value;
  }

  /* The filter lists, counted over `results` (each with the other filters applied). */
  function drawFilters(box, results, chosen, meta, groups) {
    FACETS.forEach(function (f) {
      var select = box.querySelector("select[name=" + f[0] + "]");
      var counts = {}, within = filtered(results, chosen, meta, groups, f[0]);
      within.forEach(function (r) {
        valuesOf(f[0], meta, groups, r).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      var values = Object.keys(counts);
      if (chosen[f[0]] && !(chosen[f[0]] in counts)) { values.push(chosen[f[0]]); counts[chosen[f[0]]] = 0; }
      if (f[0] === "loai") values.sort(function (a, b) { return KIND_VALUES.indexOf(a) - KIND_VALUES.indexOf(b); });
      else if (f[0] === "ky") values.sort();
      else values.sort(function (a, b) { return counts[b] - counts[a] || labelOf(f[0], a, groups).localeCompare(labelOf(f[0], b, groups), "vi"); });
      select.innerHTML = "";
      var all = document.createElement("option");
      all.value = "";
      all.textContent = (f[0] !== "loai" && !groups ? "Tất cả" : "Tất cả (" + within.length + ")");
      select.appendChild(all);
      values.forEach(function (v) {
        var o = document.createElement("option");
        o.value = v;
        o.textContent = (f[0] === "ky" && v.indexOf("-q") > 0 ? "\u00a0\u00a0" : "") + labelOf(f[0], v, groups) + " (" + counts[v] + ")";
        select.appendChild(o);
      });
      select.value = chosen[f[0]] || "";
      if (f[0] === "co-quan") {
        select.disabled = !chosen.tinh;
        if (!chosen.tinh) select.options[0].textContent = "Chọn tỉnh, thành phố trước";
      }
    });
  }

  function filterBox() {
    var box = document.createElement("details");
    box.id = "loc-tim";
    box.className = "loc-tim";
    box.hidden = true;
    var html = '<summary>Lọc kết quả<span class="loc-tim__dem"></span>: loại trang, tỉnh, cơ quan, năm hoặc quý</summary><div class="loc-tim__o">';
    FACETS.forEach(function (f) {
      html += '<label>' + escapeHtml(f[1]) + ' <select name="' + f[0] + '"><option value="">Tất cả</option></select></label>';
    });
    box.innerHTML = html + '<button type="button" class="md-button loc-tim__bo">Bỏ lọc</button></div>';
    return box;
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
    /* Nothing the visitor already sees moves when the results arrive (layout shift, issue 28):
       the folded filters stand above the count, the notes ("Kết quả cho", "Có phải") between
       the count and the list, and the list keeps a screen's room while a query runs. */
    var hint = document.createElement("p");
    hint.id = "goi-y-tim";
    hint.className = "goi-y-tim";
    hint.hidden = true;
    list.parentNode.insertBefore(hint, list);
    var said = document.createElement("p");
    said.id = "nghia-tim";
    said.className = "nghia-tim";
    said.hidden = true;
    list.parentNode.insertBefore(said, hint);
    var filters = filterBox();
    status.parentNode.insertBefore(filters, status);
    var latest = 0, all = [], ranked = [], shown = 0, query = "", meta = null, groups = null, chosen = {};
    var params = new URL(window.location.href).searchParams;
    FACETS.forEach(function (f) { if (params.get(f[0])) chosen[f[0]] = params.get(f[0]); });
    function countUsed() {
      var used = Object.keys(chosen).length;
      filters.querySelector(".loc-tim__dem").textContent = used ? " (" + used + " đang dùng)" : "";
      return used;
    }
    countUsed();

    function showMore(ticket) {
      var from = shown, to = Math.min(shown + PAGE, ranked.length);
      more.hidden = true;
      return load(ranked, from, to, query).then(function (data) {
        if (ticket !== latest) return;
        data.forEach(function (d) { list.appendChild(item(d)); });
        shown = to;
        var narrowed = ranked.length < all.length ? " (lọc còn " + ranked.length + " trên " + all.length + ")" : "";
        status.textContent = counted(all, query) + narrowed +
          (shown < ranked.length ? ", đang hiện " + shown + " kết quả đầu" : "") + ".";
        more.hidden = shown >= ranked.length;
        if (from > 0 && list.children[from]) list.children[from].querySelector("a").focus();
      });
    }

    /* The results the filters leave, shown from the first; the lists counted again. */
    function narrow(ticket) {
      var needed = filters.open || FACETS.some(function (f) { return f[0] !== "loai" && chosen[f[0]]; });
      var ready = needed && !groups ? engine.facets(meta).then(function (g) { groups = g; }) : Promise.resolve();
      return ready.then(function () {
        if (groups && chosen.tinh) return engine.agencies(meta, groups, chosen.tinh);
        delete chosen["co-quan"];        // an agency is chosen within its province
      }).then(function () {
        if (ticket !== latest) return;
        /* Filters in use are counted on the folded box; it opens by itself only on a wide
           screen: on a phone the results come first (issue 28). */
        if (countUsed() && window.matchMedia("(min-width: 60em)").matches) filters.open = true;
        ranked = filtered(all, chosen, meta, groups, null);
        drawFilters(filters, all, chosen, meta, groups);
        list.innerHTML = "";
        shown = 0;
        if (!ranked.length) {
          status.textContent = counted(all, query) + "; không kết quả nào theo bộ lọc đã chọn.";
          more.hidden = true;
          return;
        }
        return showMore(ticket);
      });
    }

    function run(text) {
      var ticket = ++latest;
      query = text.trim();
      keepInUrl(query, chosen);
      list.innerHTML = "";
      more.hidden = true;
      hint.hidden = true;
      said.hidden = true;
      list.classList.toggle("ket-qua--cho", !!query);
      if (!query) { filters.hidden = true; status.textContent = ""; return; }
      status.textContent = "Đang tìm…";
      engine.rank(query).then(function (results) {
        if (ticket !== latest) return;
        return engine.ready().then(function (m) {
          meta = m;
          all = results;
          suggest(hint, results, form.action);
          explain(said, results);
          if (!all.length) { status.textContent = "Không tìm thấy kết quả cho “" + query + "”."; return; }
          filters.hidden = all.length < 2;
          return narrow(ticket);
        });
      }).catch(function () {
        status.textContent = "Không tải được bộ tìm kiếm (trang cần được mở qua máy chủ web, không phải tệp).";
      });
    }

    filters.addEventListener("change", function (event) {
      var name = event.target.name;
      if (!name) return;
      if (event.target.value) chosen[name] = event.target.value; else delete chosen[name];
      if (name === "tinh") delete chosen["co-quan"];
      keepInUrl(query, chosen);
      narrow(++latest);
    });
    filters.addEventListener("toggle", function () { if (filters.open && !groups && meta) narrow(++latest); });
    filters.querySelector(".loc-tim__bo").addEventListener("click", function () {
      chosen = {};
      keepInUrl(query, chosen);
      narrow(++latest);
    });
    more.addEventListener("click", function () { showMore(latest); });
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 200);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value); });
    var initial = new URL(window.location.href).searchParams.get("q");
    if (initial) { filters.hidden = false; input.value = initial; run(initial); }
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
          if (results.meaning || (results.unknown && results.unknown.length)) {
            var said = document.createElement("p");
            said.className = "nghia-tim";
            explain(said, results);
            panel.appendChild(said);
          }
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
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();

export { Engine, understand, slotKeys, corrections, editDistance };
