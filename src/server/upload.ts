/**
 * Reading a multipart upload: the file (field `file`) as a stream with the name it was uploaded as, and the
 * other fields as import options (a repeated field, like `map`, becomes a list). A request larger than the
 * limit is refused with 413 before its body is read (its declared length) or while it is read.
 */
import type { HonoRequest } from 'hono';
import { Readable } from 'node:stream';
import { CvmError } from '../core/errors';
import { msg } from '../core/messages/catalogue';
import { HttpError } from './errors';

export interface UploadLimits {
  /** the most bytes an upload may have (the whole request) */
  maxUploadBytes: number;
}

export interface Upload {
  name: string;
  stream: Readable;
  fields: Record<string, string | string[]>;
}

export function tooLarge(limits: UploadLimits): HttpError {
  return new HttpError('too-large', msg('upload.too-large', { bytes: limits.maxUploadBytes }));
}

export async function readUpload(req: HonoRequest, limits: UploadLimits): Promise<Upload> {
  const length = Number(req.header('content-length') ?? NaN);
  if (Number.isFinite(length) && length > limits.maxUploadBytes) throw tooLarge(limits);
  if (!/^multipart\/form-data/i.test(req.header('content-type') ?? ''))
    throw new CvmError('invalid-input', msg('upload.not-multipart'));
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await req.parseBody({ all: true });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new CvmError('invalid-input', msg('upload.unreadable'));
  }
  const file = body.file;
  if (!(file instanceof File)) throw new CvmError('invalid-input', msg('upload.no-file'));
  if (file.size > limits.maxUploadBytes) throw tooLarge(limits);
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'file') continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (values.length > 0) fields[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return {
    name: file.name.replace(/^.*[\\/]/, '') || 'upload',
    stream: Readable.fromWeb(file.stream()),
    fields,
  };
}
