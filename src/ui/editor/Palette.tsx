import { useId, useMemo, useState, type DragEvent } from 'react';
import { LAYERS, type LayerType } from '../../core/layers/registry';
import type { LayerCategory, LayerSpec } from '../../core/layers/types';
import { useAppStore } from '../../state/store';
import { CATEGORY_ORDER, categoryClass } from './categories';
import { setDraggedLayer } from './layerDnd';
import './editor.css';

type PaletteLayer = LayerSpec<LayerType>;

function groupByCategory(layers: readonly PaletteLayer[]): [LayerCategory, PaletteLayer[]][] {
  const groups = new Map<LayerCategory, PaletteLayer[]>();
  for (const layer of layers) {
    const list = groups.get(layer.category) ?? [];
    list.push(layer);
    groups.set(layer.category, list);
  }
  const rank = (c: LayerCategory) => {
    const i = CATEGORY_ORDER.indexOf(c);
    return i < 0 ? CATEGORY_ORDER.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

function matches(layer: PaletteLayer, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return (
    layer.type.toLowerCase().includes(q) ||
    layer.category.toLowerCase().includes(q) ||
    layer.description.toLowerCase().includes(q)
  );
}

function onDragStart(e: DragEvent, type: LayerType) {
  setDraggedLayer(e.dataTransfer, type);
}

/**
 * The layers the user can add, grouped by category. Drag one onto the canvas to place
 * it, or click it (Enter when focused) to add it wired after the selected layer.
 */
export function Palette() {
  const addNodeAfterSelection = useAppStore((s) => s.addNodeAfterSelection);
  const [query, setQuery] = useState('');
  const id = useId();
  const groups = useMemo(
    () => groupByCategory(LAYERS.filter((layer) => matches(layer, query))),
    [query],
  );

  return (
    <section className="palette" aria-labelledby={`${id}-title`}>
      <div className="palette-header">
        <h2 id={`${id}-title`} className="editor-heading">
          Layers
        </h2>
        <p className="palette-hint" id={`${id}-hint`}>
          Drag onto the canvas, or press Enter to add after the selected layer.
        </p>
        <label className="palette-filter">
          <span className="visually-hidden">Filter layers</span>
          <input
            type="search"
            placeholder="Filter layers"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
      </div>
      {groups.length === 0 && <p className="palette-empty">No layer matches “{query}”.</p>}
      {groups.map(([category, layers]) => (
        <div key={category} className="palette-group">
          <h3 className="palette-category" id={`${id}-${category}`}>
            {category}
          </h3>
          <ul className="palette-list" aria-labelledby={`${id}-${category}`}>
            {layers.map((layer) => (
              // The card shows the type and its description, but the button is named by
              // the type alone: a name must contain the visible text inside the control
              // (label in name), and "Dropout" must not also answer to "training".
              <li key={layer.type} className={`palette-card ${categoryClass(layer.category)}`}>
                <button
                  type="button"
                  draggable
                  className="palette-item"
                  data-testid="palette-item"
                  data-layer-type={layer.type}
                  aria-describedby={`${id}-${layer.type}-desc ${id}-hint`}
                  onDragStart={(e) => onDragStart(e, layer.type)}
                  onClick={() => addNodeAfterSelection(layer.type)}
                >
                  {layer.type}
                </button>
                <span className="palette-item-desc" id={`${id}-${layer.type}-desc`}>
                  {layer.description}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
