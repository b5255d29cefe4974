/* The demo page's embedding sample, filled in with this server's own address as the
 * browser reached it (behind a proxy, that is the address a portal must use too). */
(function () {
  "use strict";
  var code = document.getElementById("kba-embed");
  if (!code) return;
  var base = new URL(".", location.href).href.replace(/\/+$/, "");
  code.textContent =
    '<script src="' + base + '/widget.js" data-kb-url="' + base + '" defer></script>\n' +
    '<div id="kb-answer"></div>';
})();
