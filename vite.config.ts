import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The renderer is built once and served by both shells: Electron loads dist/renderer/index.html
// from disk, the browser shell serves the same files over 127.0.0.1.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
})
