// Office mode or file mode: inside Excel the pane drives the workbook; anywhere else it works on files.
import { BUILD_OFFICE_JS_URL, isOfflinePage } from './officeSource';

export type Mode = { kind: 'office'; language: string } | { kind: 'file'; reason: 'no-host' | 'no-office-js' };

/** How long office.js may take to arrive before the pane works on files instead. */
const OFFICE_JS_WAIT_MS = 4000;

function officeGlobal(): typeof Office | undefined {
  return (window as unknown as { Office?: typeof Office }).Office;
}

const OFFICE_JS_URL = BUILD_OFFICE_JS_URL;

/**
 * Runs office.js (preloaded by the page) and resolves once it is there, or to false when it failed or is too
 * slow. `late` is called if it arrives after all.
 */
function loadOfficeJs(timeoutMs: number, late: () => void): Promise<boolean> {
  if (officeGlobal()) return Promise.resolve(true);
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (done) {
        if (ok) late();
        return;
      }
      done = true;
      clearTimeout(timer);
      resolve(ok);
    };
    const timer = setTimeout(() => finish(!!officeGlobal()), timeoutMs);
    // Inserted here rather than written in the page, so its load and error events can't be missed.
    const script = document.createElement('script');
    script.id = 'office-js';
    script.src = OFFICE_JS_URL;
    script.addEventListener('load', () => finish(!!officeGlobal()));
    script.addEventListener('error', () => finish(false));
    document.head.appendChild(script);
  });
}

/** Where the pane runs. `onLate` gets Office mode when office.js turns up after the pane chose file mode. */
export async function detectMode(timeoutMs = OFFICE_JS_WAIT_MS, onLate?: (mode: Mode) => void): Promise<Mode> {
  // The one-file offline page never runs in Excel and reaches for nothing (officeSource.ts).
  if (isOfflinePage()) return { kind: 'file', reason: 'no-host' };
  const late = () => void officeMode(timeoutMs).then((m) => m && onLate?.(m));
  if (!(await loadOfficeJs(timeoutMs, late))) return { kind: 'file', reason: 'no-office-js' };
  return (await officeMode(timeoutMs)) ?? { kind: 'file', reason: 'no-host' };
}

/** Office mode when Office.onReady names a host in time, else null. */
async function officeMode(timeoutMs: number): Promise<Mode | null> {
  const office = officeGlobal()!;
  const info = await Promise.race([
    office.onReady().catch(() => null),
    new Promise<null>((r) => setTimeout(() => r(null), timeoutMs)),
  ]);
  if (!info || !info.host) return null;
  let language = 'zh-CN';
  try {
    language = office.context.displayLanguage || language;
  } catch {
    // Older hosts: keep Chinese.
  }
  return { kind: 'office', language };
}

export function isEnglish(mode: Mode): boolean {
  return mode.kind === 'office' && /^en/i.test(mode.language);
}
