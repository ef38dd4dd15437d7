/** Dates in words for the settings lists: "3 Dec 2026". */
export const when = (iso: string | null | undefined, never = "never"): string =>
  iso
    ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })
    : never;
