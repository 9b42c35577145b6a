import { feedTemplate } from "../feeds/template.ts";

export const { data, render } = feedTemplate("atom");
