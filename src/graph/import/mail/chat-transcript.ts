/** Google Takeout puts Hangouts and Chat transcripts in the mbox, labelled "Chat": they are not mail. */
import type { MailMessage } from "./mail-message.js";

export const isChatTranscript = (message: MailMessage): boolean =>
  message.labels.some((label) => /^chats?$/i.test(label.trim()));
