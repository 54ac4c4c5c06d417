/* Cổng kế hoạch hợp tác — progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  var portal = window.portal = window.portal || {};   // the status rules, for tests

  /* ---- Task-table filters: hide rows, reorder, keep the choice in the URL ------------- */
  var FILTERS = ["tu-khoa", "chu-tri", "tinh", "ky", "trang-thai", "tt"];   // "sx" sorts, it does not filter
  function foldText(text) {  // accent-insensitive: "Hóa", "Hoá", "hoa" are the same word
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  /* A link to a heading whose list is folded opens the list. On an overview too large to hold
     the lists (lich/ at scale), the entry with that id names the page that has it: go there,
     so that an old link such as lich/#2026-q3 still shows the quarter. */
  function setupFolds() {
    function open() {
      var id = window.location.hash.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch (e) {   // a malformed escape (#%E0%A4%A): the id as typed, and nothing else stops
      }
      var heading = id && document.getElementById(id);
      if (heading && heading.hasAttribute("data-trang")) {
        window.location.replace(heading.getAttribute("data-trang"));
        return;
      }
      var next = heading && heading.nextElementSibling;
      if (next && next.matches("details.nhom")) next.open = true;
      /* a line of a long source text, inside a folded part ("xem chỗ in"): open its part */
      var part = heading && heading.parentElement && heading.parentElement.closest("details");
      if (part && !part.open) {
        part.open = true;
        heading.scrollIntoView();
      }
    }
    window.addEventListener("hashchange", open);
    open();
  }

  function setupFilters() {
    var form = document.querySelector("form[data-bo-loc]");
    if (!form) return;
    form.hidden = false;
    /* On a phone the fields fold behind one "Lọc (n)" button (n: filters in use), so that the
       first result is on the first screen; CSS shows them on a wider screen. */
    var box = form.querySelector(".bo-loc__o");
    box.id = box.id || "bo-loc-o";
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "md-button bo-loc__nut";
    toggle.setAttribute("aria-controls", box.id);
    toggle.setAttribute("aria-expanded", "false");
    form.querySelector(".bo-loc__tieu-de").appendChild(toggle);
    form.classList.add("bo-loc--gap");
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded", String(form.classList.toggle("bo-loc--mo")));
    });
    var rows = Array.prototype.slice.call(document.querySelectorAll(".bang-nhiem-vu tbody tr"));
    var counter = form.querySelector(".bo-loc__dem");
    var params = new URL(window.location.href).searchParams;
    var fields = FILTERS.concat(["sx"]);
    var folds = Array.prototype.slice.call(document.querySelectorAll("details.nhom"));
    folds.forEach(function (d) { d.setAttribute("data-mo", d.open ? "1" : ""); });
    /* The keyword looks in what the row says of the task (its number and title), never in
       the agency or plan columns: "du lich" must not keep every task of an agency whose name
       says "Du lịch". */
    var texts = rows.map(function (row) {
      var own = row.querySelectorAll("td.so, td[data-nhan='Nội dung']");
      return foldText(Array.prototype.map.call(own, function (td) { return td.textContent; }).join(" "));
    });
    /* The counts printed with each group ("(5)", "5 nhiệm vụ") count what the filter shows. */
    var counts = Array.prototype.slice.call(document.querySelectorAll(".dem-nhom"));
    function groupOf(span) {
      var fold = span.closest("details");
      if (fold) return fold;
      var heading = span.closest("h1, h2, h3, h4, h5, h6");
      return heading && heading.nextElementSibling;
    }
    /* Where a page has tables of two roles (an agency: chủ trì, phối hợp), the counter says
       how many of each: a task can be in both. */
    var roles = Array.prototype.slice.call(document.querySelectorAll("[data-vai]"));
    /* "Due this quarter" (the visitor's quarter), and the current quarter marked. */
    var today = new Date();
    var thisQuarter = today.getFullYear() + "-q" + (Math.floor(today.getMonth() / 3) + 1);
    var period = form.elements.ky;
    if (period) {
      Array.prototype.forEach.call(period.options, function (o) {
        if (o.value === thisQuarter) o.textContent += " (quý này)";
      });
      var due = document.createElement("option");
      due.value = "den-han";
      due.textContent = "Đến hạn trong quý này (" + "Quý " + ["I", "II", "III", "IV"][+thisQuarter.slice(-1) - 1] +
        "/" + thisQuarter.slice(0, 4) + ")";
      period.insertBefore(due, period.options[1] || null);
    }
    function dueNow(row) {   // the last quarter the row runs in is this one
      var quarters = (row.getAttribute("data-ky") || "").split(" ").filter(function (k) { return k.indexOf("-q") > 0; });
      return quarters.length > 0 && quarters[quarters.length - 1] === thisQuarter;
    }
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
          (want.ky === "den-han" ? dueNow(row) : has(row, "data-ky", want.ky)) &&
          (!want.tt || row.getAttribute("data-tt") === want.tt) &&
          (!want["trang-thai"] || row.getAttribute("data-trang-thai") === want["trang-thai"]) &&
          words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        row.hidden = !ok;
        all[row.getAttribute("data-vi-tri")] = true;
        if (ok) shown[row.getAttribute("data-vi-tri")] = true;
      });
      var used = FILTERS.filter(function (n) { return want[n]; });
      var filtering = used.length > 0;
      toggle.textContent = "Lọc (" + used.length + ")";
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
      counts.forEach(function (span) {
        var group = groupOf(span);
        if (!group) return;
        var total = group.querySelectorAll("tbody tr").length;
        if (!total) return;      // the group's rows are on their own page: its count stays
        var shownHere = group.querySelectorAll("tbody tr:not([hidden])").length;
        span.textContent = filtering ? shownHere + "/" + total : String(total);
        /* a group with nothing to show while filtering is left out, its heading too */
        var empty = filtering && shownHere === 0;
        var heading = span.closest("h1, h2, h3, h4, h5, h6");
        [heading, group].forEach(function (el) {
          if (el && el.tagName !== "H1" && el.tagName !== "H2") el.classList.toggle("nhom--rong", empty);
        });
      });
      var text = "Đang hiện " + Object.keys(shown).length + "/" + Object.keys(all).length + " nhiệm vụ";
      if (roles.length > 1) {
        text += " (" + roles.map(function (box) {
          return box.getAttribute("data-vai") + " " + box.querySelectorAll("tbody tr:not([hidden])").length +
            "/" + box.querySelectorAll("tbody tr").length;
        }).join(", ") + "; một nhiệm vụ có thể ở cả hai)";
      }
      counter.textContent = text;
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
    /* Built without a site URL, the citation gives the page's path; served over the web, the
       page knows its own address: cite that (the directory URL, as the portal's links are). */
    var where = quote && quote.querySelector("[data-dia-chi]");
    if (where && /^https?:$/.test(window.location.protocol)) {
      where.textContent = new URL(".", window.location.href).href;
    }
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

  /* ---- "This quarter" from the visitor's date, not the build's ----------------------------
     The page says, without JavaScript, what the quarter of the build date held; data-quy-nay
     has every quarter's counts ({"2026-q3": [title, active, due, lich/2026-q3/ exists]}). */
  function setupQuarter() {
    var today = new Date();
    var year = today.getFullYear(), quarter = Math.floor(today.getMonth() / 3) + 1;
    var key = year + "-q" + quarter;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    document.querySelectorAll("[data-quy-nay]").forEach(function (box) {
      var data = JSON.parse(box.getAttribute("data-quy-nay"));
      var entry = data[key];
      box.querySelector(".quy-nay__khi").textContent =
        "Hôm nay (" + pad(today.getDate()) + "/" + pad(today.getMonth() + 1) + "/" + year + "):";
      box.querySelector(".quy-nay__quy").textContent = "Quý " + ["I", "II", "III", "IV"][quarter - 1] + "/" + year;
      var counts = box.querySelector(".quy-nay__so");
      counts.textContent = "";
      if (entry && entry[1]) {
        var link = document.createElement("a");
        link.href = entry[3] ? box.getAttribute("data-lich-quy").replace("{quy}", key) : box.getAttribute("data-lich");
        link.textContent = entry[1] + " nhiệm vụ đang thực hiện trong quý";
        counts.appendChild(link);
        counts.appendChild(document.createTextNode(", trong đó " + entry[2] + " nhiệm vụ đến hạn (kết thúc) trong quý"));
      } else {
        counts.textContent = "không có nhiệm vụ nào có mốc thời gian trong quý";
      }
      box.setAttribute("data-quy-nay-hom-nay", key);
    });
    var heading = document.getElementById(key);   // lich/: open and name the visitor's quarter
    if (heading && document.querySelector("[data-quy-nay]")) {   // (its heading, or its entry)
      var mark = document.createElement("span");
      mark.className = "quy-nay__nhan";
      mark.textContent = " (quý này)";
      heading.appendChild(mark);
      var next = heading.nextElementSibling;
      if (next && next.matches("details.nhom")) next.open = true;
      var item = document.querySelector('li[data-quy="' + key + '"]');
      if (item && item !== heading) item.appendChild(document.createTextNode(" — quý này"));
    }
  }

  /* ---- Status for the visitor's date, not the build's ------------------------------------
     The twin of generator/status.py (by_date, period_status): the names are held equal to
     Python's by tests/unit/test_status_js.py. A status that rests on a report, or on a
     timeframe without an end date, has no data-han: the date cannot change it. */
  var TASK_BY_DATE = {
    "qua-thoi-han": "Đã qua thời hạn ghi trong văn bản — chưa có báo cáo",
    "den-han-quy-nay": "Đến hạn trong quý này",
    "trong-thoi-han": "Trong thời hạn"
  };
  var PLAN_BY_DATE = {
    "chua-den-ky": "Chưa đến kỳ (từ {start})",
    "dang-thuc-hien": "Đang thực hiện (đến {end})",
    "het-giai-doan": "Đã hết giai đoạn kế hoạch ({end})"
  };
  var TONES = {"qua-thoi-han": "tre", "den-han-quy-nay": "sap", "trong-thoi-han": "dang",
               "het-giai-doan": "het", "dang-thuc-hien": "dang", "chua-den-ky": "khac"};
  function isoDate(d) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function viDate(iso) { return iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4); }
  function quarterOf(iso) { return iso.slice(0, 4) + "-q" + (Math.floor((+iso.slice(5, 7) - 1) / 3) + 1); }
  function taskByDate(end, today) {       // status.by_date
    if (today > end) return "qua-thoi-han";
    return quarterOf(end) === quarterOf(today) ? "den-han-quy-nay" : "trong-thoi-han";
  }
  function planByDate(start, end, today) {   // status.period_status
    return today < start ? "chua-den-ky" : today > end ? "het-giai-doan" : "dang-thuc-hien";
  }
  portal.taskByDate = taskByDate;
  portal.planByDate = planByDate;

  function setupStatus(today) {
    var when = "Tính theo hôm nay (" + viDate(today) + ").";
    document.querySelectorAll("[data-trang-thai][data-han]").forEach(function (box) {
      var end = box.getAttribute("data-han"), start = box.getAttribute("data-giai-doan-tu");
      var key = start ? planByDate(start, end, today) : taskByDate(end, today);
      box.setAttribute("data-trang-thai", key);
      if (box.tagName === "TR") return;
      var name = start ? PLAN_BY_DATE[key].replace("{start}", viDate(start)).replace("{end}", viDate(end))
        : TASK_BY_DATE[key];
      box.querySelector(".trang-thai__ten").textContent = name;
      box.className = box.className.replace(/trang-thai--\w+/, "trang-thai--" + TONES[key]);
      var at = box.querySelector(".trang-thai__khi");
      if (at) at.textContent = when;
    });
    document.querySelectorAll("[data-dem-trang-thai]").forEach(function (box) {
      var ends = JSON.parse(box.getAttribute("data-dem-trang-thai")).han || {};
      var counts = {};
      Object.keys(ends).forEach(function (end) {
        var key = taskByDate(end, today);
        counts[key] = (counts[key] || 0) + ends[end];
      });
      var list = box.querySelector(".trang-thai-dem__ds");
      Object.keys(TASK_BY_DATE).forEach(function (key) {
        var old = list.querySelector(".trang-thai-dem__muc--" + key);
        if (old) list.removeChild(old);
      });
      Object.keys(TASK_BY_DATE).reverse().forEach(function (key) {
        if (!counts[key]) return;
        var item = document.createElement("li");
        item.className = "trang-thai-dem__muc trang-thai-dem__muc--" + key;
        item.appendChild(document.createTextNode(TASK_BY_DATE[key] + ": "));
        var n = document.createElement("strong");
        n.textContent = counts[key];
        item.appendChild(n);
        list.insertBefore(item, list.firstChild);
      });
      var at = box.querySelector(".trang-thai__khi");
      if (at) at.textContent = "theo hôm nay, " + viDate(today);
    });
  }

  /* A shared filtered link (co-quan/…/?ky=2023) opens at its results, as a link to a heading
     would: when the first row left by the filters is below the first screen, the filter box is
     brought up under the sticky header and search bar (Material's header then names the page).
     A link with its own #anchor goes where it says. */
  function showFilteredResults() {
    var form = document.querySelector("form[data-bo-loc]");
    if (!form || window.location.hash) return;
    var params = new URL(window.location.href).searchParams;
    var used = FILTERS.some(function (n) { return params.get(n); });
    if (!used) return;
    var row = Array.prototype.find.call(document.querySelectorAll(".bang-nhiem-vu tbody tr"),
      function (r) { return !r.hidden && r.offsetHeight; });
    if (!row || row.getBoundingClientRect().top <= window.innerHeight * 2 / 3) return;   // already seen
    var cover = 0;
    document.querySelectorAll(".md-header, form.tim-nhanh").forEach(function (el) {
      var position = window.getComputedStyle(el).position;
      if (position === "fixed" || position === "sticky") cover = Math.max(cover, el.getBoundingClientRect().bottom);
    });
    var y = form.getBoundingClientRect().top + window.scrollY - cover - 8;
    var rowTop = row.getBoundingClientRect().top + window.scrollY;
    /* headings between the box and the row (a plan's sections) can fill a screen: then the row
       comes first, with a little of what is above it */
    if (rowTop + row.offsetHeight - y > window.innerHeight) y = rowTop - cover - 120;
    window.scrollTo(0, Math.max(0, y));
  }
  portal.showFilteredResults = showFilteredResults;

  document.addEventListener("DOMContentLoaded", function () {
    setupStatus(isoDate(new Date()));
    setupQuarter();
    setupFilters();
    setupFolds();
    setupCitation();
    /* after the filtered list has been drawn: a scroll alone moves nothing on the page (the
       same frame as the filtering would count its changes as layout shift) */
    window.requestAnimationFrame(function () { window.requestAnimationFrame(showFilteredResults); });
  });
})();
