/* Cổng kế hoạch hợp tác — search with Pagefind: the box in the header of every page and the
   search page tim-kiem/. Without JavaScript both are plain forms that open tim-kiem/?q=…

   Ranking. Pagefind scores words one by one and matches prefixes ("ca" finds "các", "cây"). What
   a visitor means is closer to this, in order:
     1. the words as typed, whole, in order and side by side: a phrase (from the positions
        Pagefind reports for each word, and its quoted search of each word for "whole");
     2. when the query has accents, pages with the words accented exactly as typed ("tầm" before
        "tâm"), from a second Pagefind instance with exactDiacritics;
     3. a page named by the query: the phrase stands at its start, in its h1 ("thanh hoa" ->
        Tỉnh Thanh Hóa; breadcrumbs and labels are kept out of the index, so the h1 comes first);
     4. the words close together (within a few words of each other);
     5. every word whole somewhere on the page;
     6. the page of a task, plan, agency, province or partnership before index pages and guides
        (task tables on listing pages are kept out of the index, so a listing page matches by
        its own name, not by the tasks it lists); then a task before the plan that holds it;
     7. Pagefind's score (whole words weigh more: its termSimilarity weight).
   All of that uses only the index (no page is fetched), so every result is ranked, not the
   first few; a page's excerpt and title are fetched only when the result is shown. Among the
   first results, a page whose own name is the query ("son la" -> Tỉnh Sơn La) comes first. */
