import type { AugmentationSpec } from '../../../core/data/images/types';
import { RangeField } from '../../forms/RangeField';

const FIELDS: { key: keyof AugmentationSpec; label: string; max: number; step: number }[] = [
  { key: 'flipHorizontal', label: 'Horizontal flip (probability)', max: 1, step: 0.05 },
  { key: 'flipVertical', label: 'Vertical flip (probability)', max: 1, step: 0.05 },
  { key: 'rotation', label: 'Rotation (± degrees)', max: 180, step: 1 },
  { key: 'shift', label: 'Shift (± fraction)', max: 0.5, step: 0.01 },
  { key: 'zoom', label: 'Zoom (± fraction)', max: 0.5, step: 0.01 },
  { key: 'brightness', label: 'Brightness (±)', max: 1, step: 0.01 },
  { key: 'contrast', label: 'Contrast (± fraction)', max: 1, step: 0.01 },
];

/** Strength of each augmentation; applied on the fly to training batches in the worker. */
export function AugmentationControls(props: {
  spec: AugmentationSpec;
  onChange: (spec: AugmentationSpec) => void;
}) {
  return (
    <details className="augmentation">
      <summary>Augmentation (training batches only)</summary>
      {FIELDS.map((f) => (
        <RangeField
          key={f.key}
          label={f.label}
          value={props.spec[f.key]}
          min={0}
          max={f.max}
          step={f.step}
          format={String}
          onChange={(v) => props.onChange({ ...props.spec, [f.key]: v })}
        />
      ))}
    </details>
  );
}
