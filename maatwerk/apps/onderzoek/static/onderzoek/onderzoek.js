// Onderzoek form: live indication, server-side draft, leave warning, focus on the error summary.
// The live indication replaces the result panel (#indicatie) only; that panel holds no form field, so a
// refresh never replaces the field being typed in, nor its value, focus or caret. Requests are
// debounced; an answer to an older request than the newest is dropped.
(function () {
  "use strict";

  const REKEN_NA_MS = 400;     // refresh the indication this long after the last keystroke or change
  const CONCEPT_NA_MS = 1500;  // keep the draft this long after the last keystroke or change

  function focusOpFoutoverzicht() {
    const overzicht = document.getElementById("foutoverzicht");
    if (!overzicht) { return; }
    overzicht.focus();
    overzicht.addEventListener("click", function (event) {
      const link = event.target.closest("a[href^='#']");
      const doel = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!doel) { return; }
      event.preventDefault();
      for (let d = doel.closest("details"); d; d = d.parentElement.closest("details")) { d.open = true; }
      doel.focus();
      doel.scrollIntoView({block: "center"});
    });
  }

  function start() {
    focusOpFoutoverzicht();
    const form = document.getElementById("onderzoek-formulier");
    if (!form || !form.dataset.indicatieUrl) { return; }
    const paneel = document.getElementById("indicatie");
    const status = document.getElementById("concept-status");
    let gewijzigd = form.dataset.gewijzigd === "ja";
    let verzenden = false;
    let rekenTimer = null;
    let conceptTimer = null;
    let laatste = 0;

    function gegevens() {
      return new FormData(form);  // submit buttons are not part of it: nothing is saved by these requests
    }
    function kop() {
      const token = form.querySelector("input[name=csrfmiddlewaretoken]");
      return {"X-CSRFToken": token ? token.value : "", "X-Requested-With": "fetch"};
    }

    async function reken() {
      const nummer = ++laatste;
      paneel.setAttribute("aria-busy", "true");
      try {
        const antwoord = await fetch(form.dataset.indicatieUrl, {
          method: "POST", body: gegevens(), headers: kop(), credentials: "same-origin",
        });
        const html = await antwoord.text();
        if (nummer !== laatste || !antwoord.ok) { return; }
        const hadFocus = paneel.contains(document.activeElement);
        paneel.innerHTML = html;
        if (typeof maakTabellenBereikbaar === "function") { maakTabellenBereikbaar(paneel); }
        if (hadFocus) { paneel.querySelector(".mw-tabel-wrap")?.focus(); }
        paneel.dispatchEvent(new CustomEvent("onderzoek:ververst", {bubbles: true}));
      } catch (fout) {
        // Network trouble: the panel keeps the last indication; the next change tries again.
      } finally {
        if (nummer === laatste) { paneel.removeAttribute("aria-busy"); }
      }
    }

    async function bewaarConcept() {
      try {
        const antwoord = await fetch(form.dataset.conceptUrl, {
          method: "POST", body: gegevens(), headers: kop(), credentials: "same-origin",
        });
        const uit = await antwoord.json();
        if (status) {
          status.textContent = antwoord.ok
            ? "Concept bewaard om " + uit.bewaard_om + " (nog niet opgeslagen)."
            : (uit.fout || "Het concept is niet bewaard.");
        }
      } catch (fout) {
        if (status) { status.textContent = "Het concept is niet bewaard (geen verbinding)."; }
      }
    }

    function gewijzigdDoor(event) {
      if (!event.target.name || event.target.form !== form) { return; }
      gewijzigd = true;
      clearTimeout(rekenTimer);
      rekenTimer = setTimeout(reken, REKEN_NA_MS);
      clearTimeout(conceptTimer);
      conceptTimer = setTimeout(bewaarConcept, CONCEPT_NA_MS);
    }
    form.addEventListener("input", gewijzigdDoor);
    form.addEventListener("change", gewijzigdDoor);
    form.addEventListener("submit", function () {
      verzenden = true;
      clearTimeout(rekenTimer);
      clearTimeout(conceptTimer);
    });
    window.addEventListener("beforeunload", function (event) {
      if (gewijzigd && !verzenden) {
        event.preventDefault();
        event.returnValue = "";  // the browser asks: leave the page with unsaved changes?
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
