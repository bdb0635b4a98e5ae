/**
 * Options of `cvm serve` (and `cvm start`, which serves too): the port, the address to listen on, the
 * addresses of the reverse proxies whose `X-Forwarded-Proto` and `X-Forwarded-For` headers are believed,
 * and whether the dashboard's default reports are computed in the background (`--no-warm`: not).
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { fail, field, wholeNumber, type Parsed } from './parse';

function yesNo(text: string): Parsed<boolean> {
  return text === 'true' ? { ok: true } : text === 'false' ? { ok: false } : fail(text, 'true or false');
}

function host(text: string): Parsed<string> {
  return /^[A-Za-z0-9.:[\]-]+$/.test(text)
    ? { ok: text }
    : fail(text, 'a host name or address', 'e.g. 127.0.0.1');
}

/** Comma-separated IP addresses (IPv4 or IPv6), at least one. */
function addresses(text: string): Parsed<string[]> {
  const list = text.split(',').map((a) => a.trim());
  const bad = list.find((a) => isIP(a) === 0);
  if (bad === undefined) return { ok: list };
  return fail(
    bad,
    'an IP address',
    "the proxy's IP addresses, comma-separated, e.g. 127.0.0.1 or 10.0.0.5,10.0.0.6",
  );
}

export const serveInput = z.object({
  port: field(wholeNumber(0, 65_535), 8080),
  host: field(host, '127.0.0.1'),
  /** the proxies to trust; none by default: forwarded headers are then ignored */
  trustProxy: field(addresses, [] as string[]),
  /** compute the dashboard's default reports in the background after start and after each data change */
  warm: field(yesNo, true),
});
export type ServeInput = z.output<typeof serveInput>;
