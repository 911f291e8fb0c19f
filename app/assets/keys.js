/* casusbeeld: arrow keys, and PageDown / PageUp (what a presentation clicker sends), step through story mode by
   clicking its buttons (no other behaviour, no storage). A focused switch or radio choice (the wall, the
   language) does not take the arrows while the story is on. */
(function () {
  "use strict";
  function typing(el) {
    if (!el) { return false; }
    var tag = (el.tagName || "").toLowerCase();
    var type = (el.getAttribute("type") || "text").toLowerCase();
    var keysFree = type === "checkbox" || type === "radio" || type === "button" || type === "submit";
    return (tag === "input" && !keysFree) || tag === "textarea" || tag === "select" || el.isContentEditable ||
      el.getAttribute("role") === "slider" || el.getAttribute("role") === "combobox";
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var forward = event.key === "ArrowRight" || event.key === "PageDown";
    if (!forward && event.key !== "ArrowLeft" && event.key !== "PageUp") { return; }
    var bar = document.getElementById("story-bar");
    if (!bar || bar.hidden || typing(document.activeElement)) { return; }
    var button = document.getElementById(forward ? "story-next" : "story-prev");
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });
  /* Escape closes a selection's details (the drawer on a laptop screen or the wall) as its × does, unless a dialog
     is open or the key goes to a field. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var close = document.getElementById("details-close");
    if (!close || close.hidden || document.querySelector(".modal.show") || typing(event.target)) { return; }
    event.preventDefault();
    close.click();
  });
})();

/* The "open file" control is a div inside dcc.Upload: let Enter and Space open the file dialog too. */
document.addEventListener("keydown", function (event) {
  "use strict";
  var target = event.target;
  if (!target || target.id !== "upload-button" || (event.key !== "Enter" && event.key !== " ")) { return; }
  var input = document.querySelector("#upload input[type=file]");
  if (input) {
    event.preventDefault();
    input.click();
  }
});

/* Edit mode: Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes (by clicking the toolbar buttons), unless typing. */
document.addEventListener("keydown", function (event) {
  "use strict";
  if (!(event.ctrlKey || event.metaKey) || event.altKey) { return; }
  var key = (event.key || "").toLowerCase();
  var redo = key === "y" || (key === "z" && event.shiftKey);
  if (key !== "z" && !redo) { return; }
  var toolbar = document.getElementById("edit-toolbar");
  var target = event.target;
  var tag = target && (target.tagName || "").toLowerCase();
  if (!toolbar || toolbar.hidden || tag === "input" || tag === "textarea" || (target && target.isContentEditable) ||
      document.querySelector(".modal.show")) { return; }
  var button = document.getElementById(redo ? "edit-redo" : "edit-undo");
  if (button && !button.disabled) {
    event.preventDefault();
    button.click();
  }
});
