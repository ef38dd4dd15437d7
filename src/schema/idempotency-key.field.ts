/** The optional `idempotencyKey` of every mutation that creates: one description, one type, everywhere. */
import { Arg, Field } from "type-graphql";

export const IDEMPOTENCY_KEY_DESCRIPTION =
  "Makes a retry safe: a request repeated with the same key (1 to 200 printable characters) within 24 hours returns the first result and writes nothing; the same key with another input is CONFLICT.";

/** The input field. */
export const IdempotencyKeyField = (): PropertyDecorator =>
  Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION });

/** The argument, for mutations that take arguments and no input object. */
export const IdempotencyKeyArg = () =>
  Arg("idempotencyKey", () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION });
