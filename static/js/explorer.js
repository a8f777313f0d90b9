// Symptom explorer: when htmx shows the care card under a box just ticked, bring the card
// into view and read it out through the page's live region. Without JavaScript the server
// puts the cards first on the submitted page instead, so nothing here is needed for safety.
(function () {
  "use strict";
  var waiting = null;

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (box.type === "checkbox" && box.checked && document.getElementById("card-" + box.id)) {
      waiting = "card-" + box.id;
    }
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!waiting) {
      return;
    }
    var slot = document.getElementById(waiting);
    var card = slot && slot.querySelector(".care-card");
    if (!card) {
      return; // this swap came before the one with the card
    }
    waiting = null;
    card.scrollIntoView({ block: "nearest" });
    var announcer = document.getElementById("care-announcer");
    if (announcer) {
      announcer.textContent = "";
      window.setTimeout(function () {
        announcer.textContent = card.textContent.replace(/\s+/g, " ").trim();
      }, 50);
    }
  });
})();
