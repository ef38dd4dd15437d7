/** `warmpath demo`: loads the small demo network, so a newcomer can try every command, and says what to try. */
import { JSON_OPTION, parseCommandArgs, positionalArgs } from "./cli-args.js";
import { wrapLine, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { withStore } from "./with-store.js";
import { DEMO_HIGHLIGHTS, loadDemoNetwork } from "../graph/index.js";

const HELP = `Usage: warmpath demo [--json]

Loads a small demo network (twelve people, three companies, a venture firm and
a chamber of commerce) into the configured store, so that every command shows
something. Loading it again adds nothing. To keep it apart from your own
network, point WARMPATH_DB at another file first:

  WARMPATH_DB=./data/demo.db warmpath demo

Options:
  --json   print { "people": n, "ties": n, "store": "...",
           "tryNext": ["warmpath ..."] }
`;

/** The commands worth trying on the demo, each of which shows something there. */
const TRY_NEXT: readonly string[] = [
  `warmpath people ${DEMO_HIGHLIGHTS.search}`,
  `warmpath path --to "${DEMO_HIGHLIGHTS.targetPerson}"`,
  `warmpath path --org ${DEMO_HIGHLIGHTS.targetCompany}`,
  "warmpath next",
  "warmpath followups",
];

/** Loads the demo network. */
export const demoCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: { ...JSON_OPTION } });
    positionalArgs(positionals, []);
    const { people, ties, where } = await withStore(io, async ({ store, ownerId, where }) => ({
      ...(await loadDemoNetwork(store, ownerId)),
      where,
    }));
    if (values.json) {
      writeJson(io, { people, ties, store: where, tryNext: TRY_NEXT });
      return EXIT.ok;
    }
    writeLines(io, [
      ...wrapLine(
        `The demo network is loaded (${where}): ${people} people and ${ties} ties around ${DEMO_HIGHLIGHTS.targetCompany}, the company to reach, and the ${DEMO_HIGHLIGHTS.group}.`,
        "",
      ),
      "Try:",
      ...TRY_NEXT.map((c) => `  ${c}`),
    ]);
    return EXIT.ok;
  },
};
