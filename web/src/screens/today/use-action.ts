/**
 * One write at a time from a card or form: busy while it runs, its error kept to show in
 * words, and on success a sentence for the screen to announce.
 */
import { useCallback, useState } from "react";
import { toApiError, useApi, type ApiError, type GraphqlClient } from "../../api";

export interface Action {
  busy: boolean;
  error: ApiError | null;
  /** Runs `write`; resolves to its sentence, or to null when it failed. */
  run(write: (client: GraphqlClient) => Promise<string>): Promise<string | null>;
  clear(): void;
}

export function useAction(onDone: (message: string) => void): Action {
  const client = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (write: (client: GraphqlClient) => Promise<string>) => {
      setBusy(true);
      setError(null);
      try {
        const message = await write(client);
        setBusy(false);
        onDone(message);
        return message;
      } catch (e) {
        setBusy(false);
        setError(toApiError(e));
        return null;
      }
    },
    [client, onDone],
  );
  return { busy, error, run, clear: useCallback(() => setError(null), []) };
}

/** A key that makes a retried write safe (the API returns the first result). */
export const newKey = (): string => crypto.randomUUID();
