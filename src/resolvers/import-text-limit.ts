/**
 * The largest file the API imports in one request (contacts, mail, calendars). The API takes text only,
 * not a ZIP in base64: LinkedIn's full archive is larger than this limit, a
 * binary upload would bring a second size rule and a second decoder into a
 * request, and the contact file inside is what a client can send (the CLI
 * reads the ZIP as it is downloaded). Base64 of a ZIP is recognized and
 * refused with that advice.
 */
export const IMPORT_TEXT_LIMIT = 1_000_000;
