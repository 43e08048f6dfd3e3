#!/usr/bin/env node
'use strict';
// The one-file offline page: dist/tuijin.html, made from the built pane (dist/taskpane.html and every chunk it
// can load) with all scripts inlined. Opened from disk or an e-mail attachment it does the file jobs with no
// server and no network: its policy allows only its own inline scripts (by hash) and forbids every request.
// `node scripts/inline.js [DIST]` (run by `npm run build` after webpack).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const OUT_NAME = 'tuijin.html';
const NOTICE = '离线版：文件只在本机处理';
/** Must match OFFLINE_ATTRIBUTE in src/apps/taskpane/officeSource.ts: the pane then skips office.js. */
const OFFLINE_ATTRIBUTE = 'data-tuijin-offline';

const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
};

/** Local scripts an HTML page loads itself, in order. */
function scriptSources(html) {
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], 'src');
    if (src && !/^[a-z]+:/i.test(src) && !src.startsWith('//')) out.push(src.replace(/^\.?\//, ''));
  }
  return out;
}

/** Script text that can sit inside <script>…</script> unchanged in meaning. */
function scriptBody(name, js) {
  // In strings, template literals and comments (the only places minified code can hold it) "<\/" means "</".
  let text = js.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(text))
    throw new Error(`${name}: contains "<!--", which would change how the page parses the inlined script`);
  // The HTML parser turns CR LF into LF before the policy hashes the text; keep the two the same.
  text = text.replace(/\r\n?/g, '\n');
  return text;
}

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The offline page's policy: its inline scripts by hash, inline styles (Fluent adds them at run time), nothing fetched. */
function offlineCsp(hashes) {
  return [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The one-file page from the built pane's HTML and the text of its scripts (lazy chunks first, then the entry:
 * webpack's runtime takes up chunks pushed before it started, so none is fetched later).
 */
function buildOfflineHtml(paneHtml, scripts, licenses = []) {
  const bodies = scripts.map((s) => ({ name: s.name, text: scriptBody(s.name, s.text) }));
  const csp = offlineCsp(bodies.map((b) => sha256(b.text)));
  let html = paneHtml;
  const count = (re) => (html.match(re) || []).length;
  if (count(/<body\b[^>]*>/i) !== 1 || count(/<\/body>/i) !== 1 || count(/<html\b[^>]*>/i) !== 1) {
    throw new Error('taskpane.html: expected one <html> and one <body>');
  }
  // Out: the hosted page's policy, preloads and external scripts. In: the offline policy and marker.
  html = html.replace(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi, '');
  html = html.replace(/<link\b[^>]*>/gi, (tag) =>
    /^(preload|modulepreload|prefetch|preconnect|dns-prefetch)$/i.test(attr(tag, 'rel') || '') ? '' : tag,
  );
  html = html.replace(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>/gi, '');
  html = html.replace(/<html\b/i, `<html ${OFFLINE_ATTRIBUTE}`);
  // After <meta charset> (which must stay in the first 1024 bytes), before any script.
  const policy = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
  if (/<meta\b[^>]*\bcharset=[^>]*>/i.test(html))
    html = html.replace(/<meta\b[^>]*\bcharset=[^>]*>/i, (m) => m + policy);
  else html = html.replace(/<head\b[^>]*>/i, (head) => `${head}<meta charset="utf-8">${policy}`);
  html = html.replace(/<title>[^<]*<\/title>/i, '<title>推进表助手（离线版）</title>');
  html = html.replace(
    /<body\b[^>]*>/i,
    (body) =>
      `${body}<p data-testid="offline-notice" style="margin:0;padding:6px 16px;font-size:13px;color:#424242;background:#f5f5f5;border-bottom:1px solid #e0e0e0">${NOTICE}</p>`,
  );
  const inline = bodies.map((b) => `<script>${b.text}</script>`).join('\n');
  html = html.replace(/<\/body>/i, () => `${inline}\n</body>`);
  if (licenses.length) {
    const text = licenses
      .map((l) => `${l.name}:\n${l.text.trim()}`)
      .join('\n\n')
      .replace(/--(!?)>/g, '- -$1>');
    html = html.replace(/<\/html>\s*$/i, () => `<!-- Licences of the bundled packages\n${text}\n--></html>`);
  }
  // Nothing in the page may point anywhere: no src or href left on scripts, links, images or frames.
  const outside = html.match(/<(script|link|img|iframe|frame|embed|object|source|base)\b[^>]*\b(src|href|data)=/i);
  if (outside) throw new Error(`tuijin.html: still refers to an outside resource: ${outside[0]}`);
  return { html, csp, hashes: bodies.length };
}

/** Every .js at the top of dist that no HTML page loads itself: the lazy chunks. */
function lazyChunks(dist) {
  const pages = fs.readdirSync(dist).filter((f) => f.endsWith('.html') && f !== OUT_NAME);
  const entries = new Set(pages.flatMap((p) => scriptSources(fs.readFileSync(path.join(dist, p), 'utf8'))));
  return fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !entries.has(f))
    .sort();
}

/** Writes dist/tuijin.html; returns its path and sizes. */
function inline(dist = path.join(__dirname, '..', 'dist')) {
  const pane = path.join(dist, 'taskpane.html');
  if (!fs.existsSync(pane)) throw new Error(`${pane} not found: run the webpack build first`);
  const paneHtml = fs.readFileSync(pane, 'utf8');
  const entry = scriptSources(paneHtml);
  if (entry.length === 0) throw new Error('taskpane.html loads no local script');
  const names = [...lazyChunks(dist), ...entry];
  const scripts = names.map((name) => {
    const file = path.join(dist, name);
    if (!fs.existsSync(file)) throw new Error(`taskpane.html loads ${name}, which is not in ${dist}`);
    return { name, text: fs.readFileSync(file, 'utf8') };
  });
  const licenses = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.LICENSE.txt') && names.includes(f.replace(/\.LICENSE\.txt$/, '')))
    .sort()
    .map((f) => ({ name: f.replace(/\.LICENSE\.txt$/, ''), text: fs.readFileSync(path.join(dist, f), 'utf8') }));
  const { html } = buildOfflineHtml(paneHtml, scripts, licenses);
  const out = path.join(dist, OUT_NAME);
  fs.writeFileSync(out, html);
  const bytes = Buffer.byteLength(html);
  return { file: out, bytes, gzipBytes: zlib.gzipSync(html, { level: 9 }).length, scripts: names.length };
}

module.exports = { inline, buildOfflineHtml, scriptSources, lazyChunks, NOTICE, OFFLINE_ATTRIBUTE, OUT_NAME };

if (require.main === module) {
  try {
    const r = inline(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
    const mb = (r.bytes / 1024 / 1024).toFixed(2);
    console.log(
      `offline page: ${path.relative(process.cwd(), r.file)}  ${mb} MB (${(r.gzipBytes / 1024).toFixed(0)} KB gzipped), ${r.scripts} scripts inlined`,
    );
  } catch (e) {
    console.error(`inline: ${e.message}`);
    process.exitCode = 1;
  }
}
