// The app's build plus the bench's plain TF.js reference page, into .bench-build/.
import { defineConfig, mergeConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import base from '../vite.config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default mergeConfig(
  base,
  defineConfig({
    root,
    build: {
      outDir: '.bench-build',
      emptyOutDir: true,
      rolldownOptions: {
        input: {
          main: `${root}index.html`,
          raw: `${root}bench/raw/index.html`,
        },
      },
    },
  }),
);
