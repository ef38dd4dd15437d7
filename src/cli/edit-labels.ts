/**
 * What `warmpath tag` and `warmpath categorize` share: a person named as typed, labels added
 * to (or with --remove taken from) one list field, and the person as stored afterwards.
 */
import { badInput } from "../errors.js";
import { type Person, resolvePerson } from "../graph/index.js";
import { asOptionNames, JSON_OPTION, parseCommandArgs } from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo } from "./command.js";
import { withStore } from "./with-store.js";

export interface LabelField {
  /** The person's list field. */
  field: "tags" | "categories";
  /** How a label is named in usage and errors: `<tag>`, `<category>`. */
  argument: string;
  /** A typed label as stored; throws BAD_USER_INPUT on `argument` for one that cannot be. */
  normalize: (label: string) => string;
}

/** Runs `tag` or `categorize` with the arguments after the command name. */
export async function editLabels(args: string[], io: CliIo, spec: LabelField): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: { ...JSON_OPTION, remove: { type: "boolean" } },
  });
  const [who, ...typed] = positionals;
  if (who === undefined) throw badInput("<person>", "is missing");
  if (typed.length === 0) throw badInput(spec.argument, "is missing: give one or more");
  const labels = [...new Set(typed.map(spec.normalize))];
  const person = await withStore(io, async (context) => {
    const found = await resolvePerson(context, who, "<person>");
    const current: string[] = found[spec.field];
    const next = values.remove
      ? current.filter((label) => !labels.includes(label))
      : [...new Set([...current, ...labels])];
    return context.store
      .update(context.ownerId, "person", found.id, { [spec.field]: next })
      .catch(asOptionNames({ [spec.field]: spec.argument }));
  });
  return printLabels(io, person, spec.field, values.json === true);
}

function printLabels(io: CliIo, person: Person, field: LabelField["field"], json: boolean): number {
  const labels = person[field];
  if (json) writeJson(io, { person: { id: person.id, name: person.name }, [field]: labels });
  else
    writeLines(io, [
      `${person.name}: ${labels.length === 0 ? `no ${field}` : `${field} ${labels.join(", ")}`}`,
    ]);
  return EXIT.ok;
}
