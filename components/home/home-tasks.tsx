import { useTranslations } from "next-intl";
import Link from "next/link";
import type { HomeTask, Words } from "@/lib/home/tasks";

const tones = {
  info: "border-slate-200",
  warning: "border-amber-300",
  danger: "border-red-300",
} as const;
const countTones = { info: "text-slate-900", warning: "text-amber-700", danger: "text-red-700" } as const;

/** The 待办 card: each entry of `homeTasks` with its count, its list and its nearest items. */
export function HomeTasks({ tasks }: { tasks: HomeTask[] }) {
  const t = useTranslations();
  const words = (w: Words): string => {
    const params = Object.fromEntries(
      Object.entries(w.params ?? {}).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.map(words).join(t("common.listSeparator")) : typeof v === "object" ? words(v) : v,
      ]),
    );
    return t(w.key as never, params as never);
  };
  const open = tasks.filter((task) => task.count > 0);
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="home-tasks-title"
      data-testid="home-tasks"
    >
      <h2 id="home-tasks-title" className="mb-3 text-sm font-semibold text-slate-700">
        {t("home.tasks.title")}
      </h2>
      {open.length === 0 ? (
        <p className="text-sm text-slate-500">{t("home.tasks.none")}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
          {open.map((task) => (
            <li
              key={task.id}
              className={`rounded-md border-l-4 border border-slate-200 px-3 py-2 ${tones[task.tone]}`}
              data-task={task.id}
            >
              <p className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-medium text-slate-800">{words(task.title)}</span>
                {task.href ? (
                  <Link
                    href={task.href}
                    className={`text-lg font-semibold hover:underline ${countTones[task.tone]}`}
                    data-testid={`task-count-${task.id}`}
                    aria-label={`${words(task.title)} ${task.count} · ${t("home.tasks.viewAll")}`}
                  >
                    {task.count}
                  </Link>
                ) : (
                  <span
                    className={`text-lg font-semibold ${countTones[task.tone]}`}
                    data-testid={`task-count-${task.id}`}
                  >
                    {task.count}
                  </span>
                )}
              </p>
              {task.items.length ? (
                <ul className="mt-1 space-y-0.5 text-sm">
                  {task.items.map((item) => (
                    <li key={item.id} className="flex flex-wrap gap-x-2">
                      <Link href={item.href} className="text-brand-700 hover:underline">
                        {item.label}
                      </Link>
                      {item.note ? <span className="text-xs text-slate-500">{words(item.note)}</span> : null}
                    </li>
                  ))}
                  {task.count > task.items.length ? (
                    <li className="text-xs text-slate-500">
                      {t("home.tasks.more", { n: task.count - task.items.length })}
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
