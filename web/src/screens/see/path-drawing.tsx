/**
 * "See it": the path highlighted over the ego networks of its people (or of the person stepped
 * into), one or two ties out, at most 2,000 people. Beside the drawing: the path as a list, a
 * person's card, and everyone drawn in a table, so nothing depends on seeing the canvas.
 */
import { useMemo, useState } from "react";
import { useQuery } from "../../api";
import { navigate } from "../../app/router";
import { ErrorMessage, Loading } from "../../ui";
import { DRAWING_BUDGET } from "./map-budget";
import { GraphCanvas, type Drawn } from "./graph-canvas";
import { PeopleTable } from "./people-table";
import { PersonCard, roleOf } from "./person-card";
import { NETWORK_PIECE } from "./see.documents";
import { seeHref, type SeeAddress } from "./see-address";
import { useDrawing } from "./use-drawing";

export function PathDrawing({ address }: { address: SeeAddress }) {
  const { path, focus, depth } = address;
  const around = focus ? [focus] : path;
  const piece = useQuery(NETWORK_PIECE, {
    around,
    communities: null,
    depth,
    maxNodes: DRAWING_BUDGET,
  });
  // Stepped away from the path: its people's names come in a small answer of their own.
  const pathPeople = useQuery(
    NETWORK_PIECE,
    focus && path.length > 0
      ? { around: path, communities: null, depth: 0, maxNodes: path.length }
      : null,
  );
  const data = piece.state.status === "done" ? piece.state.data.networkGraph : null;
  const input = useMemo(
    () => (data ? { nodes: data.nodes, edges: data.edges, path, focus } : null),
    // The path and focus are in the address, and the answer changes with them.
    [data],
  );
  const drawing = useDrawing(input);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const step = (id: string) => navigate(seeHref({ path, focus: id, depth }));

  if (piece.state.status === "failed")
    return <ErrorMessage error={piece.state.error} onRetry={piece.refetch} />;
  if (!data || !drawing) return <Loading label="Drawing the network around the path…" />;

  const named =
    focus && pathPeople.state.status === "done"
      ? new Map(pathPeople.state.data.networkGraph.nodes.map((p) => [p.id, p]))
      : drawing.byId;
  const centre = focus ? "Centre of the drawing" : "On the path";
  const focusPerson = focus ? drawing.byId.get(focus) : undefined;
  const capped = data.reachable > data.nodes.length;
  const who = focusPerson ? (focusPerson.isSelf ? "you" : focusPerson.name) : "the path's people";

  return (
    <div className="drawing">
      <div className="drawing__controls">
        <fieldset className="field drawing__depth">
          <legend>How far out</legend>
          {([1, 2] as const).map((d) => (
            <label key={d}>
              <input
                type="radio"
                name="see-depth"
                checked={depth === d}
                onChange={() => navigate(seeHref({ path, focus, depth: d }))}
              />{" "}
              {d === 1 ? "Their ties (1 out)" : "Ties of ties (2 out)"}
            </label>
          ))}
        </fieldset>
        {focus && path.length > 0 ? (
          <button
            type="button"
            className="button"
            onClick={() => navigate(seeHref({ path, depth }))}
          >
            Back to the path
          </button>
        ) : null}
      </div>
      <p className="drawing__summary" id="see-summary">
        {data.nodes.length.toLocaleString("en-US")} people and{" "}
        {data.edges.length.toLocaleString("en-US")} ties around {who},{" "}
        {depth === 1 ? "one tie" : "up to two ties"} out.{" "}
        {capped
          ? `${data.reachable.toLocaleString("en-US")} are that close; a drawing shows at most ${DRAWING_BUDGET.toLocaleString("en-US")}, nearest and warmest first.`
          : ""}
        {data.tiesAmong > data.edges.length
          ? ` The weakest ${(data.tiesAmong - data.edges.length).toLocaleString("en-US")} ties among them are left out.`
          : ""}{" "}
        Thicker lines are warmer ties; the path is drawn dark and thick.
      </p>
      <div className="drawing__stage">
        <GraphCanvas
          graph={drawing.graph}
          label={`Drawing of ${data.nodes.length} people around ${who}; the same people are listed below`}
          describedBy="see-summary"
          marked={path}
          onHover={(id) => id && drawing.show(id)}
          onStep={step}
          onDrawn={setDrawn}
        />
        <PersonCard
          person={drawing.shown}
          ties={drawing.shown ? (drawing.degree.get(drawing.shown.id) ?? 0) : 0}
          centre={centre}
          onStep={step}
        />
      </div>
      {drawn ? (
        <p className="hint drawing__timing" role="status">
          Laid out and drawn in {(drawn.ms / 1000).toFixed(1)} s.
        </p>
      ) : null}
      {path.length > 0 ? (
        <section aria-labelledby="see-path-title">
          <h2 id="see-path-title">The path</h2>
          <ol className="see-path">
            {path.map((id) => {
              const person = named.get(id);
              const name = person ? (person.isSelf ? "You" : person.name) : "Someone";
              return (
                <li key={id}>
                  <strong>{name}</strong>
                  {person && roleOf(person) ? (
                    <span className="hint">, {roleOf(person)}</span>
                  ) : null}{" "}
                  {person && !person.isSelf ? (
                    <button type="button" className="button button--quiet" onClick={() => step(id)}>
                      Centre on {name}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
      <PeopleTable
        people={data.nodes}
        degree={drawing.degree}
        centre={centre}
        onStep={step}
        onShow={drawing.show}
      />
    </div>
  );
}
