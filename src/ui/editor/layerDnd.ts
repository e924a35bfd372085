/**
 * Drag and drop from the palette onto the canvas uses HTML5 drag events with a private
 * MIME type, so a file or text dragged from outside the app is never mistaken for a layer.
 */
import { isLayerType, type LayerType } from '../../core/layers/registry';

export const LAYER_MIME = 'application/x-train-smarter-layer';

export function setDraggedLayer(dataTransfer: DataTransfer, type: LayerType): void {
  dataTransfer.setData(LAYER_MIME, type);
  dataTransfer.effectAllowed = 'copy';
}

/** True during dragover when the payload is a layer (its value is only readable on drop). */
export function carriesLayer(dataTransfer: DataTransfer): boolean {
  return Array.from(dataTransfer.types).includes(LAYER_MIME);
}

/** The dropped layer type; null when the payload is not one this app knows (another tab's, say). */
export function droppedLayer(dataTransfer: DataTransfer): LayerType | null {
  const type = dataTransfer.getData(LAYER_MIME);
  return isLayerType(type) ? type : null;
}
