/* casusbeeld download menus (<details class="export-menu">): Escape closes the open menu and gives the focus back
   to its summary; a click elsewhere on the page closes it. No other behaviour, no storage. */
(function () {
  "use strict";
  function openMenus() { return document.querySelectorAll("details.export-menu[open]"); }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var menu = event.target && event.target.closest ? event.target.closest("details.export-menu[open]") : null;
    if (!menu) { return; }
    menu.open = false;
    var summary = menu.querySelector("summary");
    if (summary) { summary.focus(); }
  });
  document.addEventListener("click", function (event) {
    openMenus().forEach(function (menu) {
      if (!menu.contains(event.target)) { menu.open = false; }
    });
  });
})();
