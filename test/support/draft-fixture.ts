/** A stored draft of a blanket update, for tests of its exports; `fields` override the defaults. */
import type { Draft } from "../../src/graph/model/draft.js";

export function draftFixture(now: Date, fields: Partial<Draft> = {}): Draft {
  const at = now.toISOString();
  return {
    id: "dft_1",
    ownerId: "o",
    createdAt: at,
    updatedAt: at,
    batch: "upd_1",
    personId: "per_1",
    to: "ann@acme.example",
    subject: "S",
    body: "B",
    status: "drafted",
    sentAt: null,
    ...fields,
  };
}
