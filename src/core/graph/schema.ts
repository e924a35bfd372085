/**
 * The zod schema of the model graph JSON (types.ts), shared by project files, share
 * links and run records. It checks structure, sizes and that each layer type is one this
 * app knows (parse, don't validate: the graph that comes out is typed by the registry);
 * params in range are checked where a graph is opened for editing. A record from a newer
 * app naming a layer this one lacks is listed as unreadable, saying which layer.
 */
import { z } from 'zod';
import type { ModelGraph } from './types';
import { isLayerType } from '../layers/registry';

/** Limits far above any model the editor can draw, far below what would hang the tab. */
export const MAX_NODES = 500;
export const MAX_EDGES = 2000;
const MAX_ID = 100;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const id = z.string().min(1).max(MAX_ID);

const paramValue = z.union([
  finite,
  z.string().max(200),
  z.boolean(),
  z.array(z.number().int().min(0).max(1e6)).max(8),
]);

const nodeSchema = z.strictObject({
  id,
  type: z
    .string()
    .max(100)
    .refine(isLayerType, {
      error: (issue) => `unknown type "${String(issue.input)}": this app has no such layer`,
    }),
  params: z.record(z.string().max(100), paramValue),
  position: z.strictObject({ x: finite, y: finite }),
});

const edgeSchema = z.strictObject({ id, source: id, target: id });

export const graphSchema: z.ZodType<ModelGraph> = z.strictObject({
  version: z.literal(1),
  nodes: z.array(nodeSchema).max(MAX_NODES),
  edges: z.array(edgeSchema).max(MAX_EDGES),
});
