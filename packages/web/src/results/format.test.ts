import { describe, expect, it } from 'vitest';
import { formatCell, formatNumber, formatP } from './format.ts';

describe('formatP', () => {
  it('uses exponent notation below 0.001 and three decimals above', () => {
    expect(formatP(2.3456e-5)).toBe('2.3e-5');
    expect(formatP(0.0009)).toBe('9.0e-4');
    expect(formatP(0.9277272333400737)).toBe('0.928');
    expect(formatP(0.001)).toBe('0.001');
    expect(formatP(0)).toBe('0');
    expect(formatP(null)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('keeps integers whole and groups thousands', () => {
    expect(formatNumber(103)).toBe('103');
    expect(formatNumber(2742563)).toBe('2,742,563');
    expect(formatNumber(2742563.4)).toBe('2,742,563');
  });
  it('shows four significant digits for ordinary fractions', () => {
    expect(formatNumber(52.5)).toBe('52.5');
    expect(formatNumber(1.017900903938943)).toBe('1.018');
    expect(formatNumber(0.00822734320235077)).toBe('0.008227');
    expect(formatNumber(-0.5)).toBe('-0.5');
  });
  it('uses exponent notation for tiny values and names the non-finite ones', () => {
    expect(formatNumber(1.234e-7)).toBe('1.23e-7');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(null)).toBe('—');
  });
});

describe('formatCell', () => {
  it('formats by type', () => {
    expect(formatCell(true, 'boolean')).toBe('yes');
    expect(formatCell(null, 'number')).toBe('—');
    expect(formatCell('a,b', 'string')).toBe('a,b');
    expect(formatCell(1234, 'integer')).toBe('1,234');
  });
});
