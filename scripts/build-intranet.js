#!/usr/bin/env node
'use strict';
// `TUIJIN_PUBLIC_URL=https://host/path npm run build:intranet [-- --out DIR]`: the add-in for a network that cannot
// reach Microsoft's CDN. Builds webpack.intranet.js into dist/ (or DIR), writes the one-file offline page next
// to it, then checks that no page, bundle or manifest URL points at another host.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

function fail(message) {
  console.error(`build:intranet: ${message}`);
  process.exitCode = 1;
}

function runWebpack(config) {
  const webpack = require('webpack');
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      const info = stats.toJson({ all: false, errors: true, warnings: true });
      for (const w of info.warnings || []) console.warn(`warning: ${w.message}`);
      if (stats.hasErrors()) return reject(new Error((info.errors || []).map((e) => e.message).join('\n')));
      resolve();
    });
  });
}

function dirSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      const s = dirSize(p);
      bytes += s.bytes;
      files += s.files;
    } else {
      bytes += fs.statSync(p).size;
      files++;
    }
  }
  return { bytes, files };
}

async function main(argv) {
  const publicUrl = (process.env.TUIJIN_PUBLIC_URL || '').trim();
  if (!publicUrl) {
    return fail(
      '请设置 TUIJIN_PUBLIC_URL，即 dist/ 将要发布的 https 地址，例如 TUIJIN_PUBLIC_URL=https://oa.example.gov.cn/tuijin npm run build:intranet',
    );
  }
  let url;
  try {
    url = new URL(publicUrl);
  } catch {
    return fail(`TUIJIN_PUBLIC_URL 不是有效的网址：${publicUrl}`);
  }
  // Office loads add-ins over https only.
  if (url.protocol !== 'https:')
    return fail(`TUIJIN_PUBLIC_URL 必须以 https:// 开头（Office 只从 https 加载加载项）：${publicUrl}`);
  const i = argv.indexOf('--out');
  const out = path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : path.join(root, 'dist'));

  const config = require(path.join(root, 'webpack.intranet.js'))({}, { mode: 'production' });
  config.output.path = out;
  console.log(`build:intranet: building for ${publicUrl} into ${path.relative(process.cwd(), out) || '.'}…`);
  await runWebpack(config);

  const { inline } = require('./inline.js');
  const page = inline(out);
  const { checkIntranetBuild, OFFICE_DIR } = require('./intranet.js');
  const problems = checkIntranetBuild(out, publicUrl);
  if (problems.length) return fail(`the build refers to other hosts:\n  ${problems.join('\n  ')}`);

  const all = dirSize(out);
  const office = dirSize(path.join(out, OFFICE_DIR));
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  console.log(
    [
      `build:intranet: done. ${all.files} files, ${mb(all.bytes)} MB (office.js and its files: ${office.files}, ${mb(office.bytes)} MB).`,
      `  Serve ${path.relative(process.cwd(), out) || '.'}/ at ${publicUrl.replace(/\/+$/, '')}/ over https, then register manifest.xml (README: 部署).`,
      `  Check: ${publicUrl.replace(/\/+$/, '')}/taskpane.html opens in a browser on the intranet and says 文件模式.`,
      `  Offline page: tuijin.html, ${mb(page.bytes)} MB.`,
    ].join('\n'),
  );
}

main(process.argv.slice(2)).catch((e) => fail(e && e.message ? e.message : String(e)));
