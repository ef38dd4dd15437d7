/** Writes api-report.md from the code (`npm run api`); test/api-report.test.ts fails when the committed file drifts. */
import { writeFileSync } from "node:fs";
import { apiReport } from "./api-report.js";

writeFileSync(new URL("../api-report.md", import.meta.url), apiReport());
console.log("api-report.md written");
