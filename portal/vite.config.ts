/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the portal on :5173 and sends everything else to the local platform's gateway,
// so the session cookie and CSRF work as in production (same origin as far as the browser knows).
const gateway = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.PORTAL_GATEWAY ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    // Packed into the portal jar, which the gateway serves from its classpath.
    outDir: 'target/classes/META-INF/portal',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: Object.fromEntries(['/api', '/portal/me', '/oauth2', '/login', '/logout'].map((path) => [path, { target: gateway, changeOrigin: false }])),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
