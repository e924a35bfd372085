/** The model editor: palette, canvas, inspector and summary over the store's graph. */
export { Palette } from './Palette';
export { ModelCanvas, type ModelCanvasProps } from './ModelCanvas';
export { Inspector } from './Inspector';
export { ModelSummary } from './ModelSummary';
export { useGraphAnalysis } from './useGraphAnalysis';
