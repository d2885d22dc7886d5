// Reference and demo data of the source story (SPEC §9).

export const DEMO_PASSWORD = "Demo@2026";

export const departments = [
  { code: "ZSJ", name: "招商局", kind: "BUREAU" },
  { code: "ZRZY", name: "自然资源和规划局", kind: "PERMIT" },
  { code: "BDCDJ", name: "不动产登记中心", kind: "PERMIT" },
  { code: "ZJJ", name: "住房和城乡建设局", kind: "PERMIT" },
  { code: "STHJ", name: "生态环境分局", kind: "PERMIT" },
  { code: "FGJ", name: "发展和改革局", kind: "OTHER" },
  { code: "XZSP", name: "行政审批服务局", kind: "OTHER" },
  { code: "GXJ", name: "工业和信息化局", kind: "OTHER" },
] as const;

export const parks = [
  { code: "EIP", name: "电子信息产业园", description: "新一代信息技术、智能终端与电子元器件" },
  { code: "BIO", name: "生物医药产业园", description: "医疗器械、海洋生物医药" },
  { code: "NMP", name: "新材料产业园", description: "光刻胶、硼材料等先进材料" },
  { code: "HEM", name: "高端装备制造园", description: "高端装备、智能制造" },
  { code: "MAR", name: "海洋经济产业园", description: "现代海洋产业" },
] as const;

// Shandong's 十强产业.
export const industries = [
  { code: "NEXT_GEN_IT", name: "新一代信息技术" },
  { code: "HIGH_END_EQUIPMENT", name: "高端装备" },
  { code: "NEW_ENERGY_MATERIALS", name: "新能源新材料" },
  { code: "MODERN_MARINE", name: "现代海洋" },
  { code: "HEALTH_CARE", name: "医养健康" },
  { code: "HIGH_END_CHEMICAL", name: "高端化工" },
  { code: "MODERN_AGRICULTURE", name: "现代高效农业" },
  { code: "CULTURAL_CREATIVE", name: "文化创意" },
  { code: "TOURISM", name: "精品旅游" },
  { code: "MODERN_FINANCE", name: "现代金融服务" },
] as const;

export const demoUsers = [
  { username: "admin", displayName: "系统管理员", role: "ADMIN", department: "ZSJ" },
  { username: "manager", displayName: "王建国", role: "MANAGER", department: "ZSJ" },
  { username: "leader", displayName: "李明", role: "LEADER", department: "ZSJ" },
  { username: "staff", displayName: "张伟", role: "STAFF", department: "ZSJ" },
  { username: "approver", displayName: "陈静", role: "APPROVER", department: "ZJJ" },
  { username: "approver_zrzy", displayName: "刘洋", role: "APPROVER", department: "ZRZY" },
  { username: "approver_bdc", displayName: "赵敏", role: "APPROVER", department: "BDCDJ" },
  { username: "approver_sthj", displayName: "孙磊", role: "APPROVER", department: "STHJ" },
] as const;

/** Stage path, dates and timeline of the source story (SPEC §9). */
export type StoryDetail = {
  creditBase?: string;
  signingDate?: string;
  contractInvestment?: string;
  registrationDate?: string;
  constructionDate?: string;
  completionDate?: string;
  productionDate?: string;
  plannedStartDate?: string;
  landArea?: string;
  fixedAssetInvestment?: string;
  expectedAnnualOutput?: string;
  expectedAnnualTax?: string;
  sourceChannel: "ALL_STAFF" | "PROFESSIONAL" | "VIA_INVESTOR" | "SIGNING_WEEK";
  /** Dates on which each stage was entered, from LEAD on. */
  path: [stage: string, date: string][];
  activities: [type: "VISIT" | "CALL" | "NEGOTIATION" | "SITE_SURVEY" | "MEETING", date: string, notes: string][];
  description: string;
  /** The 七证合一 case: submitted on `start`; per permit code the working days to its decision
   *  (or "pending"), and optionally a return for 补正 after some days with a wait. */
  permit?: {
    start: string;
    fastTrack: boolean;
    items: Record<
      string,
      number | "pending" | { days: number | "pending"; returned: { after: number; wait: number; missing: string[] } }
    >;
  };
};

