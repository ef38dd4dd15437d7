/**
 * The screens of the app, in navigation order: one entry per screen, each loaded when first
 * opened (so the first screen does not wait for the others' code). To add a screen, add its
 * folder under src/screens/ and one entry here (see web/README.md).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from "react";

export interface ScreenRoute {
  /** Where it lives: "/find". Never /graphql, /healthz, /readyz or /assets, which the server owns. */
  path: string;
  /** The link's words in the navigation. */
  label: string;
  /** The page's <title> (followed by "· warmpath"). */
  title: string;
  screen: LazyExoticComponent<ComponentType>;
}

/** A screen module's one component, loaded on first use. */
const load = (importer: () => Promise<ComponentType>) =>
  lazy(async () => ({ default: await importer() }));

export const ROUTES: readonly ScreenRoute[] = [
  {
    path: "/find",
    label: "Find a way in",
    title: "Find a way in",
    screen: load(() => import("../screens/find").then((m) => m.FindScreen)),
  },
  {
    path: "/see",
    label: "Map",
    title: "See your network",
    screen: load(() => import("../screens/see").then((m) => m.SeeScreen)),
  },
  {
    path: "/ask",
    label: "Requests",
    title: "Introduction requests",
    screen: load(() => import("../screens/ask").then((m) => m.AskScreen)),
  },
  {
    path: "/import",
    label: "Import",
    title: "Import and export",
    screen: load(() => import("../screens/import").then((m) => m.ImportScreen)),
  },
  {
    path: "/today",
    label: "Today",
    title: "Today",
    screen: load(() => import("../screens/today").then((m) => m.TodayScreen)),
  },
  {
    path: "/people",
    label: "People",
    title: "People",
    screen: load(() => import("../screens/people").then((m) => m.PeopleScreen)),
  },
  {
    path: "/settings",
    label: "Settings",
    title: "Settings",
    screen: load(() => import("../screens/settings").then((m) => m.SettingsScreen)),
  },
];

/** Where / leads. */
export const HOME_PATH = "/find";

export const routeFor = (pathname: string): ScreenRoute | undefined =>
  ROUTES.find((route) => route.path === pathname);
