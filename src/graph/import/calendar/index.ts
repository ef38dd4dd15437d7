/** Calendar import: .ics meetings into interactions. */
export {
  importCalendar,
  importCalendarFromText,
  type CalendarImportOptions,
  type CalendarImportReport,
} from "./import-calendar.js";
export { MAX_CALENDAR_BYTES } from "./calendar-sources.js";
export {
  readCalendar,
  EVENT_SKIP_REASONS,
  MAX_ATTENDEES,
  type EventOutcome,
  type EventSkipReason,
  type Meeting,
} from "./read-calendar.js";
export { capSeries, weekOf, SERIES_DEFAULTS } from "./series-cap.js";
export { eventParticipants, type EventParticipants } from "./event-participants.js";
