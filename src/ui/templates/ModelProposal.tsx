import { proposalKey, proposeTemplate } from '../../core/templates/proposal';
import { TEMPLATES } from '../../core/templates/templates';
import { useAppStore } from '../../state/store';
import { loadTemplate } from '../../state/templateActions';
import { selectTrainingActive } from '../../state/trainingSlice';

/**
 * The data-aware starting model: while the canvas holds an unedited default or template
 * that does not fit the loaded data, offers the template that does. Nothing changes until
 * "Use suggested model" is pressed; "Keep my model" hides the offer for this dataset.
 */
export function ModelProposal() {
  const dataset = useAppStore((s) => s.dataset);
  const graph = useAppStore((s) => s.graph);
  const origin = useAppStore((s) => s.graphOrigin);
  const dismissedFor = useAppStore((s) => s.proposalDismissedFor);
  const dismiss = useAppStore((s) => s.dismissProposal);
  const active = useAppStore(selectTrainingActive);
  const loading = useAppStore((s) => s.datasetLoading);
  const id = proposeTemplate({ dataset, graph, origin, dismissedFor });
  if (!id || !dataset || active || loading) return null;
  const spec = TEMPLATES[id];
  return (
    <div className="model-proposal" role="status" data-testid="model-proposal">
      <span>
        {dataset.name} would train better with the <strong>{spec.title}</strong> template than with
        the model on the canvas.
      </span>
      <button type="button" className="primary" onClick={() => loadTemplate(id)}>
        Use suggested model
      </button>
      <button type="button" onClick={() => dismiss(proposalKey(dataset))}>
        Keep my model
      </button>
    </div>
  );
}
