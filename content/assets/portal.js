/* Cổng kế hoạch hợp tác — progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* ---- Search (Pagefind) on tim-kiem/ ------------------------------------------------ */
  function setupSearch() {
    var form = document.querySelector("form.tim-kiem");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("trang-thai-tim");
    var list = document.getElementById("ket-qua");
    var root = new URL("../", window.location.href);
    var pagefindPromise = null;
    var latest = 0;

    function pagefind() {
      if (!pagefindPromise) {
        pagefindPromise = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
          return pf.options({ baseUrl: root.pathname, ranking: { termFrequency: 0.0 } })
            .then(function () { return pf; });
        });
      }
      return pagefindPromise;
    }

    function excerpt(html) {
      // Pagefind marks the matched words with <mark>; everything else is shown as text.
      return escapeHtml(html.replace(/<mark>/g, "\u0001").replace(/<\/mark>/g, "\u0002")
        .replace(/<[^>]*>/g, "")).replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>");
    }

    function render(query, results, total) {
      list.innerHTML = "";
      results.forEach(function (r) {
        var li = document.createElement("li");
        var kind = (r.meta && r.meta.loai) || "Trang";
        var plan = r.meta && r.meta.ke_hoach ? " · " + r.meta.ke_hoach : "";
        if (r.meta && r.meta.muc) plan += " · mục " + r.meta.muc;
        li.innerHTML = '<p class="ket-qua__loai">' + escapeHtml(kind + plan) + "</p>" +
          '<a class="ket-qua__tieu-de" href="' + escapeHtml(r.url) + '">' +
          escapeHtml((r.meta && r.meta.title) || r.url) + "</a>" +
          '<p class="ket-qua__trich">' + excerpt(r.excerpt || "") + "</p>";
        list.appendChild(li);
      });
      status.textContent = total
        ? total + " kết quả cho “" + query + "”" + (total > results.length ? " (hiện " + results.length + " đầu tiên)" : "")
        : "Không tìm thấy kết quả cho “" + query + "”.";
    }

    function run(query) {
      var ticket = ++latest;
      var url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
      if (!query.trim()) { list.innerHTML = ""; status.textContent = ""; return; }
      status.textContent = "Đang tìm…";
      pagefind().then(function (pf) {
        return Promise.all(variants(query).map(function (v) { return pf.search(v); }));
      }).then(function (searches) {
        var best = {};
        searches.forEach(function (search) {
          search.results.forEach(function (r) {
            if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r;
          });
        });
        var merged = Object.keys(best).map(function (id) { return best[id]; })
          .sort(function (a, b) { return b.score - a.score || (a.id < b.id ? -1 : 1); });
        return Promise.all(merged.slice(0, 30).map(function (r) { return r.data(); }))
          .then(function (data) {
            if (ticket === latest) render(query, rerank(query, data).slice(0, 10), merged.length);
          });
      }).catch(function () {
        status.textContent = "Không tải được bộ tìm kiếm (trang cần được mở qua máy chủ web, không phải tệp).";
      });
    }

    /* Pagefind matches words; a page whose own name contains the query (a province, an agency,
       a plan) goes before pages that only mention it. Otherwise Pagefind's order is kept. */
    function fold(text) {
      return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d")
        .replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();
    }
    /* Pagefind folds tones and accents, but "đ" is a letter of its own, not "d" with a mark.
       In Vietnamese "đ" only begins a syllable, so a word typed with a leading "d" is also
       searched with "đ" ("dien bien" finds "Điện Biên"); at most 8 variants. */
    function variants(query) {
      var out = [""];
      query.trim().split(/\s+/).forEach(function (word) {
        var next = [];
        out.forEach(function (prefix) {
          var sep = prefix ? " " : "";
          next.push(prefix + sep + word);
          if (/^[dD]/.test(word) && out.length * 2 <= 8) next.push(prefix + sep + "đ" + word.slice(1));
        });
        out = next;
      });
      return out;
    }

    function rerank(query, data) {
      var q = fold(query);
      var words = q.split(" ");
      function score(d) {
        var title = " " + fold((d.meta && d.meta.title) || "") + " ";
        var bare = title.trim().replace(/^(tinh|thanh pho|hop tac|ke hoach so|cong van so) /, "");
        if (bare === q || title.trim() === q) return 3;
        if (title.indexOf(" " + q + " ") >= 0) return 2;
        return words.every(function (w) { return title.indexOf(" " + w + " ") >= 0; }) ? 1 : 0;
      }
      return data.map(function (d, i) { return { d: d, s: score(d), i: i }; })
        .sort(function (a, b) { return b.s - a.s || a.i - b.i; })
        .map(function (x) { return x.d; });
    }

    /* Every result URL for a query, with the "đ" variants merged (used by the browser tests). */
    window.portalSearchAll = function (query) {
      return pagefind().then(function (pf) {
        return Promise.all(variants(query).map(function (v) { return pf.search(v); }));
      }).then(function (searches) {
        var all = [];
        searches.forEach(function (s) { all = all.concat(s.results); });
        return Promise.all(all.map(function (r) { return r.data(); }));
      }).then(function (data) {
        return Array.from(new Set(data.map(function (d) { return d.url; }))).sort();
      });
    };

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 200);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value); });
    var initial = new URL(window.location.href).searchParams.get("q");
    if (initial) { input.value = initial; run(initial); }
  }

  /* ---- Task-table filters: hide rows, reorder, keep the choice in the URL ------------- */
  function foldText(text) {  // accent-insensitive: "Hóa", "Hoá", "hoa" are the same word
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* A link to a heading whose list is folded opens the list. */
  function setupFolds() {
    function open() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var heading = id && document.getElementById(id);
      var next = heading && heading.nextElementSibling;
      if (next && next.matches("details.nhom")) next.open = true;
    }
    window.addEventListener("hashchange", open);
    open();
  }

  function setupFilters() {
    var form = document.querySelector("form[data-bo-loc]");
    if (!form) return;
    form.hidden = false;
    var rows = Array.prototype.slice.call(document.querySelectorAll(".bang-nhiem-vu tbody tr"));
    var counter = form.querySelector(".bo-loc__dem");
    var params = new URL(window.location.href).searchParams;
    var fields = ["tu-khoa", "chu-tri", "tinh", "ky", "tt", "sx"];
    var folds = Array.prototype.slice.call(document.querySelectorAll("details.nhom"));
    folds.forEach(function (d) { d.setAttribute("data-mo", d.open ? "1" : ""); });
    var texts = rows.map(function (row) { return foldText(row.textContent); });
    fields.forEach(function (name) {
      var select = form.elements[name];
      if (select && params.get(name)) {
        select.value = params.get(name);
        if (select.value !== params.get(name)) select.value = "";  // unknown value: ignore
      }
    });

    function has(row, attr, value) {
      return !value || (" " + (row.getAttribute(attr) || "") + " ").indexOf(" " + value + " ") >= 0;
    }

    function apply() {
      var want = {};
      fields.forEach(function (name) { want[name] = form.elements[name] ? form.elements[name].value : ""; });
      var words = foldText(want["tu-khoa"]).split(" ").filter(Boolean);
      var shown = {}, all = {};
      rows.forEach(function (row, i) {
        var ok = has(row, "data-chu-tri", want["chu-tri"]) && has(row, "data-tinh", want.tinh) &&
          has(row, "data-ky", want.ky) && (!want.tt || row.getAttribute("data-tt") === want.tt) &&
          words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        row.hidden = !ok;
        all[row.getAttribute("data-vi-tri")] = true;
        if (ok) shown[row.getAttribute("data-vi-tri")] = true;
      });
      var filtering = ["tu-khoa", "chu-tri", "tinh", "ky", "tt"].some(function (n) { return want[n]; });
      folds.forEach(function (d) {  // filtered: open the groups with a match; else as built
        d.open = filtering ? !!d.querySelector("tbody tr:not([hidden])") : d.getAttribute("data-mo") === "1";
      });
      document.querySelectorAll(".bang-nhiem-vu tbody").forEach(function (body) {
        var list = Array.prototype.slice.call(body.rows);
        list.sort(function (a, b) {
          if (want.sx === "bat-dau") {
            var x = a.getAttribute("data-bat-dau") || "9999", y = b.getAttribute("data-bat-dau") || "9999";
            if (x !== y) return x < y ? -1 : 1;
          }
          return a.getAttribute("data-vi-tri") < b.getAttribute("data-vi-tri") ? -1 : 1;
        });
        list.forEach(function (row) { body.appendChild(row); });
        var wrap = body.closest(".bang-nhiem-vu");
        var visible = list.some(function (row) { return !row.hidden; });
        wrap.classList.toggle("bang-nhiem-vu--rong", !visible);
      });
      counter.textContent = "Đang hiện " + Object.keys(shown).length + "/" + Object.keys(all).length + " nhiệm vụ";
      var url = new URL(window.location.href);
      fields.forEach(function (name) {
        if (want[name]) url.searchParams.set(name, want[name]); else url.searchParams.delete(name);
      });
      window.history.replaceState(null, "", url);
    }

    form.addEventListener("change", apply);
    var typing = null;
    form.elements["tu-khoa"].addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(apply, 150);
    });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  /* ---- Copy the citation of a task ------------------------------------------------------- */
  function setupCitation() {
    var quote = document.getElementById("trich-dan-van-ban");
    if (!quote || !navigator.clipboard) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button nut-chep";
    button.textContent = "Chép trích dẫn";
    var status = document.createElement("span");
    status.className = "chep-trang-thai";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(quote.textContent.trim()).then(function () {
        status.textContent = "Đã chép.";
      }, function () {
        status.textContent = "Không chép được: hãy bôi đen đoạn trích và chép tay.";
      });
    });
    var holder = quote.closest("blockquote");
    holder.parentNode.insertBefore(button, holder.nextSibling);
    button.parentNode.insertBefore(status, button.nextSibling);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupSearch();
    setupFilters();
    setupFolds();
    setupCitation();
  });
})();
