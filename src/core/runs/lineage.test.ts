import { describe, expect, it } from 'vitest';
import { NO_AUGMENTATION } from '../data/images/types';
import { applyRemedy } from '../train/diagnostics/remedies';
import {
  changesSinceRemedy,
  lineageFor,
  parentOf,
  sameDataChoice,
  type PendingRemedy,
} from './lineage';
import { testRecord } from './testRecords';

const parent = testRecord('parent');
const plan = applyRemedy('lr-divide-10', { ...parent, target: null });
if (plan.kind !== 'edit') throw new Error('the remedy must edit');
const pending: PendingRemedy = {
  parentId: parent.id,
  parentName: parent.name,
  remedyId: 'lr-divide-10',
  change: plan.change,
  graph: plan.graph,
  config: plan.config,
  datasetChoice: plan.datasetChoice,
};

describe('lineage', () => {
  it('links the next run to the parent while the workspace is the remedy’s', () => {
    expect(lineageFor(pending, plan)).toEqual({
      parentId: 'parent',
      remedyId: 'lr-divide-10',
      change: 'Learning rate 0.01 → 0.001',
    });
    expect(lineageFor(null, plan)).toBeNull();
  });

  it('does not link a run whose workspace changed since, and says what changed', () => {
    const moved = {
      ...plan,
      graph: {
        ...plan.graph,
        nodes: plan.graph.nodes.map((n) => ({ ...n, position: { x: 1, y: 2 } })),
      },
    };
    // Moving layers on the canvas is no change.
    expect(lineageFor(pending, moved)).not.toBeNull();
    const edited = { ...plan, config: { ...plan.config, epochs: 99 } };
    expect(lineageFor(pending, edited)).toBeNull();
    expect(changesSinceRemedy(pending, edited).map((c) => c.text)).toEqual(['epochs 30 → 99']);
  });

  it('treats an image upload with its fingerprint filled in as the same data', () => {
    const choice = {
      kind: 'upload' as const,
      format: 'images' as const,
      uploadId: 'u',
      name: 'pets',
      decode: { size: 'auto' as const, color: 'rgb' as const, centerCrop: false },
      scaling: 'unit' as const,
      augmentation: NO_AUGMENTATION,
    };
    const loaded = { ...choice, fingerprint: { hash: 'x', size: 9, files: 3 } };
    expect(sameDataChoice(choice, loaded)).toBe(true);
    expect(sameDataChoice(choice, { ...choice, uploadId: 'v' })).toBe(false);
  });

  it('finds the parent among the runs', () => {
    const child = testRecord('child', {
      lineage: { parentId: 'parent', remedyId: 'x', change: 'y' },
    });
    expect(parentOf(child, [child, parent])).toBe(parent);
    expect(parentOf(child, [child])).toBeUndefined();
    expect(parentOf(parent, [child, parent])).toBeUndefined();
  });
});
