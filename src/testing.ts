/**
 * `warmpath/testing`: the store contract suite, for anyone writing another
 * adapter of `NetworkStore`. It runs in vitest (an optional peer dependency):
 *
 *   storeContract("MyStore", async () => new MyStore(...));
 *
 * Errors are checked by code and field, never by message (`expectError`).
 */
export { storeContract, type StoreFactory } from "./testing/store-contract.js";
export { expectError } from "./testing/expect-error.js";
