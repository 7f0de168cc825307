// maatwerk: small progressive enhancements. No inline script anywhere (CSP: script-src 'self').
document.addEventListener("htmx:configRequest", function (event) {
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
});

// Scrollable table wrappers must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable).
function maakTabellenBereikbaar(root) {
  root.querySelectorAll(".mw-tabel-wrap:not([tabindex])").forEach(function (wrap) {
    const caption = wrap.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Tabel");
  });
}
document.addEventListener("DOMContentLoaded", function () { maakTabellenBereikbaar(document); });
document.addEventListener("htmx:afterSwap", function (event) { maakTabellenBereikbaar(event.target); });
