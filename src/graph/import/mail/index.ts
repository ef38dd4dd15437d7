/** Mail import: mbox files into interactions, from headers only. */
export {
  importMail,
  importMailFromText,
  type MailImportOptions,
  type MailImportReport,
  type MailProgress,
} from "./import-mail.js";
export {
  classifyMessage,
  MAX_RECIPIENTS,
  SKIP_REASONS,
  type MessageOutcome,
  type SkipReason,
} from "./classify-message.js";
export { bulkReason, type BulkReason } from "./bulk-reason.js";
export { isChatTranscript } from "./chat-transcript.js";
export { isNoReplyAddress } from "./no-reply-address.js";
export { isColleague, ownAddresses, type OwnAddresses } from "./own-addresses.js";
export { mailMessageOf, type MailMessage } from "./mail-message.js";
export { normalizeAddress, type MailAddress } from "./mail-address.js";
export { mailSources, type MailSource, type MailSources } from "./mail-sources.js";
export { readMail, type ReadMessage } from "./read-mail.js";
export {
  planCorrespondence,
  correspondenceScope,
  type Correspondence,
  type CorrespondenceCounts,
} from "./correspondence.js";
export { CorrespondenceWriter } from "./write-correspondence.js";
