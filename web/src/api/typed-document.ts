/**
 * A GraphQL document that carries the types of its answer and variables, so a screen's
 * request is checked by TypeScript without a code generator: each screen writes its
 * documents and their types side by side in `<screen>.documents.ts`, and
 * test/web/documents.test.ts validates every document against schema.graphql.
 */

/** Variables of a document that takes none. */
export type NoVariables = Record<string, never>;

export interface TypedDocument<TData, TVariables> {
  readonly query: string;
  /** The operation's name, sent beside the query (it shows in the server's logs). */
  readonly operationName: string;
  /** Never set: it only carries the two types. */
  readonly __types?: (variables: TVariables) => TData;
}

/** Answer type of a document. */
export type DataOf<D> = D extends TypedDocument<infer T, unknown> ? T : never;

/** Declares one named operation: `graphql<Data, Variables>("query FindPaths(...) { ... }")`. */
export function graphql<TData, TVariables = NoVariables>(
  query: string,
): TypedDocument<TData, TVariables> {
  const name = /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(query)?.[1];
  if (name === undefined) throw new Error("A document must hold one named query or mutation.");
  return Object.freeze({ query, operationName: name });
}