export const storyDetails: Record<string, StoryDetail> = {
  "NH-2026-0001": {
    creditBase: "91370200MA3KL0F1X",
    sourceChannel: "PROFESSIONAL",
    signingDate: "2025-09-12",
    contractInvestment: "50000.00",
    registrationDate: "2025-10-20",
    constructionDate: "2026-01-08",
    completionDate: "2026-10-28",
    plannedStartDate: "2026-01-01",
    landArea: "120.00",
    fixedAssetInvestment: "38000.00",
    expectedAnnualOutput: "150000.00",
    expectedAnnualTax: "9000.00",
    path: [
      ["LEAD", "2025-04-02"],
      ["NEGOTIATING", "2025-05-15"],
      ["SIGNED", "2025-09-12"],
      ["REGISTERED", "2025-10-20"],
      ["APPROVING", "2025-11-03"],
      ["CONSTRUCTION", "2026-01-08"],
      ["COMPLETED", "2026-10-28"],
    ],
    activities: [
      ["VISIT", "2025-04-02", "赴苏州拜访科莱福光电总部，了解光刻胶材料扩产需求"],
      ["SITE_SURVEY", "2025-06-10", "企业考察新材料产业园地块"],
      ["NEGOTIATION", "2025-08-20", "就土地、厂房代建和设备补贴达成一致"],
      ["MEETING", "2026-11-05", "竣工后试生产协调会：电力增容与危化品仓储"],
    ],
    description: "光刻胶及配套材料生产基地，已竣工并进入试生产。",
    permit: {
      start: "2025-11-03",
      fastTrack: false,
      items: {
        LAND_USE_PLANNING: 9,
        LAND_APPROVAL: 11,
        REAL_ESTATE_TITLE: 18,
        CONSTRUCTION_PLANNING: 14,
        DRAWING_REVIEW: {
          days: 13,
          returned: { after: 6, wait: 4, missing: ["消防设计专篇", "危化品仓库防爆设计说明"] },
        },
        CONSTRUCTION_PERMIT: 22,
        EIA_APPROVAL: 35,
      },
    },
  },
  "NH-2026-0002": {
    creditBase: "91370200MA3N2P7R4",
    sourceChannel: "VIA_INVESTOR",
    signingDate: "2026-01-16",
    contractInvestment: "115000.00",
    registrationDate: "2026-02-26",
    constructionDate: "2026-07-06",
    plannedStartDate: "2026-06-30",
    landArea: "210.00",
    fixedAssetInvestment: "90000.00",
    expectedAnnualOutput: "300000.00",
    expectedAnnualTax: "18000.00",
    path: [
      ["LEAD", "2025-08-11"],
      ["NEGOTIATING", "2025-09-30"],
      ["SIGNED", "2026-01-16"],
      ["REGISTERED", "2026-02-26"],
      ["APPROVING", "2026-03-10"],
      ["CONSTRUCTION", "2026-07-06"],
    ],
    activities: [
      ["MEETING", "2025-08-11", "以商招商：经现有医药企业引荐，首次对接海洋多肽药物项目"],
      ["SITE_SURVEY", "2025-10-15", "企业考察生物医药产业园 GMP 厂房"],
      ["NEGOTIATION", "2025-12-18", "洽谈海洋生物提取车间能耗指标"],
      ["VISIT", "2026-09-02", "走访在建工地，主体结构施工中"],
    ],
    description: "海洋多肽原料药及制剂项目，7 月开工建设。",
    permit: {
      start: "2026-03-10",
      fastTrack: false,
      items: {
        LAND_USE_PLANNING: 12,
        LAND_APPROVAL: 14,
        REAL_ESTATE_TITLE: 26,
        CONSTRUCTION_PLANNING: 19,
        DRAWING_REVIEW: 16,
        CONSTRUCTION_PERMIT: 24,
        EIA_APPROVAL: {
          days: 58,
          returned: { after: 20, wait: 12, missing: ["海洋生物提取废水处理工艺论证", "环境风险应急预案"] },
        },
      },
    },
  },
  "NH-2026-0003": {
    creditBase: "91370200MA3D4H8K2",
    sourceChannel: "PROFESSIONAL",
    signingDate: "2024-11-08",
    contractInvestment: "80000.00",
    registrationDate: "2024-12-12",
    constructionDate: "2025-03-18",
    completionDate: "2025-12-20",
    productionDate: "2026-03-01",
    landArea: "160.00",
    fixedAssetInvestment: "60000.00",
    expectedAnnualOutput: "400000.00",
    expectedAnnualTax: "20000.00",
    path: [
      ["LEAD", "2024-06-20"],
      ["NEGOTIATING", "2024-08-01"],
      ["SIGNED", "2024-11-08"],
      ["REGISTERED", "2024-12-12"],
      ["APPROVING", "2025-01-06"],
      ["CONSTRUCTION", "2025-03-18"],
      ["COMPLETED", "2025-12-20"],
      ["PRODUCTION", "2026-03-01"],
    ],
    activities: [
      ["VISIT", "2024-06-20", "拜访安屯尼，介绍电子信息产业园智能换电摩托车产业链配套"],
      ["NEGOTIATION", "2024-09-12", "洽谈电芯、注塑件本地配套"],
      ["MEETING", "2026-03-01", "投产仪式，首批换电摩托车下线"],
    ],
    description: "智能换电摩托车整车及换电柜项目，已投产。",
    permit: {
      start: "2025-01-06",
      fastTrack: false,
      items: {
        LAND_USE_PLANNING: 10,
        LAND_APPROVAL: 10,
        REAL_ESTATE_TITLE: 21,
        CONSTRUCTION_PLANNING: 15,
        DRAWING_REVIEW: 12,
        CONSTRUCTION_PERMIT: 17,
        EIA_APPROVAL: 30,
      },
    },
  },
  "NH-2026-0004": {
    creditBase: "91370200MA3F9T2W6",
    sourceChannel: "SIGNING_WEEK",
    signingDate: "2025-05-20",
    contractInvestment: "35000.00",
    registrationDate: "2025-06-03",
    constructionDate: "2025-07-15",
    completionDate: "2025-09-30",
    productionDate: "2025-10-20",
    landArea: "45.00",
    fixedAssetInvestment: "22000.00",
    expectedAnnualOutput: "120000.00",
    expectedAnnualTax: "7000.00",
    path: [
      ["LEAD", "2025-03-10"],
      ["NEGOTIATING", "2025-04-02"],
      ["SIGNED", "2025-05-20"],
      ["REGISTERED", "2025-06-03"],
      ["APPROVING", "2025-06-10"],
      ["CONSTRUCTION", "2025-07-15"],
      ["COMPLETED", "2025-09-30"],
      ["PRODUCTION", "2025-10-20"],
    ],
    activities: [
      ["NEGOTIATION", "2025-04-02", "签约周前集中洽谈 CT 整机项目"],
      ["MEETING", "2025-06-10", "医疗器械生产许可并联服务专班会"],
      ["VISIT", "2025-10-20", "5 个月取得生产许可证，正式投产"],
    ],
    description: "CT 影像设备整机项目，从签约到取得生产许可仅用 5 个月。",
    permit: {
      start: "2025-06-10",
      fastTrack: true,
      items: {
        LAND_USE_PLANNING: 4,
        LAND_APPROVAL: 5,
        REAL_ESTATE_TITLE: 5,
        CONSTRUCTION_PLANNING: 6,
        DRAWING_REVIEW: 7,
        CONSTRUCTION_PERMIT: 5,
        EIA_APPROVAL: 18,
      },
    },
  },
  "NH-2026-0005": {
    sourceChannel: "PROFESSIONAL",
    signingDate: "2026-10-18",
    contractInvestment: "30000.00",
    plannedStartDate: "2027-03-01",
    landArea: "80.00",
    fixedAssetInvestment: "24000.00",
    expectedAnnualOutput: "60000.00",
    expectedAnnualTax: "3600.00",
    path: [
      ["LEAD", "2026-05-06"],
      ["NEGOTIATING", "2026-06-20"],
      ["SIGNED", "2026-10-18"],
    ],
    activities: [
      ["VISIT", "2026-05-06", "拜访中硼科技，了解碳化硼粉体扩产计划"],
      ["SITE_SURVEY", "2026-07-22", "企业考察新材料产业园"],
      ["NEGOTIATION", "2026-09-15", "签约前最后一轮洽谈"],
    ],
    description: "碳化硼粉体及制品项目，已签约。",
    permit: {
      start: "2026-11-09",
      fastTrack: true,
      items: {
        LAND_USE_PLANNING: 4,
        LAND_APPROVAL: 6,
        REAL_ESTATE_TITLE: "pending",
        CONSTRUCTION_PLANNING: "pending",
        DRAWING_REVIEW: {
          days: "pending",
          returned: { after: 5, wait: 99, missing: ["施工图消防专篇", "岩土工程勘察报告（详勘）"] },
        },
        CONSTRUCTION_PERMIT: "pending",
        EIA_APPROVAL: "pending",
      },
    },
  },
};

