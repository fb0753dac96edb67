import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The build lands where CollabServer serves static files from (UseDefaultFiles + UseStaticFiles).
const serverWebRoot = fileURLToPath(new URL('../../../CollabServer/wwwroot', import.meta.url))

export default defineConfig({
  build: {
    outDir: serverWebRoot,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000
  },
  server: {
    // `npm run dev` talks to a CollabServer on its default address.
    proxy: {
      '/api': 'http://127.0.0.1:5080',
      '/hubs': { target: 'ws://127.0.0.1:5080', ws: true }
    }
  }
})
