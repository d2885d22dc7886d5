import { enterpriseNameKey } from "@/lib/enterprises/name-key";

describe("enterpriseNameKey", () => {
  it.each([
    ["青岛科莱福光电材料有限公司", "科莱福光电材料"],
    ["科莱福光电材料（青岛）有限公司", "科莱福光电材料"],
    ["科莱福光电材料(青岛)有限公司", "科莱福光电材料"],
    ["山东省青岛市科莱福光电材料股份有限公司", "科莱福光电材料"],
    ["青岛 安屯尼 智能电子有限责任公司", "安屯尼智能电子"],
    ["Qingdao Kelaifu Photoelectric Co., Ltd.", "qingdaokelaifuphotoelectric"],
    ["中硼科技集团有限公司", "中硼科技"],
  ])("%s → %s", (name, key) => {
    expect(enterpriseNameKey(name)).toBe(key);
  });

  it("never strips a name below two characters", () => {
    expect(enterpriseNameKey("青岛")).toBe("青岛");
    expect(enterpriseNameKey("青岛市")).toBe("青岛市");
    expect(enterpriseNameKey("有限公司").length).toBeGreaterThanOrEqual(2);
  });

  it("tells different companies apart", () => {
    expect(enterpriseNameKey("青岛海创生物有限公司")).not.toBe(enterpriseNameKey("青岛海创科技有限公司"));
  });
});
