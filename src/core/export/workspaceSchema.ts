/**
 * The zod schema of what a project file and a share link carry: the model graph, the
 * dataset choice and the training settings. Anything loaded from outside goes through
 * `parseWorkspace` once; the rest of the app only sees typed, checked values.
 */
import { z } from 'zod';
import type { DatasetChoice } from '../data/types';
import { SYNTHETIC_IDS } from '../data/synthetic';
import { graphSchema, MAX_EDGES, MAX_NODES } from '../graph/schema';
import type { GraphNode, ModelGraph } from '../graph/types';
import type { TrainingConfig } from '../train/types';
import {
  trainingConfigSchema,
  trainingConfigWarnings,
  unknownSettings,
} from '../train/settingsSchema';
import { getLayer, validateParams } from '../layers/registry';

export { MAX_EDGES, MAX_NODES };

/** Augmentation of a built-in image set, in the ranges of the upload dialog's controls. */
const augmentationSchema = z.strictObject({
  flipHorizontal: z.number().min(0).max(1),
  flipVertical: z.number().min(0).max(1),
  rotation: z.number().min(0).max(180),
  shift: z.number().min(0).max(0.5),
  zoom: z.number().min(0).max(0.5),
  brightness: z.number().min(0).max(1),
  contrast: z.number().min(0).max(1),
});

const datasetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('synthetic'),
    id: z.enum(SYNTHETIC_IDS),
    size: z.number().int().min(10).max(100000),
    noise: z.number().min(0).max(10),
  }),
  z.strictObject({
    kind: z.literal('bundled'),
    id: z.enum(['wine', 'fashion-mnist']),
    limit: z.number().int().min(1).max(1e7).optional(),
    augmentation: augmentationSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal('upload'),
    format: z.enum(['images', 'csv']),
    name: z.string().max(500),
  }),
]);

export const workspaceSchema = z.strictObject({
  graph: graphSchema,
  datasetChoice: datasetSchema,
  config: trainingConfigSchema,
});

/** A built-in dataset, which a project can reload by itself. */
export type BuiltInChoice = Extract<DatasetChoice, { kind: 'synthetic' | 'bundled' }>;

/** An uploaded dataset is named, not carried: projects and links hold no data. */
export interface UploadReference {
  kind: 'upload';
  format: 'images' | 'csv';
  name: string;
}

/** What a project file or share link restores. */
export interface Workspace {
  graph: ModelGraph;
  datasetChoice: BuiltInChoice | UploadReference;
  config: TrainingConfig;
}

/** The dataset part of a workspace: built-in choices as they are, uploads by name only. */
export function workspaceDataset(choice: DatasetChoice): Workspace['datasetChoice'] {
  if (choice.kind !== 'upload') return choice;
  return { kind: 'upload', format: choice.format, name: choice.name };
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A parsed workspace and what the user should know about it: settings outside their
 * ranges (which open, but must change before training) and settings this app drops.
 */
export type WorkspaceOutcome =
  { ok: true; value: Workspace; warnings: string[] } | { ok: false; message: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first key that could pollute prototypes, as a path, or null. Iterative: no deep recursion. */
export function findForbiddenKey(value: unknown): string | null {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    for (const key of Object.keys(v)) {
      const p = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return p;
      stack.push({ v: (v as Record<string, unknown>)[key], path: p });
    }
  }
  return null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * The graph from what the schema accepted, checking the meaning the schema cannot: known
 * layer types (narrowed to LayerType here), params in range, edges between nodes.
 */
function parseGraph(graph: z.infer<typeof graphSchema>): ParseOutcome<ModelGraph> {
  const fail = (message: string) => ({ ok: false, message }) as const;
  const ids = new Set<string>();
  const nodes: GraphNode[] = [];
  for (const node of graph.nodes) {
    if (ids.has(node.id)) return fail(`Two layers share the id "${node.id}".`);
    ids.add(node.id);
    const spec = getLayer(node.type);
    if (!spec) return fail(`Layer "${node.id}" has the unknown type "${node.type}".`);
    const known = new Set(spec.params.map((p) => p.name));
    const extra = Object.keys(node.params).find((k) => !known.has(k));
    if (extra !== undefined) {
      return fail(`Layer "${node.id}" (${node.type}) has an unknown parameter "${extra}".`);
    }
    const bad = Object.entries(validateParams(node.type, node.params))[0];
    if (bad) return fail(`Layer "${node.id}" (${node.type}): ${bad[1]}.`);
    nodes.push({ ...node, type: spec.type });
  }
  for (const edge of graph.edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) {
      return fail(`Connection "${edge.id}" joins a layer that is not in the file.`);
    }
  }
  return { ok: true, value: { ...graph, nodes } };
}

/**
 * Turns untrusted parsed JSON into a Workspace, or says what is wrong with it.
 * `where` names the source in messages ("The project file", "The share link").
 */
export function parseWorkspace(raw: unknown, where: string): WorkspaceOutcome {
  const forbidden = findForbiddenKey(raw);
  if (forbidden !== null) {
    return { ok: false, message: `${where} contains the forbidden key "${forbidden}".` };
  }
  // Counted before zod, which would otherwise check every element of a huge array first.
  const nodes = (raw as { graph?: { nodes?: unknown } } | null)?.graph?.nodes;
  if (Array.isArray(nodes) && nodes.length > MAX_NODES) {
    return {
      ok: false,
      message: `${where} has ${nodes.length.toLocaleString('en-US')} layers; at most ${MAX_NODES} are supported.`,
    };
  }
  const edges = (raw as { graph?: { edges?: unknown } } | null)?.graph?.edges;
  if (Array.isArray(edges) && edges.length > MAX_EDGES) {
    return { ok: false, message: `${where} has too many connections (at most ${MAX_EDGES}).` };
  }
  const parsed = workspaceSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      message: `${where} is not valid: ${first ? describeIssue(first) : 'unknown problem'}.`,
    };
  }
  const graph = parseGraph(parsed.data.graph);
  if (!graph.ok) return { ok: false, message: `${where} is not valid: ${graph.message}` };
  const ws = { ...parsed.data, graph: graph.value } as Workspace;
  const dropped = unknownSettings((raw as { config?: unknown }).config).map(
    (key) => `${where} has the setting "${key}", which this app does not know; it was ignored.`,
  );
  return {
    ok: true,
    value: ws,
    warnings: [...trainingConfigWarnings(ws.config, where), ...dropped],
  };
}

/**
 * Deepest nesting of brackets in JSON text, counted without parsing (strings skipped), so
 * a hostile file is refused before JSON.parse ever sees it. Stops counting past `limit`.
 */
export function jsonNestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return max;
}

export const MAX_JSON_DEPTH = 12;

/** JSON.parse behind size and depth checks; messages name `where`. */
export function parseJsonSafely(
  text: string,
  maxChars: number,
  where: string,
): ParseOutcome<unknown> {
  if (text.length > maxChars) {
    return {
      ok: false,
      message: `${where} is too large (${(text.length / 1e6).toFixed(1)} MB; at most ${(maxChars / 1e6).toFixed(1)} MB).`,
    };
  }
  if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { ok: false, message: `${where} is nested too deeply to be a project.` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return {
      ok: false,
      message: `${where} is not valid JSON (${err instanceof Error ? err.message : String(err)}).`,
    };
  }
}
