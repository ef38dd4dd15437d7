/** Finding people as a person types: case- and accent-insensitive. */
export { foldText } from "../model/fold-text.js";
export { searchPeople, SEARCH_PEOPLE_DEFAULTS, type PeopleSearch } from "./search-people.js";
