import { renderInitiative } from "../pages/initiatives.ts";
import { paged } from "./paged.ts";

export const { data, render } = paged("initiatives", (a, id) => renderInitiative(a, a.byId.initiative.get(id)!));
