/** Who gets the blanket update: a category, a tag and a list, together (any may be left out). */
import type { CategoryName, RecipientListName, UpdateRecipients } from "./update.documents";

export const CATEGORY_WORDS: Readonly<Record<CategoryName, string>> = Object.freeze({
  CLIENT: "Clients",
  VENDOR: "Vendors",
  FRIEND: "Friends",
  FAMILY: "Family",
  FORMER_COLLEAGUE: "Former colleagues",
  FORMER_EMPLOYER: "Former employers",
  FORMER_CLIENT: "Former clients",
  MENTOR: "Mentors",
  RECRUITER: "Recruiters",
  INVESTOR: "Investors",
  COMMUNITY: "Community",
});

export function UpdateRecipientsFields({
  value,
  onChange,
}: {
  value: UpdateRecipients;
  onChange: (value: UpdateRecipients) => void;
}) {
  return (
    <fieldset className="update__recipients">
      <legend>Recipients</legend>
      <p className="hint" id="update-recipients-hint">
        Everyone in the category, everyone with the tag and everyone on the list, together.
      </p>
      <div className="field">
        <label htmlFor="update-category">Category</label>
        <select
          id="update-category"
          aria-describedby="update-recipients-hint"
          value={value.category ?? ""}
          onChange={(e) =>
            onChange({ ...value, category: (e.target.value || null) as CategoryName | null })
          }
        >
          <option value="">No category</option>
          {Object.entries(CATEGORY_WORDS).map(([name, words]) => (
            <option key={name} value={name}>
              {words}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="update-tag">Tag</label>
        <input
          id="update-tag"
          type="text"
          placeholder="conference-2026"
          value={value.tag ?? ""}
          onChange={(e) => onChange({ ...value, tag: e.target.value.trim() || null })}
        />
      </div>
      <div className="field">
        <label htmlFor="update-list">List</label>
        <select
          id="update-list"
          value={value.list ?? ""}
          onChange={(e) =>
            onChange({ ...value, list: (e.target.value || null) as RecipientListName | null })
          }
        >
          <option value="">No list</option>
          <option value="NEXT_CONTACT">Next Contact (the next 30 days)</option>
          <option value="LOSING_TOUCH">Losing touch</option>
        </select>
      </div>
    </fieldset>
  );
}
