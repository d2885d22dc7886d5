import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MeetingEditor } from "@/components/meetings/meeting-editor";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { requireActor } from "@/lib/auth/current";
import { shanghaiToday } from "@/lib/dates";
import { meetingFormOptions } from "@/lib/meetings/meeting-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("list.new") };
}

/** 新建会议: the header and the agenda (from the proposal or by hand), saved together. */
export default async function NewMeetingPage() {
  const actor = await requireActor("meeting.manage");
  const t = await getTranslations("meetings");
  const options = await meetingFormOptions({ actor });
  const nextDay = new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return (
    <div className="space-y-4">
      <div>
        <Breadcrumbs items={[{ label: t("title"), href: "/supervision/meetings" }, { label: t("list.new") }]} />
        <h1 className="text-xl font-bold text-slate-800">{t("list.new")}</h1>
      </div>
      <MeetingEditor
        defaults={{
          kind: "COORDINATION",
          title: "",
          startsAt: `${nextDay}T09:00`,
          place: "",
          chairId: "",
          attendeeIds: [],
          attendeesText: "",
        }}
        people={options.people}
        chairs={options.chairs}
        decisionOptions={{ departments: options.departments, projects: [], noticeDays: { reply: 3, resolve: 15 } }}
      />
    </div>
  );
}
