/** The API token of an `Authorization: Bearer <token>` header (RFC 6750). */

/** No header: null; a header that is not a Bearer credential: "malformed". */
export function readBearerToken(header: string | undefined): string | null | "malformed" {
  if (header === undefined) return null;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)[ ]*$/i.exec(header);
  return match ? match[1]! : "malformed";
}
