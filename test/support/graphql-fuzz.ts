/**
 * A seeded generator of hostile GraphQL requests: documents built from the
 * schema (every query and mutation, arguments of the right shape, selections
 * a few levels deep), then mutated the ways attackers and broken clients do:
 * wrong types, huge strings, deep and wide nesting, fragment fan-out, many
 * aliases and directives, unicode and control characters, out-of-range
 * numbers, malformed ids and dates, and cut or shuffled text.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  isInterfaceType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import { rngFrom } from "../../src/graph/analytics/seeded-rng.js";

export type Rng = () => number;

/** The project's seeded generator (mulberry32): the same documents for the same seed. */
export const seededRng = (seed: number): Rng => rngFrom(seed);

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31mred",
  "\uFEFFbom",
  "\uD800",
  "e\u0301",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧨",
  "'; DROP TABLE person; --",
  "MATCH (n) DETACH DELETE n",
  "{{firstName}} {{unknown}}",
  '=HYPERLINK("http://x")',
  "../../etc/passwd",
  "2024-02-30",
  "1999-13-01",
  "not-a-date",
  "per_00000000000000000000",
  "org_' OR 1=1",
  "https://user:pass@linkedin.com/in/x",
  "mailto:a@b.c",
  "@@@",
  "\\u0000",
];
const NASTY_NUMBERS = [
  "0",
  "-1",
  "1",
  "2147483647",
  "2147483648",
  "-2147483649",
  "9007199254740993",
  "1e308",
  "-1e308",
  "0.5",
  "1.5",
  "NaN",
  "Infinity",
  "-0",
];

function stringValue(rng: Rng): string {
  const r = rng();
  if (r < 0.5) return JSON.stringify(pick(rng, NASTY_STRINGS));
  if (r < 0.55) return JSON.stringify("x".repeat(int(rng, 1_000, 200_000)));
  return JSON.stringify(`s${int(rng, 0, 999)}`);
}

