/**
 * The update's copies as .eml files, one link per recipient: a mail client opens each as a
 * draft to send. The links carry the files themselves (data: addresses made from the API's
 * answer), so nothing is fetched twice, nothing leaves this machine, and there is no object
 * URL to revoke too early. They are typed as bytes: Chromium cancels a download typed
 * message/rfc822 (it reads that type as a web archive), and the .eml name tells the mail
 * program what it is.
 */
import type { ExportedFile } from "./update.documents";

const href = (file: ExportedFile): string =>
  `data:application/octet-stream;charset=utf-8,${encodeURIComponent(file.content)}`;

export function EmlDownloads({ files }: { files: readonly ExportedFile[] }) {
  return (
    <section className="update__files" aria-labelledby="update-files-title">
      <h4 id="update-files-title">
        {files.length} .eml {files.length === 1 ? "file" : "files"} to open in your mail program
      </h4>
      <ul>
        {files.map((file) => (
          <li key={file.filename}>
            <a href={href(file)} download={file.filename}>
              Download {file.filename}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
