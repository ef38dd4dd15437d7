import "reflect-metadata";
import { Neo4jStore } from "../../src/neo4j.js";
import { importExportSuite } from "../api/import-export-suite.js";
import { neo4jConnection } from "../setup/neo4j-connection.js";

importExportSuite("Neo4j", async () => new Neo4jStore(neo4jConnection()));
