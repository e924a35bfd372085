/**
 * Reading stored run records: migrate old schema versions forward, then validate.
 * A record that cannot be read (corrupt, or written by a newer version of the app)
 * becomes an `UnreadableRun` with its id and name where they can be found, so the
 * runs list can show it instead of breaking.
 */
import { RUN_SCHEMA_VERSION, runRecordSchema, type RunRecord } from './record';

export interface UnreadableRun {
  id: string;
  name: string;
  /** Human reason, e.g. "written by a newer version of the app (schema 3)". */
  reason: string;
}

export type StoredRun = { ok: true; record: RunRecord } | { ok: false; unreadable: UnreadableRun };

type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[v] turns a record of schema v into schema v + 1. Never edit a released
 * step; add the next one and commit fixtures/v<N>.json of the new schema.
 */
const MIGRATIONS: Record<number, Migration> = {
  // v2 keeps weights: runs from v1 had none.
  1: (r) => ({ ...r, checkpoints: { final: null, best: null } }),
  // v3 fingerprints the data's content and keeps a CSV run's pipeline: older runs have no
  // fingerprint, and their fitted state was not kept (the spec is in the dataset choice).
  2: (r) => {
    const dataset = isObject(r.dataset) ? { ...r.dataset, content: null } : r.dataset;
    const choice = r.datasetChoice;
    const spec =
      isObject(choice) &&
      choice.kind === 'upload' &&
      choice.format === 'csv' &&
      isObject(choice.spec)
        ? choice.spec
        : null;
    return { ...r, dataset, pipeline: spec ? { spec, fitted: null } : null };
  },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function identify(raw: unknown, fallbackId: string): { id: string; name: string } {
  if (!isObject(raw)) return { id: fallbackId, name: '(unnamed run)' };
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : fallbackId;
  const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : '(unnamed run)';
  return { id, name };
}

/** Migrates a stored value to the current schema and validates it. */
export function readStoredRun(raw: unknown, fallbackId = '(unknown id)'): StoredRun {
  const who = identify(raw, fallbackId);
  const fail = (reason: string): StoredRun => ({ ok: false, unreadable: { ...who, reason } });
  if (!isObject(raw)) return fail('the stored value is not a run record');
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('the record has no valid schema version');
  if (version > RUN_SCHEMA_VERSION)
    return fail(`written by a newer version of the app (schema ${version}); update the app`);
  let current: Record<string, unknown> = raw;
  for (let v = version; v < RUN_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return fail(`no migration from schema ${v}`);
    current = { ...step(current), schemaVersion: v + 1 };
  }
  const parsed = runRecordSchema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || 'record' : 'record';
    return fail(`the record is damaged (${where}: ${issue?.message ?? 'invalid'})`);
  }
  const record: RunRecord = parsed.data;
  return { ok: true, record };
}
