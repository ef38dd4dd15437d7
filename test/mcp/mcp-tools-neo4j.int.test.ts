import { Neo4jStore } from "../../src/neo4j.js";
import { neo4jConnection } from "../setup/neo4j-connection.js";
import { mcpToolsSuite } from "./mcp-tools-suite.js";

mcpToolsSuite("Neo4j", async () => new Neo4jStore(neo4jConnection()));
