import type { TryField } from '../../../core/predict/fields';

/** One field per column (or feature) of the run, labelled by its name, in raw values. */
export function TableForm({
  fields,
  values,
  onChange,
}: {
  fields: TryField[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
}) {
  return (
    <form className="try-form" onSubmit={(e) => e.preventDefault()}>
      {fields.map((f) => {
        const value = values[f.name] ?? '';
        const set = (v: string) => onChange(f.name, v);
        return (
          <label key={f.name} className="field">
            <span>{f.name}</span>
            {f.kind === 'choice' ? (
              <select value={value} onChange={(e) => set(e.target.value)}>
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type={f.kind === 'date' ? 'date' : 'number'}
                step="any"
                value={value}
                onChange={(e) => set(e.target.value)}
              />
            )}
          </label>
        );
      })}
    </form>
  );
}
