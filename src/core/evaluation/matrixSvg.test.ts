import { describe, expect, it } from 'vitest';
import { confusionCellColors } from './colorScale';
import { confusionMatrixSvg } from './matrixSvg';

describe('confusion matrix picture', () => {
  const svg = confusionMatrixSvg({
    title: 'Test <split>',
    classNames: ['no', 'yes & maybe'],
    text: [
      ['3', '1'],
      ['0', '2'],
    ],
    shade: [
      [1, 0.25],
      [0, 1],
    ],
    theme: 'light',
  });

  it('draws one coloured cell per count with its readable text colour', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect x=/g)?.length).toBe(4);
    const full = confusionCellColors(1, 'light');
    expect(svg).toContain(`fill="${full.background}"`);
    expect(svg).toContain(`fill="${full.text}">3</text>`);
  });

  it('names both axes and escapes text', () => {
    expect(svg).toContain('>Predicted</text>');
    expect(svg).toContain('>Actual</text>');
    expect(svg).toContain('Test &#60;split&#62;');
    expect(svg).toContain('yes &#38; maybe');
    expect(svg).not.toContain('yes & maybe');
  });
});