export const storyProjects = [
  {
    code: "NH-2026-0001",
    name: "科莱福光电光刻胶材料项目",
    enterpriseName: "科莱福光电材料有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    totalInvestment: "52000.00",
    stage: "COMPLETED",
    keyProject: true,
  },
  {
    code: "NH-2026-0002",
    name: "润辉生物泰美太海洋多肽药物项目",
    enterpriseName: "润辉生物泰美太医药有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    totalInvestment: "120000.00",
    stage: "CONSTRUCTION",
    keyProject: true,
  },
  {
    code: "NH-2026-0003",
    name: "安屯尼智能换电摩托车项目",
    enterpriseName: "安屯尼智能电子科技有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    totalInvestment: "85000.00",
    stage: "PRODUCTION",
    keyProject: true,
  },
  {
    code: "NH-2026-0004",
    name: "开影医疗CT影像设备项目",
    enterpriseName: "开影医疗科技有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    totalInvestment: "36000.00",
    stage: "PRODUCTION",
    keyProject: false,
  },
  {
    code: "NH-2026-0005",
    name: "中硼科技碳化硼材料项目",
    enterpriseName: "中硼科技有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    totalInvestment: "30000.00",
    stage: "SIGNED",
    keyProject: true,
  },
] as const;

/** The seven permits of 七证合一 (SPEC §3): code, name, department, statutory and fast-track working days. */
export const permitTypes = [
  { code: "LAND_USE_PLANNING", name: "建设用地规划许可证", department: "ZRZY", statutoryDays: 20, fastTrackDays: 7 },
  { code: "LAND_APPROVAL", name: "建设用地批准书", department: "ZRZY", statutoryDays: 20, fastTrackDays: 7 },
  { code: "REAL_ESTATE_TITLE", name: "不动产权证书", department: "BDCDJ", statutoryDays: 30, fastTrackDays: 5 },
  {
    code: "CONSTRUCTION_PLANNING",
    name: "建设工程规划许可证",
    department: "ZRZY",
    statutoryDays: 20,
    fastTrackDays: 7,
  },
  { code: "DRAWING_REVIEW", name: "施工图设计审查合格书", department: "ZJJ", statutoryDays: 15, fastTrackDays: 7 },
  { code: "CONSTRUCTION_PERMIT", name: "建筑工程施工许可证", department: "ZJJ", statutoryDays: 15, fastTrackDays: 5 },
  { code: "EIA_APPROVAL", name: "环境影响评价批复", department: "STHJ", statutoryDays: 60, fastTrackDays: 20 },
] as const;

