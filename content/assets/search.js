/* Cổng kế hoạch hợp tác — search: the box in the header of every page and the search page
   tim-kiem/. Without JavaScript both are plain forms that open tim-kiem/?q=…

   The index (generator/search/, built with the site under chi-muc/) gives, for every key, the
   set of pages that hold it; pages are numbered in their ranking order (a province,
   partnership or agency page first, then tasks, then plans and documents, then index pages
   and guides). A query fetches the index's meta (once), the few small shards that hold its
   keys, and then only the pages it shows. The keys of a word (generator/search/words.py):
     w      the word folded: no tones, no marks, đ -> d   ("Điện" -> "dien")
     w*     every word that begins with it                ("ca" -> các, cây, cả …)
     w=e    the word with its accents as typed            ("tầm" is not "tâm")
     a~b    two words side by side (a phrase)
     w! a~b!  among the first words of a page's h1 (the page is named by the query)
   Every page holding every word (or a word it begins) is a result; they are ranked, in order,
     1. the words as typed, whole, in order and side by side (a phrase);
     2. when the query has accents, the words accented exactly as typed;
     3. a page named by the query (the phrase among the first words of its h1);
     4. every word whole somewhere on the page;
     5. the page's number: its kind, then its address.
   Both tone placements ("Hoá", "Hóa") are one spelling in the index and in the query. Among
   the first results, a page whose own name is the query ("son la" -> Tỉnh Sơn La) comes
   first. */
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
  Engine.prototype.lookup = function (meta, keys) {
    var self = this, wanted = {};
    keys.forEach(function (key) {
      var lo = 0, hi = meta.s.length - 1, at = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (meta.s[mid] <= key) { at = mid; lo = mid + 1; } else hi = mid - 1;
      }
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

  /* The keys a query looks up, by use (generator/search/words.py query_keys): each word's
     "w*" (with "w" when no longer word begins with it), the whole words, the phrase, the
     page's name, and the exact forms when the query has accents. */
  function queryKeys(query) {
    var typed = words(query).filter(function (w) { return fold(w); });
    var folded = typed.map(function (w) { return fold(w); });
    var pairs = folded.slice(1).map(function (w, i) { return folded[i] + "~" + w; });
    var accented = typed.some(function (w, i) { return folded[i] !== w; });
    return {
      found: folded.map(function (w) { return w + "*"; }), whole: folded, phrase: pairs,
      named: pairs.length ? pairs.map(function (p) { return p + "!"; }) : folded.slice(0, 1).map(function (w) { return w + "!"; }),
      exact: accented ? typed.map(function (w, i) { return folded[i] + "=" + oneSpelling(w); }) : []
    };
  }

  /* Every result for the query, ranked: [{id, tier, data}] (data() fetches what it shows). */
  Engine.prototype.rank = function (query) {
    var q = queryKeys(query), self = this;
    if (!q.whole.length) return Promise.resolve([]);
    return this.ready().then(function (meta) {
      var keys = [].concat(q.found, q.whole, q.phrase, q.named, q.exact);
      return self.lookup(meta, keys).then(function (sets) {
        var n = meta.n;
        function all(list) {
          return and(list.map(function (k) { return sets[k] || none(n); }), n);
        }
        var found = and(q.whole.map(function (w) { return sets[w + "*"] || sets[w] || none(n); }), n);
        var whole = all(q.whole), phrase = q.phrase.length ? and([whole, all(q.phrase)], n) : whole;
        var accent = q.exact.length ? all(q.exact) : none(n), name = all(q.named);
        var buckets = [];
        for (var p = 0; p < n; p++) {
          if (!has(found, p)) continue;
          var tier = [has(phrase, p), has(accent, p), has(name, p), has(whole, p)];
          var score = tier[0] * 8 + tier[1] * 4 + tier[2] * 2 + tier[3];
          (buckets[15 - score] = buckets[15 - score] || []).push({ id: p, tier: tier });
        }
        var ranked = [];
        buckets.forEach(function (b) { if (b) ranked = ranked.concat(b); });
        return ranked.map(function (r) {
          r.data = function () {
            return self.page(meta, r.id).then(function (d) {
              return { url: d.url, meta: d.meta, excerpt: excerpt(d.text, q.whole) };
            });
          };
          return r;
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
      '<p class="ket-qua__trich">' + (d.excerpt || "") + "</p>";
    return li;
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
    var latest = 0, ranked = [], shown = 0, query = "";

    function showMore(ticket) {
      var from = shown, to = Math.min(shown + PAGE, ranked.length);
      more.hidden = true;
      return load(ranked, from, to, query).then(function (data) {
        if (ticket !== latest) return;
        data.forEach(function (d) { list.appendChild(item(d)); });
        shown = to;
        status.textContent = ranked.length + " kết quả cho “" + query + "”" +
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
      if (!query) { status.textContent = ""; return; }
      status.textContent = "Đang tìm…";
      engine.rank(query).then(function (results) {
        if (ticket !== latest) return;
        ranked = results;
        shown = 0;
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
  }

  document.addEventListener("DOMContentLoaded", function () {
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
          return r.data().then(function (d) { return [d.url, r.tier.join("")]; });
        }));
      });
    };
    window.portalSearchKeys = queryKeys;
    window.portalSearchAll = function (query) {
      return window.portalSearchRanked(query).then(function (urls) {
        return Array.from(new Set(urls)).sort();
      });
    };
  });
})();
