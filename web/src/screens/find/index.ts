/** Screen 1, "Find a way in": its one component (registered in src/app/routes.ts). */
export { FindScreen } from "./find-screen";
