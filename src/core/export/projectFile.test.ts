import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultGraph } from '../graph/presets';
import { DEFAULT_TRAINING_CONFIG } from '../train/types';
import { parseProject, serializeProject } from './projectFile';
import { workspaceArb } from './testArbitraries';
import type { Workspace } from './workspaceSchema';

const base: Workspace = {
  graph: defaultGraph(),
  datasetChoice: { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 },
  config: DEFAULT_TRAINING_CONFIG,
};

/** The project file of `base` as a plain object to tamper with. */
function baseFile(): Record<string, unknown> & { graph: { nodes: Record<string, unknown>[] } } {
  return JSON.parse(serializeProject(base)) as ReturnType<typeof baseFile>;
}

function refused(text: string): string {
  const start = performance.now();
  const result = parseProject(text);
  const ms = performance.now() - start;
  expect(result.ok).toBe(false);
  expect(ms).toBeLessThan(500);
  return result.ok ? '' : result.message;
}

describe('project files', () => {
  it('round-trips any valid workspace', () => {
    fc.assert(
      fc.property(workspaceArb, (ws) => {
        const result = parseProject(serializeProject(ws));
        expect(result).toEqual({ ok: true, value: ws, warnings: [] });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a __proto__ key anywhere, without polluting prototypes', () => {
    const text = serializeProject(base).replace(
      '"units": 8',
      '"units": 8, "__proto__": { "polluted": true }',
    );
    expect(text).toContain('__proto__');
    expect(refused(text)).toMatch(/forbidden key .*__proto__/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const top = `{"__proto__": {"polluted": 1}, ${serializeProject(base).slice(1)}`;
    expect(refused(top)).toMatch(/__proto__/);
  });

  it('refuses nesting 10,000 deep before parsing', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(refused(deep)).toMatch(/nested too deeply/);
    const inParams = serializeProject(base).replace('"units": 8', `"units": ${deep}`);
    expect(refused(inParams)).toMatch(/nested too deeply/);
  });

  it('refuses a million nodes quickly', () => {
    const file = baseFile();
    const text = JSON.stringify(file).replace('"nodes":[', `"nodes":[${'{},'.repeat(1_000_000)}`);
    expect(refused(text)).toMatch(/1,000,0\d\d layers|too large/);
    const small = JSON.stringify({ ...file, graph: { ...file.graph, nodes: Array(600).fill({}) } });
    expect(refused(small)).toMatch(/600 layers; at most 500/);
  });

  it('refuses units 1e12, NaN strings, unknown layer types and unknown params', () => {
    const withDense = (patch: Record<string, unknown>) => {
      const file = baseFile();
      const dense = file.graph.nodes.find((n) => n['type'] === 'Dense')!;
      Object.assign(dense, patch);
      return JSON.stringify(file);
    };
    const denseParams = baseFile().graph.nodes.find((n) => n['type'] === 'Dense')!['params'];
    expect(refused(withDense({ params: { ...(denseParams as object), units: 1e12 } }))).toMatch(
      /Units must be a whole number from 1 to 65,536/,
    );
    expect(refused(withDense({ params: { ...(denseParams as object), units: 'NaN' } }))).toMatch(
      /Units must be/,
    );
    expect(refused(withDense({ type: 'Lambda' }))).toMatch(/unknown type "Lambda"/);
    expect(refused(withDense({ params: { code: 'x' } }))).toMatch(/unknown parameter "code"/);
    const file = baseFile();
    (file['config'] as Record<string, unknown>)['learningRate'] = 'NaN';
    expect(refused(JSON.stringify(file))).toMatch(/config\.learningRate/);
  });

  it('refuses files that are not projects with a message', () => {
    expect(refused('not json')).toMatch(/not valid JSON/);
    expect(refused('[]')).toMatch(/does not hold a project/);
    expect(refused('{"graph": {}}')).toMatch(/not a Train Smarter project/);
    expect(refused(JSON.stringify({ ...baseFile(), version: 99 }))).toMatch(/version 99/);
    expect(refused('x'.repeat(3_000_000))).toMatch(/too large/);
    const file = baseFile();
    (file.graph as unknown as { edges: unknown[] }).edges.push({
      id: 'x',
      source: 'nope',
      target: 'dense_1',
    });
    expect(refused(JSON.stringify(file))).toMatch(/Connection "x"/);
  });

  it('never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = parseProject(text);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 300 },
    );
  });
});
