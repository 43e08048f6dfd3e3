'use strict';
// The pieces of the intranet build (webpack.intranet.js, scripts/build-intranet.js): which office.js files go
// next to the pane, how the pages are pointed at them, and the check that nothing points elsewhere.
const fs = require('fs');
const path = require('path');

/** The folder under dist/ that holds the organisation's copy of office.js. */
const OFFICE_DIR = 'office-js';
const OFFICE_DIST = path.join(__dirname, '..', 'node_modules', '@microsoft', 'office-js', 'dist');
const CDN_BASE = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const CDN_HOST = 'appsforoffice.microsoft.com';

/**
 * Whether office.js may load this file (a path relative to the package's dist/, with '/') in Excel. office.js
 * loads, relative to its own URL: the host's script (excel-<platform>-<version>.js; Excel 2013 and plain browsers
 * go through o15apptofilemappingtable.js and the excel*-15 files), the strings for the Office UI language
 * (<locale>/office_strings.js, falling back to en-us), and its telemetry and sign-in helpers. Debug builds,
 * IntelliSense files and the other hosts' scripts stay behind.
 */
function isOfficeRuntimeFile(rel) {
  if (/\.debug\.js$|-vsdoc\.js$|\.d\.ts$/i.test(rel)) return false;
  if (rel === 'office.js' || rel === 'o15apptofilemappingtable.js') return true;
  if (/^excel[a-z0-9.-]*\.js$/.test(rel)) return true;
  if (/^[a-z]{2,3}(-[a-z0-9]+)*\/office_strings\.js$/.test(rel)) return true;
  if (/^(telemetry|ariatelemetry|webauth)\/[^/]+\.js$/.test(rel)) return true;
  // The error page Excel on the web shows for an untrusted add-in; office.js asks for it as AgaveErrorUX/.
  if (/^agaveerrorux\//.test(rel)) return true;
  return false;
}

/** Where a kept file goes under dist/ (office.js asks for the error page with capitals; some servers care). */
function officeTarget(rel) {
  return `${OFFICE_DIR}/${rel.replace(/^agaveerrorux\//, 'AgaveErrorUX/')}`;
}

/** The kept files, relative to the package's dist/. */
function officeFiles(root = OFFICE_DIST) {
  const out = [];
  const walk = (dir, prefix) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), rel + '/');
      else if (isOfficeRuntimeFile(rel)) out.push(rel);
    }
  };
  walk(root, '');
  return out.sort();
}

function parseCsp(content) {
  const out = new Map();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/**
 * A page of the normal build, pointed at the local office.js: the CDN address becomes office-js/…, and the
 * policy allows scripts from this host only. Frames and connections are kept to this host too: in a plain
 * browser office.js would otherwise open a telemetry frame on an outside host a few seconds after loading.
 */
function localiseHtml(html, file = 'page') {
  let out = html.split(CDN_BASE).join(`${OFFICE_DIR}/`);
  let policies = 0;
  out = out.replace(
    /(<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*\bcontent=)("[^"]*"|'[^']*')/gi,
    (_, head, quoted) => {
      policies++;
      const csp = parseCsp(quoted.slice(1, -1));
      csp.set('script-src', ["'self'"]);
      for (const d of ['connect-src', 'frame-src']) if (!csp.has(d)) csp.set(d, ["'self'"]);
      const content = [...csp].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
      return `${head}"${content}"`;
    },
  );
  if (policies === 0) throw new Error(`${file}: no Content-Security-Policy to restrict to this host`);
  if (out.includes(CDN_HOST)) throw new Error(`${file}: still refers to ${CDN_HOST}`);
  return out;
}

/**
 * Problems with a finished intranet build in `dist`: a page or bundle that still names the CDN, a page that
 * loads a script or style from another host, a manifest URL outside `publicUrl`.
 */
function checkIntranetBuild(dist, publicUrl) {
  const problems = [];
  const base = publicUrl.replace(/\/+$/, '');
  for (const f of fs.readdirSync(dist)) {
    if (!/\.(html|js)$/.test(f)) continue;
    const text = fs.readFileSync(path.join(dist, f), 'utf8');
    if (text.includes(CDN_HOST)) problems.push(`${f}: still refers to ${CDN_HOST}`);
    if (f.endsWith('.html')) {
      for (const m of text.matchAll(
        /<(script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
      )) {
        problems.push(`${f}: <${m[1]}> from ${m[2]}`);
      }
    }
  }
  if (!fs.existsSync(path.join(dist, OFFICE_DIR, 'office.js'))) problems.push(`${OFFICE_DIR}/office.js is missing`);
  const manifest = path.join(dist, 'manifest.xml');
  if (fs.existsSync(manifest)) {
    const xml = fs.readFileSync(manifest, 'utf8');
    const urls = [
      ...[...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]),
      ...[...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1].trim()),
    ];
    for (const u of urls) {
      if (u !== base && !u.startsWith(base + '/')) problems.push(`manifest.xml: ${u} is not under ${base}`);
    }
  } else {
    problems.push('manifest.xml is missing');
  }
  return problems;
}

module.exports = {
  OFFICE_DIR,
  OFFICE_DIST,
  CDN_BASE,
  isOfficeRuntimeFile,
  officeTarget,
  officeFiles,
  localiseHtml,
  checkIntranetBuild,
};
