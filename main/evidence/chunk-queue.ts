// Bytes handed over one IPC call at a time, read by the importer as a stream. A push resolves
// only once the importer has taken the chunk, so at most one chunk waits in memory.
export class ChunkQueue implements AsyncIterable<Buffer> {
  private pending: { chunk: Buffer; taken: () => void } | null = null;
  private wake: (() => void) | null = null;
  private ended = false;
  private failure: unknown = null;

  push(chunk: Buffer): Promise<void> {
    if (this.ended || this.failure !== null) return Promise.reject(new Error('the upload is closed'));
    return new Promise((taken) => {
      this.pending = { chunk, taken };
      this.wakeReader();
    });
  }

  end(): void {
    this.ended = true;
    this.wakeReader();
  }

  fail(reason: unknown): void {
    this.failure = reason;
    this.pending?.taken();
    this.pending = null;
    this.wakeReader();
  }

  private wakeReader(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    for (;;) {
      if (this.failure !== null) throw this.failure;
      const p = this.pending;
      if (p) {
        this.pending = null;
        p.taken();
        yield p.chunk;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
  }
}
