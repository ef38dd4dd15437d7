/**
 * Builds the web app (index.html) and the bundled GraphiQL (graphiql.html) into web/dist,
 * which the warmpath server serves at / and at GET /graphql for browsers. Everything the
 * pages load is in that folder: no CDN, so both work offline and under the server's CSP.
 * `npm run dev:web` serves the app with live reload and passes /graphql to `npm start`'s server.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "/",
  // No web/public: the app's few files live with their code.
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    // Every file, however small, stays a file: the CSP allows no data: scripts or styles.
    assetsInlineLimit: 0,
    // GraphiQL's editor (Monaco) is large by nature; it loads only on its own page.
    chunkSizeWarningLimit: 6_000,
    rolldownOptions: {
      input: { index: here("index.html"), graphiql: here("graphiql.html") },
      onLog(level, log, report) {
        // GraphiQL's modules start with "use no memo" (a React Compiler hint) that bundling
        // drops harmlessly; said once per module, it would bury every real warning.
        if (log.code !== "MODULE_LEVEL_DIRECTIVE") report(level, log);
      },
    },
  },
  worker: { format: "es" },
  server: {
    proxy: { "/graphql": "http://localhost:4000" },
  },
});
