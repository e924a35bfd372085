import { useId, useRef, useState } from 'react';
import type { ParamValue } from '../../core/graph/types';
import type { ParamSpec } from '../../core/layers/types';
import { parseParam } from '../../core/layers/registry';
import { formatParamValue } from './flowModel';

export interface ParamFieldProps {
  spec: ParamSpec;
  value: ParamValue | undefined;
  /**
   * Applies a parsed value. `merge` asks to fold it into the undo step of the previous
   * keystroke of the same typing session. Returns whether the graph changed.
   */
  onCommit: (value: ParamValue, merge: boolean) => boolean;
}

/**
 * One labelled control for a layer parameter. What the user types is parsed with the
 * registry's `parseParam`; a bad value is refused with its message and leaves the graph
 * as it was, a good one is applied at once.
 */
export function ParamField({ spec, value, onCommit }: ParamFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // True once this focus session recorded an undo step: later keystrokes merge into it.
  const sessionStep = useRef(false);

  const apply = (raw: string, typing: boolean) => {
    const parsed = parseParam(spec, raw);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    const changed = onCommit(parsed.value, typing && sessionStep.current);
    if (changed && typing) sessionStep.current = true;
  };

  const describedBy = error ? `${helpId} ${errorId}` : helpId;
  const help = (
    <p className="field-help" id={helpId}>
      {spec.help}
    </p>
  );
  const errorNote = error && (
    <p className="field-error" id={errorId} role="alert">
      {error}
    </p>
  );

  if (spec.kind === 'bool') {
    return (
      <div className="param-field param-bool">
        <div className="param-bool-row">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-describedby={describedBy}
            onChange={(e) => apply(String(e.target.checked), false)}
          />
          <label htmlFor={id}>{spec.label}</label>
        </div>
        {help}
        {errorNote}
      </div>
    );
  }

  if (spec.kind === 'enum') {
    return (
      <div className="param-field">
        <label htmlFor={id}>{spec.label}</label>
        <select
          id={id}
          value={typeof value === 'string' ? value : spec.default}
          aria-describedby={describedBy}
          onChange={(e) => apply(e.target.value, false)}
        >
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        {help}
        {errorNote}
      </div>
    );
  }

  const numeric = spec.kind === 'int' || spec.kind === 'float';
  return (
    <div className="param-field">
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        type={numeric ? 'number' : 'text'}
        inputMode={spec.kind === 'int' ? 'numeric' : spec.kind === 'float' ? 'decimal' : 'text'}
        {...(numeric
          ? { min: spec.min, max: spec.max, step: spec.kind === 'int' ? 1 : 'any' }
          : {})}
        placeholder={spec.kind === 'ints' ? 'e.g. 3, 3' : undefined}
        value={draft ?? formatParamValue(spec, value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        onFocus={() => {
          sessionStep.current = false;
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          apply(e.target.value, true);
        }}
        onBlur={() => {
          sessionStep.current = false;
          // A refused value stays on screen with its message until it is fixed.
          if (!error) setDraft(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
      />
      {help}
      {errorNote}
    </div>
  );
}
