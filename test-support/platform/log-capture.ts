/** Test fixture: the log lines a module writes while it is installed (they are still written). */
export function captureLog(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write);
  streams.forEach((s, i) => {
    const write = originals[i]!;
    s.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as NodeJS.WriteStream['write'];
  });
  return {
    lines,
    restore: () => streams.forEach((s, i) => (s.write = originals[i]!)),
  };
}
