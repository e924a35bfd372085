/**
 * The remedies of the dead-units finding that change the layers it names: their ReLU
 * moved into a LeakyReLU layer after each, or He-normal kernels. Without named layers
 * (a remedy applied from elsewhere) they act on every hidden ReLU layer.
 */
import { moveReluToLeakyRelu, reluLayers, setKernelInitializer } from '../../graph/deadUnitEdits';
import { hiddenLayers } from '../../graph/hiddenLayers';
import { defaultParams } from '../../layers/registry';
import { refused, type Change, type Refusal, type RemedyContext } from './remedyPlan';

/** The layers a dead-units remedy acts on: the finding's, else every hidden ReLU layer. */
function namedLayers(ctx: RemedyContext): readonly string[] {
  if (ctx.layers && ctx.layers.length > 0) return ctx.layers;
  return reluLayers(
    ctx.graph,
    hiddenLayers(ctx.graph).map((n) => n.id),
  ).map((n) => n.id);
}

const list = (ids: readonly string[]) => ids.join(', ');

/** LeakyReLU after each named ReLU layer, whose own activation becomes linear. */
export function leakyReluRemedy(ctx: RemedyContext): Change | Refusal {
  const ids = namedLayers(ctx);
  const { graph, changed } = moveReluToLeakyRelu(ctx.graph, ids);
  if (changed.length === 0)
    return refused(
      ids.length > 0 ? `${list(ids)} has no ReLU activation to replace.` : 'No layer uses ReLU.',
    );
  const layers = list(changed.map((c) => c.layer));
  const slope = String(defaultParams('LeakyReLU')['alpha']);
  return {
    graph,
    change: `ReLU of ${layers} replaced by a LeakyReLU layer (slope ${slope}) after it`,
  };
}

/** He-normal kernels (TF.js's heNormal) on the named layers. */
export function heInitRemedy(ctx: RemedyContext): Change | Refusal {
  const ids = namedLayers(ctx);
  const { graph, changed } = setKernelInitializer(ctx.graph, ids, 'heNormal');
  if (changed.length === 0)
    return refused(
      ids.length > 0
        ? `${list(ids)} already start from He-normal weights, or have none.`
        : 'No layer uses ReLU.',
    );
  return { graph, change: `He-normal initialisation on ${list(changed)}` };
}
