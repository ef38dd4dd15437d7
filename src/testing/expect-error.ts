import { expect } from "vitest";
import { WarmpathError, type ErrorCode } from "../errors.js";

/** Awaits a rejection and checks its code (and field), never its message. */
export async function expectError(
  promise: Promise<unknown>,
  code: ErrorCode,
  field?: string,
): Promise<WarmpathError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}${field ? ` on ${field}` : ""}`).toBeInstanceOf(WarmpathError);
  const e = error as WarmpathError;
  expect(e.code).toBe(code);
  if (field !== undefined) expect(e.field).toBe(field);
  return e;
}
