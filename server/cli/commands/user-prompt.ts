/**
 * Reading a password for `kopru user`: typed on the terminal with echo off (so it is neither shown
 * nor kept in the shell history), or read from standard input with `--password-stdin` for scripts.
 */
import type { ReadStream } from 'node:tty';

export interface SecretInput {
  /** True when a person can be asked (stdin is a terminal). */
  interactive(): boolean;
  /** Asks on the terminal without echoing what is typed. */
  askHidden(prompt: string): Promise<string>;
  /** All of standard input. */
  readAll(): Promise<string>;
}

function askHidden(prompt: string): Promise<string> {
  const input = process.stdin as ReadStream;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(null);
        if (char === '\u0003') return finish(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const terminalSecretInput: SecretInput = {
  interactive: () => process.stdin.isTTY === true,
  askHidden,
  readAll,
};
