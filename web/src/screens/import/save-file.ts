/** Hands a file to the browser to save: a Blob behind a temporary link with `download`. */
export function saveFile(file: { filename: string; mediaType: string; content: string }) {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
