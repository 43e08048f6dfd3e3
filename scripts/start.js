#!/usr/bin/env node
'use strict';
// `npm start`: build, serve dist/ on port 3000 in the background, and
//  - where Excel desktop exists (Windows, macOS): serve over HTTPS with the Office dev certificate and
//    sideload manifest.xml into Excel (office-addin-debugging);
//  - elsewhere (Linux): serve over plain http as a standalone page and print how to sideload into
//    Excel on the web.
// `npm stop` (scripts/stop.js) undoes it. TUIJIN_START=web forces the standalone page; PORT changes the port
// (the manifest expects 3000).
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const PORT = process.env.PORT ? Number(process.env.PORT) : 3000;
/** Where the background server's pid is recorded for `npm stop`. */
const STATE = path.join(os.tmpdir(), `tuijin-dev-${Buffer.from(root).toString('hex').slice(-16)}.json`);

function hasExcelDesktop() {
  if (process.env.TUIJIN_START === 'web') return false;
  if (process.env.TUIJIN_START === 'desktop') return true;
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (process.platform === 'win32') {
    const dirs = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
    return dirs.some((d) =>
      ['Microsoft Office\\root\\Office16\\EXCEL.EXE', 'Microsoft Office\\Office16\\EXCEL.EXE'].some((f) =>
        fs.existsSync(path.join(d, f)),
      ),
    );
  }
  return false;
}

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE, 'utf8'));
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function npx(args, opts = {}) {
  const cmd = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...opts });
}

function build() {
  console.log('推进表助手: building the pane (webpack, development mode)…');
  const r = npx(['webpack', '--mode', 'development']);
  if (r.status !== 0) throw new Error('the build failed (see above)');
}

/** Child mode: run the static server in this process until killed. */
async function serveForever(https) {
  const serve = require('./serve.js');
  const options = { port: PORT, root: path.join(root, 'dist') };
  if (https) {
    // Installs the Office dev CA on first use (asks for permission on Windows/macOS).
    const certs = require('office-addin-dev-certs');
    options.https = await certs.getHttpsServerOptions();
  }
  const server = await serve.start(options);
  if (https && !server.url.startsWith('https:')) {
    await server.close();
    throw new Error('scripts/serve.js does not support https yet (start({ https }) is needed for Excel desktop)');
  }
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Starts the server detached, waits until it answers, records its pid. */
async function startServer(https) {
  const prev = readState();
  if (prev && alive(prev.pid)) {
    console.log(
      `推进表助手: a server from an earlier \`npm start\` is still running (pid ${prev.pid}); run \`npm stop\` first.`,
    );
    return prev;
  }
  const log = path.join(os.tmpdir(), 'tuijin-dev-server.log');
  const out = fs.openSync(log, 'a');
  const child = spawn(process.execPath, [__filename, https ? '--serve-https' : '--serve'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, PORT: String(PORT) },
  });
  child.unref();
  const scheme = https ? 'https' : 'http';
  const url = `${scheme}://localhost:${PORT}/taskpane.html`;
  const ok = await waitForPort(PORT, 15000, child.pid);
  if (!ok) {
    try {
      process.kill(child.pid);
    } catch {
      // already gone
    }
    throw new Error(`the server did not start; see ${log}`);
  }
  const state = { pid: child.pid, url, https, sideloaded: false, startedAt: new Date().toISOString() };
  fs.writeFileSync(STATE, JSON.stringify(state, null, 2));
  return state;
}

function waitForPort(port, ms, pid) {
  const net = require('net');
  const until = Date.now() + ms;
  return new Promise((resolve) => {
    const tryOnce = () => {
      if (!alive(pid)) return resolve(false);
      const s = net.connect(port, 'localhost');
      s.once('connect', () => {
        s.end();
        resolve(true);
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) resolve(false);
        else setTimeout(tryOnce, 200);
      });
    };
    tryOnce();
  });
}

function webInstructions(url) {
  return [
    '',
    `推进表助手 is being served at ${url}`,
    '  · Open it in a browser to use the pane on files (新建/校验/填报/打印 without Excel).',
    '',
    'To sideload into Excel on the web (needs HTTPS reachable from your browser):',
    '  1. Build with the public address: TUIJIN_PUBLIC_URL=https://your-host npm run build, and serve dist/ there',
    '     (or run `npm start` on a Windows/Mac machine for https://localhost:3000).',
    '  2. Open a workbook at https://www.office.com → Excel, then 开始/Home → 加载项/Add-ins → 更多加载项/More Add-ins',
    '     → 我的加载项/My Add-ins → 上传我的加载项/Upload My Add-in, and choose dist/manifest.xml.',
    '  3. The 推进表 group appears on the Home tab: 打开助手 opens the pane, 校验 checks without it.',
    '',
    'Stop with `npm stop`.',
  ].join('\n');
}

async function main() {
  const arg = process.argv[2];
  if (arg === '--serve' || arg === '--serve-https') return serveForever(arg === '--serve-https');

  const desktop = hasExcelDesktop();
  build();
  if (!desktop) {
    const state = await startServer(false);
    console.log(webInstructions(state.url));
    return;
  }
  const state = await startServer(true);
  console.log(`推进表助手: serving ${state.url}; sideloading into Excel…`);
  const r = npx([
    'office-addin-debugging',
    'start',
    'manifest.xml',
    'desktop',
    '--app',
    'excel',
    '--no-debug',
    '--no-live-reload',
  ]);
  if (r.status === 0) {
    fs.writeFileSync(STATE, JSON.stringify({ ...state, sideloaded: true }, null, 2));
    console.log('推进表助手: Excel should open with the add-in (Home tab → 推进表). Stop with `npm stop`.');
  } else {
    console.log('Sideloading failed; you can still add manifest.xml by hand (Insert → Add-ins → Upload My Add-in).');
    console.log(webInstructions(state.url));
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`npm start: ${e.message}`);
    process.exitCode = 1;
  });
}

module.exports = { STATE, hasExcelDesktop, readState, alive };
