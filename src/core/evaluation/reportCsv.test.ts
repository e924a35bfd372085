import { describe, expect, it } from 'vitest';
import { classificationReport } from './report';
import { classReportCsv, confusionCsv, csvField } from './reportCsv';

describe('report CSV', () => {
  it('quotes only the fields that need it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('writes the per-class table in sklearn order, zero divisions named', () => {
    // Class 2 is never predicted (precision 0/0) and has no rows (recall 0/0).
    const report = classificationReport([0, 0, 1, 1], [0, 1, 1, 1], 3);
    const csv = classReportCsv(report, ['cat', 'dog, big', 'bird']);
    expect(csv.split('\n')).toEqual([
      'class,precision,recall,f1-score,support,zero_division',
      'cat,1,0.5,0.666667,2,',
      '"dog, big",0.666667,1,0.8,2,',
      'bird,0,0,0,0,precision recall f1',
      'accuracy,,,0.75,4,',
      'macro avg,0.555556,0.5,0.488889,4,precision recall f1',
      'weighted avg,0.833333,0.75,0.733333,4,',
      '',
    ]);
  });

  it('writes a matrix with class names on both axes', () => {
    expect(
      confusionCsv(
        [
          [3, 1],
          [0, 2],
        ],
        ['no', 'yes'],
      ),
    ).toBe('actual \\ predicted,no,yes\nno,3,1\nyes,0,2\n');
    expect(confusionCsv([[0.25]], [])).toBe('actual \\ predicted,0\n0,0.25\n');
  });
});
