/**
 * Exports the owner's network in the formats other tools read: CSV for
 * spreadsheets, vCard for address books, GraphML and GEXF for graph tools
 * such as Gephi, and warmpath's own JSON as a backup that
 * `importNetworkJson` restores.
 */
import { badInput } from "../../errors.js";
import type { Favor } from "../model/favor.js";
import type { Interaction } from "../model/interaction.js";
import { listAll } from "../store/list-all.js";
import type { NetworkSnapshot } from "../store/network-snapshot.js";
import type { NetworkStore } from "../store/network-store.js";
import { NO_EVIDENCE, summarizeEvidence } from "../warmth/tie-evidence.js";
import { tieWarmth } from "../warmth/tie-warmth.js";
import { WARMTH_DEFAULTS, type WarmthOptions } from "../warmth/warmth-options.js";
import { networkCsv } from "./network-csv.js";
import { networkGexf } from "./network-gexf.js";
import { networkGraphml, type TieWeights } from "./network-graphml.js";
import { networkJson } from "./network-json.js";
import { networkVcard } from "./network-vcard.js";

/** The formats the whole network exports to (exportNetwork, GraphQL `ExportFormat`, `warmpath export`). */
export const NETWORK_EXPORT_FORMATS = ["csv", "vcard", "graphml", "gexf", "json"] as const;
export type NetworkExportFormat = (typeof NETWORK_EXPORT_FORMATS)[number];

/** A finished export: what to call the file, its media type, and its text. */
export interface ExportedFile {
  filename: string;
  mediaType: string;
  content: string;
}

export interface ExportOptions {
  /** The clock: dates the file and measures recency in edge weights. Default: now. */
  now?: Date;
  /** The warmth model the edge weights come from; the path engine's by default. */
  warmth?: WarmthOptions;
}

/** Defaults of `exportNetwork`'s options (the clock defaults to the moment of the call). */
export const EXPORT_DEFAULTS: Readonly<{ warmth: WarmthOptions }> = Object.freeze({
  warmth: WARMTH_DEFAULTS,
});

const FILES: Readonly<Record<NetworkExportFormat, { extension: string; mediaType: string }>> =
  Object.freeze({
    csv: { extension: "csv", mediaType: "text/csv; charset=utf-8" },
    vcard: { extension: "vcf", mediaType: "text/vcard; charset=utf-8" },
    graphml: { extension: "graphml", mediaType: "application/graphml+xml; charset=utf-8" },
    gexf: { extension: "gexf", mediaType: "application/gexf+xml; charset=utf-8" },
    json: { extension: "json", mediaType: "application/json; charset=utf-8" },
  });

const group = <R extends { personId: string }>(records: readonly R[]): Map<string, R[]> => {
  const out = new Map<string, R[]>();
  for (const r of records) {
    const list = out.get(r.personId);
    if (list === undefined) out.set(r.personId, [r]);
    else list.push(r);
  }
  return out;
};

/**
 * The warmth of every stored tie exactly as the path engine computes it: the
 * owner's own ties blend in the interaction log and favors, ties between two
 * contacts rest on their rating, context and age (NetworkProjection does the same).
 */
async function tieWeights(
  store: NetworkStore,
  ownerId: string,
  snapshot: NetworkSnapshot,
  now: Date,
  warmth: WarmthOptions,
): Promise<TieWeights> {
  const ownTies = snapshot.ties.some(
    (t) => t.personA === snapshot.selfId || t.personB === snapshot.selfId,
  );
  const [interactions, favors]: [Interaction[], Favor[]] = ownTies
    ? await Promise.all([listAll(store, ownerId, "interaction"), listAll(store, ownerId, "favor")])
    : [[], []];
  const interactionsOf = group(interactions);
  const favorsOf = group(favors);
  const weights = new Map<string, number>();
  for (const tie of snapshot.ties) {
    const other =
      tie.personA === snapshot.selfId
        ? tie.personB
        : tie.personB === snapshot.selfId
          ? tie.personA
          : null;
    const evidence =
      other === null
        ? NO_EVIDENCE
        : summarizeEvidence(interactionsOf.get(other) ?? [], favorsOf.get(other) ?? [], now);
    weights.set(tie.id, tieWarmth(tie, evidence, now, warmth).strength);
  }
  return weights;
}

/** The owner's network in a format other tools read. */
export async function exportNetwork(
  store: NetworkStore,
  ownerId: string,
  format: NetworkExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  if (!(NETWORK_EXPORT_FORMATS as readonly string[]).includes(format))
    throw badInput("format", `must be one of ${NETWORK_EXPORT_FORMATS.join(", ")}`);
  const now = options.now ?? new Date();
  const warmth = options.warmth ?? EXPORT_DEFAULTS.warmth;
  const snapshot = await store.loadNetwork(ownerId);
  const { extension, mediaType } = FILES[format];
  const filename = `warmpath-network-${now.toISOString().slice(0, 10)}.${extension}`;
  const content = await render(store, ownerId, format, snapshot, now, warmth);
  return { filename, mediaType, content };
}

async function render(
  store: NetworkStore,
  ownerId: string,
  format: NetworkExportFormat,
  snapshot: NetworkSnapshot,
  now: Date,
  warmth: WarmthOptions,
): Promise<string> {
  switch (format) {
    case "csv":
      return networkCsv(snapshot);
    case "vcard":
      return networkVcard(snapshot);
    case "graphml":
      return networkGraphml(snapshot, await tieWeights(store, ownerId, snapshot, now, warmth));
    case "gexf":
      return networkGexf(snapshot, await tieWeights(store, ownerId, snapshot, now, warmth), now);
    case "json":
      return networkJson(snapshot, now);
    default: {
      const never: never = format;
      throw badInput("format", `unknown format ${JSON.stringify(never)}`);
    }
  }
}
