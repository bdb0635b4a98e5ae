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
import { REJECTS_COLUMNS } from './problems';

/**
 * Throws a one-line `CvmError` unless `path` is a readable file with content: `not-found` when it does not
 * exist, `data-source` when it cannot be read, `invalid-input` for a directory or an empty file.
 */
export async function checkReadable(path: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CvmError('invalid-input', `${path} is a directory, not a file`);
    size = info.size;
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof CvmError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new CvmError('not-found', `cannot read ${path}: no such file`, { cause: error });
    const reason = code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CvmError('data-source', `cannot read ${path}: ${reason}`, { cause: error });
  }
  if (size === 0) throw new CvmError('invalid-input', `${basename(path)} is empty`);
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
  const header = REJECTS_COLUMNS.join(',');
  try {
    const buffer = new Uint8Array(header.length);
    await handle.read(buffer, 0, buffer.length, 0);
    if (new TextDecoder().decode(buffer) !== header) return;
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
        done(new CvmError('invalid-input', `${basename(name)}: the upload is larger than ${maxBytes} bytes`));
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
      `${basename(name)}: the upload broke off: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return { path, cleanUp };
}
