import JSZip from 'jszip';
import { canonicalJson, fingerprint64, fingerprintData, hashData, sha256Hex } from '../../src/core/hash';
import { guardXlsx, inspectZip } from '../../src/core/zipGuard';
import { InputError } from '../../src/core/model';

describe('sha256', () => {
  test('standard test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
  test('hashData ignores key order, sees any value change, handles CJK', () => {
    expect(hashData({ a: 1, b: '妇联' })).toBe(hashData({ b: '妇联', a: 1 }));
    expect(hashData({ a: 1, b: '妇联' })).not.toBe(hashData({ a: 1, b: '妇女' }));
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
  });
});

async function zipOf(files: Record<string, string | Uint8Array>, level = 6): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, data] of Object.entries(files)) z.file(name, data);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level } });
}

describe('fingerprint64', () => {
  test('16 hex digits, stable, sensitive to any change, order of keys ignored', () => {
    expect(fingerprint64('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint64('abc')).toBe(fingerprint64('abc'));
    const seen = new Set<string>();
    for (let i = 0; i < 20000; i++) seen.add(fingerprint64(`指标${i}`));
    expect(seen.size).toBe(20000);
    expect(fingerprint64('ab')).not.toBe(fingerprint64('ba'));
    expect(fingerprint64('')).not.toBe(fingerprint64('\u0000'));
    expect(fingerprintData({ a: 1, b: [2] })).toBe(fingerprintData({ b: [2], a: 1 }));
  });
});

describe('zip guard', () => {
  test('a small workbook-shaped zip passes and its sizes are summed', async () => {
    const data = await zipOf({ 'xl/workbook.xml': '<workbook/>', '[Content_Types].xml': 'x'.repeat(5000) });
    const s = guardXlsx(data, 'a.xlsx');
    expect(s.totalUncompressed).toBe(5011);
    expect(s.entries.map((e) => e.name).sort()).toEqual(['[Content_Types].xml', 'xl/', 'xl/workbook.xml']);
  });

  const refuse = (data: Uint8Array, msg: RegExp) => {
    expect(() => guardXlsx(data, 'book.xlsx')).toThrow(InputError);
    expect(() => guardXlsx(data, 'book.xlsx')).toThrow(msg);
  };

  test('empty, text, truncated, and non-workbook zips are refused in plain words', async () => {
    refuse(new Uint8Array(), /book\.xlsx: file is empty/);
    refuse(new TextEncoder().encode('序号\t事项名称\n1\t测试'), /not a zip archive/);
    const good = await zipOf({ 'xl/workbook.xml': '<workbook/>'.repeat(100), 'xl/a.xml': 'a'.repeat(300) });
    refuse(good.subarray(0, good.length - 30), /truncated or damaged/);
    refuse(good.subarray(0, Math.floor(good.length / 2)), /truncated or damaged/);
    refuse(await zipOf({ 'word/document.xml': '<w/>' }), /without xl\/workbook\.xml/);
  });

  test('a zip bomb (more than 50 MB unpacked) is refused before anything unpacks it', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const bomb = await zipOf(
      { 'xl/workbook.xml': '<workbook/>', 'xl/a.bin': zeros, 'xl/b.bin': zeros, 'xl/c.bin': zeros },
      9,
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    refuse(bomb, /more than 50 MB.*zip bomb/);
    expect(inspectZip(bomb, 'x', 100 * 1024 * 1024).totalUncompressed).toBe(60 * 1024 * 1024 + 11);
  });

  test('a directory entry that lies about its size is refused', async () => {
    const data = await zipOf({ 'xl/workbook.xml': '<workbook/>' }, 9);
    const copy = data.slice();
    const view = new DataView(copy.buffer);
    // patch the central directory's uncompressed size to 2 GB
    for (let i = copy.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 0x7fffffff, true);
        break;
      }
    }
    refuse(copy, /impossible size|more than 50 MB/);
  });
});
