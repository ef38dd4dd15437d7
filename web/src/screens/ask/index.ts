/** Screen 3, "Ask": draft a double opt-in introduction request and follow it through. */
export { AskScreen } from "./ask-screen";
