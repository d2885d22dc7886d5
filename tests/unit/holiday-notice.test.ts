import { daysBetween, periodDays, periodNameOf, readHolidayNotice } from "../../lib/permits/holiday-notice";

// 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕…，2025年11月4日）, as printed.
const notice2026 = `国务院办公厅关于2026年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
　　二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
　　三、清明节：4月4日（周六）至6日（周一）放假，共3天。
　　四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
　　五、端午节：6月19日（周五）至21日（周日）放假，共3天。
　　六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
　　七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
　　鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期，推动错峰出行。节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2025年11月4日`;

describe("reading the State Council's holiday notice", () => {
  it("reads the seven periods of the real 2026 notice with their 调休 working days", () => {
    const r = readHolidayNotice(notice2026, 2020);
    expect(r.year).toBe(2026);
    expect(r.unread).toEqual([]);
    expect(
      r.periods.map(({ name, from, to, workdays, declaredDays }) => ({ name, from, to, workdays, declaredDays })),
    ).toEqual([
      { name: "元旦", from: "2026-01-01", to: "2026-01-03", workdays: ["2026-01-04"], declaredDays: 3 },
      {
        name: "春节",
        from: "2026-02-15",
        to: "2026-02-23",
        workdays: ["2026-02-14", "2026-02-28"],
        declaredDays: 9,
      },
      { name: "清明节", from: "2026-04-04", to: "2026-04-06", workdays: [], declaredDays: 3 },
      { name: "劳动节", from: "2026-05-01", to: "2026-05-05", workdays: ["2026-05-09"], declaredDays: 5 },
      { name: "端午节", from: "2026-06-19", to: "2026-06-21", workdays: [], declaredDays: 3 },
      { name: "中秋节", from: "2026-09-25", to: "2026-09-27", workdays: [], declaredDays: 3 },
      {
        name: "国庆节",
        from: "2026-10-01",
        to: "2026-10-07",
        workdays: ["2026-09-20", "2026-10-10"],
        declaredDays: 7,
      },
    ]);
    // Each period's length is what the notice says it is (共N天), weekends included.
    for (const p of r.periods) expect(daysBetween(p.from, p.to)).toHaveLength(p.declaredDays!);
  });

  it("reads one line alone, in full-width or plain punctuation, with 星期 or 周", () => {
    const line = "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。";
    expect(readHolidayNotice(line, 2026).periods[0]).toMatchObject({
      name: "国庆节",
      from: "2026-10-01",
      to: "2026-10-07",
      workdays: ["2026-09-20", "2026-10-10"],
    });
    const plain = readHolidayNotice("国庆节:10月1日至7日放假调休,共7天。9月27日(星期日)、10月10日(星期六)上班。", 2026);
    expect(plain.periods[0]).toMatchObject({ from: "2026-10-01", to: "2026-10-07", declaredDays: 7 });
    expect(plain.periods[0].workdays).toEqual(["2026-09-27", "2026-10-10"]);
  });

  it("reads a notice pasted as one paragraph, a single day off, and a holiday across the new year", () => {
    const r = readHolidayNotice(
      "一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。二、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。",
      2023,
    );
    expect(r.periods.map((p) => [p.name, p.from, p.to, p.workdays])).toEqual([
      ["元旦", "2022-12-31", "2023-01-02", []],
      ["劳动节", "2023-04-29", "2023-05-03", ["2023-04-23", "2023-05-06"]],
    ]);
    const single = readHolidayNotice("一、元旦：1月1日放假，与周末连休。", 2024);
    expect(single.periods[0]).toMatchObject({ from: "2024-01-01", to: "2024-01-01", workdays: [], declaredDays: null });
    // A working day in December before a 元旦 of January belongs to the year before.
    const across = readHolidayNotice("一、元旦：1月1日至3日放假调休，共3天。12月29日（星期日）上班。", 2025);
    expect(across.periods[0].workdays).toEqual(["2024-12-29"]);
  });

  it("names what it cannot read and never guesses a date", () => {
    const r = readHolidayNotice("国庆节：10月1日至2月30日放假\n中秋节：9月31日放假，共1天。\n鼓励错峰出行。", 2026);
    expect(r.periods).toEqual([]);
    expect(r.unread).toEqual(["国庆节:10月1日至2月30日放假", "中秋节:9月31日放假,共1天。"]);
  });
});

describe("holiday periods as calendar days", () => {
  it("stores every day of the holiday, weekends included, and the working days under the holiday's name", () => {
    const days = periodDays({
      name: "国庆节",
      from: "2026-10-01",
      to: "2026-10-07",
      workdays: ["2026-09-20", "2026-10-10"],
    });
    expect(days.filter((d) => d.kind === "HOLIDAY").map((d) => d.date)).toEqual(
      daysBetween("2026-10-01", "2026-10-07"),
    );
    expect(days.filter((d) => d.kind === "WORKDAY")).toEqual([
      { date: "2026-09-20", kind: "WORKDAY", name: "国庆节调休上班" },
      { date: "2026-10-10", kind: "WORKDAY", name: "国庆节调休上班" },
    ]);
    expect(new Set(days.map(periodNameOf))).toEqual(new Set(["国庆节"]));
  });
});
