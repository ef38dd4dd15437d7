import "reflect-metadata";
import { Neo4jStore } from "../../src/neo4j.js";
import { httpSuite } from "./http-suite.js";
import { neo4jConnection } from "../setup/neo4j-connection.js";

httpSuite("Neo4j", async () => new Neo4jStore(neo4jConnection()));