export class FuzzDocuments {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rng: Rng,
    /** Ids that exist, so some requests reach real records. */
    private readonly ids: readonly string[],
  ) {}

  private value(type: GraphQLInputType, depth: number): string {
    const rng = this.rng;
    if (rng() < 0.05)
      return pick(rng, ["null", ...NASTY_NUMBERS, '"wrong"', "true", "[]", "{}", "$undefinedVar"]);
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (isListType(type)) {
      const n = rng() < 0.05 ? int(rng, 100, 1_500) : int(rng, 0, 3);
      return `[${Array.from({ length: n }, () => this.value(type.ofType, depth + 1)).join(", ")}]`;
    }
    if (isEnumType(type)) return rng() < 0.9 ? pick(rng, type.getValues()).name : "NOT_A_VALUE";
    if (isInputObjectType(type)) {
      if (depth > 4) return "{}";
      const fields = Object.values(type.getFields()).filter(
        (f) => isNonNullType(f.type) || rng() < 0.5,
      );
      return `{ ${fields.map((f) => `${f.name}: ${this.value(f.type, depth + 1)}`).join(", ")} }`;
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case "Int":
          return rng() < 0.7 ? String(int(rng, 0, 12)) : pick(rng, NASTY_NUMBERS);
        case "Float":
          return rng() < 0.7 ? String(rng()) : pick(rng, NASTY_NUMBERS);
        case "Boolean":
          return rng() < 0.9 ? pick(rng, ["true", "false"]) : '"yes"';
        case "ID":
          return rng() < 0.6 && this.ids.length
            ? JSON.stringify(pick(rng, this.ids))
            : stringValue(rng);
        default:
          // Dates and other custom scalars: sometimes well formed, often not.
          return rng() < 0.4
            ? JSON.stringify(pick(rng, ["2024-03-15", "2030-01-01", "2024-03-15T10:00:00Z"]))
            : stringValue(rng);
      }
    }
    return "null";
  }

  private selection(type: GraphQLNamedType, depth: number): string {
    const rng = this.rng;
    if (isUnionType(type) || isInterfaceType(type)) {
      const members = isUnionType(type) ? type.getTypes() : this.schema.getPossibleTypes(type);
      return `{ __typename ${members.map((m) => `... on ${m.name} ${this.selection(m, depth)}`).join(" ")} }`;
    }
    if (!isObjectType(type)) return "";
    const fields = Object.values(type.getFields());
    const chosen = fields.filter(() => rng() < 0.35);
    if (chosen.length === 0) chosen.push(pick(rng, fields));
    const parts = chosen.map((f) => {
      const named = getNamedType(f.type);
      const composite = isObjectType(named) || isUnionType(named) || isInterfaceType(named);
      if (composite && depth >= 4) return "__typename";
      const alias = rng() < 0.1 ? `a${int(rng, 0, 99)}: ` : "";
      return `${alias}${f.name}${this.args(f)}${composite ? ` ${this.selection(named, depth + 1)}` : ""}`;
    });
    return `{ ${parts.join(" ")} }`;
  }

  private args(field: GraphQLField<unknown, unknown>): string {
    const given = field.args.filter((a) => isNonNullType(a.type) || this.rng() < 0.4);
    return given.length
      ? `(${given.map((a) => `${a.name}: ${this.value(a.type, 0)}`).join(", ")})`
      : "";
  }

  /** A document of the schema's shape: one operation on a random root field or two. */
  valid(): string {
    const rng = this.rng;
    const mutation = rng() < 0.35;
    const root = mutation ? this.schema.getMutationType()! : this.schema.getQueryType()!;
    const fields = Object.values(root.getFields());
    const chosen = Array.from({ length: int(rng, 1, 2) }, () => pick(rng, fields));
    const body = chosen
      .map((f, i) => {
        const named = getNamedType(f.type);
        const sel =
          isObjectType(named) || isUnionType(named) || isInterfaceType(named)
            ? ` ${this.selection(named, 1)}`
            : "";
        return `f${i}: ${f.name}${this.args(f)}${sel}`;
      })
      .join(" ");
    return `${mutation ? "mutation" : "query"} { ${body} }`;
  }

  /** A valid document mutated one or more of the hostile ways. */
  hostile(): { query: string; variables?: unknown; operationName?: unknown } {
    const rng = this.rng;
    let query = this.valid();
    const how = int(rng, 0, 11);
    switch (how) {
      case 0: {
        // deep nesting
        const n = int(rng, 5, 40);
        query = `{ me { ${"knows { person { ".repeat(n)}id${" } }".repeat(n)} } }`;
        break;
      }
      case 1: {
        // fragment fan-out
        const n = int(rng, 10, 40);
        query = [
          "{ ...F0 }",
          ...Array.from(
            { length: n - 1 },
            (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
          ),
          `fragment F${n - 1} on Query { me { id } }`,
        ].join(" ");
        break;
      }
      case 2: // many aliases
        query = `{ ${Array.from({ length: int(rng, 40, 400) }, (_, i) => `a${i}: me { id name }`).join(" ")} }`;
        break;
      case 3: // many directives
        query = `{ me { id ${Array.from({ length: int(rng, 20, 200) }, (_, i) => `d${i}: name @include(if: true) @skip(if: false)`).join(" ")} } }`;
        break;
      case 4: // wide page with nested lists
        query = `{ people(first: ${pick(rng, ["1000", "999999", "-1", "0", "2147483648"])}) { edges { node { knows { person { knows { person { name } } } } } } } }`;
        break;
      case 5: {
        // cut the text at a random place
        query = query.slice(0, int(rng, 0, query.length));
        break;
      }
      case 6: {
        // flip characters
        const chars = [...query];
        for (let i = 0; i < int(rng, 1, 10); i++)
          chars[int(rng, 0, chars.length - 1)] = pick(rng, [
            "{",
            "}",
            "(",
            ")",
            ":",
            "$",
            "@",
            '"',
            "\u0000",
            "…",
            "#",
            "\n",
          ]);
        query = chars.join("");
        break;
      }
      case 7: // control and unicode characters in names and strings
        query = query.replace(/"s\d+"/g, () =>
          JSON.stringify(pick(rng, NASTY_STRINGS) + "\u0001\u007f\u202e"),
        );
        break;
      case 8: // operation types and names the server does not serve
        query = pick(rng, [
          "subscription { me { id } }",
          "query A { me { id } } query B { me { id } }",
          'query A { me { id } } mutation A { deletePerson(input: {id: "x"}) }',
          "{ __schema { types { name fields { name } } } }",
          '{ __type(name: "Person") { name } }',
        ]);
        return { query, operationName: pick(rng, [undefined, "A", "B", "C", 7, null]) };
      case 9: // variables of the wrong shape
        return {
          query:
            "query($n: Int, $id: ID!) { people(first: $n) { totalCount } person(id: $id) { name } }",
          variables: pick(rng, [
            { n: "x", id: 1 },
            { n: 1e308 },
            [],
            "vars",
            { n: 5, id: { a: 1 } },
            null,
          ]),
        };
      case 10: // a huge token count
        query = `{ me { ${"id ".repeat(int(rng, 4_000, 20_000))} } }`;
        break;
      default:
        break; // as generated: arguments already carry wrong types and nasty values
    }
    return { query };
  }
}
