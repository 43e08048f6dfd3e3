// Chromium with the outside world cut off: a request reaches something only when the test allows it; every other
// request is aborted and recorded, so a test can assert that a page asked for nothing beyond its own host.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface Sealed {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Requests that were not allowed and were aborted. */
  blocked: string[];
  /** Every request the pages made, with the response status (null: failed or aborted). */
  requests: { url: string; status: number | null }[];
  close(): Promise<void>;
}

export interface SealedOptions {
  /** Requests that may go through. */
  allowed(url: string): boolean;
  /** A replacement body for an allowed request (e.g. a stand-in office.js), or undefined to let it through. */
  replace?(url: string): { body: string; contentType: string } | undefined;
  /** Also put the browser offline (for pages opened from disk). */
  offline?: boolean;
  width?: number;
}

export async function openSealed(opts: SealedOptions): Promise<Sealed> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-sealed-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      // Chromium's own background traffic is not the page's; keep it out of the record.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: opts.width ?? 350, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    offline: opts.offline ?? false,
  });
  const problems: string[] = [];
  const blocked: string[] = [];
  const requests: Sealed['requests'] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!opts.allowed(url)) {
      blocked.push(url);
      return route.abort('blockedbyclient');
    }
    const stand = opts.replace?.(url);
    if (stand) return route.fulfill({ status: 200, contentType: stand.contentType, body: stand.body });
    return route.continue();
  });
  context.on('request', (r) => {
    const entry = { url: r.url(), status: null as number | null };
    requests.push(entry);
    void r.response().then(
      (res) => (entry.status = res ? res.status() : null),
      () => undefined,
    );
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      );
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  };
  watch(page);
  context.on('page', watch);
  return {
    page,
    context,
    problems,
    blocked,
    requests,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
