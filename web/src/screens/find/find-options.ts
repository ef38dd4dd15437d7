/** The options of a search, and where they start: the engine's own defaults (4 ties, 3 paths). */

export interface ExcludedPerson {
  id: string;
  name: string;
}

export interface FindOptions {
  /** Most ties on a path: 4 means up to three introducers. */
  maxHops: number;
  /** Drop paths colder than this (0-1); null keeps them all. */
  minWarmth: number | null;
  /** People not to ask. */
  exclude: ExcludedPerson[];
  /** Search this team's pooled network instead of your own. */
  teamId: string | null;
}

export const FIND_DEFAULTS: Readonly<FindOptions> = Object.freeze({
  maxHops: 4,
  minWarmth: null,
  exclude: [],
  teamId: null,
});

/** How many ranked paths a search asks for. */
export const PATHS_PER_SEARCH = 3;

/** The longest chain the options offer (the API goes to 12, for analyses; a person asks fewer). */
export const MOST_TIES = 6;

/** The warmth floors offered, with the engine's labels (warm from 0.5, lukewarm 0.2, cool 0.05). */
export const WARMTH_FLOORS: readonly { value: number | null; label: string }[] = [
  { value: null, label: "Any warmth" },
  { value: 0.05, label: "Cool or warmer (0.05 and up)" },
  { value: 0.2, label: "Lukewarm or warmer (0.2 and up)" },
  { value: 0.5, label: "Warm only (0.5 and up)" },
];
