import { renderPeopleIndex } from "../pages/people.ts";
import { single } from "./paged.ts";

export const { data, render } = single("/people/", renderPeopleIndex);
