/** Screen 2, "See it": a path's drawing over its people's ego networks, and the network map. */
export { SeeScreen } from "./see-screen";
