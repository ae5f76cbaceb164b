// Progressive enhancement for square-centimetre ads: the canvas and counters refresh from canvas.json,
// the canvas can be explored by mouse and keyboard (names of funders per square), free squares can be
// picked, and the form shows what an amount buys. Without JavaScript the page shows the rendered state
// and the form works with presets and amounts.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var UNITS = 100;
  var POLL_MS = 10000;
  var lang = document.documentElement.lang || "nl";
  var locale = lang === "en" ? "en-GB" : "nl-NL";
  var numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  var money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  function fill(template, values) {
    return template
      .replace(/%\((\w+)\)s/g, function (_, key) {
        return values[key];
      })
      .replace(/%%/g, "%");
  }
  function cm2(units) {
    return numbers.format(units / UNITS);
  }
  function euros(cents) {
    return "€\u00a0" + (cents % 100 === 0 ? numbers.format(cents / 100) : money.format(cents / 100));
  }
  // Whole cents from what a donor types (mirrors donations/area.py; the server decides).
  function parseEuros(text) {
    var value = (text || "").replace(/[€\s\u00a0]/g, "");
    var match = /^(\d{0,12})(?:[.,](\d{1,2}))?$/.exec(value);
    if (!value || !match) return null;
    var cents = parseInt(match[1] || "0", 10) * 100 + parseInt(((match[2] || "") + "00").slice(0, 2), 10);
    return cents > 0 ? cents : null;
  }

  function rect(x, y, w, h, className) {
    var node = document.createElementNS(SVG, "rect");
    node.setAttribute("x", x);
    node.setAttribute("y", y);
    node.setAttribute("width", w);
    node.setAttribute("height", h);
    if (className) node.setAttribute("class", className);
    return node;
  }

  function setup(root) {
    var svg = root.querySelector("[data-canvas]");
    if (!svg) return;
    var strings = JSON.parse(root.querySelector("script[id^='donation-strings']").textContent);
    var figure = root.querySelector("[data-canvas-figure]");
    var cellsGroup = svg.querySelector("[data-cells]");
    var namesGroup = svg.querySelector("[data-names]");
    var pickedGroup = svg.querySelector("[data-picked]");
    var cursorNode = svg.querySelector("[data-cursor]");
    var status = root.querySelector("[data-canvas-status]");
    var hatch = svg.querySelector("pattern[id^='ad-hatch']");
    var form = root.querySelector("[data-gift-form]");
    var pickedInput = form && form.querySelector("[data-picked-input]");
    var pickedSummary = form && form.querySelector("[data-picked-summary]");
    var cellsRadio = form && form.querySelector("input[name=choice][value=cells]");
    var state = null;
    var cursor = 0;
    var picked = [];
    if (pickedInput && pickedInput.value) {
      picked = pickedInput.value
        .split(",")
        .map(Number)
        .filter(function (n) {
          return n >= 0;
        });
    }

    function label(cell) {
      return fill(strings.cell, { row: Math.floor(cell / state.width) + 1, column: (cell % state.width) + 1 });
    }

    function describe(cell) {
      var kind = state.cells.charAt(cell);
      var names = state.names[String(cell)];
      var text;
      if (picked.indexOf(cell) !== -1) text = strings.picked;
      else if (kind === "f") text = names ? fill(strings.fundedBy, { names: names.join(", ") }) : strings.funded;
      else if (kind === "p") {
        text = fill(strings.partly, { percent: state.partial[String(cell)] || 0 });
        if (names) text += " — " + names.join(", ");
      } else if (kind === "h") text = strings.held;
      else if (kind === "x") text = strings.notForSale;
      else text = form && state.open ? strings.freePick : strings.free;
      return label(cell) + ": " + text;
    }

    function draw() {
      var width = state.width,
        cells = state.cells;
      var shapes = document.createDocumentFragment();
      for (var row = 0; row < state.height; row++) {
        var column = 0;
        while (column < width) {
          var kind = cells.charAt(row * width + column),
            run = 1;
          while (kind !== "p" && column + run < width && cells.charAt(row * width + column + run) === kind) run++;
          if (kind === "p") {
            var share = (state.partial[String(row * width + column)] || 0) / UNITS;
            shapes.appendChild(rect(column, row + 1 - share, 1, share, "cell--f"));
            shapes.appendChild(rect(column, row, 1, 1, "cell--p"));
          } else if (kind !== ".") {
            var node = rect(column, row, run, 1, "cell--" + kind);
            if (kind === "h" && hatch) node.setAttribute("fill", "url(#" + hatch.id + ")");
            shapes.appendChild(node);
          }
          column += run;
        }
      }
      cellsGroup.replaceChildren(shapes);
      // One target per run of the credits, as the page draws them (canvas.named_cells); the group's class styles them.
      var entries = creditEntries();
      var named = document.createDocumentFragment();
      entries.forEach(function (entry) {
        var node = rect(entry.from % width, Math.floor(entry.from / width), entry.to - entry.from + 1, 1);
        var title = document.createElementNS(SVG, "title");
        title.textContent = entryLabel(entry) + ": " + entry.names;
        node.appendChild(title);
        named.appendChild(node);
      });
      namesGroup.replaceChildren(named);
      drawPicked();
      drawCounters();
      drawCredits(entries);
    }

    function drawPicked() {
      var nodes = document.createDocumentFragment();
      picked.forEach(function (cell) {
        nodes.appendChild(rect(cell % state.width, Math.floor(cell / state.width), 1, 1, "cell--picked"));
      });
      pickedGroup.replaceChildren(nodes);
      if (pickedInput) pickedInput.value = picked.join(",");
      if (pickedSummary && picked.length) {
        pickedSummary.textContent = fill(picked.length === 1 ? strings.pickedOne : strings.pickedMany, {
          count: picked.length,
          amount: euros(picked.length * state.price_cents),
        });
      } else if (pickedSummary) {
        pickedSummary.textContent = strings.pickHint;
      }
    }

    function drawCounters() {
      var values = {
        funded: cm2(state.funded_units),
        free: cm2(state.free_units),
        donors: numbers.format(state.donors),
        raised: euros(state.raised_cents),
        days: String(state.days_left),
        held: cm2(state.held_units),
      };
      root.querySelectorAll("[data-counter]").forEach(function (node) {
        var value = values[node.dataset.counter];
        if (value !== undefined && node.textContent !== value) node.textContent = value;
      });
      var bar = root.querySelector("[data-progress]");
      if (bar) {
        bar.setAttribute("aria-valuenow", state.funded_units / UNITS);
        bar.setAttribute(
          "aria-valuetext",
          fill(strings.progress, { funded: cm2(state.funded_units), total: numbers.format(state.total_cm2) }),
        );
        bar.firstElementChild.style.width = Math.min(100, state.funded_units / state.total_cm2) + "%";
      }
    }

    // Neighbouring cells in a row with the same names, together (canvas.credits).
    function creditEntries() {
      var entries = [];
      Object.keys(state.names)
        .map(Number)
        .sort(function (a, b) {
          return a - b;
        })
        .forEach(function (cell) {
          var names = state.names[String(cell)].join(", ");
          var last = entries[entries.length - 1];
          if (
            last &&
            last.names === names &&
            last.to === cell - 1 &&
            Math.floor(last.to / state.width) === Math.floor(cell / state.width)
          ) {
            last.to = cell;
          } else {
            entries.push({ from: cell, to: cell, names: names });
          }
        });
      return entries;
    }

    function entryLabel(entry) {
      return entry.from === entry.to
        ? label(entry.from)
        : fill(strings.cells, {
            row: Math.floor(entry.from / state.width) + 1,
            first: (entry.from % state.width) + 1,
            last: (entry.to % state.width) + 1,
          });
    }

    function drawCredits(entries) {
      var list = root.querySelector("[data-credits]");
      if (!list) return;
      var items = document.createDocumentFragment();
      entries.forEach(function (entry) {
        var item = document.createElement("li");
        var where = document.createElement("span");
        where.className = "ad-credits__cell";
        where.textContent = entryLabel(entry);
        item.appendChild(where);
        item.appendChild(document.createTextNode(": " + entry.names));
        items.appendChild(item);
      });
      if (!entries.length) {
        var none = document.createElement("li");
        none.textContent = strings.noNames;
        items.appendChild(none);
      }
      list.replaceChildren(items);
    }

    function moveCursor(cell, announce) {
      cursor = Math.max(0, Math.min(state.width * state.height - 1, cell));
      cursorNode.setAttribute("x", cursor % state.width);
      cursorNode.setAttribute("y", Math.floor(cursor / state.width));
      cursorNode.setAttribute("visibility", "visible");
      if (announce) status.textContent = describe(cursor);
    }

    function toggle(cell) {
      if (!form || !state.open) return;
      var at = picked.indexOf(cell);
      if (at !== -1) {
        picked.splice(at, 1);
      } else if (state.cells.charAt(cell) === ".") {
        if (picked.length >= strings.maxCells) {
          status.textContent = fill(strings.tooMany, { count: strings.maxCells });
          return;
        }
        picked.push(cell);
        picked.sort(function (a, b) {
          return a - b;
        });
      } else {
        return;
      }
      if (cellsRadio) cellsRadio.checked = picked.length > 0 || cellsRadio.checked;
      drawPicked();
      status.textContent = describe(cell);
    }

    function cellAt(event) {
      var point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      var local = point.matrixTransform(svg.getScreenCTM().inverse());
      var x = Math.floor(local.x),
        y = Math.floor(local.y);
      if (x < 0 || y < 0 || x >= state.width || y >= state.height) return -1;
      return y * state.width + x;
    }

    // `fresh`: ask past the browser's own copy (kept CANVAS_MAX_AGE seconds), so a donor back from
    // paying sees their squares at once rather than at the next poll.
    function refresh(fresh) {
      if (document.hidden) return;
      fetch(root.dataset.canvasUrl, { credentials: "omit", cache: fresh === true ? "no-cache" : "default" })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (!data || typeof data.cells !== "string") return;
          state = data;
          var lost = picked.filter(function (cell) {
            return state.cells.charAt(cell) !== ".";
          });
          if (lost.length) {
            picked = picked.filter(function (cell) {
              return lost.indexOf(cell) === -1;
            });
            status.textContent = fill(strings.taken, { cells: lost.map(label).join(", ") });
          }
          draw();
          root.dataset.canvasState = "live"; // the counters now show canvas.json, not the page as cached
        })
        .catch(function () {});
    }

    // The canvas becomes one keyboard stop: arrow keys move a cursor, Enter or Space picks.
    svg.setAttribute("tabindex", "0");
    svg.setAttribute("role", "application");
    svg.setAttribute("aria-label", form ? strings.canvasPick : strings.canvasExplore);
    svg.setAttribute("aria-describedby", status.id);
    if (form) figure.classList.add("ad-canvas--picking");
    svg.addEventListener("keydown", function (event) {
      if (!state) return;
      var moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -state.width, ArrowDown: state.width };
      if (moves[event.key] !== undefined) {
        event.preventDefault();
        moveCursor(cursor + moves[event.key], true);
      } else if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        moveCursor(event.key === "Home" ? 0 : state.width * state.height - 1, true);
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle(cursor);
      }
    });
    svg.addEventListener("focus", function () {
      if (state) moveCursor(cursor, true);
    });
    svg.addEventListener("blur", function () {
      cursorNode.setAttribute("visibility", "hidden");
    });
    svg.addEventListener("mousemove", function (event) {
      if (!state) return;
      var cell = cellAt(event);
      if (cell >= 0) status.textContent = describe(cell);
    });
    svg.addEventListener("click", function (event) {
      if (!state) return;
      var cell = cellAt(event);
      if (cell >= 0) {
        moveCursor(cell, false);
        toggle(cell);
      }
    });

    if (form) {
      var option = form.querySelector("[data-cells-option]");
      if (option) option.hidden = false;
      var amount = form.querySelector("input[name=amount]");
      var area = form.querySelector("[data-amount-area]");
      var price = Number(root.dataset.priceCents);
      var showArea = function () {
        var cents = parseEuros(amount.value);
        area.textContent = cents ? fill(strings.buys, { cm2: cm2(Math.floor((cents * UNITS) / price)) }) : "";
      };
      if (amount && area && price) {
        // Typing an amount chooses "another amount"; only focusing the field does not: a keyboard donor
        // tabs through it on the way from a preset or the chosen squares to the email field.
        amount.addEventListener("input", function () {
          var radio = form.querySelector("input[name=choice][value=amount]");
          if (radio && amount.value.trim()) radio.checked = true;
          showArea();
        });
        showArea();
      }
    }

    refresh(true);
    window.setInterval(refresh, POLL_MS);
    document.addEventListener("visibilitychange", function () {
      refresh(true);
    });
  }

  document.querySelectorAll("[data-donation-ad]").forEach(setup);
})();
