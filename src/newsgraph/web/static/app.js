// newsgraph: a little progressive enhancement, served by the app (the CSP allows no inline
// script). Everything works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.copy-link")) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(window.location.href);
      button.textContent = "Link copied";
    });
  }
  // Escape closes a quote's tooltip by moving focus back to the body.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.activeElement?.classList.contains("quote")) {
      document.activeElement.blur();
    }
  });
});
