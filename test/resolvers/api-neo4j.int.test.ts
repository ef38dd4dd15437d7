import "reflect-metadata";
import { Neo4jStore } from "../../src/neo4j.js";
import { apiSuite } from "../api/api-suite.js";
import { neo4jConnection } from "../setup/neo4j-connection.js";

apiSuite("Neo4j", async () => new Neo4jStore(neo4jConnection()));
