/**
 * Runs one document on demand and keeps its state (idle, loading, done, failed). A new run
 * abandons the one in flight, so an answer that arrives late never overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { toApiError, type ApiError } from "./api-error";
import { useApi } from "./api-context";
import type { TypedDocument } from "./typed-document";

export type OperationState<TData> =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "done"; data: TData }
  | { status: "failed"; error: ApiError };

export interface Operation<TData, TVariables> {
  state: OperationState<TData>;
  /** Runs the document; resolves to its data, or to undefined when it failed or was superseded. */
  run(variables: TVariables): Promise<TData | undefined>;
}

export function useOperation<TData, TVariables>(
  document: TypedDocument<TData, TVariables>,
): Operation<TData, TVariables> {
  const client = useApi();
  const [state, setState] = useState<OperationState<TData>>({ status: "idle" });
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);

  const run = useCallback(
    async (variables: TVariables) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState({ status: "loading" });
      try {
        const data = await client.request(document, variables, { signal: controller.signal });
        if (controller.signal.aborted) return undefined;
        setState({ status: "done", data });
        return data;
      } catch (error) {
        if (controller.signal.aborted) return undefined;
        setState({ status: "failed", error: toApiError(error) });
        return undefined;
      }
    },
    [client, document],
  );
  return { state, run };
}
