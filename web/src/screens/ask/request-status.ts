/**
 * The steps of a double opt-in request and the moves between them (as the server's
 * INTRO_REQUEST_TRANSITIONS allows), with each move's words for a button and each status's.
 */
import type { IntroStatus } from "./ask.documents";

export const STATUS_ORDER: readonly IntroStatus[] = [
  "DRAFTED",
  "ASKED",
  "ACCEPTED",
  "INTRODUCED",
  "MET",
];

export const NEXT_STATUSES: Readonly<Record<IntroStatus, readonly IntroStatus[]>> = {
  DRAFTED: ["ASKED"],
  ASKED: ["ACCEPTED", "DECLINED"],
  ACCEPTED: ["INTRODUCED", "DECLINED"],
  DECLINED: [],
  INTRODUCED: ["MET"],
  MET: [],
};

export const STATUS_WORDS: Readonly<Record<IntroStatus, string>> = {
  DRAFTED: "Drafted",
  ASKED: "Asked",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  INTRODUCED: "Introduced",
  MET: "Met",
};

/** The button that makes the move, in the words of what happened. */
export function moveWords(to: IntroStatus, introducer: string, target: string): string {
  switch (to) {
    case "ASKED":
      return `I sent it to ${introducer}`;
    case "ACCEPTED":
      return `${target} said yes`;
    case "DECLINED":
      return `${target} declined`;
    case "INTRODUCED":
      return `${introducer} introduced us`;
    case "MET":
      return `We met`;
    case "DRAFTED":
      return "Back to draft";
  }
}
