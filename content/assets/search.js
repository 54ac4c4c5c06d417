/* Cổng kế hoạch hợp tác — search, on every page: loads assets/tim-kiem.js (an ES module: the search
   itself: the index, the ranking, the results) on the search page at once, and on any other
   page when the header or home page box is first focused or typed in. A page that is only
   read does not download it; without JavaScript the boxes are plain forms to tim-kiem/?q=… */
(function () {
  "use strict";
  var src = document.currentScript && document.currentScript.src, loaded = false;

  function load() {
    if (loaded || !src) return;
    loaded = true;
    var script = document.createElement("script");
    script.type = "module";
    script.src = src.replace(/search\.js(\?[^#]*)?$/, "tim-kiem.js$1");
    document.head.appendChild(script);
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector("form.tim-kiem") && document.getElementById("ket-qua")) { load(); return; }
    document.querySelectorAll("form[data-tim-nhanh] input[name=q]").forEach(function (input) {
      input.addEventListener("focus", load);
      input.addEventListener("input", load);
      if (document.activeElement === input) load();
    });
  });
})();
