/** Options of `cvm serve` (and `cvm start`, which serves too): the port and the address to listen on. */
import { z } from 'zod';
import { fail, field, wholeNumber, type Parsed } from './parse';

function host(text: string): Parsed<string> {
  return /^[A-Za-z0-9.:[\]-]+$/.test(text)
    ? { ok: text }
    : fail(text, 'a host name or address', 'e.g. 127.0.0.1');
}

export const serveInput = z.object({
  port: field(wholeNumber(0, 65_535), 8080),
  host: field(host, '127.0.0.1'),
});
export type ServeInput = z.output<typeof serveInput>;
