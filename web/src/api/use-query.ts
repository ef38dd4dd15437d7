/**
 * Runs a document while a screen shows it, again whenever its variables change (compared by
 * value), and on `refetch`; null variables mean "nothing to ask yet" (idle). The state is
 * always that of the current variables: while their answer is on its way it is "loading",
 * never the previous answer, and a change or unmount abandons the request in flight.
 */
import { useCallback, useEffect, useState } from "react";
import { toApiError } from "./api-error";
import { useApi } from "./api-context";
import type { TypedDocument } from "./typed-document";
import type { OperationState } from "./use-operation";

export function useQuery<TData, TVariables>(
  document: TypedDocument<TData, TVariables>,
  variables: TVariables | null,
): { state: OperationState<TData>; refetch: () => void } {
  const client = useApi();
  const key = variables === null ? null : JSON.stringify(variables);
  const [runs, setRuns] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; state: OperationState<TData> } | null>(null);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const settle = (state: OperationState<TData>) => {
      if (!controller.signal.aborted) setAnswer({ key, state });
    };
    client
      .request(document, JSON.parse(key) as TVariables, { signal: controller.signal })
      .then((data) => settle({ status: "done", data }))
      .catch((error: unknown) => settle({ status: "failed", error: toApiError(error) }));
    return () => controller.abort();
  }, [client, document, key, runs]);

  const refetch = useCallback(() => {
    setAnswer(null);
    setRuns((n) => n + 1);
  }, []);
  const state: OperationState<TData> =
    key === null ? { status: "idle" } : answer?.key === key ? answer.state : { status: "loading" };
  return { state, refetch };
}
