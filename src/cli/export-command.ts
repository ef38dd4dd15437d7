/** `warmpath export <format> [--out file]`: the network in a format other tools read, on stdout or into a file. */
import { writeFile } from "node:fs/promises";
import { badInput } from "../errors.js";
import { JSON_OPTION, parseCommandArgs, positionalArgs } from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type Command } from "./command.js";
import { withStore } from "./with-store.js";
import { NETWORK_EXPORT_FORMATS, exportNetwork, type NetworkExportFormat } from "../graph/index.js";

const HELP = `Usage: warmpath export <format> [--out <file>] [--json]

Exports your network: csv (people, for spreadsheets; formula-like cells are
escaped), vcard (address books), graphml or gexf (Gephi and other graph tools),
json (warmpath's own, everything). Written to stdout, or to --out.

Formats: ${NETWORK_EXPORT_FORMATS.join(", ")}

Options:
  --out <file>   write the export to this file instead of stdout
  --json         print { filename, mediaType, content }, or with --out
                 { out, filename, mediaType, bytes }
`;

/** Exports the network. */
export const exportCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: { ...JSON_OPTION, out: { type: "string" } },
    });
    const [format] = positionalArgs(positionals, ["format"]) as [string];
    // Checked here too, so that a typo fails before the store is opened.
    if (!(NETWORK_EXPORT_FORMATS as readonly string[]).includes(format))
      throw badInput(
        "format",
        `must be one of ${NETWORK_EXPORT_FORMATS.join(", ")}, not ${JSON.stringify(format)}`,
      );
    if (values.out !== undefined && values.out.trim() === "")
      throw badInput("--out", "must name a file");
    const exported = await withStore(io, ({ store, ownerId }) =>
      exportNetwork(store, ownerId, format as NetworkExportFormat),
    );

    if (values.out !== undefined) {
      await writeFile(values.out, exported.content);
      const bytes = Buffer.byteLength(exported.content);
      if (values.json)
        writeJson(io, {
          out: values.out,
          filename: exported.filename,
          mediaType: exported.mediaType,
          bytes,
        });
      else
        writeLines(io, [
          `Wrote ${format} (${bytes.toLocaleString("en-US")} bytes) to ${values.out}.`,
        ]);
      return EXIT.ok;
    }
    if (values.json)
      writeJson(io, {
        filename: exported.filename,
        mediaType: exported.mediaType,
        content: exported.content,
      });
    else io.stdout.write(exported.content);
    return EXIT.ok;
  },
};
