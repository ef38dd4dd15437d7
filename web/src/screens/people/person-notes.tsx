/**
 * The owner's notes on a person, marked private in words and by a dashed frame (not by colour
 * alone): they are never pooled with a team and leave only in the owner's own JSON backup.
 */
import { EditableField } from "./editable-field";
import { textOrNull, type PersonEdit } from "./use-person-edit";

export function PersonNotes({ edit }: { edit: PersonEdit }) {
  return (
    <section
      className="person__section person__notes"
      aria-labelledby="person-notes-title"
      aria-describedby="person-notes-private"
    >
      <h3 id="person-notes-title">
        Notes <span className="tag tag--private">Private</span>
      </h3>
      <p id="person-notes-private" className="hint">
        Only you see these notes: they are never shared with a team, and no export carries them
        except your own JSON backup.
      </p>
      <EditableField
        label="Private notes"
        value={edit.person.notes ?? ""}
        empty="No notes yet"
        multiline
        display={
          edit.person.notes ? (
            <span className="person__notes-text">{edit.person.notes}</span>
          ) : undefined
        }
        onSave={(text) => edit.save({ notes: textOrNull(text) }, "your private notes")}
      />
    </section>
  );
}
