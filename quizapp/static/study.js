// Flashcard study, enhanced: space (or Enter) shows the answer, 1-4 rate the card, and a
// rating loads the next card in place. Without this script the same page works with
// plain links and forms.
(function () {
  "use strict";
  var busy = false;

  function part(selector) { return document.querySelector(selector); }

  function revealed() {
    var back = part("[data-back]");
    return back && !back.hidden;
  }

  function reveal() {
    var back = part("[data-back]");
    var ratings = part("[data-ratings]");
    if (!back || !ratings) return;
    back.hidden = false;
    ratings.hidden = false;
    var row = part("[data-reveal-row]");
    if (row) row.remove();
    var good = ratings.querySelector('button[value="3"]');
    if (good) good.focus();
  }

  function swap(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var next = doc.querySelector("main");
    var main = part("main");
    if (!next || !main) { window.location.assign(url); return; }
    main.replaceWith(next);
    document.title = doc.title;
    if (url && url !== window.location.href) window.history.replaceState(null, "", url);
    var button = part("[data-reveal]");
    if (button) button.focus();
  }

  function rate(form, value) {
    if (busy) return;
    busy = true;
    var data = new FormData(form);
    data.set("rating", value);
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.text().then(function (html) { swap(html, response.url); });
      })
      .catch(function () {
        // fall back to a plain form post, which shows the server's message
        var input = document.createElement("input");
        input.type = "hidden"; input.name = "rating"; input.value = value;
        form.appendChild(input);
        form.submit();
      })
      .finally(function () { busy = false; });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-reveal]");
    if (link) { event.preventDefault(); reveal(); }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-ratings]");
    if (!form || !event.submitter) return;
    event.preventDefault();
    rate(form, event.submitter.value);
  });

  document.addEventListener("keydown", function (event) {
    if (!part("[data-study]")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select")) return;
    if ((event.key === " " || event.key === "Enter") && !revealed() && part("[data-reveal]")) {
      event.preventDefault();
      reveal();
    } else if ("1234".indexOf(event.key) >= 0 && event.key.length === 1 && revealed()) {
      var form = part("[data-ratings]");
      if (form) { event.preventDefault(); rate(form, event.key); }
    }
  });

  // Settings: offer the browser's own time zone.
  var zone = part("[data-browser-zone]");
  if (zone && window.Intl) {
    var mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (mine && zone.value !== mine && zone.querySelector('option[value="' + mine + '"]')) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "link";
      button.textContent = "Use this device's time zone (" + mine + ")";
      button.addEventListener("click", function () { zone.value = mine; });
      zone.insertAdjacentElement("afterend", button);
    }
  }
})();
