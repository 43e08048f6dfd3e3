/* Runs before the pane's bundle, as a classic script in ES5, so even Internet Explorer's engine runs it.
   Excel on older Windows builds hosts add-ins in Trident (IE11) or EdgeHTML (old Edge); the pane's bundle
   needs a modern webview (README "Which Excel"). There it shows a plain message instead of a blank pane.
   Served from the page's own origin: the page's CSP ('self') allows it. */
(function () {
  var ua = String((window.navigator && window.navigator.userAgent) || '');
  var oldWebview = /Trident\/|MSIE |Edge\/\d/.test(ua);
  var shown = false;

  function show() {
    if (shown) return;
    shown = true;
    window.TUIJIN_LEGACY = true;
    var root = document.getElementById('root');
    if (!root) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement('div');
    box.id = 'legacy';
    box.setAttribute('role', 'alert');
    box.style.padding = '16px';
    box.style.fontSize = '14px';
    box.style.lineHeight = '1.6';
    var lines = [
      '此版本的 Excel 使用旧版浏览器组件（Internet Explorer 或旧版 Edge），推进表助手无法在其中运行。',
      '请任选其一：安装 Microsoft Edge WebView2 运行时后重新打开 Excel；升级到 Microsoft 365 或 Office 2021 及以上版本；或使用 Excel 网页版。',
      'This Excel uses an old browser component (Internet Explorer or old Edge). Install the Microsoft Edge WebView2 Runtime, use Microsoft 365 or Office 2021 or later, or use Excel on the web.',
    ];
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement('p');
      p.appendChild(document.createTextNode(lines[i]));
      if (i === 2) p.style.color = '#616161';
      box.appendChild(p);
    }
    root.appendChild(box);
  }

  function whenReady(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  if (oldWebview) {
    window.TUIJIN_LEGACY = true;
    whenReady(show);
  }
  // Any other engine too old for the bundle fails to parse it: say the same instead of loading forever.
  var before = window.onerror;
  window.onerror = function (message, source, line, column, error) {
    var text = String(message || '') + ' ' + String((error && error.name) || '');
    if (/SyntaxError|Syntax error|语法错误/i.test(text)) whenReady(show);
    if (typeof before === 'function') return before.apply(this, arguments);
    return false;
  };
})();
