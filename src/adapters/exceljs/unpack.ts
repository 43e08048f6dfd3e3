// Inflating the parts of an .xlsx under one unpacking budget: a zip's directory can lie about sizes, so the
// real bytes are counted while inflating (a zip bomb is stopped, not unpacked).
import type JSZip from 'jszip';
import { InputError } from '../../core/model';
import { MAX_UNPACKED_BYTES } from '../../core/zipGuard';

interface ChunkStream {
  on(evt: 'data', fn: (chunk: Uint8Array) => void): ChunkStream;
  on(evt: 'end' | 'error', fn: (e?: unknown) => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}

const damaged = (why: string, where?: string) =>
  new InputError(`the .xlsx file is damaged (${why})`, where, '文件已损坏或不完整，无法读取');

/** Unpacking budget shared by the entries of one archive: the directory's sizes can lie, so real
 *  bytes are counted while inflating and the entry is dropped as soon as the budget is spent. */
export class UnpackBudget {
  private used = 0;
  /** Entries already counted: reading one again (the patcher after the reader) costs nothing new. */
  private readonly counted = new Set<string>();
  constructor(
    private readonly where?: string,
    private readonly limit = MAX_UNPACKED_BYTES,
  ) {}

  /** Inflates one entry, counting its real size; `keep` false only counts. A broken deflate stream
   *  is the file's fault: InputError. */
  inflate(file: JSZip.JSZipObject, keep = true): Promise<Uint8Array> {
    const count = !this.counted.has(file.name);
    this.counted.add(file.name);
    // The directory's size, when it fits the budget, sizes the buffer up front: the chunks go straight
    // in, and a 30 MB part is not held twice (chunks and their join) while it inflates.
    const declared = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
    const room = count ? this.limit - this.used : this.limit;
    let direct =
      keep && typeof declared === 'number' && declared > 0 && declared <= room ? new Uint8Array(declared) : null;
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let settled = false;
      const stream = (file as unknown as { internalStream(t: 'uint8array'): ChunkStream }).internalStream('uint8array');
      stream.on('data', (chunk) => {
        if (settled) return;
        size += chunk.length;
        if (count) this.used += chunk.length;
        if (this.used > this.limit) {
          settled = true;
          stream.pause();
          const mb = Math.ceil(this.limit / 1024 / 1024);
          reject(
            new InputError(
              `refusing to open: the .xlsx unpacks to more than ${mb} MB (possible zip bomb)`,
              this.where,
              `文件解压后超过 ${mb} MB，为安全起见拒绝打开`,
            ),
          );
          return;
        }
        if (direct && size <= direct.length) direct.set(chunk, size - chunk.length);
        else if (keep) {
          // The directory understated the size: the rest goes the slow way.
          if (direct) chunks.push(direct.subarray(0, size - chunk.length));
          direct = null;
          chunks.push(chunk);
        }
      });
      stream.on('error', (e) => {
        if (settled) return;
        settled = true;
        reject(damaged(`entry ${file.name}: ${e instanceof Error ? e.message.slice(0, 120) : String(e)}`, this.where));
      });
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        if (direct) {
          resolve(size === direct.length ? direct : direct.slice(0, size));
          return;
        }
        const out = new Uint8Array(keep ? size : 0);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      });
      stream.resume();
    });
  }
}
