import { useId } from 'react';

export interface RangeFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  /**
   * When the user lets go of the slider (pointer or key up): for work too heavy to redo
   * at every step of a drag.
   */
  onRelease?: () => void;
  /** The value as shown (an `<output>`); not shown without it. */
  format?: (value: number) => string;
  /** Read out instead of the number, when the number alone does not say what it means. */
  valueText?: string;
  disabled?: boolean;
  /**
   * On one line, the value after the slider (toolbars); else the label and value above
   * the slider, as "Label: value" (side panels).
   */
  inline?: boolean;
  /** More classes for the field. */
  className?: string;
  /** data-testid of the shown value. */
  valueTestId?: string;
}

/** A labelled slider over a number, with its value shown next to it. */
export function RangeField(props: RangeFieldProps) {
  const id = useId();
  const { format, inline = false } = props;
  const shown = format && (
    <output htmlFor={id} data-testid={props.valueTestId}>
      {format(props.value)}
    </output>
  );
  const classes = ['field', inline ? 'inline' : null, props.className ?? null];
  return (
    <label className={classes.filter(Boolean).join(' ')} htmlFor={id}>
      <span>
        {props.label}
        {!inline && shown && <>: {shown}</>}
      </span>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        aria-valuetext={props.valueText}
        onChange={(e) => props.onChange(Number(e.target.value))}
        onPointerUp={props.onRelease}
        onKeyUp={props.onRelease}
      />
      {inline && shown}
    </label>
  );
}
