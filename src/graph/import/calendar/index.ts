/** Calendar import: .ics meetings into interactions. */
export {
  importCalendar,
  importCalendarFromText,
  MAX_CALENDAR_BYTES,
  type CalendarImportOptions,
  type CalendarImportReport,
} from "./import-calendar.js";
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
