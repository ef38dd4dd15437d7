import type { RecordKind } from "../model/kinds.js";

/** One committed write: which records of a kind it created or changed ("upsert") or removed ("delete"). */
export interface ChangeEntry {
  version: number;
  kind: RecordKind;
  op: "upsert" | "delete";
  ids: string[];
}

/** What an analyzer needs to catch up: the entries after its version, and the version they lead to. */
export interface ChangeSet {
  version: number;
  changes: ChangeEntry[];
}
