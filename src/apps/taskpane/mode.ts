// Office mode or file mode: inside Excel the pane drives the workbook; anywhere else it works on files.

export type Mode = { kind: 'office'; language: string } | { kind: 'file'; reason: 'no-host' | 'no-office-js' };

/** How long office.js may take to arrive before the pane works on files instead. */
export const OFFICE_JS_WAIT_MS = 4000;

function officeGlobal(): typeof Office | undefined {
  return (window as unknown as { Office?: typeof Office }).Office;
}

/** Resolves once office.js is there, or to false when it failed or is too slow. */
function waitForOfficeJs(timeoutMs: number): Promise<boolean> {
  if (officeGlobal()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const script = document.getElementById('office-js');
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      clearInterval(poll);
      clearTimeout(timer);
      resolve(ok);
    };
    // The script may finish before this runs, so poll as well as listen.
    const poll = setInterval(() => officeGlobal() && finish(true), 50);
    const timer = setTimeout(() => finish(!!officeGlobal()), timeoutMs);
    script?.addEventListener('load', () => finish(!!officeGlobal()));
    script?.addEventListener('error', () => finish(false));
    if (!script) finish(false);
  });
}

export async function detectMode(timeoutMs = OFFICE_JS_WAIT_MS): Promise<Mode> {
  if (!(await waitForOfficeJs(timeoutMs))) return { kind: 'file', reason: 'no-office-js' };
  const office = officeGlobal()!;
  const info = await Promise.race([
    office.onReady().catch(() => null),
    new Promise<null>((r) => setTimeout(() => r(null), timeoutMs)),
  ]);
  if (!info || !info.host) return { kind: 'file', reason: 'no-host' };
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
