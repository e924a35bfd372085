/**
 * Project files: the graph, the dataset choice and the training settings as JSON (no
 * data, no fitted state). Opening one validates it fully before anything changes.
 */
import {
  parseJsonSafely,
  parseWorkspace,
  type Workspace,
  type WorkspaceOutcome,
} from './workspaceSchema';

export const PROJECT_FORMAT = 'train-smarter-project';
export const PROJECT_VERSION = 1;
/** A project holds no data: even 500 layers stay far below this. */
export const MAX_PROJECT_CHARS = 2_000_000;

/** The JSON text of a project file. */
export function serializeProject(ws: Workspace): string {
  const file = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    graph: ws.graph,
    datasetChoice: ws.datasetChoice,
    config: ws.config,
  };
  return JSON.stringify(file, null, 2);
}

/** Parses a project file's text into a Workspace, or a message saying what is wrong. */
export function parseProject(text: string): WorkspaceOutcome {
  const where = 'The project file';
  const json = parseJsonSafely(text, MAX_PROJECT_CHARS, where);
  if (!json.ok) return json;
  const raw = json.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, message: `${where} does not hold a project object.` };
  }
  const { format, version, ...rest } = raw as Record<string, unknown>;
  if (format !== PROJECT_FORMAT) {
    return { ok: false, message: `${where} is not a Train Smarter project (no "format" field).` };
  }
  if (version !== PROJECT_VERSION) {
    return {
      ok: false,
      message: `${where} has version ${JSON.stringify(version)}; this app opens version ${PROJECT_VERSION}.`,
    };
  }
  return parseWorkspace(rest, where);
}
