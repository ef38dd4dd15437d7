/** The date scalars: calendar dates as `YYYY-MM-DD`, instants as ISO-8601 strings, as the store keeps them. */
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";

export const LocalDate = LocalDateResolver;
export const DateTime = DateTimeISOResolver;
