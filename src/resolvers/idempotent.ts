/**
 * The GraphQL side of idempotency keys: takes `idempotencyKey` out of a
 * mutation's arguments, fingerprints the rest with the mutation's name, and
 * hands both to src/graph (run-idempotent.ts), which does the rest.
 */
import {
  createIdempotent,
  runIdempotent,
  type Inputs,
  type RecordKind,
  type Records,
} from "../graph/index.js";
import type { WarmpathContext } from "./context.js";

/** What the helpers need of the request context. */
type Scope = Pick<WarmpathContext, "store" | "ownerId">;
type Keyed = { idempotencyKey?: string | null };
type Unkeyed<I> = Omit<I, "idempotencyKey">;

/** Runs a creating mutation once per key; `work` gets the arguments without the key. */
export function idempotent<I extends Keyed, T>(
  ctx: Scope,
  mutation: string,
  args: I,
  work: (input: Unkeyed<I>) => Promise<T>,
): Promise<T> {
  const { idempotencyKey, ...input } = args;
  return runIdempotent(
    ctx.store,
    ctx.ownerId,
    { key: idempotencyKey, operation: mutation, input },
    () => work(input),
  );
}

/** A create mutation of one record: the key is stored in the record's own transaction. */
export function idempotentCreate<K extends RecordKind>(
  ctx: Scope,
  kind: K,
  args: Keyed & object,
): Promise<Records[K]> {
  const { idempotencyKey, ...input } = args;
  return createIdempotent(ctx.store, ctx.ownerId, kind, input as Inputs[K], idempotencyKey);
}
