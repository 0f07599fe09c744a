/* Double submit (issue 12 item 9): a form that posts is sent once. The first submit marks the form and
   disables its buttons just after the browser has taken the form data (so the clicked button's own
   name/value still goes along); a second submit of a marked form is cancelled. The server refuses a
   second POST too (a one-time token, inburgering.formulierpagina); this only spares the wait.
   While it waits, the clicked button reads "Bezig…" (issue 19 item 6, see bezigTonen).
   htmx forms (the live search) are left alone. An external file: no inline script (CSP). */
(function () {
  "use strict";

  function isHtmx(form) {
    return form.hasAttribute("hx-post") || form.hasAttribute("hx-get") || form.hasAttribute("hx-boost");
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post" || isHtmx(form)) {
      return;
    }
    if (form.dataset.verstuurd === "ja") {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    form.dataset.verstuurd = "ja";
    form.setAttribute("aria-busy", "true");
    var knop = event.submitter;
    window.setTimeout(function () {
      zetKnoppen(form, true);
      bezigTonen(form, knop);
    }, 0);
    // A POST that answers with a download stays on the page: the form is usable again after a while.
    window.setTimeout(function () {
      vrijgeven(form);
    }, 15000);
  });

  function zetKnoppen(form, uit) {
    form.querySelectorAll("button, input[type=submit]").forEach(function (knop) {
      knop.disabled = uit;
    });
  }

  // Busy state (issue 19 item 6): a long action (vaststellen renders a PDF) says it is working. The clicked
  // button reads "Bezig…" (the text comes from the page, `data-bezig` on <body>, so it is translated) and a
  // status message is announced once; both go back when the form is released.
  function bezigTonen(form, knop) {
    var tekst = document.body.dataset.bezig || "Bezig…";
    if (knop instanceof HTMLButtonElement && form.contains(knop)) {
      knop.dataset.tekst = knop.innerHTML;
      knop.style.minInlineSize = knop.offsetWidth + "px";
      knop.textContent = tekst;
    }
    var melding = document.createElement("p");
    melding.className = "visueel-verborgen formulier-bezig";
    melding.setAttribute("role", "status");
    form.appendChild(melding);
    window.setTimeout(function () {
      melding.textContent = tekst;
    }, 50);
  }

  function vrijgeven(form) {
    delete form.dataset.verstuurd;
    form.removeAttribute("aria-busy");
    zetKnoppen(form, false);
    form.querySelectorAll("button[data-tekst]").forEach(function (knop) {
      knop.innerHTML = knop.dataset.tekst;
      knop.style.minInlineSize = "";
      delete knop.dataset.tekst;
    });
    form.querySelectorAll(".formulier-bezig").forEach(function (melding) {
      melding.remove();
    });
  }

  // Back from the next page (bfcache): the form may be used again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll("form[data-verstuurd]").forEach(vrijgeven);
  });
})();
