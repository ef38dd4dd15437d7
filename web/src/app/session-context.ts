/** Who is using the app, for any screen that needs it (a team choice shows only with accounts). */
import { createContext, useContext } from "react";
import type { Viewer } from "./session.documents";

export interface Session {
  viewer: Viewer;
  /** True on a single-user install: no accounts, so no teams and no sign-out. */
  singleUser: boolean;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession() is for screens shown to a signed-in person.");
  return session;
}
