import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, toCsv } from './csv.ts';

describe('csvField', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.1)).toBe('0.1');
    expect(csvField(false)).toBe('false');
  });
});

describe('toCsv', () => {
  it('writes a header row with units and CRLF after every record', () => {
    const csv = toCsv(
      [{ label: 'Group' }, { label: 'Median', unit: 'days' }, { label: 'Note, free' }],
      [
        ['standard', 103, null],
        ['test', 52.5, 'has "quotes"'],
      ],
    );
    expect(csv).toBe('Group,Median (days),"Note, free"\r\nstandard,103,\r\ntest,52.5,"has ""quotes"""\r\n');
  });
  it('pads short rows with empty fields', () => {
    expect(toCsv([{ label: 'a' }, { label: 'b' }], [['x']])).toBe('a,b\r\nx,\r\n');
  });
});

describe('csvFileName', () => {
  it('makes a safe name', () => {
    expect(csvFileName('Median survival (95% CI)')).toBe('median-survival-95-ci.csv');
    expect(csvFileName('---')).toBe('table.csv');
  });
});
