// A minimal Marionette client (Firefox's own remote protocol, the one geckodriver speaks) over a TCP socket:
// enough to open a page, run scripts in it and type file paths into file inputs. playwright-core can only drive
// its own patched Firefox, which we don't install; this drives Debian's firefox-esr as it is.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export interface Firefox {
  downloads: string;
  /** Runs a function body in the page (arguments as `arguments[i]`); a returned promise is awaited. */
  run<T>(script: string, ...args: unknown[]): Promise<T>;
  navigate(url: string): Promise<void>;
  /** Types paths into a file input found by CSS selector, as a user choosing files does. */
  chooseFiles(selector: string, files: string[]): Promise<void>;
  close(): Promise<void>;
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

export async function launchFirefox(prefs: Record<string, string | number | boolean> = {}): Promise<Firefox> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-ff-'));
  const downloads = path.join(profile, 'downloads');
  fs.mkdirSync(downloads);
  const all: Record<string, string | number | boolean> = {
    'marionette.port': 0, // any free port, written to MarionetteActivePort
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.disabledForTesting': true,
    ...prefs,
  };
  fs.writeFileSync(
    path.join(profile, 'user.js'),
    Object.entries(all)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const child: ChildProcess = spawn(
    FIREFOX,
    ['--headless', '--marionette', '--no-remote', '--profile', profile, 'about:blank'],
    {
      stdio: 'ignore',
      env: { ...process.env, MOZ_HEADLESS: '1' },
    },
  );
  const portFile = path.join(profile, 'MarionetteActivePort');
  const until = Date.now() + 60000;
  while (!fs.existsSync(portFile) || !fs.readFileSync(portFile, 'utf8').trim()) {
    if (Date.now() > until || child.exitCode !== null) throw new Error('Firefox did not start Marionette');
    await new Promise((r) => setTimeout(r, 200));
  }
  const socket = await connect(Number(fs.readFileSync(portFile, 'utf8').trim()));

  // Frames are "<length>:<json>".
  let buffer = Buffer.alloc(0);
  const waiting = new Map<number, (msg: unknown[]) => void>();
  let greeting: (() => void) | null = null;
  const greeted = new Promise<void>((r) => (greeting = r));
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const len = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + len) return;
      const msg = JSON.parse(buffer.subarray(colon + 1, colon + 1 + len).toString('utf8'));
      buffer = buffer.subarray(colon + 1 + len);
      if (Array.isArray(msg)) waiting.get(msg[1])?.(msg);
      else greeting?.();
    }
  });
  await greeted;
  let id = 0;
  const send = (name: string, params: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const n = ++id;
      waiting.set(n, (msg) => {
        waiting.delete(n);
        const [, , error, result] = msg as [number, number, { error: string; message: string } | null, unknown];
        if (error) reject(new Error(`${name}: ${error.error}: ${error.message}`));
        else resolve(result);
      });
      const body = Buffer.from(JSON.stringify([0, n, name, params]), 'utf8');
      socket.write(`${body.length}:`);
      socket.write(body);
    });

  await send('WebDriver:NewSession', { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } });
  const value = (r: unknown) => (r as { value: unknown }).value;
  return {
    downloads,
    run: async <T>(script: string, ...args: unknown[]) =>
      value(await send('WebDriver:ExecuteScript', { script, args })) as T,
    navigate: async (url) => {
      await send('WebDriver:Navigate', { url });
    },
    chooseFiles: async (selector, files) => {
      const el = value(await send('WebDriver:FindElement', { using: 'css selector', value: selector })) as Record<
        string,
        string
      >;
      await send('WebDriver:ElementSendKeys', { id: el[ELEMENT], text: files.join('\n') });
    },
    close: async () => {
      try {
        await send('WebDriver:DeleteSession', {});
      } catch {
        // closing anyway
      }
      socket.destroy();
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
