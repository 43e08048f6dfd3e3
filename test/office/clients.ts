// Excel clients as the stricter double models them: the API sets a build has, together with the webview
// it runs add-ins in and the JavaScript that webview parses. Sources: Microsoft's "Browsers and webview
// controls used by Office Add-ins" and "Excel JavaScript API requirement sets" (ExcelApi minimum builds).
// The manifest's floor admits a client when its ExcelApi minor is at least the floor's.

export type Webview = 'Trident' | 'EdgeHTML' | 'WebView2' | 'WKWebView' | 'Browser';

export interface ClientProfile {
  name: string;
  /** Highest ExcelApi 1.x minor version the build supports. */
  excelApi: number;
  webview: Webview;
  /** ECMAScript edition the webview parses (acorn's ecmaVersion). */
  es: number;
  userAgent: string;
  /** Office.context.platform. */
  platform: 'PC' | 'Mac' | 'OfficeOnline';
}

const UA = {
  trident: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
  edgeHtml:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
  webView2: (v: number) =>
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36 Edg/${v}.0.0.0`,
  safari: (v: string) =>
    `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${v} Safari/605.1.15`,
};

export const CLIENTS: ClientProfile[] = [
  { name: 'Office 2016 (Windows, MSI)', excelApi: 1, webview: 'Trident', es: 5, userAgent: UA.trident, platform: 'PC' },
  {
    name: 'Office 2019 volume-licensed (Windows)',
    excelApi: 7,
    webview: 'Trident',
    es: 5,
    userAgent: UA.trident,
    platform: 'PC',
  },
  {
    name: 'Microsoft 365 Version 2008 (Windows)',
    excelApi: 12,
    webview: 'EdgeHTML',
    es: 2017,
    userAgent: UA.edgeHtml,
    platform: 'PC',
  },
  // Builds from 16.0.13530.20424 use WebView2 only when its runtime is installed; otherwise EdgeHTML.
  {
    name: 'Microsoft 365 Version 2102 without the WebView2 runtime',
    excelApi: 13,
    webview: 'EdgeHTML',
    es: 2017,
    userAgent: UA.edgeHtml,
    platform: 'PC',
  },
  {
    name: 'Microsoft 365 Version 2102 (Windows, WebView2)',
    excelApi: 13,
    webview: 'WebView2',
    es: 2021,
    userAgent: UA.webView2(88),
    platform: 'PC',
  },
  {
    name: 'Office 2021 LTSC (Windows, WebView2)',
    excelApi: 14,
    webview: 'WebView2',
    es: 2021,
    userAgent: UA.webView2(92),
    platform: 'PC',
  },
  {
    name: 'Microsoft 365 current (Windows, WebView2)',
    excelApi: 20,
    webview: 'WebView2',
    es: 2024,
    userAgent: UA.webView2(140),
    platform: 'PC',
  },
  // Excel for Mac 16.50 still ran on macOS 10.14 with Safari 14: no class fields or static blocks.
  {
    name: 'Excel for Mac 16.50 (macOS 10.14, Safari 14)',
    excelApi: 13,
    webview: 'WKWebView',
    es: 2021,
    userAgent: UA.safari('14.1.2'),
    platform: 'Mac',
  },
  {
    name: 'Excel for Mac current (Safari 17)',
    excelApi: 20,
    webview: 'WKWebView',
    es: 2023,
    userAgent: UA.safari('17.6'),
    platform: 'Mac',
  },
  {
    name: 'Excel on the web (current browser)',
    excelApi: 20,
    webview: 'Browser',
    es: 2024,
    userAgent: UA.webView2(140),
    platform: 'OfficeOnline',
  },
];

export function clientNamed(name: string): ClientProfile {
  const c = CLIENTS.find((x) => x.name === name);
  if (!c) throw new Error(`no client profile ${name}`);
  return c;
}

/** The ExcelApi minor of a manifest <Set Name="ExcelApi" MinVersion="1.N"/>. */
export function manifestFloor(manifestXml: string): number {
  const m = /<Set Name="ExcelApi" MinVersion="1\.(\d+)"\/>/.exec(manifestXml);
  if (!m) throw new Error('manifest has no ExcelApi requirement');
  return Number(m[1]);
}
