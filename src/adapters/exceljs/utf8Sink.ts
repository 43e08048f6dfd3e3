// Text written straight into a growing UTF-8 buffer, for parts too big to build as one string.
const utf8Encoder = new TextEncoder();

/** Text written straight into a growing UTF-8 buffer, so a big part is never one long string and the
 *  pieces die young. */
export class Utf8Sink {
  private buf: Uint8Array;
  private at = 0;

  constructor(expectedBytes = 1 << 16) {
    this.buf = new Uint8Array(Math.max(1024, Math.ceil(expectedBytes)));
  }

  push(piece: string): void {
    let rest = piece;
    for (;;) {
      const r = utf8Encoder.encodeInto(rest, this.buf.subarray(this.at));
      this.at += r.written;
      if (r.read === rest.length) return;
      rest = rest.slice(r.read);
      const bigger = new Uint8Array(Math.max(Math.ceil(this.buf.length * 1.5), this.at + rest.length * 3 + 1024));
      bigger.set(this.buf.subarray(0, this.at));
      this.buf = bigger;
    }
  }

  bytes(): Uint8Array {
    // No copy: the capacity never written to was never touched, so it costs address space, not memory.
    return this.buf.subarray(0, this.at);
  }
}
