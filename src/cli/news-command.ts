/**
 * `warmpath news <person> [<text>]`: always ask for their news, and write it down. With a
 * text it is recorded (dated today or --date); without, the person's news so far.
 */
import { badInput } from "../errors.js";
import { newsHistory, recordNews, resolvePerson } from "../graph/index.js";
import { asOptionNames, JSON_OPTION, parseCommandArgs } from "./cli-args.js";
import { dayOption } from "./cli-dates.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath news <person> [<text>] [--date <day>] [--json]

Records a person's news (a new job, a move, a child, a book), so the next
conversation starts from it; it becomes their latest news and answers the
"ask for their news" mark a blanket update leaves. Without a text, prints the
news you have recorded for them, newest first.

Options:
  --date <day>  when it happened: 2026-11-20, today (the default) or yesterday
  --json        print { "person": { id, name }, "news": [{ id, text, date }] }
  --db FILE     the SQLite file to use (instead of WARMPATH_DB)

Example:
  warmpath news "Chloe Dubois" "moved to Lyon, now CFO at Fabrikam"
`;

/** Records or lists a person's news. */
export const newsCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: { ...JSON_OPTION, date: { type: "string" } },
    });
    const [who, ...words] = positionals;
    if (who === undefined) throw badInput("<person>", "is missing");
    const text = words.join(" ").trim();
    if (text === "" && values.date !== undefined)
      throw badInput("<text>", "is missing: --date dates a piece of news you record");
    const now = new Date();
    const date = dayOption("--date", values.date, now);
    const { person, news, recorded } = await withStore(io, async (searched) => {
      const found = await resolvePerson(searched, who, "<person>");
      if (text !== "")
        await recordNews(
          searched.store,
          searched.ownerId,
          { personId: found.id, text, date: date ?? null },
          { now },
        );
      return {
        person: found,
        news: await newsHistory(searched.store, searched.ownerId, found.id),
        recorded: text !== "",
      };
    }).catch(asOptionNames({ text: "<text>", date: "--date" }));
    const items = news.map((n) => ({ id: n.id, text: n.text, date: n.date }));
    if (values.json) {
      writeJson(io, { person: { id: person.id, name: person.name }, news: items });
      return EXIT.ok;
    }
    if (items.length === 0) {
      writeLines(io, [`No news of ${person.name} yet: ask for it, then record it here.`]);
      return EXIT.ok;
    }
    writeLines(io, [
      recorded
        ? `Recorded. News of ${person.name}, newest first:`
        : `News of ${person.name}, newest first:`,
      ...items.map((n) => `  ${n.date}  ${n.text}`),
    ]);
    return EXIT.ok;
  },
};
