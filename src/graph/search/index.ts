/** Finding people as a person types: case- and accent-insensitive; one person or organization a typed name means. */
export { foldText } from "../model/fold-text.js";
export { searchPeople, SEARCH_PEOPLE_DEFAULTS, type PeopleSearch } from "./search-people.js";
export { bestNameMatches } from "./best-name-matches.js";
export { ambiguous, nobodyNamed } from "./resolve-errors.js";
export { lookupOf, matchLabel, resolvePerson, type SearchedStore } from "./resolve-person.js";
export { chooseOrganization, resolveOrganization } from "./resolve-organization.js";
