/**
 * One ranked path: who to ask first, its warmth (word, number and meter), the chain, and each
 * tie with its evidence in words, the weakest link and guessed (inferred) ties marked in text
 * as well as colour. Cool and cold paths say why they are not warmer.
 */
import { useId } from "react";
import { Link } from "../../app/router";
import { WarmthBadge } from "../../ui";
import type { HopView, PathPersonView, PathView } from "./path-view";
import { whyNotWarmer } from "./why-not-warmer";

/** "Ada", "Ada and Dev", "Ada, Dev and Grace". */
const names = (people: readonly PathPersonView[]): string =>
  people.length <= 1
    ? (people[0]?.name ?? "")
    : `${people
        .slice(0, -1)
        .map((p) => p.name)
        .join(", ")} and ${people.at(-1)!.name}`;

function heading(path: PathView): string {
  const introducers = path.people.slice(1, -1);
  const target = path.people.at(-1)!;
  return introducers.length === 0
    ? `You know ${target.name} directly`
    : `Through ${names(introducers)}`;
}

function Hop({ hop }: { hop: HopView }) {
  return (
    <li className={hop.weakest ? "hop hop--weakest" : "hop"}>
      <p className="hop__who">
        <strong>{hop.from.name}</strong>
        <span aria-hidden="true"> → </span>
        <span className="visually-hidden"> to </span>
        <strong>{hop.to.name}</strong>
      </p>
      <p className="hop__meta">
        <span>
          {hop.band
            ? `${hop.band.toLowerCase()} tie, as the teammate rates it`
            : `tie strength ${hop.strength.toFixed(2)}`}
        </span>
        {hop.weakest ? <span className="tag tag--weakest">Weakest link</span> : null}
        {hop.inferred ? <span className="tag tag--inferred">Inferred, not confirmed</span> : null}
        {hop.pooled ? <span className="tag">A teammate’s tie</span> : null}
      </p>
      {hop.evidence.length > 0 ? (
        <ul className="evidence">
          {hop.evidence.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="evidence evidence--none">
          {hop.inferred
            ? "Guessed from a shared employer or group; nothing recorded between them."
            : "No evidence recorded besides the tie itself."}
        </p>
      )}
    </li>
  );
}

/** Where "See it" and "Ask" lead: your own paths draw and draft; a team path asks the teammate. */
function nextSteps(path: PathView, teamId: string | null) {
  const own = path.people.every((p) => p.kind === "you" || p.kind === "contact");
  const first = path.people[1];
  const target = path.people.at(-1)!;
  const see = own
    ? `/see?path=${path.people.map((p) => encodeURIComponent(p.key)).join(",")}`
    : null;
  let ask: { to: string; label: string } | null = null;
  if (first && first !== target && own)
    ask = {
      to: `/ask?target=${encodeURIComponent(target.key)}&introducer=${encodeURIComponent(first.key)}`,
      label: `Ask ${first.name}`,
    };
  else if (first && first.kind === "teammate" && teamId !== null && target.excludeId !== null)
    ask = {
      to:
        `/ask?team=${encodeURIComponent(teamId)}&person=${encodeURIComponent(target.excludeId)}` +
        `&member=${encodeURIComponent(first.key.replace(/^teammate:/, ""))}` +
        `&memberName=${encodeURIComponent(first.name)}&name=${encodeURIComponent(target.name)}`,
      label: `Ask ${first.name}`,
    };
  return { see, ask };
}

export function PathCard({
  path,
  rank,
  teamId = null,
  onExclude,
}: {
  path: PathView;
  rank: number;
  /** The team whose network was searched, or null for your own. */
  teamId?: string | null;
  onExclude: (person: PathPersonView) => void;
}) {
  const next = nextSteps(path, teamId);
  const titleId = useId();
  const target = path.people.at(-1)!;
  const askable = path.people.slice(1, -1).filter((p) => p.excludeId !== null);
  const reasons = path.label === "cool" || path.label === "cold" ? whyNotWarmer(path) : [];
  return (
    <article className={`path-card path-card--${path.label}`} aria-labelledby={titleId}>
      <header className="path-card__header">
        <h3 id={titleId}>
          <span className="path-card__rank">{rank}.</span> {heading(path)}
        </h3>
        <WarmthBadge warmth={path.warmth} label={path.label} />
      </header>
      <p className="path-card__target">
        Reaches <strong>{target.name}</strong>
        {target.detail ? `, ${target.detail}` : ""}, in {path.hops.length}{" "}
        {path.hops.length === 1 ? "tie" : "ties"}.
      </p>
      <ol className="hops" aria-label="The ties, from you to them">
        {path.hops.map((hop) => (
          <Hop key={`${hop.from.key}>${hop.to.key}`} hop={hop} />
        ))}
      </ol>
      {reasons.length > 0 ? (
        <details className="why">
          <summary>Why not warmer?</summary>
          <ul>
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {next.see || next.ask ? (
        <div className="path-card__actions path-card__next">
          {next.see ? (
            <Link className="button" to={next.see} aria-describedby={titleId}>
              See it
            </Link>
          ) : null}
          {next.ask ? (
            <Link className="button button--primary" to={next.ask.to} aria-describedby={titleId}>
              {next.ask.label}
            </Link>
          ) : null}
        </div>
      ) : null}
      {askable.length > 0 ? (
        <div className="path-card__actions">
          {askable.map((person) => (
            <button
              key={person.key}
              type="button"
              className="button button--quiet"
              onClick={() => onExclude(person)}
            >
              Don’t ask {person.name}
            </button>
          ))}
        </div>
      ) : null}
    </article>
  );
}
