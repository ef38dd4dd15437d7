/**
 * Screen 1, "Find a way in": one search box for a person, a company or a role, and the
 * warmest ranked paths to it with their evidence. The search text lives in the address
 * (/find?q=Fabrikam) so it survives a reload and can be shared; the options live on the screen.
 */
import { useState } from "react";
import { useQuery } from "../../api";
import { navigate, useLocation } from "../../app/router";
import { useSession } from "../../app/session-context";
import { FIND_TEAMS } from "./find-team.documents";
import { FIND_DEFAULTS, type FindOptions } from "./find-options";
import { FindResults } from "./find-results";
import { OptionsPanel } from "./options-panel";
import { SearchForm } from "./search-form";
import { useFindPaths } from "./use-find-paths";
import "./find.css";

export function FindScreen() {
  const text = useLocation().searchParams.get("q")?.trim() ?? "";
  const { singleUser } = useSession();
  const [options, setOptions] = useState<FindOptions>(FIND_DEFAULTS);
  // A single-user install has no accounts, so no teams to ask about.
  const teams = useQuery(FIND_TEAMS, singleUser ? null : {});
  const teamChoices =
    teams.state.status === "done" ? teams.state.data.teams.map((t) => t.team) : [];
  const found = useFindPaths(text, options);

  return (
    <section className="screen find" aria-labelledby="find-title">
      <h1 id="find-title">Find a way in</h1>
      <SearchForm text={text} onSearch={(q) => navigate(`/find?q=${encodeURIComponent(q)}`)} />
      <OptionsPanel options={options} teams={teamChoices} onChange={setOptions} />
      {text === "" ? (
        <p className="find__intro">
          warmpath ranks the chains of people who can introduce you, warmest first, and says why it
          trusts each link. Nothing leaves this server.
        </p>
      ) : (
        <FindResults
          found={found}
          options={options}
          teamsAvailable={teamChoices.length > 0}
          onOptions={setOptions}
        />
      )}
    </section>
  );
}
