/**
 * The whole network's map: people coloured by community (Louvain, from the API), brokers drawn
 * large and named, bridges drawn dark, within the drawing budget (brokers and the biggest
 * communities first), the cap said in words. The legend, the brokers and bridges lists and the
 * people table say in text what the colours and marks show.
 */
import { useMemo, useState } from "react";
import { useQuery } from "../../api";
import { navigate } from "../../app/router";
import { ErrorMessage, Loading } from "../../ui";
import { communityColour, edgeKey, COMMUNITY_COLOURS } from "./drawing-graph";
import { GraphCanvas, type Drawn } from "./graph-canvas";
import { DRAWING_BUDGET, mapCapWords, selectForMap } from "./map-budget";
import { PeopleTable } from "./people-table";
import { PersonCard } from "./person-card";
import { MAP_BRIDGES, MAP_BROKERS, MAP_OUTLINE, NETWORK_PIECE } from "./see.documents";
import { seeHref } from "./see-address";
import { useDrawing } from "./use-drawing";

export function NetworkMap() {
  const outline = useQuery(MAP_OUTLINE, { brokers: MAP_BROKERS, bridges: MAP_BRIDGES });
  const data = outline.state.status === "done" ? outline.state.data : null;
  const selection = useMemo(() => (data ? selectForMap(data) : null), [data]);
  const piece = useQuery(
    NETWORK_PIECE,
    selection && selection.total > 0
      ? {
          around: selection.brokerIds,
          communities: selection.communityIds,
          depth: 0,
          maxNodes: DRAWING_BUDGET,
        }
      : null,
  );
  const nodes = piece.state.status === "done" ? piece.state.data.networkGraph : null;
  // Community ids are numbered by size (0 is the biggest), so an id is its colour's index.
  const communityOf = useMemo(() => {
    const out = new Map<string, number>();
    for (const c of data?.communities ?? []) for (const p of c.people) out.set(p.id, c.id);
    return out;
  }, [data]);
  const input = useMemo(
    () =>
      nodes && data
        ? {
            nodes: nodes.nodes,
            edges: nodes.edges,
            communityOf,
            brokers: new Set(data.brokers.map((b) => b.person.id)),
            bridges: new Set(data.bridges.map((b) => edgeKey(b.from.id, b.to.id))),
          }
        : null,
    [nodes, data, communityOf],
  );
  const drawing = useDrawing(input);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const step = (id: string) => navigate(seeHref({ focus: id }));

  const failed =
    outline.state.status === "failed" ? outline : piece.state.status === "failed" ? piece : null;
  if (failed && failed.state.status === "failed")
    return <ErrorMessage error={failed.state.error} onRetry={failed.refetch} />;
  if (data && selection && selection.total === 0)
    return (
      <p>
        Your network has nobody in it yet. Add the people you know, or import your contacts, and the
        map shows how they group.
      </p>
    );
  if (!data || !selection || !nodes || !drawing) return <Loading label="Drawing your network…" />;

  const brokers = new Set(data.brokers.map((b) => b.person.id));
  const drawnCommunities = data.communities.filter((c) => selection.communityIds.includes(c.id));
  const groupOf = (person: { id: string }) => {
    const id = communityOf.get(person.id);
    const words = id === undefined ? "None" : `Community ${id + 1}`;
    return brokers.has(person.id) ? `${words}, broker` : words;
  };

  return (
    <div className="drawing">
      <p className="drawing__summary" id="map-summary">
        {mapCapWords(selection, nodes.nodes.length, data.communities.length)}
      </p>
      <div className="drawing__stage">
        <GraphCanvas
          graph={drawing.graph}
          label={`Map of ${nodes.nodes.length} people coloured by community; the communities, brokers and bridges are listed below`}
          describedBy="map-summary"
          marked={selection.brokerIds}
          onHover={(id) => id && drawing.show(id)}
          onStep={step}
          onDrawn={setDrawn}
        />
        <PersonCard
          person={drawing.shown}
          ties={drawing.shown ? (drawing.degree.get(drawing.shown.id) ?? 0) : 0}
          centre={drawing.shown ? groupOf(drawing.shown) : ""}
          onStep={step}
        />
      </div>
      {drawn ? (
        <p className="hint drawing__timing" role="status">
          Laid out and drawn in {(drawn.ms / 1000).toFixed(1)} s.
        </p>
      ) : null}
      <section aria-labelledby="map-communities-title">
        <h2 id="map-communities-title">Communities</h2>
        <ul className="map-legend">
          {drawnCommunities.map((c) => (
            <li key={c.id}>
              <span
                className={`map-legend__swatch map-legend__swatch--${c.id < COMMUNITY_COLOURS.length ? c.id : "other"}`}
                aria-hidden="true"
                data-colour={communityColour(c.id)}
              />
              Community {c.id + 1}: {c.size.toLocaleString("en-US")}{" "}
              {c.size === 1 ? "person" : "people"}
              {c.id >= COMMUNITY_COLOURS.length ? " (drawn grey, with the other small ones)" : ""}
            </li>
          ))}
        </ul>
      </section>
      <div className="map-lists">
        <section aria-labelledby="map-brokers-title">
          <h2 id="map-brokers-title">Brokers</h2>
          <p className="hint">
            Drawn large and named: many paths between groups pass through them.
          </p>
          <ol>
            {data.brokers.map((b) => (
              <li key={b.person.id}>
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => step(b.person.id)}
                >
                  {b.person.name}
                </button>{" "}
                <span className="hint">({groupOf(b.person).replace(", broker", "")})</span>
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="map-bridges-title">
          <h2 id="map-bridges-title">Bridges</h2>
          <p className="hint">Drawn dark: the rare ties that join two communities.</p>
          <ul>
            {data.bridges.map((b) => (
              <li key={`${b.from.id}|${b.to.id}`}>
                {b.from.name} — {b.to.name}: joins communities{" "}
                {b.communities.map((c) => c + 1).join(" and ")}
                {b.tiesBetween === 1
                  ? ", the only tie between them"
                  : `, one of ${b.tiesBetween} ties between them`}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <PeopleTable
        people={nodes.nodes}
        degree={drawing.degree}
        centre="On the map"
        groupOf={groupOf}
        onStep={step}
        onShow={drawing.show}
      />
    </div>
  );
}
