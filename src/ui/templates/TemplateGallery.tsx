import { useId, useMemo, useState } from 'react';
import { analyzeGraph } from '../../core/graph/analyze';
import { kerasSummary } from '../../core/graph/summary';
import { targetForDataset } from '../../core/data/target';
import { BUNDLED_NAMES } from '../../core/data/bundled';
import { dataKindsOf, type TemplateDataset } from '../../core/templates/dataKind';
import { templateDataset } from '../../core/templates/load';
import {
  TEMPLATE_IDS,
  TEMPLATES,
  templateFits,
  type TemplateId,
} from '../../core/templates/templates';
import { useAppStore } from '../../state/store';
import { loadTemplate, templateScale } from '../../state/templateActions';
import { selectTrainingActive } from '../../state/trainingSlice';
import { ModalDialog } from '../forms/ModalDialog';
import './templates.css';

/** The "Templates" button and the gallery dialog it opens (part of the automation contract). */
export function TemplateGallery() {
  const [open, setOpen] = useState(false);
  const active = useAppStore(selectTrainingActive);
  return (
    <>
      <button
        type="button"
        className="templates-button"
        onClick={() => setOpen(true)}
        disabled={active}
      >
        Templates
      </button>
      {open && <GalleryDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function GalleryDialog({ onClose }: { onClose: () => void }) {
  const dataset = useAppStore((s) => s.dataset);
  return (
    <ModalDialog title="Start from a template" onClose={onClose} headerClassName="template-header">
      <p className="muted">
        Each template sets up a whole pipeline: dataset, preprocessing, model and training settings.
        Everything stays editable, and one undo brings back what you had.
      </p>
      <div className="template-cards">
        {TEMPLATE_IDS.map((id) => (
          <TemplateCard
            key={id}
            id={id}
            loaded={dataset}
            onLoad={() => {
              loadTemplate(id);
              onClose();
            }}
          />
        ))}
      </div>
    </ModalDialog>
  );
}

function TemplateCard(props: {
  id: TemplateId;
  loaded: TemplateDataset | null;
  onLoad: () => void;
}) {
  const spec = TEMPLATES[props.id];
  const headingId = useId();
  const fitsLoaded = props.loaded !== null && templateFits(props.id, dataKindsOf(props.loaded));
  const ds = templateDataset(props.id, props.loaded);
  const rows = useMemo(() => {
    const graph = spec.graph(ds, templateScale());
    return kerasSummary(graph, analyzeGraph(graph, targetForDataset(ds))).rows;
  }, [spec, ds]);
  const layers = (
    <ol className="template-layers" aria-label={`${spec.title} layers`}>
      {rows.map((r) => (
        <li key={r.id}>
          <span>{r.type}</span> <span className="muted">{r.shape}</span>
        </li>
      ))}
    </ol>
  );
  const code = (
    <pre className="template-code" aria-label={`${spec.title} in Keras`}>
      <code>{spec.python}</code>
    </pre>
  );
  const sideBySide = props.id === 'quickstart';
  return (
    <article className={`template-card${sideBySide ? ' wide' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{spec.title}</h3>
      <p>{spec.explanation}</p>
      <p className="template-fits">
        <strong>Fits:</strong> {spec.fitsText}.{' '}
        {fitsLoaded
          ? 'Uses the loaded dataset.'
          : `Loads ${BUNDLED_NAMES[spec.dataset]} (the loaded data does not fit it).`}
      </p>
      {sideBySide ? (
        <div className="template-side-by-side">
          {layers}
          {code}
        </div>
      ) : (
        <>
          {layers}
          <details>
            <summary>The Keras code it follows</summary>
            {code}
          </details>
        </>
      )}
      <button
        type="button"
        className="primary"
        data-testid="template"
        data-template={props.id}
        onClick={props.onLoad}
      >
        Use {spec.title}
      </button>
    </article>
  );
}