const span = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
};

/** 2026 official holidays and 调休 working days (国务院办公厅, 2025-11-04). */
export const holidays2026: { date: string; kind: "HOLIDAY" | "WORKDAY"; name: string }[] = [
  ...span("2026-01-01", "2026-01-03").map((date) => ({ date, kind: "HOLIDAY" as const, name: "元旦" })),
  { date: "2026-01-04", kind: "WORKDAY", name: "元旦调休上班" },
  { date: "2026-02-14", kind: "WORKDAY", name: "春节调休上班" },
  ...span("2026-02-15", "2026-02-23").map((date) => ({ date, kind: "HOLIDAY" as const, name: "春节" })),
  { date: "2026-02-28", kind: "WORKDAY", name: "春节调休上班" },
  ...span("2026-04-04", "2026-04-06").map((date) => ({ date, kind: "HOLIDAY" as const, name: "清明节" })),
  ...span("2026-05-01", "2026-05-05").map((date) => ({ date, kind: "HOLIDAY" as const, name: "劳动节" })),
  { date: "2026-05-09", kind: "WORKDAY", name: "劳动节调休上班" },
  ...span("2026-06-19", "2026-06-21").map((date) => ({ date, kind: "HOLIDAY" as const, name: "端午节" })),
  { date: "2026-09-20", kind: "WORKDAY", name: "国庆节调休上班" },
  ...span("2026-09-25", "2026-09-27").map((date) => ({ date, kind: "HOLIDAY" as const, name: "中秋节" })),
  ...span("2026-10-01", "2026-10-07").map((date) => ({ date, kind: "HOLIDAY" as const, name: "国庆节" })),
  { date: "2026-10-10", kind: "WORKDAY", name: "国庆节调休上班" },
];

