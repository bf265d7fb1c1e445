import { defineConfig } from 'vite';

// Built into the jar's static/ folder: Spring Boot serves it at / (index.html) and /assets/**.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../../../target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
