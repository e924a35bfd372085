import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareClassReports, reportFromConfusion, runClassReport } from './compareReports';
import { confusionMatrix } from './confusion';
import { classificationReport } from './report';

describe('comparing per-class reports', () => {
  it('a report from confusion counts equals the report from the rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          maxLength: 40,
        }),
        (pairs) => {
          const actual = pairs.map((p) => p[0]);
          const predicted = pairs.map((p) => p[1]);
          const fromRows = classificationReport(actual, predicted, 4);
          const fromCounts = reportFromConfusion(confusionMatrix(actual, predicted, 4));
          expect(fromCounts).toEqual(fromRows);
        },
      ),
    );
  });

  it('matches classes by name and marks what differs from the first run', () => {
    const a = {
      report: classificationReport([0, 0, 1, 1], [0, 0, 1, 0], 2),
      classNames: ['cat', 'dog'],
      source: 'outputs' as const,
    };
    // Same classes in the other order, one more error.
    const b = {
      report: classificationReport([1, 1, 0, 0], [1, 0, 0, 1], 2),
      classNames: ['dog', 'cat'],
      source: 'confusion' as const,
    };
    const rows = compareClassReports([a, null, b]);
    expect(rows.map((r) => r.label)).toEqual(['cat', 'dog', 'macro avg', 'weighted avg']);
    const cat = rows[0]!;
    expect(cat.runs[1]).toBeNull();
    expect(cat.runs[0]!.recall).toMatchObject({ value: 1, delta: null, differs: false });
    // cat in b: 1 of 2 rows right; precision 1/2.
    expect(cat.runs[2]!.recall.value).toBe(0.5);
    expect(cat.runs[2]!.recall.delta).toBe(-0.5);
    expect(cat.runs[2]!.recall.differs).toBe(true);
    expect(cat.runs[2]!.support).toBe(2);
    const same = compareClassReports([a, a]);
    expect(same.every((r) => r.runs.every((c) => c && !c.f1.differs))).toBe(true);
  });

  it('a class only one run has is listed with gaps for the others', () => {
    const two = {
      report: classificationReport([0, 1], [0, 1], 2),
      classNames: ['x', 'y'],
      source: 'outputs' as const,
    };
    const three = {
      report: classificationReport([0, 1, 2], [0, 1, 2], 3),
      classNames: ['x', 'y', 'z'],
      source: 'outputs' as const,
    };
    const z = compareClassReports([two, three]).find((r) => r.label === 'z')!;
    expect(z.runs[0]).toBeNull();
    expect(z.runs[1]!.f1).toMatchObject({ value: 1, delta: null });
  });
});

describe("a run's per-class report", () => {
  const dataset = { name: 'd', n: 4, featureShape: [1], classNames: ['no', 'yes'], content: null };
  const evaluation = {
    loss: 0.4,
    confusion: [
      [1, 1],
      [0, 2],
    ],
  };
  const outputs = {
    task: 'binary' as const,
    classNames: ['no', 'yes'],
    trainLabels: Float32Array.from([0, 0, 1]),
    validation: null,
    test: {
      rows: Int32Array.from([0, 1, 2, 3]),
      labels: Float32Array.from([0, 0, 1, 1]),
      outputs: Float32Array.from([0.2, 0.6, 0.7, 0.9]),
      units: 1,
      splitSize: 4,
    },
  };

  it('uses the stored outputs at the kept decision', () => {
    const at05 = runClassReport({ evaluation, dataset }, outputs)!;
    expect(at05.source).toBe('outputs');
    expect(at05.report.classes[0]!.recall.value).toBe(0.5);
    const at065 = runClassReport(
      { evaluation, dataset, decision: { positive: 1, threshold: 0.65 } },
      outputs,
    )!;
    expect(at065.report.classes[0]!.recall.value).toBe(1);
  });

  it('falls back on the confusion counts of an older record, and has none for regression', () => {
    const old = runClassReport({ evaluation, dataset }, null)!;
    expect(old.source).toBe('confusion');
    expect(old.report.classes[1]!.recall.value).toBe(1);
    expect(runClassReport({ evaluation: { loss: 1, mae: 2 }, dataset }, null)).toBeNull();
  });
});
