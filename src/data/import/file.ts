/**
 * File-system work around an import: the input must be a readable, non-empty file; stale rejects go; an
 * upload stream is spooled to a temporary file first.
 */
import { constants, createWriteStream } from 'node:fs';
import { access, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CvmError } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import { REJECTS_HEADER } from '../../core/messages/imports';

/**
 * Throws a one-line `CvmError` unless `path` is a readable file with content: `not-found` when it does not
 * exist, `data-source` when it cannot be read, `invalid-input` for a directory or an empty file.
 */
export async function checkReadable(path: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CvmError('invalid-input', msg('file.directory', { path }));
    size = info.size;
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof CvmError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CvmError('not-found', msg('file.not-found', { path }), { cause: error });
    const text =
      code === 'EACCES'
        ? msg('file.permission', { path })
        : msg('file.cannot-read', { path, detail: (error as Error).message });
    throw new CvmError('data-source', text, { cause: error });
  }
  if (size === 0) throw new CvmError('invalid-input', msg('file.empty', { file: basename(path) }));
}

/**
 * Removes a rejects file left by an earlier import of the same file, so a clean import leaves no stale
 * rejects next to it. Only a file that starts with the rejects header is removed.
 */
export async function removeStaleRejects(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return;
  }
  // the header as either language writes it: `row,line,…`, or with a BOM `rad;rad i filen;…`
  const headers = [REJECTS_HEADER.en.join(','), '\ufeff' + REJECTS_HEADER.sv.join(';')];
  try {
    const buffer = new Uint8Array(64);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const start = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer.subarray(0, bytesRead));
    if (!headers.some((h) => start.startsWith(h))) return;
  } finally {
    await handle.close();
  }
  await rm(path, { force: true });
}

/** Default most bytes an upload stream may bring: 1 GiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2 ** 30;

/**
 * Writes an upload stream to a new temporary directory as `name`, refusing more than `maxBytes`, and
 * returns the file's path and a clean-up that removes the directory. The readers need a file: DuckDB's
 * CSV sniffer and the rejects pass read it more than once.
 */
export async function spoolStream(
  stream: Readable,
  name: string,
  maxBytes: number,
): Promise<{ path: string; cleanUp: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cvm-upload-'));
  const cleanUp = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const path = join(dir, basename(name) || 'upload');
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        done(
          new CvmError(
            'invalid-input',
            msg('file.upload-too-large', { file: basename(name), bytes: maxBytes }),
          ),
        );
      else done(null, chunk);
    },
  });
  try {
    await pipeline(stream, limit, createWriteStream(path));
  } catch (error) {
    await cleanUp();
    if (error instanceof CvmError) throw error;
    throw new CvmError(
      'data-source',
      msg('file.upload-broke', { file: basename(name), detail: (error as Error).message }),
      { cause: error },
    );
  }
  return { path, cleanUp };
}
