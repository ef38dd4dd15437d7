/**
 * The See screen's documents: a drawable piece of the network (networkGraph: people, the ties
 * among them with their warmth, capped at 2,000 people) and the map's outline (communities,
 * brokers and bridges, from the analytics queries).
 */
import { graphql } from "../../api/typed-document";

export interface DrawnPerson {
  id: string;
  name: string;
  title: string | null;
  isSelf: boolean;
  /** Ties from the nearest person asked for: 0 for them. */
  depth: number;
  employers: string[];
}

export interface DrawnTie {
  source: string;
  target: string;
  warmth: number;
  inferred: boolean;
}

export interface NetworkPiece {
  nodes: DrawnPerson[];
  edges: DrawnTie[];
  reachable: number;
  tiesAmong: number;
}

export interface NetworkPieceVariables {
  around: string[] | null;
  communities: number[] | null;
  depth: number;
  maxNodes: number;
}

export const NETWORK_PIECE = graphql<{ networkGraph: NetworkPiece }, NetworkPieceVariables>(`
  query NetworkPiece($around: [ID!], $communities: [Int!], $depth: Int, $maxNodes: Int) {
    networkGraph(around: $around, communities: $communities, depth: $depth, maxNodes: $maxNodes) {
      reachable
      tiesAmong
      nodes {
        id
        name
        title
        isSelf
        depth
        employers
      }
      edges {
        source
        target
        warmth
        inferred
      }
    }
  }
`);

export interface MapCommunity {
  id: number;
  size: number;
  people: { id: string }[];
}

export interface MapBroker {
  score: number;
  person: { id: string; name: string };
}

export interface MapBridge {
  strength: number;
  communities: number[];
  tiesBetween: number;
  from: { id: string; name: string };
  to: { id: string; name: string };
}

export interface MapOutline {
  communities: MapCommunity[];
  brokers: MapBroker[];
  bridges: MapBridge[];
}

/** How many brokers and bridges the map marks. */
export const MAP_BROKERS = 10;
export const MAP_BRIDGES = 20;

export const MAP_OUTLINE = graphql<MapOutline, { brokers: number; bridges: number }>(`
  query MapOutline($brokers: Int, $bridges: Int) {
    communities {
      id
      size
      people {
        id
      }
    }
    brokers(limit: $brokers) {
      score
      person {
        id
        name
      }
    }
    bridges(limit: $bridges) {
      strength
      communities
      tiesBetween
      from {
        id
        name
      }
      to {
        id
        name
      }
    }
  }
`);
