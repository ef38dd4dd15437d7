/**
 * Where a file comes in: drop it on the area, or choose it with the button (the keyboard's
 * way, and a phone's). One file at a time.
 */
import { useRef, useState, type DragEvent } from "react";

const ACCEPT = ".csv,.zip,.vcf,.vcard,.txt,text/csv,text/vcard,application/zip";

export function FileDrop({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };

  return (
    <div
      className={over ? "drop drop--over" : "drop"}
      role="group"
      aria-labelledby="import-drop-title"
      aria-describedby="import-drop-hint"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p id="import-drop-title" className="drop__title">
        Drop a contact file here
      </p>
      <p id="import-drop-hint" className="hint">
        LinkedIn’s export as downloaded (the ZIP) or its Connections.csv; a Google or Outlook
        contacts CSV; a vCard (.vcf). Nothing is written until you confirm.
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        Choose a file…
      </button>
      <input
        ref={input}
        id="import-file"
        type="file"
        accept={ACCEPT}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
