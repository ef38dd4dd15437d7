/** The built web app for the browser tests: the rule lives with the scripts, which bench/web shares. */
export { ensureWebBuild, WEB_DIST } from "../../scripts/web-build.js";
