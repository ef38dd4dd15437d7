/**
 * The evidence behind one hop of a path, in words a person reads: "worked
 * together at Acme 2019-2022", "had coffee 3 weeks ago", "both members of
 * Scottsdale Chamber", "12 e-mails both ways in the last 90 days, last 3 weeks
 * ago; 4 meetings in the last year", "inferred: overlapped at Contoso 2018-2020". Nothing
 * private (the owner's notes) is ever part of it.
 */
import type { TieContext } from "../model/tie.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import type { EdgeAttributes } from "../projection/projection-graph.js";
import type { InferredTie } from "../projection/inferred-ties.js";
import { ago, contactEvidence } from "./contact-evidence.js";

const CONTEXT: Record<TieContext, string> = {
  worked_together: "worked together",
  family: "family",
  friend: "friends",
  client: "client relationship",
  vendor: "vendor relationship",
  school: "went to school together",
  community: "know each other from the community",
  met_once: "met once",
  other: "know each other",
};

const years = (shared: InferredTie) => {
  const from = shared.from?.slice(0, 4);
  const to = shared.to?.slice(0, 4) ?? "now";
  return from === undefined ? "" : from === to ? ` in ${from}` : ` ${from}-${to}`;
};

function sharedLine(projection: NetworkProjection, shared: InferredTie): string {
  const org = projection.organizations.get(shared.organizationId)?.name ?? "an organization";
  return shared.via === "employment"
    ? `worked together at ${org}${years(shared)}`
    : `both members of ${org}`;
}

export function hopEvidence(
  projection: NetworkProjection,
  from: string,
  to: string,
  edge: EdgeAttributes,
): string[] {
  const now = projection.clock();
  if (edge.inferred) {
    const shared = edge.shared!;
    const org = projection.organizations.get(shared.organizationId)?.name ?? "an organization";
    return [
      shared.via === "employment"
        ? `inferred: overlapped at ${org}${years(shared)}`
        : `inferred: both members of ${org}`,
    ];
  }
  const tie = edge.tie!;
  const lines: string[] = [];
  const shared = projection.sharedContext(from, to);
  if (shared.length > 0) lines.push(...shared.map((s) => sharedLine(projection, s)));
  else if (tie.context !== null)
    lines.push(
      tie.since ? `${CONTEXT[tie.context]} since ${tie.since.slice(0, 4)}` : CONTEXT[tie.context],
    );
  const other = from === projection.selfId ? to : to === projection.selfId ? from : null;
  const contact = other === null ? [] : contactEvidence(projection.interactionsWith(other), now);
  if (contact.length > 0) lines.push(...contact);
  else if (tie.lastInteraction !== null)
    lines.push(`last in touch ${ago(tie.lastInteraction, now)}`);
  if (other !== null) {
    const favors = projection.favorsWith(other);
    const given = favors.filter((f) => f.direction === "given").length;
    const received = favors.length - given;
    if (given > 0) lines.push(`you helped them ${given === 1 ? "once" : `${given} times`}`);
    if (received > 0)
      lines.push(`they helped you ${received === 1 ? "once" : `${received} times`}`);
  }
  if (tie.provenance === "linkedin")
    lines.push(
      tie.since ? `connected on LinkedIn since ${tie.since.slice(0, 7)}` : "connected on LinkedIn",
    );
  if (tie.provenance === "introduction") lines.push("introduced through a past introduction");
  if (tie.provenance === "manual" && tie.strength !== null)
    lines.push(`you rated this tie ${tie.strength}`);
  return lines;
}
