/**
 * networkGraph over real HTTP on the demo network: the drawable piece of the network the See
 * screen asks for (people, ties with warmth, capped), its argument checks, and its cost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoServer, type DemoServer } from "../support/demo-server.js";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ webRoot: null });
});
afterAll(async () => {
  await server?.close();
});

async function gql(query: string, variables: object = {}) {
  const response = await fetch(`${server.base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const PIECE = `query($around: [ID!], $communities: [Int!], $depth: Int, $maxNodes: Int) {
  networkGraph(around: $around, communities: $communities, depth: $depth, maxNodes: $maxNodes) {
    reachable tiesAmong
    nodes { id name isSelf depth employers }
    edges { source target warmth inferred }
  }
}`;

describe("networkGraph", () => {
  it("draws your ego network: you first, your ties one out, every tie among them with its warmth", async () => {
    const me = (await gql("{ me { id } }")).data.me.id as string;
    const { data, errors } = await gql(PIECE, { around: [me], depth: 1 });
    expect(errors).toBeUndefined();
    const graph = data.networkGraph;
    expect(graph.nodes[0]).toMatchObject({ id: me, isSelf: true, depth: 0 });
    expect(graph.nodes.length).toBeGreaterThan(1);
    expect(graph.nodes.every((n: any) => n.depth <= 1)).toBe(true);
    const ids = new Set(graph.nodes.map((n: any) => n.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.warmth).toBeGreaterThan(0);
      expect(edge.warmth).toBeLessThanOrEqual(1);
    }
    expect(graph.reachable).toBe(graph.nodes.length);
    const two = (await gql(PIECE, { around: [me], depth: 2 })).data.networkGraph;
    expect(two.nodes.length).toBeGreaterThanOrEqual(graph.nodes.length);
  });

  it("keeps the nearest people within maxNodes and says how many it reached", async () => {
    const me = (await gql("{ me { id } }")).data.me.id as string;
    const graph = (await gql(PIECE, { around: [me], depth: 2, maxNodes: 3 })).data.networkGraph;
    expect(graph.nodes).toHaveLength(3);
    expect(graph.nodes[0].id).toBe(me);
    expect(graph.reachable).toBeGreaterThan(3);
  });

  it("draws the people of the communities named", async () => {
    const communities = (await gql("{ communities { id size } }")).data.communities;
    const graph = (await gql(PIECE, { communities: [communities[0].id], depth: 0 })).data
      .networkGraph;
    expect(graph.nodes).toHaveLength(communities[0].size);
  });

  it("checks its arguments: depth 0 to 2, at most 2,000 people, people that exist; with nobody named, draws around the owner", async () => {
    const me = (await gql("{ me { id } }")).data.me.id as string;
    const code = (r: { errors?: any[] }) => r.errors?.[0]?.extensions;
    expect(code(await gql(PIECE, { around: [me], depth: 3 }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "depth",
    });
    expect(code(await gql(PIECE, { around: [me], maxNodes: 2001 }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "maxNodes",
    });
    const mine = (await gql(PIECE, { depth: 0 })).data.networkGraph;
    expect(mine.nodes.map((n: { id: string }) => n.id)).toEqual([me]);
    expect(code(await gql(PIECE, { around: ["per_nobody"] }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
