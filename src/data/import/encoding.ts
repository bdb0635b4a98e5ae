/**
 * The text encoding of a CSV file. DuckDB's CSV reader takes UTF-8 only, so a file in another encoding is
 * transcoded to a UTF-8 temporary file first. Detection: a file that is valid UTF-8 is UTF-8; any other is
 * Windows-1252, what Excel on Windows writes for "CSV" in Western European locales (a superset of the
 * printable ISO-8859-1 characters). The whole file is checked (simdutf in `isUtf8`, fast), so one stray
 * byte anywhere decides; `--encoding utf-8` keeps the strict reading that rejects such rows instead.
 * Whitespace-separated files (runs of blanks) are rewritten the same way, as tab-separated UTF-8.
 */
import { isUtf8 } from 'node:buffer';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import { TextDecoder } from 'node:util';

/** `latin1` is ISO-8859-1 proper (0x80–0x9F are control characters), unlike the Web's alias of it. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'latin1';

export const TEXT_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'windows-1252', 'latin1'];

const CHUNK = 1 << 22;

const C1 = /[\u0080-\u009f]/g;
/**
 * Where Windows-1252 differs from ISO-8859-1: bytes 0x80–0x9F (the WHATWG table; 0x81, 0x8D, 0x8F, 0x90
 * and 0x9D stay control characters). Node's `TextDecoder('windows-1252')` decodes these as ISO-8859-1
 * in builds without full ICU, so the table is ours.
 */
const WINDOWS_1252: Readonly<Record<string, string>> = Object.fromEntries(
  [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'].map((c, i) => [
    String.fromCharCode(0x80 + i),
    c,
  ]),
);

/** `utf-8` when every byte of the file at `path` belongs to well-formed UTF-8, else `windows-1252`. */
export async function detectEncoding(path: string): Promise<TextEncodingName> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    let carry = 0;
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, carry, CHUNK - carry, position);
      position += bytesRead;
      const length = carry + bytesRead;
      if (bytesRead === 0)
        return length === 0 || isUtf8(buffer.subarray(0, length)) ? 'utf-8' : 'windows-1252';
      // A sequence cut by the chunk's end is checked with the next chunk.
      const cut = completeUpTo(buffer, length);
      if (!isUtf8(buffer.subarray(0, cut))) return 'windows-1252';
      buffer.copy(buffer, 0, cut, length);
      carry = length - cut;
    }
  } finally {
    await handle.close();
  }
}

/** The end of the last complete UTF-8 sequence among `bytes[0, length)` (a lead byte's length decides). */
function completeUpTo(bytes: Uint8Array, length: number): number {
  for (let back = 1; back <= 3 && back <= length; back++) {
    const b = bytes[length - back] ?? 0;
    if (b < 0x80) return length;
    if (b >= 0xc0) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return needed > back ? length - back : length;
    }
  }
  return length;
}

/**
 * Writes the file at `path`, read as `encoding`, to a new temporary directory as UTF-8 (same name, same
 * lines) and returns its path and a clean-up that removes the directory. With `blanks`, each line is
 * rewritten as tab-separated fields (see `blanksToTabs`).
 */
export async function rewriteAsUtf8(
  path: string,
  encoding: TextEncodingName,
  blanks: boolean,
): Promise<{ path: string; cleanUp: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cvm-transcoded-'));
  const cleanUp = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const target = join(dir, basename(path));
  const utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8') : null;
  const handle = await open(path, 'r');
  const out = createWriteStream(target);
  try {
    const buffer = Buffer.alloc(CHUNK);
    // With `blanks`, the last (partial) line of a chunk waits for the next one.
    let pending = '';
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      const bytes = buffer.subarray(0, bytesRead);
      let text = pending + decode(bytes, encoding, utf8, bytesRead === 0);
      pending = '';
      if (blanks && bytesRead > 0) {
        const cut = text.lastIndexOf('\n') + 1;
        pending = text.slice(cut);
        text = text.slice(0, cut);
      }
      if (blanks) text = blanksToTabs(text);
      if (!out.write(text, 'utf8')) await once(out, 'drain');
      if (bytesRead === 0) break;
    }
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    await cleanUp();
    throw error;
  } finally {
    await handle.close();
  }
  return { path: target, cleanUp };
}

function decode(bytes: Buffer, encoding: TextEncodingName, utf8: TextDecoder | null, last: boolean): string {
  if (utf8) return utf8.decode(bytes, { stream: !last });
  // Single-byte encodings: every chunk decodes on its own.
  const latin1 = bytes.toString('latin1');
  return encoding === 'latin1' ? latin1 : latin1.replace(C1, (c) => WINDOWS_1252[c] ?? c);
}

/**
 * Whitespace-separated lines as tab-separated ones: blanks (spaces, tabs) at the start and end of a line
 * go, every run of blanks inside it becomes one tab. `  00001 19970101  1 11.77` → `00001⇥19970101⇥1⇥11.77`.
 */
export function blanksToTabs(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+(?=\r?$)/gm, '').replace(/[ \t]+/g, '\t');
}
