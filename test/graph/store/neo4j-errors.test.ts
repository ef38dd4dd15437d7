/** What a caller hears when Neo4j work fails for good: the server's state in words, never its address. */
import { Neo4jError, error as codes } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { translateError } from "../../../src/graph/store/neo4j/neo4j-errors.js";

const neo4jError = (code: string, message = "from the server at 10.0.0.7:7687") =>
  new Neo4jError(message, code, "50N05", "");

describe("Neo4j failures in words", () => {
  it("says Neo4j is busy, not unreachable, when a deadlock outlasted the retries", () => {
    const error = translateError(neo4jError("Neo.TransientError.Transaction.DeadlockDetected"));
    expect(error).toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: expect.stringMatching(/busy/),
    });
    expect((error as Error).message).not.toMatch(/reachable|10\.0\.0\.7/);
  });

  it("says Neo4j is not reachable when the connection is gone", () => {
    const error = translateError(neo4jError(codes.SERVICE_UNAVAILABLE));
    expect(error).toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      message: "Neo4j is not reachable; try again shortly.",
    });
  });
});
