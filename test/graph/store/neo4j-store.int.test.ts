import { Neo4jStore } from "../../../src/graph/store/neo4j/neo4j-store.js";
import { storeContract } from "../../../src/testing.js";
import { neo4jConnection } from "../../setup/neo4j-connection.js";

storeContract("Neo4jStore", async () => new Neo4jStore(neo4jConnection()));
