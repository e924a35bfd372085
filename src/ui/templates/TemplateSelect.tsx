import { presetGraph, type PresetName } from '../../core/graph/presets';
import { fitGraphToDataset } from '../../core/graph/edit';
import { targetForDataset } from '../../core/data/target';
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { presetOrigin } from '../../core/templates/proposal';

const TEMPLATES: { value: PresetName; label: string }[] = [
  { value: 'default', label: 'Small MLP (two hidden layers of 8)' },
  { value: 'mlp', label: 'Keras quickstart MLP (Dense 128, Dropout)' },
  { value: 'cnn', label: 'Small CNN (two 3×3 convolutions)' },
];

/** Replaces the model with a template fitted to the current dataset; one undo step. */
export function applyTemplate(name: PresetName): void {
  const s = useAppStore.getState();
  let graph = presetGraph(name);
  let changes: string[] = [];
  if (s.dataset)
    ({ graph, changes } = fitGraphToDataset(
      graph,
      s.dataset.featureShape,
      targetForDataset(s.dataset),
    ));
  s.setGraph(graph, presetOrigin(name, graph));
  const label = TEMPLATES.find((t) => t.value === name)?.label ?? name;
  s.pushNotice(
    'info',
    `Model replaced by the template “${label}”${changes.length ? `, fitted to the data: ${changes.join('; ')}` : ''}. Undo (Ctrl+Z) brings back the previous model.`,
  );
}

/** A native select of starting models (graph only; the gallery sets up a whole pipeline). */
export function TemplateSelect() {
  const active = useAppStore(selectTrainingActive);
  return (
    <label className="field">
      <span>Model template</span>
      <select
        value=""
        onChange={(e) => {
          if (e.target.value) applyTemplate(e.target.value as PresetName);
        }}
      >
        <option value="">Start from a template…</option>
        {TEMPLATES.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
      {active && <small className="help">Changes apply to the next run.</small>}
    </label>
  );
}
