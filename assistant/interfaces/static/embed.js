/* The 科创中国榜单问答 chat widget: <script src="https://SERVER/embed.js" defer></script> adds a
   chat bubble that opens the chat-only page /embed of the same server in a frame.
   Optional attributes on the script tag: data-title (the bubble's label), data-position ("left"). */
(function () {
  "use strict";
  if (window.__kczgWidget) return;
  window.__kczgWidget = true;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var root = script.src.replace(/embed\.js(\?.*)?$/, "");
  var origin = new URL(root).origin;
  var title = script.getAttribute("data-title") || "榜单通知问答";
  var side = script.getAttribute("data-position") === "left" ? "left" : "right";

  var style = document.createElement("style");
  style.textContent =
    "#kczg-bubble{position:fixed;bottom:20px;" + side + ":20px;z-index:2147483000;border:0;border-radius:28px;" +
    "padding:0 18px;height:56px;background:#1f6feb;color:#fff;font:15px/56px system-ui,sans-serif;cursor:pointer;" +
    "box-shadow:0 4px 14px rgba(0,0,0,.25)}" +
    "#kczg-frame{box-sizing:border-box;position:fixed;bottom:88px;" + side + ":20px;z-index:2147483000;width:380px;height:600px;" +
    "max-height:calc(100vh - 108px);border:1px solid #d0d7de;border-radius:12px;background:#fff;" +
    "box-shadow:0 8px 28px rgba(0,0,0,.25)}" +
    "#kczg-frame[hidden]{display:none}" +
    "@media (max-width:480px){#kczg-frame{left:0;right:0;top:0;bottom:0;width:100%;height:100%;max-height:none;" +
    "border-radius:0;border:0}#kczg-frame:not([hidden])+#kczg-bubble,#kczg-bubble.kczg-open{display:none}}";
  document.head.appendChild(style);

  var frame = document.createElement("iframe");
  frame.id = "kczg-frame";
  frame.title = title;
  frame.hidden = true;
  frame.setAttribute("allow", "clipboard-write");
  var button = document.createElement("button");
  button.id = "kczg-bubble";
  button.type = "button";
  button.textContent = title;
  button.setAttribute("aria-expanded", "false");

  function toggle(open) {
    if (open && !frame.src) frame.src = root + "embed";
    frame.hidden = !open;
    button.classList.toggle("kczg-open", open);
    button.setAttribute("aria-expanded", String(open));
  }
  button.addEventListener("click", function () { toggle(frame.hidden); });
  window.addEventListener("message", function (e) {
    if (e.origin === origin && e.data === "kczg:close") toggle(false);
  });
  document.body.appendChild(frame);
  document.body.appendChild(button);
})();
