import { useId, useState, type InputHTMLAttributes } from 'react';
import {
  EMPTY_FIELD_DRAFT,
  fieldError,
  fieldStep,
  fieldText,
  type FieldBehaviour,
  type FieldDraft,
  type FieldEvent,
} from '../../core/input/fieldDraft';
import type { Parsed } from '../../core/input/numberRule';

/** Class names of the two places fields appear: side panels and the layer inspector. */
const LOOKS = {
  panel: { field: 'field', help: 'help', error: 'error' },
  inspector: { field: 'param-field', help: 'field-help', error: 'field-error' },
} as const;

type PassedInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'onBlur' | 'onKeyDown' | 'aria-invalid' | 'aria-describedby'
>;

export interface NumberFieldProps<T> {
  label: string;
  /** The committed value; what the user types shows over it until committed or left. */
  value: T;
  parse: (raw: string) => Parsed<T>;
  onCommit: (value: T) => void;
  format?: (value: T) => string;
  /** 'input' (default): each valid keystroke commits; 'blur': leaving the field or Enter does. */
  commitOn?: FieldBehaviour<T>['commitOn'];
  /** On blur after a refused value: 'revert' (default) to the committed one, or 'keep' it with its message. */
  invalidBlur?: FieldBehaviour<T>['invalidBlur'];
  same?: FieldBehaviour<T>['same'];
  help?: string;
  /** A warning about the committed value (it is still accepted), shown below the field. */
  warning?: string | null;
  look?: keyof typeof LOOKS;
  /** The input's id; the help is `${id}-help`. Generated when absent. */
  id?: string;
  onBlur?: () => void;
  inputProps?: PassedInputProps;
}

/**
 * A labelled text or number input over a parsed value: a refused value keeps its text on
 * screen with the message (role="alert", aria-invalid) and leaves the value as it was.
 */
export function NumberField<T>(props: NumberFieldProps<T>) {
  const generated = useId();
  const id = props.id ?? generated;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const [state, setState] = useState<FieldDraft<T>>(EMPTY_FIELD_DRAFT);
  const behaviour: FieldBehaviour<T> = {
    parse: props.parse,
    commitOn: props.commitOn ?? 'input',
    invalidBlur: props.invalidBlur ?? 'revert',
    same: props.same,
  };
  const format = props.format ?? ((v: T) => (v === undefined ? '' : String(v)));
  const look = LOOKS[props.look ?? 'panel'];
  const error = fieldError(state, props.value, behaviour);

  const send = (event: FieldEvent) => {
    const step = fieldStep(state, event, props.value, behaviour);
    setState(step.state);
    if (step.commit) props.onCommit(step.commit.value);
  };

  const describedBy = [
    props.help ? helpId : null,
    props.warning ? warningId : null,
    error ? errorId : null,
  ].filter(Boolean);
  const HelpTag = look.help === 'help' ? 'small' : 'p';
  return (
    <div className={look.field}>
      <label htmlFor={id}>{props.label}</label>
      <input
        type="text"
        {...props.inputProps}
        id={id}
        value={fieldText(state, props.value, format, behaviour)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
        onChange={(e) => send({ type: 'input', raw: e.target.value })}
        onBlur={() => {
          send({ type: 'blur' });
          props.onBlur?.();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') send({ type: 'enter' });
          else if (e.key === 'Escape') send({ type: 'escape' });
        }}
      />
      {props.help && (
        <HelpTag id={helpId} className={look.help}>
          {props.help}
        </HelpTag>
      )}
      {props.warning && (
        <p id={warningId} className="field-warning" data-testid="field-warning">
          {props.warning}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className={look.error}>
          {error}
        </p>
      )}
    </div>
  );
}
