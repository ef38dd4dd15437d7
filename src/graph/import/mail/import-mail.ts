/**
 * Imports the interactions in mbox files, from headers only (bodies are never
 * read into storage; subjects only with `keepSubjects`). The mail is read once,
 * streaming: what counts is spilled to a private temporary file while the
 * read learns with whom mail went both ways (only they may become people and
 * ties); then the spill is written a batch at a time. Memory holds one message
 * and the set of correspondents, never the whole mailbox; the spill is removed
 * at the end, whatever happens. Every message
 * is counted or skipped with a reason; importing the same files again changes
 * nothing (interactions are keyed by Message-ID and correspondent).
 */
import { createHash } from "node:crypto";
import { checkOwnerId } from "../../store/record-ops.js";
import type { NetworkStore } from "../../store/network-store.js";
import {
  classifyMessage,
  MAX_RECIPIENTS,
  SKIP_REASONS,
  type SkipReason,
} from "./classify-message.js";
import type { CorrespondenceCounts } from "./correspondence.js";
import type { MailMessage } from "./mail-message.js";
import { Readable } from "node:stream";
import { checkTextLimit } from "../text-limit.js";
import { mailSources, type MailSources } from "./mail-sources.js";
import { oneLine } from "./mail-text.js";
import { isColleague, ownAddresses, type OwnAddresses } from "./own-addresses.js";
import { readMail } from "./read-mail.js";
import { CorrespondenceSpill } from "./correspondence-spill.js";
import { INBOUND, OUTBOUND, twoWayAddresses } from "./two-way-addresses.js";
import { CorrespondenceWriter } from "./write-correspondence.js";

export interface MailImportOptions {
  /** More of the user's own addresses, beside their profile's e-mails. */
  me?: readonly string[];
  /** Keep each message's subject as the interaction's summary (off: nothing of the content is kept). */
  keepSubjects?: boolean;
  dryRun?: boolean;
  maxRecipients?: number;
  batchSize?: number;
  /** Called as messages are read: the pass (1 learns, 2 writes), messages and bytes read in it, and the bytes in all. */
  onProgress?: (progress: MailProgress) => void;
}

export interface MailProgress {
  pass: 1 | 2;
  messages: number;
  bytesRead: number;
  totalBytes: number;
}

export interface MailImportReport extends CorrespondenceCounts {
  dryRun: boolean;
  /** The mbox files read. */
  files: string[];
  messages: number;
  /** Messages that count (each makes one interaction per correspondent). */
  counted: number;
  /** Messages skipped, by reason (every reason listed, zero or not). */
  skipped: Record<SkipReason, number>;
}

/** A message's own key: its Message-ID, else a digest of its sender, date and recipients. */
function messageKey(message: MailMessage): string {
  if (message.messageId !== null) return message.messageId;
  const parts = [message.from?.address, message.date, ...message.to.map((a) => a.address)];
  return `sha256:${createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32)}`;
}

/** Imports an mbox file, a folder of them, an Apple Mail `.mbox` package or a zipped Takeout. */
export async function importMail(
  store: NetworkStore,
  ownerId: string,
  path: string,
  options: MailImportOptions = {},
): Promise<MailImportReport> {
  checkOwnerId(ownerId);
  // The user's addresses first: a file is not opened when no address says which mail is theirs.
  const own = await ownOf(store, ownerId, options);
  return importSources(store, ownerId, own, await mailSources(path), options);
}

/**
 * Imports mbox text, as the API receives it (at most `maxChars` characters,
 * PAYLOAD_TOO_LARGE on `text` past it).
 */
export async function importMailFromText(
  store: NetworkStore,
  ownerId: string,
  text: string,
  options: MailImportOptions & { maxChars?: number } = {},
): Promise<MailImportReport> {
  checkTextLimit(text, options.maxChars, "the mailbox");
  checkOwnerId(ownerId);
  const own = await ownOf(store, ownerId, options);
  const bytes = Buffer.from(text, "utf8");
  const source = { name: "(text)", size: bytes.length, open: async () => Readable.from([bytes]) };
  return importSources(store, ownerId, own, { sources: [source], close: () => undefined }, options);
}

async function ownOf(store: NetworkStore, ownerId: string, options: MailImportOptions) {
  return ownAddresses((await store.getSelf(ownerId)).emails, options.me ?? []);
}

async function importSources(
  store: NetworkStore,
  ownerId: string,
  own: OwnAddresses,
  { sources, close }: MailSources,
  options: MailImportOptions,
): Promise<MailImportReport> {
  const maxRecipients = options.maxRecipients ?? MAX_RECIPIENTS;
  const totalBytes = sources.reduce((n, s) => n + s.size, 0);
  const progress = (pass: 1 | 2, messages: number, bytesRead: number) =>
    options.onProgress?.({ pass, messages, bytesRead, totalBytes });
  const spill = await CorrespondenceSpill.create();
  try {
    // Pass 1: read the mail once, learn with whom it went both ways, and spill what counts.
    const ways = new Map<string, number>();
    const skipped = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<
      SkipReason,
      number
    >;
    let messages = 0;
    let counted = 0;
    for await (const { message, bytesRead } of readMail(sources)) {
      if (++messages % 500 === 0) progress(1, messages, bytesRead);
      const outcome = classifyMessage(message, own, maxRecipients);
      if (!outcome.counted) {
        skipped[outcome.reason]++;
        continue;
      }
      counted++;
      const bit = outcome.direction === "outbound" ? OUTBOUND : INBOUND;
      const key = messageKey(message);
      const summary = options.keepSubjects === true ? oneLine(message.subject) : null;
      for (const c of outcome.correspondents) {
        ways.set(c.address, (ways.get(c.address) ?? 0) | bit);
        await spill.write({
          sourceKey: `mail:${key}>${c.address}`,
          address: c.address,
          name: c.name,
          kind: "email",
          direction: outcome.direction,
          at: outcome.at,
          summary,
          colleague: isColleague(c.address, own),
          makesTie: false,
        });
      }
    }
    progress(1, messages, totalBytes);
    const twoWay = await twoWayAddresses(store, ownerId, ways);

    // Pass 2: write what counted, now knowing who may become a person and a tie.
    const writer = new CorrespondenceWriter(
      store,
      ownerId,
      options.dryRun === true,
      options.batchSize,
    );
    let items = 0;
    for await (const item of spill.read()) {
      if (++items % 500 === 0) progress(2, items, totalBytes);
      item.makesTie = twoWay.has(item.address);
      await writer.add(item);
    }
    progress(2, items, totalBytes);
    const counts = await writer.finish();
    return {
      dryRun: options.dryRun === true,
      files: sources.map((s) => s.name),
      messages,
      counted,
      skipped,
      ...counts,
    };
  } finally {
    close();
    await spill.remove();
  }
}
