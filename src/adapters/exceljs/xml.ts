// Small SpreadsheetML text helpers shared by the values reader and the in-place patcher. Element names
// may carry any namespace prefix (`<x:row>`), so patterns are built with P in front of local names.

/** An optional namespace prefix before an element's local name. */
export const P = '(?:[A-Za-z_][\\w.-]*:)?';

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities and Excel's _xHHHH_ escapes to text. Hostile code points are kept as written. */
export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]{1,8}|#\d{1,10}|\w+);/g, (m, e: string) => {
      if (e[0] !== '#') return ENTITY[e] ?? m;
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids, escaped as Excel does (_xHHHH_)
const NOT_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an XML text node or attribute: entities escaped, characters XML can't hold as _xHHHH_,
 *  and a literal "_xHHHH_" protected so readers don't decode it. */
export function escapeXml(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'))
    .replace(NOT_XML_CHARS, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

/** Text for an XML text node: as escapeXml, but quotes stay as they are (they need no escaping there). */
export function escapeText(s: string): string {
  return escapeXml(s).replace(/&quot;/g, '"');
}

/** An attribute's decoded value from an element's attribute text. `name` may be 'r:id'-like; any prefix
 *  matches a prefixed name (writers choose their own prefixes). */
export function attr(attrs: string, name: string): string | undefined {
  let re = attrRes.get(name);
  if (!re) {
    const local = name.includes(':') ? `[\\w.-]+:${name.split(':')[1]}` : name;
    attrRes.set(name, (re = new RegExp(`(?:^|\\s)${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  }
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

/** Patterns by attribute name, made once: a big sheet asks for the same few names per row and cell. */
const attrRes = new Map<string, RegExp>();
const withAttrRes = new Map<string, RegExp>();

/** The attribute text with `name` set to `value` (added at the end when absent), or removed when undefined. */
export function withAttr(attrs: string, name: string, value: string | undefined): string {
  let re = withAttrRes.get(name);
  if (!re) withAttrRes.set(name, (re = new RegExp(`(\\s)${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`)));
  if (value === undefined) return attrs.replace(re, '');
  const set = `${name}="${escapeXml(value)}"`;
  return re.test(attrs) ? attrs.replace(re, `$1${set}`) : `${attrs} ${set}`;
}

/** The namespace prefix ('x:' or '') the document uses for its root element. */
export function rootPrefix(xml: string, local: string): string {
  return new RegExp(`<(${P})${local}\\b`).exec(xml)?.[1] ?? '';
}

/** 1-based column number of a cell reference's letters ('AB12' → 28); 0 when it has none. */
export function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
    if (c > 1e9) break;
  }
  return c;
}

/** Excel's limits: a reference past them is not a cell Excel could have written. */
export const MAX_ROW = 1048576;
export const MAX_COL = 16384;
