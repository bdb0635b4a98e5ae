import { describe, expect, it } from 'vitest';
import { csvField, csvRecordEnd, CsvScanner, splitCsvRecord } from './csv';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('csvField', () => {
  it('quotes only fields that need it, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });

  it('round-trips through splitCsvRecord', () => {
    const fields = ['a', 'b,c', 'say "hi"', '', '"', 'x"y'];
    expect(splitCsvRecord(fields.map((f) => csvField(f)).join(','), ',')).toEqual(fields);
  });
});

describe('splitCsvRecord', () => {
  it('unquotes quoted fields and keeps delimiters inside them', () => {
    expect(splitCsvRecord('a,"b,c","say ""hi""",', ',')).toEqual(['a', 'b,c', 'say "hi"', '']);
    expect(splitCsvRecord('"a;b";c', ';')).toEqual(['a;b', 'c']);
  });

  it('reads a quote that does not start a field as text', () => {
    expect(splitCsvRecord('ab"c;d', ';')).toEqual(['ab"c', 'd']);
    expect(splitCsvRecord('a "b,c" d,e', ',')).toEqual(['a "b', 'c" d', 'e']);
  });

  it('reads text after a closing quote as unquoted', () => {
    expect(splitCsvRecord('"ab"c,d', ',')).toEqual(['abc', 'd']);
  });
});

describe('csvRecordEnd', () => {
  it('finds the newline that ends the first record, not one inside quotes', () => {
    expect(csvRecordEnd(bytes('a,b\nc,d\n'), ',')).toBe(3);
    expect(csvRecordEnd(bytes('a,"b\nc"\nd\n'), ',')).toBe(7);
    expect(csvRecordEnd(bytes('a,"b\nc'), ',')).toBe(-1);
  });

  it('opens quotes only at a field start: a stray quote does not swallow the record end', () => {
    expect(csvRecordEnd(bytes('it"s,b\nc,d\n'), ',')).toBe(6);
  });

  it('takes every candidate delimiter as a field start while the delimiter is unknown', () => {
    expect(csvRecordEnd(bytes('a;"b\nc";d\ne\n'), ',;\t|')).toBe(9);
  });
});

describe('CsvScanner', () => {
  it('says what each character is and whether a quoted field is left open', () => {
    const scanner = new CsvScanner(',');
    const roles = [...'"a""b",c\n'].map((ch) => scanner.next(ch.charCodeAt(0)));
    expect(roles).toEqual([
      'quote',
      'content',
      'quote',
      'content',
      'content',
      'quote',
      'delimiter',
      'content',
      'newline',
    ]);
    scanner.next(0x22);
    expect(scanner.unterminated).toBe(true);
    scanner.next(0x22);
    expect(scanner.unterminated).toBe(false);
  });

  it('does not quote without a delimiter (NDJSON lines)', () => {
    const scanner = new CsvScanner(null);
    expect([...'"a\n'].map((ch) => scanner.next(ch.charCodeAt(0)))).toEqual([
      'content',
      'content',
      'newline',
    ]);
  });
});
