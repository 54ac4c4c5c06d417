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
          return pf.options({ baseUrl: root.pathname }).then(function () { return pf; });
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
      pagefind().then(function (pf) { return pf.search(query); }).then(function (search) {
        return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); }))
          .then(function (data) { if (ticket === latest) render(query, data, search.results.length); });
      }).catch(function () {
        status.textContent = "Không tải được bộ tìm kiếm (trang cần được mở qua máy chủ web, không phải tệp).";
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { run(input.value); }, 200);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value); });
    var initial = new URL(window.location.href).searchParams.get("q");
    if (initial) { input.value = initial; run(initial); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupSearch();
  });
})();
