import { useId, useRef, useState } from 'react';
import type { ParamValue } from '../../core/graph/types';
import type { ParamSpec } from '../../core/layers/types';
import { parseParam } from '../../core/layers/registry';
import { formatParamValue } from './flowModel';
import { NumberField } from '../forms/NumberField';

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
  // Selects and checkboxes apply at once; typed values go through NumberField.
  const [error, setError] = useState<string | null>(null);
  // True once this focus session recorded an undo step: later keystrokes merge into it.
  const sessionStep = useRef(false);

  const apply = (raw: string) => {
    const parsed = parseParam(spec, raw);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    onCommit(parsed.value, false);
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
            onChange={(e) => apply(String(e.target.checked))}
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
          onChange={(e) => apply(e.target.value)}
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
    <NumberField<ParamValue | undefined>
      id={id}
      look="inspector"
      label={spec.label}
      help={spec.help}
      value={value}
      parse={(raw) => parseParam(spec, raw)}
      format={(v) => formatParamValue(spec, v)}
      // Lists are compared by what they show: the store may hold a copy of the parsed array.
      same={(a, b) => formatParamValue(spec, a) === formatParamValue(spec, b)}
      invalidBlur="keep"
      onCommit={(v) => {
        if (v === undefined) return;
        const changed = onCommit(v, sessionStep.current);
        if (changed) sessionStep.current = true;
      }}
      onBlur={() => {
        sessionStep.current = false;
      }}
      inputProps={{
        type: numeric ? 'number' : 'text',
        inputMode: spec.kind === 'int' ? 'numeric' : spec.kind === 'float' ? 'decimal' : 'text',
        ...(numeric ? { min: spec.min, max: spec.max, step: spec.kind === 'int' ? 1 : 'any' } : {}),
        placeholder: spec.kind === 'ints' ? 'e.g. 3, 3' : undefined,
        autoComplete: 'off',
        spellCheck: false,
        onFocus: () => {
          sessionStep.current = false;
        },
      }}
    />
  );
}
