/**
 * `warmpath team ...`: teams on a shared server (issue 14), through its GraphQL API with an API
 * token: making and joining teams, what each member shares, paths through the pooled network,
 * asking a teammate for an introduction, and the audit log. Teams exist only where there are
 * accounts, so every subcommand needs --server and --token (or WARMPATH_SERVER, WARMPATH_TOKEN).
 */
import { WARMEST_PATHS_DEFAULTS } from "../graph/index.js";
import { subcommandOf } from "./cli-args.js";
import type { Command } from "./command.js";
import { teamAudit } from "./team-audit-command.js";
import {
  teamCap,
  teamMembersList,
  teamRemove,
  teamRole,
  teamShare,
} from "./team-members-command.js";
import {
  teamCreate,
  teamInvite,
  teamJoin,
  teamLeave,
  teamList,
} from "./team-membership-command.js";
import { teamPaths } from "./team-paths-command.js";
import { teamAnswer, teamAsk, teamRequests } from "./team-requests-command.js";

const HELP = `Usage: warmpath team <subcommand> [arguments] [options]

Teams pool their members' networks on a shared server, under each member's
privacy choices. <team> is a team's id or its exact name; <user> a member's
user id or name (see team members).

  list                              your teams, your role and what you share
  create <name> [--approval] [--no-reciprocity]
                                    a new team, with you as its owner
  invite <team> [--role member|admin|guest] [--days <n>]
                                    prints only the invitation's token:
                                    T=$(warmpath team invite ...)
  join <token>                      join with an invitation's token
  members <team>                    members, roles and what each shares
  share <team> off|company|full     what the team may use of your network
  cap <team> <user> off|company|full
                                    the most a member may share (owners, admins)
  role <team> <user> owner|admin|member|guest
                                    a member's role (owners, admins)
  leave <team>                      leave the team
  remove <team> <user>              take a member out (owners, admins)

  paths <team> --to <name> | --org <company> | --text <text>
        [--hops <n>] [-k <n>]
        the warmest paths through your network and your teammates' shared
        ones; --to is one of your people when it names one, else a search.
        A teammate's contact shows as far as they share it, with the id to
        ask for them: "Lena Fischer (VP Engineering, Contoso) — via Bea,
        strong" or "someone at Contoso, via Bea".
  ask <team> <pooled id> [--via <user>] [--note <text>]
        ask the teammate who knows them for an introduction
  requests <team>                   requests you made or were asked, and for the
                                    teammate asked, the draft once accepted
  answer <team> <request id> accept|decline|introduced|met|withdraw|approve
        [--reason <text>]
        accept, decline (with --reason) or introduced: the teammate asked;
        met or withdraw: the one who asked; approve: an owner or admin,
        when the team's requests need approval
  audit <team> [--first <n>]        searches and requests that used your ties

Your own contacts: warmpath hide | unhide | share <person>, warmpath blocklist.

Options:
  --hops <n>         at most this many ties per path (default ${WARMEST_PATHS_DEFAULTS.maxHops})
  -k, --k <n>        how many paths (default ${WARMEST_PATHS_DEFAULTS.k})
  --json             print one JSON document
  --server <URL>     the warmpath server (or WARMPATH_SERVER); required
  --token <token>    your API token (or WARMPATH_TOKEN); required. Listing needs
                     contacts:read, changes contacts:write, paths paths:read
                     (and contacts:read), ask and answer intros:write
`;

const SUBCOMMANDS = Object.freeze({
  list: teamList,
  create: teamCreate,
  invite: teamInvite,
  join: teamJoin,
  members: teamMembersList,
  share: teamShare,
  cap: teamCap,
  role: teamRole,
  leave: teamLeave,
  remove: teamRemove,
  paths: teamPaths,
  ask: teamAsk,
  requests: teamRequests,
  answer: teamAnswer,
  audit: teamAudit,
});

/** Teams on a server: membership, sharing, pooled paths, requests to teammates, the audit log. */
export const teamCommand: Command = {
  help: HELP,
  run([name, ...args], io) {
    return subcommandOf(SUBCOMMANDS, name)(args, io);
  },
};
