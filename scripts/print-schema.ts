/** Writes schema.graphql from the code (`npm run schema`); a test fails when the committed file drifts. */
import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { buildWarmpathSchema } from "../src/build-schema.js";

writeFileSync(
  new URL("../schema.graphql", import.meta.url),
  `${printSchema(buildWarmpathSchema())}\n`,
);
console.log("schema.graphql written");
