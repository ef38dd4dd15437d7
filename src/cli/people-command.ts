/** `warmpath people <search>`: people whose name, title or current employer match, with their e-mails. */
import { JSON_OPTION, parseCommandArgs } from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { roleLine } from "./people-names.js";
import { withStore } from "./with-store.js";
import { currentEmployers, listAll } from "../graph/index.js";

const HELP = `Usage: warmpath people [<search>] [--json]

People whose name, title or current employer contain <search> (ignoring case),
with their title, company and e-mails. Without a search, everyone.

Options:
  --json   print { "people": [{ id, name, title, companies, emails, categories }] }
`;

/** The people search, for finding whom to ask about before `path --to`. */
export const peopleCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: { ...JSON_OPTION } });
    const text = positionals.join(" ").trim();
    const people = await withStore(io, async ({ store, ownerId }) => {
      const found = (await listAll(store, ownerId, "person", text === "" ? {} : { text })).filter(
        (p) => !p.isSelf,
      );
      const employers = await currentEmployers(
        store,
        ownerId,
        found.map((p) => p.id),
      );
      return found.map((p) => ({
        id: p.id,
        name: p.name,
        title: p.title,
        companies: employers.get(p.id) ?? [],
        emails: p.emails,
        categories: p.categories,
      }));
    });
    if (values.json) {
      writeJson(io, { people });
      return EXIT.ok;
    }
    if (people.length === 0) {
      writeLines(io, [
        text === ""
          ? "Your network has nobody in it yet: try `warmpath demo` or `warmpath import`."
          : `Nobody matches ${JSON.stringify(text)}.`,
      ]);
      return EXIT.ok;
    }
    writeLines(
      io,
      people.map((p) =>
        [p.name, roleLine(p.title, p.companies), p.emails.join(", ")]
          .filter((s) => s !== "")
          .join("  |  "),
      ),
    );
    return EXIT.ok;
  },
};
