/** The one search box: a person, a company or a role. Submitting puts the text in the address. */
import { useEffect, useState, type FormEvent } from "react";

export function SearchForm({ text, onSearch }: { text: string; onSearch: (text: string) => void }) {
  const [value, setValue] = useState(text);
  // Back and forward change the address, and the box follows it.
  useEffect(() => setValue(text), [text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (trimmed !== "") onSearch(trimmed);
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor="find-text" className="search__label">
        Who do you want to reach?
      </label>
      <p id="find-hint" className="hint">
        A person, a company or a role: “Lena Fischer”, “Fabrikam”, “VP Engineering”.
      </p>
      <div className="search__row">
        <input
          id="find-text"
          type="search"
          name="q"
          aria-describedby="find-hint"
          autoComplete="off"
          enterKeyHint="search"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button button--primary">
          Find paths
        </button>
      </div>
    </form>
  );
}
