// Where the pane gets office.js from. Three builds share one bundle source:
//  - the normal build: Microsoft's CDN (what AppSource requires);
//  - the intranet build (webpack.intranet.js): the organisation's own copy next to the pane, set at build time;
//  - the one-file offline page (scripts/inline.js): none at all. That page is opened from disk, never inside
//    Excel, and its policy forbids every request, so the pane goes straight to file mode.

/** Set by webpack.intranet.js; undefined in the other builds (and in tests). */
declare const TUIJIN_OFFICE_JS_URL: string | undefined;

const CDN_OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The office.js this build loads: a path next to the pane in the intranet build, else the CDN. */
export const BUILD_OFFICE_JS_URL: string =
  typeof TUIJIN_OFFICE_JS_URL === 'string' && TUIJIN_OFFICE_JS_URL ? TUIJIN_OFFICE_JS_URL : CDN_OFFICE_JS_URL;

/** The attribute scripts/inline.js puts on <html> of the one-file page. */
export const OFFLINE_ATTRIBUTE = 'data-tuijin-offline';

/** True in the one-file offline page. */
export function isOfflinePage(): boolean {
  return typeof document !== 'undefined' && document.documentElement.hasAttribute(OFFLINE_ATTRIBUTE);
}
