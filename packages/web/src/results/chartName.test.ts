import { describe, expect, it } from 'vitest';
import { chartName } from './chartName.ts';

describe('chartName', () => {
  it('prefers the block title, then the spec title in any of its forms, then the description', () => {
    expect(chartName('Survival by arm', { title: 'ignored' })).toBe('Survival by arm');
    expect(chartName(undefined, { title: 'Spec title' })).toBe('Spec title');
    expect(chartName(undefined, { title: ['Two', 'lines'] })).toBe('Two lines');
    expect(chartName(undefined, { title: { text: 'Object title' } })).toBe('Object title');
    expect(chartName(undefined, { description: 'What it shows' })).toBe('What it shows');
    expect(chartName(undefined, {})).toBe('Chart');
  });
});
