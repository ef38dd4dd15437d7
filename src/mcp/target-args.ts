/**
 * People and organizations as an assistant names them: an id a tool returned
 * (`per_...`, `org_...`), or what a person would type (a name or part of one, an
 * e-mail, a profile URL; an organization's name), resolved as the command line
 * resolves them. Another owner's id is NOT_FOUND, exactly as a missing one.
 */
import { isWarmpathError, notFound } from "../errors.js";
import {
  type Organization,
  type Person,
  resolveOrganization,
  resolvePerson,
} from "../graph/index.js";
import type { McpContext } from "./mcp-context.js";

/** How a NOT_FOUND names the store searched: never a file path or URI, which a remote client has no business seeing. */
const WHERE = "your network";

const PERSON_ID = /^per_[A-Za-z0-9_-]+$/;
const ORGANIZATION_ID = /^org_[A-Za-z0-9_-]+$/;

/** NOT_FOUND from the store, said about the argument that named it. */
const notFoundAt =
  (kind: string, id: string, field: string) =>
  (error: unknown): never => {
    throw isWarmpathError(error, "NOT_FOUND") ? notFound(kind, id, field) : error;
  };

/** The one person `value` names; NOT_FOUND, or BAD_USER_INPUT listing the matches when several. */
export async function personArg(
  { store, ownerId }: McpContext,
  value: string,
  field: string,
): Promise<Person> {
  const id = value.trim();
  if (PERSON_ID.test(id))
    return store.get(ownerId, "person", id).catch(notFoundAt("person", id, field));
  return resolvePerson({ store, ownerId, where: WHERE }, value, field);
}

/** The one organization `value` names, by id or by name. */
export async function organizationArg(
  { store, ownerId }: McpContext,
  value: string,
  field: string,
): Promise<Organization> {
  const id = value.trim();
  if (ORGANIZATION_ID.test(id))
    return store.get(ownerId, "organization", id).catch(notFoundAt("organization", id, field));
  return resolveOrganization({ store, ownerId, where: WHERE }, value, field);
}
