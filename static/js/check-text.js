// "Check a text": htmx leaves an error answer (400: the box is empty or the text too long)
// unswapped by default; show its message in the results region, as the page without
// JavaScript does. Nothing else here: the page works without this file.
(function () {
  "use strict";
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (event.detail.xhr.status === 400 && target && target.id === "check-results") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
