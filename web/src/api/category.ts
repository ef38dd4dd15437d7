/**
 * The schema's `Category` enum, written once: the People, Settings and Today screens all send
 * and read it, and one list means a new category in schema.graphql is added in one place.
 */
export type CategoryName =
  | "CLIENT"
  | "VENDOR"
  | "FRIEND"
  | "FAMILY"
  | "FORMER_COLLEAGUE"
  | "FORMER_EMPLOYER"
  | "FORMER_CLIENT"
  | "MENTOR"
  | "RECRUITER"
  | "INVESTOR"
  | "COMMUNITY";
