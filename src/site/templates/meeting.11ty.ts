import { renderMeeting } from "../pages/meeting.ts";
import { paged } from "./paged.ts";

export const { data, render } = paged("meetings", (a, id) => renderMeeting(a, a.byId.meeting.get(id)!));
