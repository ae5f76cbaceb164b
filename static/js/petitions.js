// Progressive enhancement for petitions: a live counter, form timing, and a filterable, sortable
// tracker table. Without JavaScript the page shows the count as rendered and the full table.
(function () {
  "use strict";
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var lang = document.documentElement.lang || "nl";
  var format = new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL");

  function animate(element, from, to) {
    if (reduceMotion || from === to) {
      element.textContent = format.format(to);
      return;
    }
    var start = null;
    function step(time) {
      start = start || time;
      var progress = Math.min(1, (time - start) / 800);
      element.textContent = format.format(Math.round(from + (to - from) * progress));
      if (progress < 1) window.requestAnimationFrame(step);
    }
    window.requestAnimationFrame(step);
  }

  document.querySelectorAll("[data-count-url]").forEach(function (counter) {
    var number = counter.querySelector("[data-count]");
    var bar = counter.querySelector("[data-count-bar]");
    var current = parseInt(number.textContent.replace(/\D/g, ""), 10) || 0;
    function poll() {
      if (document.hidden) return;
      fetch(counter.dataset.countUrl)
        .then(function (r) {
          return r.ok ? r.json() : null;
        })
        .then(function (data) {
          if (!data || typeof data.count !== "number") return;
          animate(number, current, data.count);
          current = data.count;
          if (bar) {
            var max = parseInt(bar.getAttribute("aria-valuemax"), 10) || data.goal;
            bar.setAttribute("aria-valuenow", data.count);
            bar.firstElementChild.style.width = Math.min(100, (100 * data.count) / max) + "%";
          }
        })
        .catch(function () {});
    }
    // Once at once (the page may come from a cache, with the count as it was then), then at the
    // counting interval: the shown count stays within two intervals of the truth.
    poll();
    window.setInterval(poll, 1000 * (parseInt(counter.dataset.pollSeconds, 10) || 10));
    document.addEventListener("visibilitychange", poll);
  });

  // Time spent on the form: a bot signal (the server never refuses on it, it only flags).
  document.querySelectorAll("[data-petition-form]").forEach(function (form) {
    var started = null;
    form.addEventListener("focusin", function () {
      started = started || Date.now();
    });
    form.addEventListener("submit", function () {
      var field = form.querySelector("[name=form_ms]");
      if (field && started) field.value = Date.now() - started;
    });
  });

  document.querySelectorAll("[data-table-filter]").forEach(function (input) {
    var table = document.querySelector(input.dataset.tableFilter);
    if (!table) return;
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase();
      table.querySelectorAll("tbody tr").forEach(function (row) {
        row.hidden = query && row.textContent.toLowerCase().indexOf(query) === -1;
      });
    });
  });

  // Sortable columns: header buttons, with aria-sort telling screen readers the order.
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.dataset.type === "number";
        var rows = Array.from(table.tBodies[0].rows);
        rows.sort(function (a, b) {
          var x = a.cells[column],
            y = b.cells[column];
          var vx = numeric ? parseFloat(x.dataset.value) : x.textContent.trim();
          var vy = numeric ? parseFloat(y.dataset.value) : y.textContent.trim();
          var order = numeric ? vx - vy : vx.localeCompare(vy, lang);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) {
          table.tBodies[0].appendChild(row);
        });
      });
    });
  });
})();
