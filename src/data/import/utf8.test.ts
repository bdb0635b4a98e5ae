import { describe, expect, it } from 'vitest';
import { findInvalidUtf8, hexByte } from './utf8';

describe('findInvalidUtf8', () => {
  it('accepts well-formed text of every sequence length', () => {
    expect(findInvalidUtf8(new TextEncoder().encode('a å € 😀'))).toBe(-1);
  });

  it('finds the first bad byte: a Latin-1 letter, an overlong form, a surrogate, a cut-off sequence', () => {
    expect(findInvalidUtf8(Uint8Array.from([0x4b, 0xf6, 0x70]))).toBe(1);
    expect(findInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(findInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(findInvalidUtf8(Uint8Array.from([0x41, 0xe2, 0x82]))).toBe(1);
  });

  it('describes a byte for messages', () => {
    expect(hexByte(0xf6)).toBe('0xF6');
    expect(hexByte(0x0a)).toBe('0x0A');
  });
});
