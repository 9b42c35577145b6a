import { renderInitiativesIndex, INITIATIVES_URL } from "../pages/initiatives.ts";
import { single } from "./paged.ts";

export const { data, render } = single(INITIATIVES_URL, renderInitiativesIndex);
