// scripts/serve.js under malformed requests any web page (or a raw socket) can send: each gets a 400 or 404,
// the server keeps serving, and the files it serves are unchanged.
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { snapshot, tmpDir } from './forms-fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/serve.js is CommonJS
const serve = require('../../scripts/serve.js') as {
  start(o: { port: number; root: string }): Promise<{ url: string; port: number; close(): Promise<void> }>;
};

const root = tmpDir('hostile-serve');
fs.writeFileSync(path.join(root, 'taskpane.html'), '<p>pane</p>');
fs.writeFileSync(path.join(root, 'a.0123abcd.js'), 'x=1');
const served = snapshot(['taskpane.html', 'a.0123abcd.js'].map((f) => path.join(root, f)));
let server: Awaited<ReturnType<typeof serve.start>>;

beforeAll(async () => {
  server = await serve.start({ port: 0, root });
});
afterAll(async () => {
  await server.close();
});

/** Sends `raw` request text on a plain socket; the status code of the answer (0 when closed without one). */
function rawStatus(raw: string | Buffer): Promise<number> {
  return new Promise((resolve) => {
    const sock = net.connect(server.port, 'localhost');
    let got = '';
    sock.on('data', (d) => (got += d.toString('latin1')));
    sock.on('error', () => resolve(0));
    sock.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(got)?.[1] ?? 0)));
    // Write without half-closing: the server answers, then closes (Connection: close or a 400 on a bad request).
    sock.write(raw);
  });
}

const get = (p: string) => rawStatus(`GET ${p} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

/** The server still answers a good request the same way. */
async function stillServing() {
  const page = await fetch(server.url);
  expect(page.status).toBe(200);
  expect(await page.text()).toBe('<p>pane</p>');
  expect(served.unchanged()).toBe(true);
}

test('GET /%00 → 400, and the server keeps running', async () => {
  expect(await get('/%00')).toBe(400);
  await stillServing();
});

test('GET /taskpane.html%00.js (NUL inside a name) → 400', async () => {
  expect(await get('/taskpane.html%00.js')).toBe(400);
  await stillServing();
});

test('bad percent-encoding (/%E0%A4%A, /%zz) → 400', async () => {
  expect(await get('/%E0%A4%A')).toBe(400);
  expect(await get('/%zz')).toBe(400);
  await stillServing();
});

test('encoded .. with encoded slashes (/..%2f..%2fetc%2fpasswd) → 400; %2e%2e segments are resolved by URL rules, inside root → 404', async () => {
  expect(await get('/..%2f..%2fetc%2fpasswd')).toBe(400);
  expect(await get('/%2e%2e/%2e%2e/etc/passwd')).toBe(404);
  await stillServing();
});

test('a plain ../ path is resolved by URL rules and stays inside root → 404', async () => {
  expect(await get('/../../etc/passwd')).toBe(404);
  await stillServing();
});

test('backslashes and control characters (/..%5c..%5cwin.ini, /%0d%0aSet-Cookie:x) → 400', async () => {
  expect(await get('/..%5c..%5cwin.ini')).toBe(400);
  expect(await get('/%0d%0aSet-Cookie:x')).toBe(400);
  await stillServing();
});

test('a long path (4,000 characters) → 400; a very long one (100,000, past Node’s header limit) → 400', async () => {
  expect(await get(`/${'a'.repeat(4000)}`)).toBe(400);
  expect(await get(`/${'a/'.repeat(50000)}`)).toBe(400);
  await stillServing();
});

test('a file name longer than the file system allows (/aaaa…×300) → 404', async () => {
  expect(await get(`/${'a'.repeat(300)}.js`)).toBe(404);
  await stillServing();
});

test('garbage instead of a request line, and a raw NUL in it → 400', async () => {
  expect(await rawStatus('\u0000\u0001 not http at all\r\n\r\n')).toBe(400);
  expect(await rawStatus(Buffer.from('GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'))).toBe(400);
  await stillServing();
});

test('a folder and a missing file → 404', async () => {
  fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
  expect(await get('/sub')).toBe(404);
  expect(await get('/nope.js')).toBe(404);
  await stillServing();
});

test('as its own process (node scripts/serve.js): GET /%00 answers 400 and the process is still up', async () => {
  const { spawn } = await import('child_process');
  const child = spawn(
    process.execPath,
    [path.join(__dirname, '../../scripts/serve.js'), '--port', '0', '--root', root],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /http:\/\/localhost:\d+\/taskpane\.html/.exec(out);
        if (m) resolve(m[0]);
      });
      child.on('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
    });
    const port = Number(new URL(url).port);
    const status = await new Promise<number>((resolve) => {
      const sock = net.connect(port, 'localhost');
      let got = '';
      sock.on('data', (d) => (got += d.toString('latin1')));
      sock.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(got)?.[1] ?? 0)));
      sock.write('GET /%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    });
    expect(status).toBe(400);
    await new Promise((r) => setTimeout(r, 100));
    expect(child.exitCode).toBeNull();
    expect((await fetch(url)).status).toBe(200);
    expect(served.unchanged()).toBe(true);
  } finally {
    child.kill();
  }
});
