/** The networking habits (see "The habits the product encodes" in the product brief), by concept. */
export {
  CADENCE_DEFAULTS,
  categoryCadences,
  setCadence,
  cadenceFor,
  type CadenceRule,
} from "./cadence-rules.js";
export { lastContacts } from "./last-contacts.js";
export { calendarDay, addDays, daysBetween } from "./calendar-days.js";
export { keepInTouch, type KeepInTouch } from "./keep-in-touch.js";
export { nextContacts, NEXT_CONTACTS_DEFAULTS, type NextContact } from "./next-contacts.js";
export { immediateFollowUps, type ImmediateFollowUp } from "./immediate-follow-ups.js";
export { losingTouch, type LosingTouch } from "./losing-touch.js";
export { addFollowUp, snoozeFollowUp, completeFollowUp } from "./follow-ups.js";
export {
  REMINDER_AFTER_DAYS,
  introRequestReminders,
  type IntroRequestReminder,
} from "./intro-request-reminders.js";
export { recordNews, newsHistory } from "./news.js";
export {
  PLACEHOLDERS,
  parseTemplate,
  renderTemplate,
  type Placeholder,
} from "./update-template.js";
export {
  draftUpdate,
  markUpdateSent,
  draftsOf,
  RECIPIENT_LISTS,
  type RecipientList,
  type UpdateRecipients,
  type DraftedUpdate,
} from "./blanket-update.js";
export {
  draftsAsText,
  draftAsEml,
  exportUpdate,
  DRAFT_EXPORT_FORMATS,
  type DraftExportFormat,
  type ExportedDraft,
} from "./draft-export.js";
export { recordFavor, favorBalance, type FavorBalance } from "./favors.js";
export { peopleYouCouldHelp, type HelpOpportunity } from "./people-you-could-help.js";
export { conversationStarters, type ConversationStarters } from "./conversation-starters.js";
export { setElevatorPitch } from "./elevator-pitch.js";
export { introRequestDraft, sentenceCount } from "./intro-request-draft.js";
export {
  planIntroRequest,
  type IntroRequestPlan,
  type IntroRequestPlanInput,
} from "./intro-request-plan.js";
export { teammateIntroDraft, type TeammateIntroDraftInput } from "./teammate-intro-draft.js";
export {
  INTRO_REQUEST_TRANSITIONS,
  createIntroRequest,
  setIntroRequestStatus,
  introRequests,
  type IntroRequestView,
} from "./intro-requests.js";
