import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// The build lands where CollabServer serves static files from (UseDefaultFiles + UseStaticFiles).
const serverWebRoot = fileURLToPath(new URL('../../../CollabServer/wwwroot', import.meta.url))

export default defineConfig({
  build: {
    outDir: serverWebRoot,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // KaTeX's fonts stay files: the server's CSP allows fonts from 'self' only, not data: URLs.
    assetsInlineLimit: (file: string) => /\.(woff2?|ttf)$/.test(file) ? false : undefined
  },
  server: {
    // `npm run dev` talks to a CollabServer on its default address.
    proxy: {
      '/api': 'http://127.0.0.1:5080',
      '/hubs': { target: 'ws://127.0.0.1:5080', ws: true }
    }
  }
})
