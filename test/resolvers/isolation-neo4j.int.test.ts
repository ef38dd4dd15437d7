import "reflect-metadata";
import { Neo4jStore } from "../../src/neo4j.js";
import { isolationSuite } from "../api/isolation-suite.js";
import { neo4jConnection } from "../setup/neo4j-connection.js";

isolationSuite("Neo4j", async () => new Neo4jStore(neo4jConnection()));
