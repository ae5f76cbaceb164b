// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Header menu on small screens: a disclosure button; the CSS hides the folded list only below 40rem.
  document.querySelectorAll("[data-menu-button]").forEach(function (button) {
    var menu = document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) return;
    function set(open) {
      button.setAttribute("aria-expanded", String(open));
      if (open) menu.removeAttribute("data-collapsed");
      else menu.setAttribute("data-collapsed", "");
    }
    set(false);
    button.hidden = false;
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && window.getComputedStyle(button).display !== "none") {
        set(false);
        button.focus();
      }
    });
  });

  // After a failed submit: focus the error summary (autofocus does it too), and let its links move
  // focus to the field itself, not only scroll to it.
  document.querySelectorAll("[data-error-summary]").forEach(function (summary) {
    if (document.activeElement === document.body || !document.activeElement) summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      var control = field.matches("input, select, textarea") ? field : field.querySelector("input, select, textarea");
      var label = control && document.querySelector("label[for='" + control.id + "']");
      (label || field).scrollIntoView();
      if (control) control.focus({ preventScroll: true });
    });
  });
  // Videos: replace the placeholder with the privacy-friendly player, only on request.
  document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
    var link = figure.querySelector(".video__placeholder a");
    if (!link) return;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.className = "video__frame";
      frame.src = figure.dataset.videoEmbed;
      frame.title = figure.dataset.videoTitle;
      frame.allow = "fullscreen; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      figure.querySelector(".video__placeholder").replaceWith(frame);
      frame.focus();
    });
  });

  // Filter forms: without JavaScript they reload the page (plain GET, shareable URL). With it,
  // the results region is fetched and swapped in place, the URL kept in step, focus left alone.
  document.querySelectorAll("form[data-live-filter]").forEach(function (form) {
    var region = document.querySelector(form.dataset.liveFilter);
    if (!region || !window.fetch || !window.DOMParser) return;
    function update() {
      var params = new URLSearchParams(new FormData(form));
      Array.from(params.keys()).forEach(function (key) {
        if (!params.get(key)) params.delete(key);
      });
      var url = form.action.split("?")[0] + (params.toString() ? "?" + params : "");
      region.setAttribute("aria-busy", "true");
      fetch(url, { headers: { "X-Requested-With": "fetch" } })
        .then(function (response) {
          return response.text();
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(form.dataset.liveFilter);
          if (!fresh) return;
          region.innerHTML = fresh.innerHTML;
          history.replaceState(null, "", url);
          var status = document.querySelector("[data-filter-status]");
          var count = region.querySelector(".results-count");
          if (status && count) status.textContent = count.textContent;
        })
        .catch(function () {
          form.submit();
        })
        .finally(function () {
          region.removeAttribute("aria-busy");
        });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", update);
    });
  });

  // Share block: a copy button where the Clipboard API exists; otherwise the visible field.
  document.querySelectorAll("[data-copy-button]").forEach(function (button) {
    if (!navigator.clipboard) return;
    var item = button.closest(".share__copy");
    var source = item.querySelector("[data-copy-source]");
    var status = item.querySelector("[data-copy-status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        status.textContent = document.documentElement.lang === "nl" ? "Link gekopieerd" : "Link copied";
      });
    });
  });
})();
