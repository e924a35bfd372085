/**
 * Export/import messages of the training worker protocol (joined into ToWorker and
 * FromWorker in ../protocol.ts). Files cross as transferred ArrayBuffers.
 */
import type { ModelGraph } from '../../core/graph/types';
import type { ModelFile } from '../../core/export/modelFiles';

/** Which model a prediction uses: the last trained one, or the last imported one. */
export type ModelSource = 'trained' | 'imported';

export type ExportToWorker =
  | { type: 'exportModel'; requestId: number }
  /** A zip, or model.json with its .bin files (and optionally preprocessing.json). */
  | { type: 'importModel'; requestId: number; files: ModelFile[] }
  /** Predictions on fixed inputs, row-major with `shape` (batch first). */
  | { type: 'predict'; requestId: number; source: ModelSource; values: number[]; shape: number[] };

export type ExportFromWorker =
  | { type: 'modelExported'; requestId: number; files: ModelFile[] }
  | { type: 'modelImported'; requestId: number; graph: ModelGraph }
  | { type: 'predicted'; requestId: number; values: number[]; shape: number[] }
  /** `unsupported` lists layers the registry lacks when that is the reason. */
  | { type: 'exportFailed'; requestId: number; message: string; unsupported: string[] };

export const EXPORT_MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'exportModel',
  'importModel',
  'predict',
]);
