/** The search box of the People screen: submitting puts the text in the address (/people?q=). */
import { useEffect, useState, type FormEvent } from "react";

export function PeopleSearchForm({
  text,
  onSearch,
}: {
  text: string;
  onSearch: (text: string) => void;
}) {
  const [value, setValue] = useState(text);
  useEffect(() => setValue(text), [text]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form role="search" className="people-search" onSubmit={submit}>
      <label htmlFor="people-text" className="people-search__label">
        Find a person
      </label>
      <p id="people-hint" className="hint">
        A name, a title or where they work; accents and case do not matter (chloe finds Chloé).
      </p>
      <div className="people-search__row">
        <input
          id="people-text"
          type="search"
          name="q"
          aria-describedby="people-hint"
          autoComplete="off"
          enterKeyHint="search"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button button--primary">
          Search
        </button>
      </div>
    </form>
  );
}
