import { renderPerson } from "../pages/people.ts";
import { paged } from "./paged.ts";

export const { data, render } = paged("people", (a, id) => renderPerson(a, a.byId.person.get(id)!));
