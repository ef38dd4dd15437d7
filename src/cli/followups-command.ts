/** `warmpath followups`: the Immediate Follow-up list, what is waiting for your answer, longest-waiting first. */
import { JSON_OPTION, parseCommandArgs, positionalArgs } from "./cli-args.js";
import { wrapLine, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { withStore } from "./with-store.js";
import { immediateFollowUps, peopleById } from "../graph/index.js";

const HELP = `Usage: warmpath followups [--json]

The Immediate Follow-up list: messages that need your answer, follow-ups that
are due, and introduction requests waiting too long; longest-waiting first.

Options:
  --json   print { "followUps": [{ personId, name, since, waitingDays, reason,
           interactionId, followUpId, introRequestId }] }
`;

const days = (n: number): string => (n === 1 ? "1 day" : `${n} days`);

/** The Immediate Follow-up list. */
export const followupsCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: { ...JSON_OPTION } });
    positionalArgs(positionals, []);
    const followUps = await withStore(io, async ({ store, ownerId }) => {
      const list = await immediateFollowUps(store, ownerId);
      const people = await peopleById(
        store,
        ownerId,
        list.map((f) => f.personId),
      );
      return list.map((f) => ({
        personId: f.personId,
        name: people.get(f.personId)?.name ?? f.personId,
        since: f.since,
        waitingDays: f.waitingDays,
        reason: f.reason,
        interactionId: f.interactionId,
        followUpId: f.followUpId,
        introRequestId: f.introRequestId,
      }));
    });
    if (values.json) {
      writeJson(io, { followUps });
      return EXIT.ok;
    }
    if (followUps.length === 0) {
      writeLines(io, ["Nothing is waiting for your answer."]);
      return EXIT.ok;
    }
    writeLines(io, [
      "Immediate Follow-up:",
      ...followUps.flatMap((f) =>
        wrapLine(`  ${f.name}, waiting ${days(f.waitingDays)}: ${f.reason}`, "    "),
      ),
    ]);
    return EXIT.ok;
  },
};
