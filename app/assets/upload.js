/* casusbeeld: a file too large to open is said so at once (the upload component drops it without a word).
   The limit and the message come from the page (#upload-too-large, in the page's language). */
document.addEventListener("change", function (event) {
  var input = event.target;
  if (!input || input.type !== "file" || !input.closest || !input.closest("#upload")) { return; }
  var note = document.getElementById("upload-too-large");
  if (!note) { return; }
  var limit = Number(note.getAttribute("data-limit")) || 0;
  var file = input.files && input.files[0];
  note.hidden = !(file && limit && file.size > limit);
}, true);
