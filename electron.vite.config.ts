import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // the extraction worker thread's code, found beside the bundle at run time
          'extract-worker': resolve('src/core/evidence/extract/extract-worker.ts'),
          // the monitoring CSV reader's worker thread, found beside the bundle at run time
          'monitoring-csv-worker': resolve('src/core/evidence/kinds/monitoring/csv-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() anything: one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // Relative asset URLs so the same build loads from file:// (Electron) and from the browser-mode server.
    base: './',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
      chunkSizeWarningLimit: 4000,
    },
    plugins: [react()],
  },
})
