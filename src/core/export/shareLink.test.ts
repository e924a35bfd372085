import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultGraph } from '../graph/presets';
import { DEFAULT_TRAINING_CONFIG } from '../train/types';
import {
  crc32,
  decodeShare,
  encodeShare,
  shareFragment,
  sharePayload,
  SHARE_PREFIX,
} from './shareLink';
import { workspaceArb } from './testArbitraries';
import type { Workspace } from './workspaceSchema';

const base: Workspace = {
  graph: defaultGraph(),
  datasetChoice: { kind: 'synthetic', id: 'xor', size: 300, noise: 0.2 },
  config: { ...DEFAULT_TRAINING_CONFIG, learningRate: 0.05 },
};

describe('share links', () => {
  it('checksums with standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('decode(encode(ws)) deep-equals ws', () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        expect(decodeShare(encodeShare(ws))).toEqual({ ok: true, value: ws, warnings: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('is URL-safe and short for the default model', () => {
    const fragment = shareFragment(base);
    expect(fragment.ok).toBe(true);
    if (!fragment.ok) return;
    expect(fragment.value.startsWith(SHARE_PREFIX)).toBe(true);
    expect(fragment.value.slice(3)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fragment.value.length).toBeLessThan(1500);
    expect(sharePayload(fragment.value)).toBe(encodeShare(base));
  });

  it('refuses a truncated link with a message', () => {
    const payload = encodeShare(base);
    for (const cut of [1, 5, Math.floor(payload.length / 2), payload.length - 3]) {
      const result = decodeShare(payload.slice(0, cut));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/share link/);
    }
  });

  it('refuses tampered links with a message', () => {
    const payload = encodeShare(base);
    fc.assert(
      fc.property(
        fc.nat(payload.length - 1),
        fc.constantFrom(...'ABCxyz019-_'.split('')),
        (i, c) => {
          fc.pre(payload[i] !== c);
          const tampered = payload.slice(0, i) + c + payload.slice(i + 1);
          const result = decodeShare(tampered);
          // A change in unused base64 or deflate padding bits can leave the content intact;
          // any other change is caught by the checksum, never opened as another model.
          if (result.ok) expect(result.value).toEqual(base);
          else expect(result.message).toMatch(/share link/i);
        },
      ),
      { numRuns: 1000 },
    );
    expect(decodeShare('!!!not base64').ok).toBe(false);
    expect(decodeShare('AA' + payload.slice(2))).toMatchObject({ ok: false });
  });

  it('refuses a valid link whose content breaks the schema', () => {
    const hostile = {
      ...base,
      graph: { ...base.graph, nodes: [{ ...base.graph.nodes[0]!, type: 'Lambda' }] },
    };
    const result = decodeShare(encodeShare(hostile as Workspace));
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/unknown type "Lambda"/);
  });

  it('offers a project file above 8 KB', () => {
    const nodes = Array.from({ length: 400 }, (_, i) => ({
      id: `dense_${i}_${Math.random().toString(36).slice(2)}`,
      type: 'Dense' as const,
      params: { units: (i * 7919) % 65536 || 1, activation: 'relu', useBias: true },
      position: { x: Math.random() * 1000, y: Math.random() * 1000 },
    }));
    const big: Workspace = { ...base, graph: { version: 1, nodes, edges: [] } };
    const result = shareFragment(big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/Save project/);
  });
});
