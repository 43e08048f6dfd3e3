#!/usr/bin/env node
'use strict';
// Size budget: gzipped JS the task pane needs for first paint (the scripts taskpane.html loads itself).
// Everything else the pane loads later (ExcelJS, the core) is reported as lazy. The one-file offline page
// (dist/tuijin.html, everything inlined) has a budget of its own: it travels as an e-mail attachment.
// Exits 1 over budget.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BUDGET_KB = 120;
/** dist/tuijin.html, uncompressed (mail gateways count attachments as they are). */
const OFFLINE_BUDGET_KB = 2560;

const OFFLINE_PAGE = 'tuijin.html';

const gzipKb = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;

/** Local script files an HTML page loads by itself (not the office.js CDN). */
function scriptsOf(htmlFile) {
  const html = fs.readFileSync(htmlFile, 'utf8');
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)) {
    const src = m[1] ?? m[2];
    if (!/^[a-z]+:\/\//i.test(src)) out.push(src.replace(/^\//, ''));
  }
  return out;
}

function main(dist = path.join(__dirname, '..', 'dist')) {
  const pane = path.join(dist, 'taskpane.html');
  if (!fs.existsSync(pane)) {
    console.error('size: dist/taskpane.html not found; run `npm run build` first');
    return 2;
  }
  const first = scriptsOf(pane);
  const otherEntries = new Set(
    fs
      .readdirSync(dist)
      .filter((f) => f.endsWith('.html') && f !== 'taskpane.html' && f !== OFFLINE_PAGE)
      .flatMap((f) => scriptsOf(path.join(dist, f))),
  );
  const firstKb = first.reduce((sum, f) => sum + gzipKb(path.join(dist, f)), 0);
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !first.includes(f) && !otherEntries.has(f))
    .map((f) => ({ f, kb: gzipKb(path.join(dist, f)) }))
    .sort((a, b) => b.kb - a.kb);
  const lazyKb = lazy.reduce((sum, x) => sum + x.kb, 0);

  console.log(`first paint (taskpane.html scripts): ${firstKb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
  for (const f of first) console.log(`  ${f}  ${gzipKb(path.join(dist, f)).toFixed(1)} KB`);
  console.log(`lazy chunks: ${lazyKb.toFixed(1)} KB gzipped`);
  for (const { f, kb } of lazy) console.log(`  ${f}  ${kb.toFixed(1)} KB`);
  const maps = fs.readdirSync(dist).filter((f) => f.endsWith('.map'));
  if (maps.length) {
    console.error(`size: source maps must not ship in the production build: ${maps.join(', ')}`);
    return 1;
  }
  if (firstKb > BUDGET_KB) {
    console.error(`size: first paint is ${firstKb.toFixed(1)} KB, over the ${BUDGET_KB} KB budget`);
    return 1;
  }
  return offlinePage(dist);
}

/** The one-file page: its size, and that it loads nothing by address. 0 when fine or not built. */
function offlinePage(dist) {
  const file = path.join(dist, OFFLINE_PAGE);
  if (!fs.existsSync(file)) {
    console.log(`offline page: ${OFFLINE_PAGE} not built`);
    return 0;
  }
  const kb = fs.statSync(file).size / 1024;
  console.log(
    `offline page (${OFFLINE_PAGE}): ${kb.toFixed(0)} KB (budget ${OFFLINE_BUDGET_KB} KB), ${gzipKb(file).toFixed(0)} KB gzipped`,
  );
  const loads = scriptsOf(file);
  if (loads.length) {
    console.error(`size: ${OFFLINE_PAGE} must be one file, but loads ${loads.join(', ')}`);
    return 1;
  }
  if (kb > OFFLINE_BUDGET_KB) {
    console.error(`size: ${OFFLINE_PAGE} is ${kb.toFixed(0)} KB, over the ${OFFLINE_BUDGET_KB} KB budget`);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv[2]);
module.exports = { main, BUDGET_KB, OFFLINE_BUDGET_KB };
