/**
 * The CSV cell rules, case by case (expected values written by hand from RFC 4180 and OWASP's
 * CSV injection guidance), and the file's frame: byte-order mark, header, CRLF.
 */
import { describe, expect, it } from 'vitest';
import { csvCell, writeCsv } from '../src/documents/csv';

describe('CSV cells', () => {
  it.each([
    ['Legal Assistance of Windsor', 'Legal Assistance of Windsor'],
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['-2+3', `"'-2+3"`],
    ['+1 613 555 0100', `"'+1 613 555 0100"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['Ka Ni Kanichihk, Inc.', '"Ka Ni Kanichihk, Inc."'],
    ['He said "yes"', '"He said ""yes"""'],
    ['two\nlines', '"two\nlines"'],
    ['Engagé', 'Engagé'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('text %j is written %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('numbers stay numbers (a negative one too) and money keeps its two decimals', () => {
    expect(csvCell(-1250)).toBe('-1250');
    expect(csvCell(6_200_000n, true)).toBe('62000.00');
    expect(csvCell(-5n, true)).toBe('-0.05');
    expect(csvCell(42n)).toBe('42');
    expect(csvCell(null)).toBe('');
  });

  it('a file starts with the UTF-8 byte-order mark and ends each line with CRLF', () => {
    const file = writeCsv([{ key: 'name', header: 'Organisation / Organisme' }, { key: 'paid', header: 'Paid / Versé', money: true }], [{ name: '=1+1', paid: 12_345n }]);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.toString('utf8')).toBe('\uFEFFOrganisation / Organisme,Paid / Versé\r\n"\'=1+1",123.45\r\n');
  });
});
