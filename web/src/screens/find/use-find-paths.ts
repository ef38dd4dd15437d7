/**
 * The Find screen's data: the readings of the search text (FIND_TARGETS), the chosen reading
 * (the likeliest unless the person picked another), and the ranked paths to it, from your own
 * network or a team's, as PathViews.
 */
import { useState } from "react";
import { useQuery, type ApiError } from "../../api";
import { FIND_PATHS, FIND_TARGETS } from "./find.documents";
import { FIND_TEAM_PATHS } from "./find-team.documents";
import { PATHS_PER_SEARCH, type FindOptions } from "./find-options";
import { personalPathView, teamPathView, type PathView } from "./path-view";
import { introTarget, readingsOf, teamTarget, type SearchTarget } from "./search-target";

export type PathsState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "failed"; error: ApiError }
  | { status: "done"; paths: PathView[]; noPathReason: string | null };

export interface FoundPaths {
  readings: SearchTarget[];
  target: SearchTarget | null;
  choose(target: SearchTarget): void;
  result: PathsState;
  retry(): void;
}

export function useFindPaths(text: string, options: FindOptions): FoundPaths {
  const candidates = useQuery(FIND_TARGETS, text === "" ? null : { text });
  const [chosen, setChosen] = useState<{ text: string; target: SearchTarget } | null>(null);
  const readings =
    candidates.state.status === "done" ? readingsOf(text, candidates.state.data) : [];
  const target = chosen?.text === text ? chosen.target : (readings[0] ?? null);

  const limits = {
    maxHops: options.maxHops,
    minWarmth: options.minWarmth,
    exclude: options.exclude.map((p) => p.id),
    k: PATHS_PER_SEARCH,
  };
  const { teamId } = options;
  const mine = useQuery(
    FIND_PATHS,
    target && teamId === null ? { to: introTarget(target), ...limits } : null,
  );
  const team = useQuery(
    FIND_TEAM_PATHS,
    target && teamId !== null ? { teamId, to: teamTarget(target), ...limits } : null,
  );

  let result: PathsState;
  if (candidates.state.status !== "done") result = candidates.state;
  else if (teamId === null)
    result =
      mine.state.status === "done"
        ? {
            status: "done",
            paths: mine.state.data.introPaths.paths.map(personalPathView),
            noPathReason: mine.state.data.introPaths.noPathReason,
          }
        : mine.state;
  else
    result =
      team.state.status === "done"
        ? {
            status: "done",
            paths: team.state.data.teamIntroPaths.paths.map(teamPathView),
            noPathReason: team.state.data.teamIntroPaths.noPathReason,
          }
        : team.state;

  return {
    readings,
    target,
    choose: (picked) => setChosen({ text, target: picked }),
    result,
    retry: () => {
      if (candidates.state.status === "failed") candidates.refetch();
      else if (teamId === null) mine.refetch();
      else team.refetch();
    },
  };
}
