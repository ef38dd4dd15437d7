/**
 * `warmpath update`: a blanket update, a short note on what you have been up to, rendered for
 * each chosen contact (a category, a tag, a list, or people by name) and written as one .eml
 * draft per person that a mail client opens ready to send. `update sent <batch>` records
 * that they went out: an e-mail logged per person, who is marked to be asked for their news.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { badInput } from "../errors.js";
import {
  CATEGORIES,
  draftsOf,
  draftUpdate,
  exportUpdate,
  markUpdateSent,
  RECIPIENT_LISTS,
  type Category,
  type RecipientList,
  resolvePerson,
} from "../graph/index.js";
import {
  asOptionNames,
  JSON_OPTION,
  oneOf,
  parseCommandArgs,
  positionalArgs,
  snakeWord,
} from "./cli-args.js";
import { wrapList, writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { withStore } from "./with-store.js";

const HELP = `Usage: warmpath update --subject <text> (--template T | --template-file F)
                       [--category <c>] [--tag <t>] [--list <list>]
                       [--to <person>]... [--out <dir>]
       warmpath update sent <batch>

Drafts a blanket update: one copy per recipient, personalized through
placeholders ({{firstName}}, {{name}}, {{company}}, {{latestNews}},
{{sharedInterest}}),
each written to <dir> as an .eml file your mail client opens as a draft.
warmpath never sends mail. When you have sent them, \`warmpath update sent
<batch>\` logs an e-mail to each recipient and marks them to be asked for
their news.

Recipients (at least one way; people are chosen once):
  --category <c>   everyone in a category:
${wrapList("                   ", CATEGORIES, "                   ")}
  --tag <t>        everyone with a tag
  --list <list>    ${RECIPIENT_LISTS.join(" or ")}
  --to <person>    a person by name, e-mail or profile URL (repeat it)

Options:
  --subject <text>        the subject (placeholders allowed)
  --template <text>       the body
  --template-file <file>  the body, from a UTF-8 text file
  --out <dir>             where the .eml files go (default ./updates/<batch>)
  --json                  print { batch, dir,
                          drafts: [{ person: { id, name }, to, file }] }
  --db FILE               the SQLite file to use (instead of WARMPATH_DB)

Example:
  warmpath update --tag scottsdale --subject "News from me" \\
    --template "Hi {{firstName}}, I have joined Fabrikam. How is {{company}}?"
`;

const OPTIONS = {
  ...JSON_OPTION,
  subject: { type: "string" },
  template: { type: "string" },
  "template-file": { type: "string" },
  category: { type: "string" },
  tag: { type: "string" },
  list: { type: "string" },
  to: { type: "string", multiple: true },
  out: { type: "string" },
} as const;

const FIELDS = asOptionNames({
  subject: "--subject",
  template: "--template",
  recipients: "--to",
  "recipients.category": "--category",
  "recipients.tag": "--tag",
  "recipients.list": "--list",
  batch: "<batch>",
});

/** A word from a closed list, or null when the option was not given. */
const optionalWord = <T extends string>(
  option: string,
  typed: string | undefined,
  choices: readonly T[],
): T | null => (typed === undefined ? null : oneOf(option, typed, choices, snakeWord(typed)));

async function templateOf(values: {
  template?: string;
  "template-file"?: string;
}): Promise<string> {
  if ((values.template === undefined) === (values["template-file"] === undefined))
    throw badInput("--template", "give exactly one of --template <text> or --template-file <file>");
  if (values.template !== undefined) return values.template;
  return readFile(values["template-file"]!, "utf8");
}

async function sent(io: CliIo, batch: string, json: boolean): Promise<number> {
  const drafts = await withStore(io, ({ store, ownerId }) =>
    markUpdateSent(store, ownerId, batch),
  ).catch(FIELDS);
  if (json) writeJson(io, { batch, sent: drafts.length });
  else
    writeLines(io, [
      `Marked ${drafts.length} ${drafts.length === 1 ? "copy" : "copies"} of ${batch} sent; ask each for their news (warmpath news).`,
    ]);
  return EXIT.ok;
}

/** Drafts a blanket update as .eml files, or marks one sent. */
export const updateCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({ args, options: OPTIONS });
    if (positionals[0] === "sent") {
      const [batch] = positionalArgs(positionals.slice(1), ["<batch>"]);
      return sent(io, batch!, values.json === true);
    }
    positionalArgs(positionals, []);
    if (values.subject === undefined) throw badInput("--subject", "is missing");
    const template = await templateOf(values);
    const category = optionalWord<Category>("--category", values.category, CATEGORIES);
    const list = optionalWord<RecipientList>("--list", values.list, RECIPIENT_LISTS);
    const { batch, files } = await withStore(io, async (searched) => {
      const { store, ownerId } = searched;
      const personIds: string[] = [];
      for (const typed of values.to ?? [])
        personIds.push((await resolvePerson(searched, typed, "--to")).id);
      const drafted = await draftUpdate(store, ownerId, {
        subject: values.subject!,
        template,
        recipients: { category, tag: values.tag ?? null, list, personIds },
      });
      // exportUpdate writes the copies in draftsOf's order, so the two lists pair up.
      const copies = await draftsOf(store, ownerId, drafted.batch);
      const exported = await exportUpdate(store, ownerId, drafted.batch, "eml");
      const people = await store.getMany(
        ownerId,
        "person",
        copies.map((d) => d.personId),
      );
      return {
        batch: drafted.batch,
        files: exported.map((file, i) => ({
          person: { id: copies[i]!.personId, name: people[i]?.name ?? "" },
          to: copies[i]!.to,
          file,
        })),
      };
    }).catch(FIELDS);
    const dir = resolve(values.out ?? join("updates", batch));
    await mkdir(dir, { recursive: true });
    // "wx": a file already there is another update's draft, never overwritten.
    for (const { file } of files)
      await writeFile(join(dir, file.filename), file.content, { flag: "wx" });
    const drafts = files.map((f) => ({
      person: f.person,
      to: f.to,
      file: join(dir, f.file.filename),
    }));
    if (values.json) {
      writeJson(io, { batch, dir, drafts });
      return EXIT.ok;
    }
    const missing = drafts.filter((d) => d.to === null).length;
    writeLines(io, [
      `Drafted ${drafts.length} ${drafts.length === 1 ? "copy" : "copies"} (batch ${batch}) in`,
      `  ${dir}:`,
      ...drafts.map(
        (d) => `  ${d.person.name}${d.to === null ? " (no e-mail on file)" : ` <${d.to}>`}`,
      ),
      ...(missing > 0
        ? [`${missing} without an e-mail address: fill in the To line before sending.`]
        : []),
      `When they are sent: warmpath update sent ${batch}`,
    ]);
    return EXIT.ok;
  },
};
