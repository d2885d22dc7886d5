// The core of an enterprise name, for duplicate detection. Chinese company names vary
// in ways that do not make a different company: the legal form (有限公司, 股份有限公司…),
// a place in brackets (科莱福光电材料（青岛）有限公司) or in front (青岛科莱福光电材料有限公司),
// full- and half-width characters and spaces. Two names with the same core, or cores that
// are near in trigram similarity, are shown to the user as a possible duplicate.
import { stripInvisible } from "../text";

const legalForms = [
  "股份有限公司",
  "有限责任公司",
  "集团有限公司",
  "集团股份有限公司",
  "有限公司",
  "股份公司",
  "集团公司",
  "分公司",
  "公司",
  "集团",
  "合伙企业（有限合伙）",
  "合伙企业",
  "有限合伙",
  "工作室",
  "研究院",
  "研究所",
  "厂",
  "co.,ltd.",
  "co., ltd.",
  "co.,ltd",
  "co. ltd",
  "company limited",
  "limited",
  "ltd.",
  "ltd",
  "inc.",
  "inc",
  "corp.",
  "corp",
  "gmbh",
];

// Provinces and the larger cities that commonly lead a company name.
const places = [
  "北京",
  "上海",
  "天津",
  "重庆",
  "河北",
  "山西",
  "辽宁",
  "吉林",
  "黑龙江",
  "江苏",
  "浙江",
  "安徽",
  "福建",
  "江西",
  "山东",
  "河南",
  "湖北",
  "湖南",
  "广东",
  "海南",
  "四川",
  "贵州",
  "云南",
  "陕西",
  "甘肃",
  "青海",
  "台湾",
  "内蒙古",
  "广西",
  "西藏",
  "宁夏",
  "新疆",
  "香港",
  "澳门",
  "青岛",
  "济南",
  "烟台",
  "潍坊",
  "威海",
  "日照",
  "临沂",
  "淄博",
  "东营",
  "济宁",
  "泰安",
  "德州",
  "聊城",
  "滨州",
  "菏泽",
  "枣庄",
  "深圳",
  "广州",
  "东莞",
  "佛山",
  "珠海",
  "中山",
  "杭州",
  "宁波",
  "温州",
  "绍兴",
  "嘉兴",
  "南京",
  "苏州",
  "无锡",
  "常州",
  "南通",
  "扬州",
  "徐州",
  "合肥",
  "武汉",
  "长沙",
  "郑州",
  "成都",
  "西安",
  "厦门",
  "福州",
  "大连",
  "沈阳",
  "长春",
  "哈尔滨",
  "石家庄",
  "太原",
  "南昌",
  "南宁",
  "贵阳",
  "昆明",
  "兰州",
  "乌鲁木齐",
  "呼和浩特",
  "银川",
  "西宁",
  "拉萨",
  "海口",
];
const placeSuffix = /^(省|市|区|县|新区|自治区|特别行政区)/;

/** The core of a company name: lower-case, half-width, no spaces, legal form, brackets or leading place. */
export function enterpriseNameKey(name: string): string {
  let s = stripInvisible(name.normalize("NFKC")).toLowerCase().replace(/\s+/g, "");
  // A place or note in brackets anywhere: 科莱福光电材料(青岛)有限公司.
  s = s.replace(/[(\[【][^)\]】]*[)\]】]/g, "");
  for (let changed = true; changed;) {
    changed = false;
    for (const form of legalForms) {
      if (s.length > form.length + 1 && s.endsWith(form)) {
        s = s.slice(0, -form.length);
        changed = true;
      }
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const place of places) {
      if (s.startsWith(place) && s.length > place.length + 1) {
        s = s.slice(place.length);
        const suffix = placeSuffix.exec(s);
        if (suffix && s.length > suffix[0].length + 1) s = s.slice(suffix[0].length);
        changed = true;
      }
    }
  }
  return s.replace(/[·.,，、&-]/g, "");
}

/** The columns of an enterprise that follow from its name. */
export const nameColumns = (name: string) => ({ name, nameKey: enterpriseNameKey(name) });
