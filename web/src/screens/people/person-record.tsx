/** Their news over time, the favors between you (the net goes both ways), and recent contact. */
import type { PersonPageData } from "./people.documents";
import { day, lowerWords } from "./person-words";

/** How many logged contacts the page lists. */
const RECENT = 5;

function balanceWords(balance: number): string {
  if (balance === 0) return "Even: you have helped each other as much.";
  return balance > 0
    ? `You have helped them ${balance} more ${balance === 1 ? "time" : "times"}.`
    : `They have helped you ${-balance} more ${balance === -1 ? "time" : "times"}: look for a way to help.`;
}

export function PersonRecord({ data }: { data: PersonPageData }) {
  const { newsHistory, favorBalance } = data;
  const recent = data.person.interactions.slice(0, RECENT);
  return (
    <>
      <section className="person__section" aria-labelledby="person-news-title">
        <h3 id="person-news-title">News</h3>
        {data.person.askForNews ? (
          <p className="hint">An update went out to them: ask for their news next time.</p>
        ) : null}
        {newsHistory.length === 0 ? (
          <p>No news recorded yet.</p>
        ) : (
          <ol className="person__list">
            {newsHistory.map((n) => (
              <li key={n.id}>
                <time dateTime={n.date}>{n.date}</time>: {n.text}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="person__section" aria-labelledby="person-favors-title">
        <h3 id="person-favors-title">Favors</h3>
        <p>
          Given {favorBalance.given}, received {favorBalance.received}.{" "}
          {balanceWords(favorBalance.balance)}
        </p>
        {favorBalance.favors.length > 0 ? (
          <ul className="person__list">
            {favorBalance.favors.map((f) => (
              <li key={f.id}>
                <time dateTime={f.date}>{f.date}</time>:{" "}
                {f.direction === "GIVEN" ? "you gave" : "you received"} {lowerWords(f.kind)}
                {f.summary ? `: ${f.summary}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="person__section" aria-labelledby="person-contact-title">
        <h3 id="person-contact-title">Recent contact</h3>
        {recent.length === 0 ? (
          <p>No contact logged.</p>
        ) : (
          <ul className="person__list">
            {recent.map((i) => (
              <li key={i.id}>
                <time dateTime={i.at}>{day(i.at)}</time>: {lowerWords(i.kind)},{" "}
                {i.direction === "INBOUND"
                  ? "from them"
                  : i.direction === "OUTBOUND"
                    ? "from you"
                    : "both ways"}
                {i.summary ? `: ${i.summary}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
