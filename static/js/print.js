// Print buttons: shown only when JavaScript runs (without it, the page says to use the browser's Print).
document.querySelectorAll("[data-print-button]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
