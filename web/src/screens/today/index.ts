/** Screen 4, "Today": its one component (registered in src/app/routes.ts). */
export { TodayScreen } from "./today-screen";
