// maatwerk: small progressive enhancements. No inline script anywhere (CSP: script-src 'self').
document.addEventListener("htmx:configRequest", function (event) {
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) { event.detail.headers["X-CSRFToken"] = token.value; }
});
