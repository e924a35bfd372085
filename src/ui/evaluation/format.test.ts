import { describe, expect, it } from 'vitest';
import { fixed4, percent, reportCellText, shortNumber } from './format';

describe('evaluation number formats', () => {
  it('hooks hold plain 4-decimal fractions, empty when undefined', () => {
    expect(fixed4(0.83333)).toBe('0.8333');
    expect(fixed4(1)).toBe('1.0000');
    expect(fixed4(NaN)).toBe('');
    expect(fixed4(null)).toBe('');
  });

  it('marks a zero division in the per-class table', () => {
    expect(reportCellText({ value: 0, zeroDivision: true })).toBe('0.00*');
    expect(reportCellText({ value: 0.666, zeroDivision: false })).toBe('0.67');
  });

  it('writes shares and target values for reading', () => {
    expect(percent(0.125)).toBe('12.5%');
    expect(shortNumber(1234.56)).toBe('1,234.6');
    expect(shortNumber(0.5)).toBe('0.5');
    expect(shortNumber(0.001234)).toBe('1.23e-3');
  });
});
