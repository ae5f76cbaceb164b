// The voting guide and the comparison's compare form. Progressive enhancement: both work without it.
//
// `match` is the same algorithm as elections/matching.py (read its docstring for the rules); the
// tests run both on tests/elections/matching_cases.json, so change them together. In Node this
// file only exports `match`.
//
// Privacy: the guide's answers are political opinions. They are read from the form and matched
// here; nothing is sent, stored (no cookies, no storage) or logged. A share link carries only the
// percentages, in the URL fragment, which browsers never send to a server.
(function () {
  "use strict";

  var ANSWERS = ["agree", "neutral", "disagree"];
  var IMPORTANT_WEIGHT = 2;

  function has(list, item) {
    return (list || []).indexOf(item) !== -1;
  }
  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object || {}, key);
  }

  function points(visitor, party) {
    if (ANSWERS.indexOf(party) === -1) return 1;
    if (visitor === party) return 2;
    if (visitor === "neutral" || party === "neutral") return 1;
    return 0;
  }

  // Whole percent, half up, in integers (as elections/matching.py: Python's round differs).
  function percent(score, maximum) {
    if (!maximum) return null;
    return Math.floor((200 * score + maximum) / (2 * maximum));
  }

  function match(parties, statements, positions, answers, important, dealbreakers) {
    var counted = statements.filter(function (statement) {
      return own(answers, statement) && ANSWERS.indexOf(answers[statement]) !== -1;
    });
    var weights = {};
    var maximum = 0;
    counted.forEach(function (statement) {
      weights[statement] = has(important, statement) ? IMPORTANT_WEIGHT : 1;
      maximum += 2 * weights[statement];
    });
    var rows = parties.map(function (party, order) {
      var given = own(positions, party) ? positions[party] : {};
      var score = 0;
      var broken = [];
      counted.forEach(function (statement) {
        var theirs = own(given, statement) ? given[statement] : undefined;
        score += points(answers[statement], theirs) * weights[statement];
        if (has(dealbreakers, statement) && theirs !== answers[statement]) broken.push(statement);
      });
      return {
        order: order,
        row: {
          party: party,
          score: score,
          maximum: maximum,
          percent: percent(score, maximum),
          rank: 0,
          dealbreakers: broken,
        },
      };
    });
    rows.sort(function (a, b) {
      var aBroke = a.row.dealbreakers.length > 0;
      var bBroke = b.row.dealbreakers.length > 0;
      if (aBroke !== bBroke) return aBroke ? 1 : -1;
      if (a.row.score !== b.row.score) return b.row.score - a.row.score;
      return a.order - b.order;
    });
    var previous = null;
    var rank = 0;
    return rows.map(function (item, index) {
      var key = (item.row.dealbreakers.length > 0) + ":" + item.row.score;
      if (key !== previous) {
        rank = index + 1;
        previous = key;
      }
      item.row.rank = rank;
      return item.row;
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { match: match };
    return;
  }
  if (typeof document === "undefined") return;

  // Compare form: share-friendly ?parties=a,b,c instead of ?parties=a&parties=b (the server
  // redirects the latter too, so this only saves a round trip).
  document.querySelectorAll("[data-compare-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var chosen = Array.from(form.querySelectorAll("input[name=parties]:checked")).map(function (box) {
        return encodeURIComponent(box.value);
      });
      event.preventDefault();
      window.location.assign(form.action.split("?")[0] + (chosen.length ? "?parties=" + chosen.join(",") : ""));
    });
  });

  var form = document.querySelector("[data-voting-guide]");
  var dataNode = document.getElementById("guide-data");
  if (!form || !dataNode) return;
  var guide = JSON.parse(dataNode.textContent);
  var resultSection = document.getElementById("guide-result");

  function fromTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function fill(element, slot, text) {
    element.querySelectorAll('[data-slot="' + slot + '"]').forEach(function (node) {
      node.textContent = text;
    });
  }

  function readAnswers() {
    var answers = {};
    var important = [];
    var dealbreakers = [];
    guide.statements.forEach(function (code) {
      var answer = form.elements["answer-" + code];
      if (answer && ANSWERS.indexOf(answer.value) !== -1) answers[code] = answer.value;
      if (form.elements["important-" + code] && form.elements["important-" + code].checked) important.push(code);
      if (form.elements["dealbreaker-" + code] && form.elements["dealbreaker-" + code].checked) {
        dealbreakers.push(code);
      }
    });
    return { answers: answers, important: important, dealbreakers: dealbreakers };
  }

  function answerRows(party, chosen) {
    var fragment = document.createDocumentFragment();
    guide.statements.forEach(function (code) {
      var row = fromTemplate("result-answer-template");
      var yours = own(chosen.answers, code) ? guide.labels[chosen.answers[code]] : guide.labels.skipped;
      if (has(chosen.important, code)) yours += " (" + guide.labels.important + ")";
      if (has(chosen.dealbreakers, code)) yours += " (" + guide.labels.dealbreaker + ")";
      var theirs = own(guide.positions[party], code)
        ? guide.labels[guide.positions[party][code]]
        : guide.labels.no_answer;
      fill(row, "statement", guide.texts[code]);
      fill(row, "yours", yours);
      fill(row, "theirs", theirs);
      fill(row, "explanation", (guide.explanations[party] || {})[code] || "");
      if (
        own(chosen.answers, code) &&
        own(guide.positions[party], code) &&
        chosen.answers[code] === guide.positions[party][code]
      )
        row.classList.add("same");
      fragment.appendChild(row);
    });
    return fragment;
  }

  function shareLink(ranked) {
    var parts = ranked.map(function (row) {
      return row.party + ":" + row.percent;
    });
    return window.location.origin + window.location.pathname + "#result=" + parts.join(",");
  }

  function showResult(chosen) {
    var ranked = match(
      guide.parties,
      guide.statements,
      guide.positions,
      chosen.answers,
      chosen.important,
      chosen.dealbreakers,
    );
    var list = resultSection.querySelector("[data-result-list]");
    var summary = resultSection.querySelector("[data-result-summary]");
    var share = resultSection.querySelector(".share-result");
    list.textContent = "";
    var answered = Object.keys(chosen.answers).length;
    if (!answered) {
      summary.textContent = document.getElementById("result-none-template").content.textContent;
      share.hidden = true;
    } else {
      summary.textContent = document
        .getElementById("result-summary-template")
        .content.textContent.replace("%(answered)s", answered)
        .replace("%(total)s", guide.statements.length);
      ranked.forEach(function (row) {
        var item = fromTemplate("result-row-template");
        fill(item, "name", guide.names[row.party]);
        fill(item, "name-again", guide.names[row.party]);
        fill(item, "abbreviation", guide.abbreviations[row.party]);
        fill(item, "percent", String(row.percent));
        fill(item, "rank", String(row.rank));
        item.querySelector('[data-slot="swatch"]').style.background = guide.colours[row.party];
        item.querySelector('[data-slot="bar"]').style.width = row.percent + "%";
        if (row.dealbreakers.length) {
          item.classList.add("result--dealbreaker");
          item.querySelector('[data-slot="dealbreaker"]').hidden = false;
          fill(
            item,
            "dealbreaker-list",
            row.dealbreakers
              .map(function (code) {
                return guide.texts[code];
              })
              .join("; "),
          );
        }
        item.querySelector('[data-slot="answers"]').appendChild(answerRows(row.party, chosen));
        list.appendChild(item);
      });
      share.hidden = false;
      resultSection.querySelector("[data-share-link]").value = shareLink(ranked);
    }
    resultSection.hidden = false;
    resultSection.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault(); // the answers never leave this page
    showResult(readAnswers());
  });

  resultSection.querySelector("[data-share-link]").addEventListener("focus", function (event) {
    event.target.select();
  });

  // A shared link: show the percentages it carries, for known parties only.
  var shared = /^#result=([a-z0-9_:,-]{1,500})$/i.exec(window.location.hash);
  if (shared) {
    var section = document.getElementById("shared-result");
    var sharedList = section.querySelector("[data-shared-list]");
    var seen = {};
    shared[1].split(",").forEach(function (part) {
      var pieces = part.split(":");
      var party = pieces[0].toLowerCase();
      var value = parseInt(pieces[1], 10);
      if (!own(guide.names, party) || seen[party] || !(value >= 0 && value <= 100)) return;
      seen[party] = true;
      var item = fromTemplate("shared-row-template");
      fill(item, "name", guide.names[party]);
      fill(item, "percent", String(value));
      sharedList.appendChild(item);
    });
    if (sharedList.children.length) section.hidden = false;
  }
})();