type SeedLink = {
  name: string;
  position: "UPSTREAM" | "MIDSTREAM" | "DOWNSTREAM";
  target: number;
  importance: number;
  parent?: string;
};
type SeedEnterprise = {
  name: string;
  links: string[];
  local: boolean;
  leader?: boolean;
  region?: string;
  scale?: string;
};

/**
 * The source story's chains (SPEC §9): links up- to downstream, the local enterprises the
 * story mentions, and external targets for the gaps. Story projects attach to links by
 * project code.
 */
export const chains: {
  code: string;
  name: string;
  industry: string;
  description: string;
  links: SeedLink[];
  enterprises: SeedEnterprise[];
  projects: Record<string, string[]>;
}[] = [
  {
    code: "E_MOTO",
    name: "智能换电摩托车",
    industry: "HIGH_END_EQUIPMENT",
    description: "以安屯尼整车为龙头，电芯、电控、结构件本地配套，换电柜与运营服务延伸。",
    links: [
      { name: "电芯", position: "UPSTREAM", target: 2, importance: 5 },
      { name: "电池管理系统", position: "UPSTREAM", target: 1, importance: 4 },
      { name: "注塑件", position: "UPSTREAM", target: 2, importance: 3 },
      { name: "钣金件", position: "UPSTREAM", target: 2, importance: 3 },
      { name: "电机电控", position: "UPSTREAM", target: 1, importance: 4 },
      { name: "SMT贴片", position: "MIDSTREAM", target: 2, importance: 3 },
      { name: "整车制造", position: "MIDSTREAM", target: 1, importance: 5 },
      { name: "换电柜", position: "DOWNSTREAM", target: 1, importance: 4, parent: "整车制造" },
      { name: "运营服务", position: "DOWNSTREAM", target: 2, importance: 3, parent: "换电柜" },
    ],
    enterprises: [
      {
        name: "安屯尼智能电子科技有限公司",
        links: ["整车制造", "换电柜"],
        local: true,
        leader: true,
        region: "青岛西海岸新区",
        scale: "大型",
      },
      { name: "青岛恒塑精密注塑有限公司", links: ["注塑件"], local: true, region: "青岛西海岸新区", scale: "中型" },
      { name: "青岛鑫锐钣金制造有限公司", links: ["钣金件"], local: true, region: "青岛西海岸新区", scale: "小型" },
      { name: "青岛海联钣金科技有限公司", links: ["钣金件"], local: true, region: "青岛西海岸新区", scale: "小型" },
      { name: "青岛华芯电子贴装有限公司", links: ["SMT贴片"], local: true, region: "青岛西海岸新区", scale: "中型" },
      {
        name: "青岛智控电池管理技术有限公司",
        links: ["电池管理系统"],
        local: true,
        region: "青岛西海岸新区",
        scale: "小型",
      },
      { name: "青岛易换出行服务有限公司", links: ["运营服务"], local: true, region: "青岛西海岸新区", scale: "小型" },
      { name: "青岛博远塑胶制品有限公司", links: ["注塑件"], local: true, region: "青岛西海岸新区", scale: "小型" },
      { name: "青岛启明电子科技有限公司", links: ["SMT贴片"], local: true, region: "青岛西海岸新区", scale: "小型" },
      { name: "青岛泰和换电设备有限公司", links: ["换电柜"], local: true, region: "青岛西海岸新区", scale: "小型" },
      {
        name: "青岛新宇电控科技有限公司",
        links: ["电池管理系统"],
        local: true,
        region: "青岛西海岸新区",
        scale: "小型",
      },
      { name: "江苏锂能新能源科技有限公司", links: ["电芯"], local: false, region: "江苏常州", scale: "大型" },
      { name: "浙江动力芯电池有限公司", links: ["电芯"], local: false, region: "浙江宁波", scale: "中型" },
      { name: "广东驰远电机有限公司", links: ["电机电控"], local: false, region: "广东东莞", scale: "中型" },
      { name: "深圳贴装先锋电子有限公司", links: ["SMT贴片"], local: false, region: "广东深圳", scale: "中型" },
      { name: "厦门骑换科技有限公司", links: ["运营服务"], local: false, region: "福建厦门", scale: "小型" },
    ],
    projects: { "NH-2026-0003": ["整车制造"] },
  },
  {
    code: "MED_DEVICE",
    name: "医疗器械（CT影像）",
    industry: "HEALTH_CARE",
    description: "以开影医疗 CT 整机为龙头，补齐球管、探测器等核心部件。",
    links: [
      { name: "CT球管", position: "UPSTREAM", target: 1, importance: 5 },
      { name: "探测器", position: "UPSTREAM", target: 1, importance: 5 },
      { name: "高压发生器", position: "UPSTREAM", target: 1, importance: 4 },
      { name: "精密结构件", position: "UPSTREAM", target: 2, importance: 3 },
      { name: "CT整机", position: "MIDSTREAM", target: 1, importance: 5 },
      { name: "影像软件", position: "MIDSTREAM", target: 1, importance: 4 },
      { name: "第三方影像中心", position: "DOWNSTREAM", target: 1, importance: 3 },
    ],
    enterprises: [
      {
        name: "开影医疗科技有限公司",
        links: ["CT整机"],
        local: true,
        leader: true,
        region: "青岛西海岸新区",
        scale: "中型",
      },
      {
        name: "青岛精铸医疗结构件有限公司",
        links: ["精密结构件"],
        local: true,
        region: "青岛西海岸新区",
        scale: "小型",
      },
      { name: "青岛影联医学软件有限公司", links: ["影像软件"], local: true, region: "青岛西海岸新区", scale: "小型" },
      { name: "青岛海纳精密机械有限公司", links: ["精密结构件"], local: true, region: "青岛西海岸新区", scale: "中型" },
      {
        name: "青岛国泰医疗器械配件有限公司",
        links: ["精密结构件"],
        local: true,
        region: "青岛西海岸新区",
        scale: "小型",
      },
      { name: "上海光子球管技术有限公司", links: ["CT球管"], local: false, region: "上海", scale: "中型" },
      { name: "无锡晶感探测器有限公司", links: ["探测器"], local: false, region: "江苏无锡", scale: "中型" },
      { name: "深圳高能电源科技有限公司", links: ["高压发生器"], local: false, region: "广东深圳", scale: "中型" },
      { name: "北京康影医学影像中心有限公司", links: ["第三方影像中心"], local: false, region: "北京", scale: "中型" },
    ],
    projects: { "NH-2026-0004": ["CT整机"] },
  },
  {
    code: "BORON",
    name: "硼材料",
    industry: "NEW_ENERGY_MATERIALS",
    description: "碳化硼粉体到防弹、核用、磨料制品的硼材料链。",
    links: [
      { name: "硼酸原料", position: "UPSTREAM", target: 1, importance: 3 },
      { name: "碳化硼粉体", position: "MIDSTREAM", target: 1, importance: 5 },
      { name: "碳化硼制品", position: "DOWNSTREAM", target: 2, importance: 4, parent: "碳化硼粉体" },
      { name: "核用中子吸收材料", position: "DOWNSTREAM", target: 1, importance: 4, parent: "碳化硼粉体" },
    ],
    enterprises: [
      { name: "中硼科技有限公司", links: ["碳化硼粉体"], local: false, region: "辽宁丹东", scale: "中型" },
      { name: "青岛盾甲防护材料有限公司", links: ["碳化硼制品"], local: true, region: "青岛西海岸新区", scale: "小型" },
      { name: "青岛瑞祥特种陶瓷有限公司", links: ["碳化硼制品"], local: true, region: "青岛西海岸新区", scale: "小型" },
      { name: "辽宁硼源化工有限公司", links: ["硼酸原料"], local: false, region: "辽宁营口", scale: "中型" },
      { name: "成都核材新材料有限公司", links: ["核用中子吸收材料"], local: false, region: "四川成都", scale: "小型" },
    ],
    projects: { "NH-2026-0005": ["碳化硼粉体"] },
  },
  {
    code: "PHOTORESIST",
    name: "光刻胶材料",
    industry: "NEW_ENERGY_MATERIALS",
    description: "光刻胶树脂、光引发剂到光刻胶与面板、半导体应用。",
    links: [
      { name: "光刻胶树脂", position: "UPSTREAM", target: 1, importance: 5 },
      { name: "光引发剂", position: "UPSTREAM", target: 1, importance: 4 },
      { name: "电子级溶剂", position: "UPSTREAM", target: 1, importance: 3 },
      { name: "光刻胶", position: "MIDSTREAM", target: 1, importance: 5 },
      { name: "显示面板应用", position: "DOWNSTREAM", target: 1, importance: 3 },
    ],
    enterprises: [
      {
        name: "科莱福光电材料有限公司",
        links: ["光刻胶"],
        local: true,
        leader: true,
        region: "青岛西海岸新区",
        scale: "中型",
      },
      {
        name: "青岛海化电子化学品有限公司",
        links: ["电子级溶剂"],
        local: true,
        region: "青岛西海岸新区",
        scale: "中型",
      },
      {
        name: "青岛蓝谷显示科技有限公司",
        links: ["显示面板应用"],
        local: true,
        region: "青岛西海岸新区",
        scale: "中型",
      },
      { name: "常州树脂新材料有限公司", links: ["光刻胶树脂"], local: false, region: "江苏常州", scale: "中型" },
      { name: "天津引发剂化学有限公司", links: ["光引发剂"], local: false, region: "天津", scale: "小型" },
      { name: "合肥显示科技有限公司", links: ["显示面板应用"], local: false, region: "安徽合肥", scale: "大型" },
    ],
    projects: { "NH-2026-0001": ["光刻胶"] },
  },
];

/**
 * The district's other 招商专员 and 分包领导 (prisma/seed-district-year.ts owns projects by
 * them); same password as the demo accounts. `npm start` names them on one line after the
 * accounts above.
 */
export const districtUsers = [
  { username: "staff2", displayName: "刘芳", role: "STAFF", department: "ZSJ" },
  { username: "staff3", displayName: "陈强", role: "STAFF", department: "ZSJ" },
  { username: "staff4", displayName: "杨雪", role: "STAFF", department: "ZSJ" },
  { username: "staff5", displayName: "黄海涛", role: "STAFF", department: "ZSJ" },
  { username: "staff6", displayName: "周婷", role: "STAFF", department: "ZSJ" },
  { username: "leader2", displayName: "吴志刚", role: "LEADER", department: "ZSJ" },
  { username: "leader3", displayName: "郑国平", role: "LEADER", department: "ZSJ" },
] as const;
