/**
 * Parameter values at the edge: parsing what a user types in the inspector and checking
 * values loaded from storage against a layer's schema.
 */
import type { ParamValue } from '../graph/types';
import type { ParamSpec } from './types';

export type ParseResult = { ok: true; value: ParamValue } | { ok: false; message: string };

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

/** The sentence telling the user what a valid value looks like. */
export function expectation(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int':
      return `${spec.label} must be a whole number from ${fmt(spec.min)} to ${fmt(spec.max)}`;
    case 'float':
      return `${spec.label} must be a number from ${fmt(spec.min)} to ${fmt(spec.max)}`;
    case 'enum':
      return `${spec.label} must be one of ${spec.options.join(', ')}`;
    case 'bool':
      return `${spec.label} must be true or false`;
    case 'ints': {
      const count =
        spec.length !== undefined
          ? String(spec.length)
          : `${spec.minLength ?? 1} to ${spec.maxLength ?? 8}`;
      return `${spec.label} must be ${count} whole numbers from ${fmt(spec.min)} to ${fmt(spec.max)}, like ${spec.default.join(', ')}`;
    }
    default: {
      const never: never = spec;
      throw new Error(`Unknown param kind ${JSON.stringify(never)}`);
    }
  }
}

function intsLengthOk(spec: Extract<ParamSpec, { kind: 'ints' }>, n: number): boolean {
  if (spec.length !== undefined) return n === spec.length;
  return n >= (spec.minLength ?? 1) && n <= (spec.maxLength ?? 8);
}

/** Null when `value` is valid for `spec`, else the human message. */
export function checkParamValue(spec: ParamSpec, value: unknown): string | null {
  const inRange = (n: number, min: number, max: number) => n >= min && n <= max;
  let ok: boolean;
  switch (spec.kind) {
    case 'int':
      ok =
        typeof value === 'number' && Number.isInteger(value) && inRange(value, spec.min, spec.max);
      break;
    case 'float':
      ok =
        typeof value === 'number' && Number.isFinite(value) && inRange(value, spec.min, spec.max);
      break;
    case 'enum':
      ok = typeof value === 'string' && spec.options.includes(value);
      break;
    case 'bool':
      ok = typeof value === 'boolean';
      break;
    case 'ints':
      ok =
        Array.isArray(value) &&
        intsLengthOk(spec, value.length) &&
        value.every(
          (v: unknown) =>
            typeof v === 'number' && Number.isInteger(v) && inRange(v, spec.min, spec.max),
        );
      break;
    default: {
      const never: never = spec;
      throw new Error(`Unknown param kind ${JSON.stringify(never)}`);
    }
  }
  return ok ? null : expectation(spec);
}

const INT = /^[+-]?\d+$/;
const INT_WITH_COMMAS = /^\d{1,3}(,\d{3})+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseRaw(spec: ParamSpec, text: string): ParamValue | null {
  switch (spec.kind) {
    case 'int':
      if (INT.test(text)) return Number(text);
      return INT_WITH_COMMAS.test(text) ? Number(text.replace(/,/g, '')) : null;
    case 'float':
      return FLOAT.test(text) ? Number(text) : null;
    case 'enum':
      return spec.options.find((o) => o.toLowerCase() === text.toLowerCase()) ?? null;
    case 'bool': {
      const t = text.toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(t)) return true;
      return ['false', 'no', 'off', '0'].includes(t) ? false : null;
    }
    case 'ints': {
      // Accept "3, 3", "3x3", "3 × 3", "(28, 28, 1)", "[2]" and Python's "(2,)".
      const inner = text.replace(/^[([]\s*/, '').replace(/\s*[)\]]$/, '');
      const parts = inner.split(/\s*[,x×*\s]\s*/i).filter((s) => s !== '');
      if (parts.length === 0 || !parts.every((s) => INT.test(s))) return null;
      return parts.map(Number);
    }
    default: {
      const never: never = spec;
      throw new Error(`Unknown param kind ${JSON.stringify(never)}`);
    }
  }
}

/** Parses text typed in the inspector into a valid value, or says what is expected. */
export function parseParam(spec: ParamSpec, raw: string): ParseResult {
  const value = parseRaw(spec, raw.trim());
  const message = value === null ? expectation(spec) : checkParamValue(spec, value);
  return message === null && value !== null
    ? { ok: true, value }
    : { ok: false, message: message ?? expectation(spec) };
}
