import "reflect-metadata";
import { Neo4jStore } from "../../../src/neo4j.js";
import { habitsWalkthrough } from "../../api/habits-walkthrough.js";
import { neo4jConnection } from "../../setup/neo4j-connection.js";

habitsWalkthrough("Neo4j", async () => new Neo4jStore(neo4jConnection()));