(function () {
  "use strict";

  var PAGE = 10;          // results shown at a time on the search page
  var PEEK = 5;           // results under the header box
  var GENERIC = ["Trang"];  // index pages, guides: after the pages of a plan, task, agency, …
  var TITLE = 3;          // a page whose first words (its h1) hold the query is named by it
  var RANKING = { termFrequency: 0.0, termSimilarity: 4.0, diacriticSimilarity: 1.0 };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d")
      .replace(/Đ/g, "D").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  /* Pagefind folds tones and accents, but "đ" is a letter of its own, not "d" with a mark. In
     Vietnamese "đ" only begins a syllable, so a word typed with a leading "d" is also searched
     with "đ" ("dien bien" finds "Điện Biên"); at most 4 variants. */
  function variants(query) {
    var out = [""];
    query.split(" ").forEach(function (word) {
      var next = [];
      out.forEach(function (prefix) {
        var sep = prefix ? " " : "";
        next.push(prefix + sep + word);
        if (/^[dD]/.test(word) && out.length * 2 <= 4) next.push(prefix + sep + "đ" + word.slice(1));
      });
      out = next;
    });
    return out;
  }

  /* The same words with the tone mark on the other vowel of "oa", "oe", "uy" ("Hoá" and "Hóa"
     are one word spelt two ways; both spellings are in the documents). */
  function otherPlacement(text) {
    var tone = "[\u0300\u0301\u0303\u0309\u0323]";
    var alone = "(?![\u0300-\u036f\u0000])";  // no other mark on that vowel ("oặ" stays)
    return text.normalize("NFD")
      .replace(new RegExp("([oO])([aAeE])(" + tone + ")" + alone, "g"), "$1$3$2\u0000")
      .replace(new RegExp("([uU])([yY])(" + tone + ")" + alone, "g"), "$1$3$2\u0000")
      .replace(new RegExp("([oO])(" + tone + ")([aAeE])" + alone, "g"), "$1$3$2")
      .replace(new RegExp("([uU])(" + tone + ")([yY])" + alone, "g"), "$1$3$2")
      .replace(/\u0000/g, "").normalize("NFC");
  }

  /* One spelling for both placements: the tone of an open "oa", "oe", "uy" at the end of a
     word on its first vowel ("Hoá" -> "Hóa", "Thuỷ" -> "Thủy"; "quý", "hoàn" unchanged), so
     that both spellings of a query rank alike (Pagefind's score weighs exact marks). */
  function oneSpelling(text) {
    var pattern = /([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu;
    return text.normalize("NFD").replace(pattern, function (all, first, second, mark, at, whole) {
      var pair = (first + second).toLowerCase();
      if (pair !== "oa" && pair !== "oe" && pair !== "uy") return all;
      if (pair === "uy" && at > 0 && /[qQ]/.test(whole[at - 1])) return all;
      return first + mark + second;
    }).normalize("NFC");
  }

  /* Every term has a position (the array may have holes: some() would skip them). */
  function complete(positions) {
    for (var i = 0; i < positions.length; i++) if (!positions[i] || !positions[i].length) return false;
    return true;
  }

  /* The first position where the terms stand whole, in order, side by side, or null. */
  function phraseAt(positions) {
    if (!complete(positions)) return null;
    var later = positions.slice(1).map(function (list) {
      var set = {};
      list.forEach(function (at) { set[at] = true; });
      return set;
    });
    for (var k = 0; k < positions[0].length; k++) {
      var start = positions[0][k];
      if (later.every(function (set, i) { return set[start + i + 1]; })) return start;
    }
    return null;
  }

  /* The smallest number of words that holds one position of every term (Infinity if a term is
     missing). positions: one sorted array per term. */
  function span(positions) {
    if (!complete(positions)) return Infinity;
    var all = [];
    positions.forEach(function (list, term) { list.forEach(function (at) { all.push([at, term]); }); });
    all.sort(function (a, b) { return a[0] - b[0]; });
    var need = positions.length, seen = {}, have = 0, best = Infinity, left = 0;
    for (var right = 0; right < all.length; right++) {
      if (!seen[all[right][1]]) have++;
      seen[all[right][1]] = (seen[all[right][1]] || 0) + 1;
      while (have === need) {
        best = Math.min(best, all[right][0] - all[left][0] + 1);
        if (--seen[all[left][1]] === 0) have--;
        left++;
      }
    }
    return best;
  }

  function Engine(root) {
    this.root = root;
    this.loading = null;
  }

  /* A second instance that matches accents exactly, for queries typed with accents. */
  Engine.prototype.accented = function () {
    var root = this.root;
    if (!this.loadingAccented) {
      this.loadingAccented = this.pagefind().then(function (pf) {
        var instance = pf.createInstance({ basePath: new URL("pagefind/", root).pathname });
        return instance.options({ baseUrl: root.pathname, exactDiacritics: true, ranking: RANKING })
          .then(function () { return instance; });
      });
    }
    return this.loadingAccented;
  };

  Engine.prototype.pagefind = function () {
    var root = this.root;
    if (!this.loading) {
      this.loading = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        // The filter index (under 1 KB) is loaded before the first search, so that the searches
        // one query starts at once all see it (the kind of page is a tier of the ranking).
        return pf.options({ baseUrl: root.pathname, ranking: RANKING })
          .then(function () { return pf.filters(); })
          .then(function () { return pf; });
      });
    }
    return this.loading;
  };

  /* Every result for the query, ranked: [{id, score, data, tier}] (data() fetches the page). */
  Engine.prototype.rank = function (query) {
    var q = oneSpelling(query.normalize("NFC").replace(/["“”]/g, " ").trim().replace(/\s+/g, " "));
    var typedAccents = q !== q.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    var self = this;
    return this.pagefind().then(function (pf) {
      var jobs = [];
      if (typedAccents) {
        [q, otherPlacement(q)].filter(function (x, i, all) { return all.indexOf(x) === i; })
          .forEach(function (spelling) {
            jobs.push(self.accented().then(function (exactPf) { return exactPf.search(spelling); })
              .then(function (r) { return { kind: "accent", r: r }; }, function () { return null; }));
          });
      }
      variants(q).forEach(function (v) {
        var words = v.split(" ");
        jobs.push(pf.search(v).then(function (r) { return { kind: "all", r: r }; }));
        jobs.push(pf.search(v, { filters: { loai: { any: GENERIC } } })
          .then(function (r) { return { kind: "generic", r: r }; }, function () { return null; }));
        jobs.push(pf.search(v, { filters: { loai: { any: ["Nhiệm vụ"] } } })
          .then(function (r) { return { kind: "task", r: r }; }, function () { return null; }));
        // Where each word stands on each page (every accent form and every word it begins;
        // Pagefind's quoted search of one word reports the places of one accent form only).
        words.forEach(function (w, i) {
          jobs.push(pf.search(w).then(function (r) {
            return { kind: "word", v: v, i: i, n: words.length, r: r };
          }));
          // Which pages hold the word whole, not only words it begins ("ca", not "các").
          jobs.push(pf.search('"' + w + '"').then(function (r) {
            return { kind: "whole", v: v, i: i, n: words.length, r: r };
          }));
        });
      });
      return Promise.all(jobs);
    }).then(function (answers) {
      var best = {}, generic = {}, task = {}, accent = {}, places = {}, wholes = {};
      answers.forEach(function (a) {
        if (!a) return;
        a.r.results.forEach(function (r) {
          if (a.kind === "all" && (!best[r.id] || best[r.id].score < r.score)) best[r.id] = r;
          if (a.kind === "generic") generic[r.id] = true;
          if (a.kind === "accent") accent[r.id] = true;
          if (a.kind === "task") task[r.id] = true;
          if (a.kind === "whole") {
            var k = a.v + "\u0000" + r.id;
            wholes[k] = (wholes[k] || 0) + 1;
          }
          if (a.kind === "word") {
            var key = a.v + "\u0000" + r.id;
            places[key] = places[key] || new Array(a.n);
            places[key][a.i] = r.words.slice().sort(function (x, y) { return x - y; });
          }
        });
      });
      // For each page, over the "đ" variants: the words whole and in order side by side (a
      // phrase), whether that starts the page (its h1), and whether they stand close together.
      var phrase = {}, named = {}, close = {}, whole = {};
      Object.keys(places).forEach(function (key) {
        var id = key.split("\u0000")[1], positions = places[key];
        var all = wholes[key] === positions.length, at = phraseAt(positions);
        if (all) whole[id] = true;
        if (all && at !== null) { phrase[id] = true; if (at <= TITLE) named[id] = true; }
        if (span(positions) <= positions.length + 3) close[id] = true;
      });
      return Object.keys(best).map(function (id) {
        var r = best[id];
        return { id: id, score: r.score, data: r.data,
                 tier: [phrase[id] ? 1 : 0, accent[id] ? 1 : 0, named[id] ? 1 : 0,
                        close[id] ? 1 : 0, whole[id] ? 1 : 0, generic[id] ? 0 : 1, task[id] ? 1 : 0] };
      }).sort(function (a, b) {
        for (var k = 0; k < a.tier.length; k++) if (a.tier[k] !== b.tier[k]) return b.tier[k] - a.tier[k];
        return b.score - a.score || (a.id < b.id ? -1 : 1);
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

  function excerpt(html) {
    // Pagefind marks the matched words with <mark>; everything else is shown as text.
    // Its text is HTML ("&lt;"): read it as text once, then escape it once.
    var marked = html.replace(/<mark>/g, "\u0001").replace(/<\/mark>/g, "\u0002").replace(/<[^>]*>/g, "");
    var text = new DOMParser().parseFromString(marked, "text/html").documentElement.textContent;
    return escapeHtml(text).replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>");
  }

  function item(d) {
    var li = document.createElement("li");
    var kind = (d.meta && d.meta.loai) || "Trang";
    var where = d.meta && d.meta.ke_hoach ? " · " + d.meta.ke_hoach : "";
    if (d.meta && d.meta.muc) where += " · mục " + d.meta.muc;
    li.innerHTML = '<p class="ket-qua__loai">' + escapeHtml(kind + where) + "</p>" +
      '<a class="ket-qua__tieu-de" href="' + escapeHtml(d.url) + '">' +
      escapeHtml((d.meta && d.meta.title) || d.url) + "</a>" +
      '<p class="ket-qua__trich">' + excerpt(d.excerpt || "") + "</p>";
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
    input.addEventListener("focus", function () { engine.pagefind().catch(function () {}); });
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
          return r.data().then(function (d) { return [d.url, r.tier.join(""), r.score]; });
        }));
      });
    };
    window.portalSearchAll = function (query) {
      return window.portalSearchRanked(query).then(function (urls) {
        return Array.from(new Set(urls)).sort();
      });
    };
  });
})();
