/**
 * The GraphQL explorer at /graphql (web/graphiql.html): GraphiQL with its editor's workers
 * bundled, so it works offline, unlike Apollo's landing page, which loads from a CDN.
 */
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { graphiqlFetcher } from "./graphiql-fetcher";
import "./graphiql.css";

const FIRST_QUERY = `# warmpath's GraphQL API: the Docs (top left) list
# every query and mutation; Ctrl-Enter runs one.
# This browser's session (if any) is used.
{
  me {
    name
    knows {
      strength
      context
      person {
        name
      }
    }
  }
}
`;

const root = document.getElementById("graphiql");
if (root === null) throw new Error("graphiql.html has no #graphiql element");
createRoot(root).render(
  <StrictMode>
    <GraphiQL fetcher={graphiqlFetcher} defaultQuery={FIRST_QUERY} />
  </StrictMode>,
);
