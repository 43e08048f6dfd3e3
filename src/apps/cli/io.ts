// What a CLI command needs from the outside world; tests pass their own.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

// A reader that stops early (`tuijin check … | head`) closes the pipe: that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

export type Command = (args: string[], io: CliIo) => Promise<number>;
