import type { FitViewOptions } from '@xyflow/react';

/**
 * How "Fit view" frames the model: never zoomed in past 100 %, and with room at the
 * top for the toolbar that floats over the canvas.
 */
export const FIT_VIEW_OPTIONS: FitViewOptions = {
  padding: { top: '64px', bottom: '28px', left: '28px', right: '28px' },
  maxZoom: 1,
};
