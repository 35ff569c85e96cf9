// The review queue, enhanced: j (or n) and k (or p) move between drafts, a approves, r
// rejects, e edits and x selects the current draft. An action is the draft's own button,
// a plain form post that comes back to the same page and filters, at the next draft.
// Without this script the page works the same with the buttons and links.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-review-item]"));
  if (!items.length) return;
  var help = document.querySelector("[data-shortcuts]");
  if (help) help.hidden = false;
  var current = -1;

  function select(index, scroll) {
    if (index < 0 || index >= items.length) return;
    if (current >= 0) items[current].classList.remove("current");
    current = index;
    var item = items[current];
    item.classList.add("current");
    item.focus({ preventScroll: true });
    if (scroll !== false) item.scrollIntoView({ block: "center" });
  }

  function press(action) {
    if (current < 0) return false;
    var control = items[current].querySelector('[data-action="' + action + '"]');
    if (!control) return false;
    control.click();
    return true;
  }

  function page(rel) {
    var link = document.querySelector('.pager a[rel="' + rel + '"]');
    if (link) window.location.assign(link.href);
  }

  // the place the server sent us back to (#id of the next draft), else the first draft
  var start = 0;
  if (window.location.hash) {
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var found = items.indexOf(target);
    if (found >= 0) start = found;
  }
  select(start, start > 0);

  document.addEventListener("click", function (event) {
    var item = event.target.closest("[data-review-item]");
    if (item) select(items.indexOf(item), false);
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, button, a")) {
      if (!event.target.closest("[data-review-item]")) return;
      if (event.target.closest("input, textarea, select")) return;
    }
    var key = event.key;
    var handled = true;
    if (key === "j" || key === "n") {
      if (current < items.length - 1) select(current + 1); else page("next");
    } else if (key === "k" || key === "p") {
      if (current > 0) select(current - 1); else page("prev");
    } else if (key === "a") {
      handled = press("approved");
    } else if (key === "r") {
      handled = press("rejected");
    } else if (key === "e") {
      handled = press("edit");
    } else if (key === "x") {
      var box = current >= 0 && items[current].querySelector('input[type="checkbox"]');
      if (box) box.checked = !box.checked; else handled = false;
    } else {
      handled = false;
    }
    if (handled) event.preventDefault();
  });
})();
