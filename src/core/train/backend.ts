/**
 * Which TF.js backend trains a model. The choice follows what the model needs and what
 * the machine has, not one global setting: measured here, WASM (SIMD + threads) beat a
 * software GPU (SwiftShader WebGL) 2× on a dense network and 3.5× on a small CNN, while
 * a real GPU beats both by far.
 */
import type { BackendChoice, BackendInfo, BackendName } from './types';

export interface BackendFacts {
  choice: BackendChoice;
  /** UNMASKED_RENDERER_WEBGL, or null when unknown. */
  webglRenderer: string | null;
  hasWebGL: boolean;
  crossOriginIsolated: boolean;
  /** Whether a training step of this model works on the backend (e.g. a probe step). */
  canTrainOn: (backend: BackendName) => boolean;
  /** WASM features once the backend is initialised; defaults: SIMD, 2 threads if isolated. */
  wasm?: { simd: boolean; threads: number };
}

const SOFTWARE_RENDERERS: [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/softpipe/i, 'softpipe'],
  [/microsoft basic render/i, 'Microsoft Basic Render Driver'],
  [/software/i, 'a software renderer'],
];

/** The software rasteriser's name when the WebGL renderer is one, else null. */
export function softwareRendererName(renderer: string | null): string | null {
  if (!renderer) return null;
  return SOFTWARE_RENDERERS.find(([re]) => re.test(renderer))?.[1] ?? null;
}

/** Picks the backend and says why, in words for the status bar. Pure. */
export function chooseBackend(facts: BackendFacts): BackendInfo {
  const { choice } = facts;
  if (choice !== 'auto') {
    const unavailable =
      choice === 'webgl' && !facts.hasWebGL
        ? 'WebGL is not available here'
        : choice !== 'cpu' && !facts.canTrainOn(choice)
          ? `${displayName(choice)} cannot train this model (a layer needs an operation it lacks)`
          : null;
    if (!unavailable)
      return info(choice, `${displayName(choice)} was chosen in the settings.`, facts);
    const fallback = chooseAuto({
      ...facts,
      canTrainOn: (b) => b !== choice && facts.canTrainOn(b),
    });
    return { ...fallback, reason: `${unavailable}; ${lowerFirst(fallback.reason)}` };
  }
  return chooseAuto(facts);
}

function chooseAuto(facts: BackendFacts): BackendInfo {
  const software = softwareRendererName(facts.webglRenderer);
  const webglUsable = facts.hasWebGL && facts.canTrainOn('webgl');
  if (webglUsable && !software) {
    const gpu = facts.webglRenderer ? ` (${facts.webglRenderer})` : '';
    return info('webgl', `A hardware GPU is available${gpu}: WebGL is fastest.`, facts);
  }
  const why = software
    ? `${software} is a software GPU`
    : facts.hasWebGL
      ? 'WebGL cannot train this model'
      : 'WebGL is not available';
  if (facts.canTrainOn('wasm')) return info('wasm', `${why}; WASM is faster here.`, facts);
  if (webglUsable) {
    return info('webgl', `${why}, but WASM cannot train this model; using WebGL.`, facts);
  }
  return info(
    'cpu',
    `${why} and WASM cannot train this model; using the slower CPU backend.`,
    facts,
  );
}

function info(name: BackendName, reason: string, facts: BackendFacts): BackendInfo {
  return { name, reason, label: backendLabel(name, facts) };
}

/** Short label for the top bar, e.g. "WASM (SIMD, 2 threads)" or "WebGL (SwiftShader)". */
export function backendLabel(name: BackendName, facts: BackendFacts): string {
  switch (name) {
    case 'webgl':
      return `WebGL (${shortRenderer(facts.webglRenderer)})`;
    case 'wasm': {
      const simd = facts.wasm?.simd ?? true;
      const threads = facts.wasm?.threads ?? (facts.crossOriginIsolated ? 2 : 1);
      const features = simd ? 'SIMD, ' : '';
      if (!facts.crossOriginIsolated) {
        return `WASM (${features}single-threaded: page not cross-origin isolated)`;
      }
      return threads > 1
        ? `WASM (${features}${threads} threads)`
        : `WASM (${features}single-threaded)`;
    }
    case 'cpu':
      return 'CPU (slow)';
    default: {
      const never: never = name;
      throw new Error(`Unknown backend ${String(never)}`);
    }
  }
}

/** "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 ...)" → "NVIDIA GeForce RTX 3060". */
function shortRenderer(renderer: string | null): string {
  if (!renderer) return 'GPU';
  const software = softwareRendererName(renderer);
  if (software && software !== 'a software renderer') return software;
  const angle =
    /^ANGLE \([^,]+,\s*([^,]+?)(?:\s+Direct3D.*|\s+\(0x[0-9a-f]+\).*|\s*\(.*)?(?:,|\)$)/i.exec(
      renderer,
    );
  const name = (angle?.[1] ?? renderer).trim();
  return name.length > 40 ? `${name.slice(0, 39)}…` : name;
}

function displayName(name: BackendName): string {
  return name === 'webgl' ? 'WebGL' : name === 'wasm' ? 'WASM' : 'CPU';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
