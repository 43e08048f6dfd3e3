#!/usr/bin/env node
'use strict';
// `npm stop`: undoes `npm start`: removes the sideloaded add-in (where it was sideloaded) and stops the
// background server whose pid `npm start` recorded.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { STATE, readState, alive } = require('./start.js');

const root = path.join(__dirname, '..');

function waitGone(pid, ms) {
  const until = Date.now() + ms;
  while (alive(pid) && Date.now() < until) spawnSync(process.execPath, ['-e', 'setTimeout(()=>{},100)']);
  return !alive(pid);
}

/** On Linux, make sure the pid is still our server and not a reused number. */
function isOurs(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start.js');
  } catch {
    return process.platform !== 'linux';
  }
}

function main() {
  const state = readState();
  if (!state) {
    console.log('推进表助手: nothing to stop (no server recorded by `npm start`).');
    return;
  }
  if (state.sideloaded) {
    const cmd = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const r = spawnSync(cmd, ['office-addin-debugging', 'stop', 'manifest.xml', 'desktop'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (r.status !== 0)
      console.log('推进表助手: could not unregister the sideloaded add-in; remove it in Excel by hand.');
  }
  if (alive(state.pid) && isOurs(state.pid)) {
    try {
      process.kill(state.pid, 'SIGTERM');
    } catch (e) {
      console.error(`npm stop: could not stop pid ${state.pid}: ${e.message}`);
      process.exitCode = 1;
      return;
    }
    if (!waitGone(state.pid, 5000)) {
      console.error(`npm stop: pid ${state.pid} did not exit; stop it by hand.`);
      process.exitCode = 1;
      return;
    }
  }
  fs.rmSync(STATE, { force: true });
  console.log(
    `推进表助手: stopped the server (pid ${state.pid})${state.sideloaded ? ' and removed the sideloaded add-in' : ''}.`,
  );
}

main();
