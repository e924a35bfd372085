import { describe, expect, it } from 'vitest';
import { chooseBackend, softwareRendererName, type BackendFacts } from './backend';
import type { BackendName } from './types';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const NVIDIA =
  'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)';

const facts = (patch: Partial<BackendFacts>): BackendFacts => ({
  choice: 'auto',
  webglRenderer: NVIDIA,
  hasWebGL: true,
  crossOriginIsolated: true,
  canTrainOn: () => true,
  wasm: { simd: true, threads: 2 },
  ...patch,
});
const all = () => true;
const not = (b: BackendName) => (x: BackendName) => x !== b;

describe('chooseBackend', () => {
  it('uses WebGL on a hardware GPU', () => {
    const got = chooseBackend(facts({}));
    expect(got.name).toBe('webgl');
    expect(got.label).toBe('WebGL (NVIDIA GeForce RTX 3060)');
    expect(got.reason).toMatch(/hardware GPU/);
  });

  it.each([
    [SWIFTSHADER, 'SwiftShader'],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', 'llvmpipe'],
    ['Microsoft Basic Render Driver', 'Microsoft Basic Render Driver'],
    ['Google SwiftShader', 'SwiftShader'],
    ['Some Software Rasterizer', 'a software renderer'],
  ])('prefers WASM on the software renderer %s', (renderer, name) => {
    expect(softwareRendererName(renderer)).toBe(name);
    const got = chooseBackend(facts({ webglRenderer: renderer, canTrainOn: all }));
    expect(got).toMatchObject({ name: 'wasm', label: 'WASM (SIMD, 2 threads)' });
    expect(got.reason).toBe(`${name} is a software GPU; WASM is faster here.`);
  });

  it('labels a single WASM thread', () => {
    const got = chooseBackend(
      facts({ webglRenderer: SWIFTSHADER, wasm: { simd: false, threads: 1 } }),
    );
    expect(got.label).toBe('WASM (single-threaded)');
  });

  it('uses WASM without WebGL, single-threaded when not cross-origin isolated', () => {
    const got = chooseBackend(
      facts({ hasWebGL: false, webglRenderer: null, crossOriginIsolated: false }),
    );
    expect(got.name).toBe('wasm');
    expect(got.label).toBe('WASM (SIMD, single-threaded: page not cross-origin isolated)');
    expect(got.reason).toMatch(/WebGL is not available/);
  });

  it('falls back to software WebGL when WASM cannot train the model', () => {
    const got = chooseBackend(facts({ webglRenderer: SWIFTSHADER, canTrainOn: not('wasm') }));
    expect(got).toMatchObject({ name: 'webgl', label: 'WebGL (SwiftShader)' });
    expect(got.reason).toMatch(/WASM cannot train this model/);
  });

  it('falls back to CPU when neither WebGL nor WASM can', () => {
    const got = chooseBackend(facts({ hasWebGL: false, canTrainOn: not('wasm') }));
    expect(got).toMatchObject({ name: 'cpu', label: 'CPU (slow)' });
  });

  it('honours an explicit choice, and explains a fallback from it', () => {
    expect(chooseBackend(facts({ choice: 'cpu' }))).toMatchObject({ name: 'cpu' });
    expect(chooseBackend(facts({ choice: 'wasm' })).reason).toBe(
      'WASM was chosen in the settings.',
    );
    const noWebGL = chooseBackend(facts({ choice: 'webgl', hasWebGL: false, webglRenderer: null }));
    expect(noWebGL.name).toBe('wasm');
    expect(noWebGL.reason).toMatch(/^WebGL is not available here; /);
    const wasmCannot = chooseBackend(facts({ choice: 'wasm', canTrainOn: not('wasm') }));
    expect(wasmCannot.name).toBe('webgl');
    expect(wasmCannot.reason).toMatch(/^WASM cannot train this model/);
  });

  it('uses WebGL-on-GPU reasons only when WebGL can train the model', () => {
    const got = chooseBackend(facts({ canTrainOn: not('webgl') }));
    expect(got.name).toBe('wasm');
    expect(got.reason).toMatch(/WebGL cannot train this model/);
  });
});
