import { Neo4jStore } from "../src/graph/store/neo4j/neo4j-store.js";
import { storeContract } from "./contract/store-contract.js";
import { neo4jConnection } from "./setup/neo4j-connection.js";

storeContract("Neo4jStore", async () => new Neo4jStore(neo4jConnection()));
