/** Screen 5, "People": its one component (registered in src/app/routes.ts). */
export { PeopleScreen } from "./people-screen";
