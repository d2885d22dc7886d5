// A district's year of demo data (SPEC §9, issue 14 point 6): around the five story projects,
// 84 more projects at every stage of the pipeline, owned by six 招商专员 and led by three 分包领导,
// with their stage histories (back-dated stage_changes at 09:00 Asia/Shanghai, `firstEntry`
// as the app's writer sets it), activities, chain links, this year's responsibility letters
// (plans, milestones, 日调度 entries) whose 红黄蓝 come out mixed by the app's own rules, and a
// few 七证合一 cases.
//
// Deterministic: the projects come from the fixed table below and a PRNG with a fixed seed, so
// every fresh start has the same codes, stages, investments and dates (all in 2025 and 2026, on
// or before LIMIT). Only what must stay near "today" counts from it: the recent negotiations a
// 签约周 proposal looks for, the 日调度 entries and a few planned starts (as seed-supervision.ts).
// Idempotent: a project whose code exists is left as it is, with its history.
//
// The dashboard's acceptance cases (issue 14, 三个一批 clean-counted from first entries):
// - SPECIAL_RESIGNED_2026 (海德储能): signed in March 2026, moved back to 洽谈 by the manager
//   (override, with a note), signed again in June 2026 — the second SIGNED row has
//   firstEntry = false, so 2026 counts it once;
// - SPECIAL_RESIGNED_2025 (联创热管理): signed in October 2025, moved back in February 2026 and
//   re-signed in May 2026 — counts for 2025 only;
// - SPECIAL_CAPITAL_INCREASE (和田精工): in production, a 增资扩产 in August 2026 — an increase
//   on its project, not a new project.
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../generated/prisma/client";
import { addDays, addWorkingDays, isWorkingDay, type Calendar } from "../lib/calendar/working-days";
import { creditCodeCheckChar } from "../lib/enterprises/credit-code";
import { nameColumns } from "../lib/enterprises/name-key";
import { storedDate } from "../lib/dates";
import { quarterEnd } from "../lib/supervision/plan-dates";
import { syncPlanProgress } from "../lib/supervision/plan-progress";
import { recomputeWarning } from "../lib/supervision/recompute-warning";
import { DEMO_PASSWORD, districtUsers, holidays2026, permitTypes, type StoryDetail } from "./seed-data";
import { seedPermitCase } from "./seed";

type Stage =
  | "LEAD"
  | "NEGOTIATING"
  | "SIGNED"
  | "REGISTERED"
  | "APPROVING"
  | "CONSTRUCTION"
  | "COMPLETED"
  | "PRODUCTION"
  | "SUSPENDED"
  | "TERMINATED";
type Channel = "ALL_STAFF" | "PROFESSIONAL" | "VIA_INVESTOR" | "SIGNING_WEEK";
/** The colour a letter's entries are written for: on plan, behind (YELLOW), far behind (RED), silent for 12 days (YELLOW). */
type Recipe = "B" | "Y" | "R" | "N";

type Row = {
  name: string;
  enterprise: string;
  industry: string;
  park: string | null;
  stage: Stage;
  /** Where the investor comes from (before it registers locally). */
  region: string;
  description: string;
  /** 亿-scale investment. */
  big?: boolean;
  /** 外资, 万美元. */
  fx?: string;
  /** Signed in the 签约周 on this day. */
  signingWeek?: string;
  /** The day the project entered its current stage (else drawn from the stage's window). */
  at?: string;
  /** For SUSPENDED / TERMINATED: the stage it left, and why. */
  from?: Stage;
  reason?: string;
  /** A chain link it fills: [chain code, link name]. */
  link?: [string, string];
  /** This year's responsibility letter, written for this colour. */
  plan?: Recipe;
  /** Planned start: days before today (a start overdue), or a fixed day. */
  plannedStart?: number | string;
  /** A 七证合一 case opened when it entered APPROVING. */
  permit?: boolean;
  /** A recent negotiation (days before today), for a 签约周 proposal. */
  recentTalk?: number;
  /** An explicit history (the special cases): [stage, day, note?, by manager (override)?]. */
  path?: [Stage, string, string?, boolean?][];
};

/** The latest day any fixed date of the demo may have. */
export const DISTRICT_YEAR_LIMIT = "2026-11-20";
const START = "2025-01-12";
const pipeline: Stage[] = [
  "LEAD",
  "NEGOTIATING",
  "SIGNED",
  "REGISTERED",
  "APPROVING",
  "CONSTRUCTION",
  "COMPLETED",
  "PRODUCTION",
];
const idx = (s: Stage) => pipeline.indexOf(s);

export const districtRows: Row[] = [
  // ---- 线索 (15)
  {
    name: "芯联微功率半导体模块项目",
    enterprise: "深圳芯联微电子有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "LEAD",
    region: "广东深圳",
    description: "IGBT 及 SiC 功率模块封装，拟租赁标准厂房先行落地。",
  },
  {
    name: "光子CT球管生产项目",
    enterprise: "上海光子球管技术有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "LEAD",
    region: "上海",
    description: "补链招商：CT 球管国产化生产线，配套开影医疗整机。",
    link: ["MED_DEVICE", "CT球管"],
  },
  {
    name: "晶感CT探测器模组项目",
    enterprise: "无锡晶感探测器有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "LEAD",
    region: "江苏无锡",
    description: "补链招商：CT 探测器模组及闪烁晶体加工。",
    link: ["MED_DEVICE", "探测器"],
  },
  {
    name: "海森氢能燃料电池电堆项目",
    enterprise: "北京海森氢能科技有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "LEAD",
    region: "北京",
    description: "车用燃料电池电堆及膜电极生产。",
  },
  {
    name: "远拓远洋渔船智能装备项目",
    enterprise: "大连远拓船舶装备有限公司",
    industry: "MODERN_MARINE",
    park: "MAR",
    stage: "LEAD",
    region: "辽宁大连",
    description: "远洋渔船甲板机械及智能捕捞装备。",
  },
  {
    name: "智元工业机器人减速器项目",
    enterprise: "苏州智元精密传动有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "LEAD",
    region: "江苏苏州",
    description: "RV 减速器、谐波减速器研发生产。",
  },
  {
    name: "天引光引发剂项目",
    enterprise: "天津引发剂化学有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "LEAD",
    region: "天津",
    description: "补链招商：光刻胶用光引发剂，配套科莱福光电。",
    link: ["PHOTORESIST", "光引发剂"],
  },
  {
    name: "蓝鲸云算力中心项目",
    enterprise: "北京蓝鲸云计算有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "LEAD",
    region: "北京",
    description: "人工智能算力中心，一期 2000 个机柜。",
    big: true,
  },
  {
    name: "海藻生物刺激素项目",
    enterprise: "福建海藻源生物科技有限公司",
    industry: "MODERN_AGRICULTURE",
    park: "MAR",
    stage: "LEAD",
    region: "福建福州",
    description: "海藻提取物生物刺激素及水溶肥。",
  },
  {
    name: "康宁医养综合体项目",
    enterprise: "上海康宁健康产业集团有限公司",
    industry: "HEALTH_CARE",
    park: null,
    stage: "LEAD",
    region: "上海",
    description: "医养结合综合体，含康复医院和护理中心。",
  },
  {
    name: "星海动漫数字内容基地项目",
    enterprise: "杭州星海动漫科技有限公司",
    industry: "CULTURAL_CREATIVE",
    park: null,
    stage: "LEAD",
    region: "浙江杭州",
    description: "动漫原创制作与数字内容版权运营基地。",
  },
  {
    name: "高能CT高压发生器项目",
    enterprise: "深圳高能电源科技有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "LEAD",
    region: "广东深圳",
    description: "补链招商：CT 高压发生器及医用电源。",
    link: ["MED_DEVICE", "高压发生器"],
  },
  {
    name: "东岳电子特气项目",
    enterprise: "山东东岳特种气体有限公司",
    industry: "HIGH_END_CHEMICAL",
    park: "NMP",
    stage: "LEAD",
    region: "山东淄博",
    description: "半导体用电子特种气体充装与纯化。",
  },
  {
    name: "精工五轴数控机床项目",
    enterprise: "宁波精工数控机床有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "LEAD",
    region: "浙江宁波",
    description: "五轴联动数控机床整机及功能部件。",
  },
  {
    name: "海湾游艇俱乐部及配套项目",
    enterprise: "厦门海湾游艇有限公司",
    industry: "TOURISM",
    park: "MAR",
    stage: "LEAD",
    region: "福建厦门",
    description: "游艇码头、俱乐部及维修保养配套。",
  },
  // ---- 洽谈 (15)
  {
    name: "驰远电机电控总成项目",
    enterprise: "广东驰远电机有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "NEGOTIATING",
    region: "广东东莞",
    description: "补链招商：换电摩托车轮毂电机及电控总成。",
    link: ["E_MOTO", "电机电控"],
    recentTalk: 12,
  },
  {
    name: "常州树脂光刻胶树脂项目",
    enterprise: "常州树脂新材料有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "NEGOTIATING",
    region: "江苏常州",
    description: "补链招商：KrF/ArF 光刻胶树脂。",
    link: ["PHOTORESIST", "光刻胶树脂"],
    recentTalk: 26,
  },
  {
    name: "合肥显示车载显示模组项目",
    enterprise: "合肥显示科技有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "NEGOTIATING",
    region: "安徽合肥",
    description: "车载及工控显示模组，使用本地光刻胶配套。",
    link: ["PHOTORESIST", "显示面板应用"],
    big: true,
    recentTalk: 40,
  },
  {
    name: "华航工业无人机整机项目",
    enterprise: "成都华航无人机科技有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "NEGOTIATING",
    region: "四川成都",
    description: "工业级无人机整机及飞控系统。",
    recentTalk: 8,
  },
  {
    name: "中科海洋牧场装备项目",
    enterprise: "中科海工装备有限公司",
    industry: "MODERN_MARINE",
    park: "MAR",
    stage: "NEGOTIATING",
    region: "北京",
    description: "深远海养殖工船及智能网箱。",
    recentTalk: 52,
  },
  {
    name: "和普动物疫苗项目",
    enterprise: "天津和普生物制药有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "NEGOTIATING",
    region: "天津",
    description: "动物疫苗 GMP 生产基地。",
    recentTalk: 19,
  },
  {
    name: "骑换换电运营服务项目",
    enterprise: "厦门骑换科技有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "EIP",
    stage: "NEGOTIATING",
    region: "福建厦门",
    description: "换电柜网络建设及运营服务。",
    link: ["E_MOTO", "运营服务"],
  },
  {
    name: "韩光精密连接器项目",
    enterprise: "韩光精密电子株式会社",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "NEGOTIATING",
    region: "韩国仁川",
    description: "韩资：消费电子及汽车用精密连接器。",
    fx: "2500",
  },
  {
    name: "盛华锂电隔膜项目",
    enterprise: "江西盛华新材料有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "NEGOTIATING",
    region: "江西宜春",
    description: "湿法锂电隔膜及涂覆隔膜。",
  },
  {
    name: "海正海洋生物医用材料项目",
    enterprise: "浙江海正生物材料有限公司",
    industry: "MODERN_MARINE",
    park: "BIO",
    stage: "NEGOTIATING",
    region: "浙江台州",
    description: "壳聚糖、海藻酸盐医用敷料原料。",
  },
  {
    name: "鼎川智能电网终端项目",
    enterprise: "南京鼎川智能电气有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "NEGOTIATING",
    region: "江苏南京",
    description: "智能电表及配网终端设备。",
  },
  {
    name: "润泽冷链海产品加工项目",
    enterprise: "山东润泽冷链食品有限公司",
    industry: "MODERN_AGRICULTURE",
    park: "MAR",
    stage: "NEGOTIATING",
    region: "山东烟台",
    description: "海产品精深加工及冷链物流中心。",
  },
  {
    name: "金桥供应链金融总部项目",
    enterprise: "上海金桥供应链金融服务有限公司",
    industry: "MODERN_FINANCE",
    park: null,
    stage: "NEGOTIATING",
    region: "上海",
    description: "供应链金融区域总部，服务园区制造企业。",
  },
  {
    name: "博瑞海洋防腐涂料项目",
    enterprise: "江苏博瑞化工有限公司",
    industry: "HIGH_END_CHEMICAL",
    park: "NMP",
    stage: "NEGOTIATING",
    region: "江苏南通",
    description: "海洋工程重防腐涂料。",
  },
  {
    name: "国恒风电主轴承项目",
    enterprise: "洛阳国恒轴承有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "NEGOTIATING",
    region: "河南洛阳",
    description: "大兆瓦风电主轴承及偏航变桨轴承。",
    big: true,
  },
  // ---- 签约 (12)
  {
    // SPECIAL_RESIGNED_2026
    name: "海德储能电池PACK项目",
    enterprise: "浙江海德储能科技有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "SIGNED",
    region: "浙江湖州",
    description: "储能电池 PACK 集成及储能系统，3 月签约后企业调整产品方案，6 月重新签约。",
    path: [
      ["LEAD", "2025-11-12"],
      ["NEGOTIATING", "2026-01-08"],
      ["SIGNED", "2026-03-18"],
      ["NEGOTIATING", "2026-04-22", "企业将储能电芯调整为 PACK 集成，原投资协议需重新谈判，退回洽谈", true],
      ["SIGNED", "2026-06-26"],
    ],
  },
  {
    name: "泰芯半导体封装测试项目",
    enterprise: "江苏泰芯半导体有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "SIGNED",
    region: "江苏无锡",
    description: "先进封装测试产线，签约周集中签约。",
    signingWeek: "2026-09-21",
    plan: "B",
    plannedStart: "2027-03-15",
  },
  {
    name: "迈达体外诊断试剂项目",
    enterprise: "深圳迈达生物医疗有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "SIGNED",
    region: "广东深圳",
    description: "化学发光体外诊断试剂及仪器，签约周集中签约。",
    signingWeek: "2026-09-22",
  },
  {
    name: "航宇航空零部件精密制造项目",
    enterprise: "西安航宇精密制造有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "SIGNED",
    region: "陕西西安",
    description: "航空发动机叶片及结构件精密加工，签约周集中签约。",
    signingWeek: "2026-09-23",
    big: true,
  },
  {
    name: "蓝海海洋功能食品项目",
    enterprise: "福建蓝海食品科技有限公司",
    industry: "MODERN_MARINE",
    park: "MAR",
    stage: "SIGNED",
    region: "福建泉州",
    description: "海洋功能食品及鱼油制品，签约周集中签约。",
    signingWeek: "2026-09-24",
  },
  {
    name: "华汽智能网联汽车电子项目",
    enterprise: "华汽智联电子科技有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "SIGNED",
    region: "天津",
    description: "车载域控制器及智能座舱电子。",
    at: "2026-04-16",
    plan: "Y",
    plannedStart: 40,
  },
  {
    name: "宏达高分子膜材料项目",
    enterprise: "浙江宏达新材料有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "SIGNED",
    region: "浙江嘉兴",
    description: "光学膜及高分子功能膜材料。",
    at: "2025-12-18",
  },
  {
    name: "海纳康复医疗器械项目",
    enterprise: "北京海纳康复科技有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "SIGNED",
    region: "北京",
    description: "康复训练设备及可穿戴康复器械。",
    at: "2026-08-12",
  },
  {
    name: "深蓝水下机器人项目",
    enterprise: "深圳深蓝海洋装备有限公司",
    industry: "MODERN_MARINE",
    park: "MAR",
    stage: "SIGNED",
    region: "广东深圳",
    description: "水下机器人及海洋观测装备。",
    at: "2026-02-27",
    plan: "R",
    plannedStart: 130,
  },
  {
    name: "智诚工业软件研发中心项目",
    enterprise: "杭州智诚工业软件有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "SIGNED",
    region: "浙江杭州",
    description: "工业设计仿真软件研发中心。",
    at: "2026-07-09",
    plan: "B",
    plannedStart: "2027-04-01",
  },
  {
    name: "中拓液压件项目",
    enterprise: "安徽中拓液压科技有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "SIGNED",
    region: "安徽合肥",
    description: "工程机械液压泵阀及油缸。",
    at: "2026-11-06",
  },
  {
    name: "源和创投基金管理总部项目",
    enterprise: "源和创业投资管理有限公司",
    industry: "MODERN_FINANCE",
    park: null,
    stage: "SIGNED",
    region: "深圳",
    description: "产业投资基金管理人区域总部。",
    at: "2025-10-28",
  },
  // ---- 落地注册 (8)
  {
    // SPECIAL_RESIGNED_2025
    name: "联创新能源汽车热管理系统项目",
    enterprise: "青岛联创热管理科技有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "REGISTERED",
    region: "江苏常州",
    description: "新能源汽车热泵空调及热管理模块，2025 年签约，投资主体变更后 2026 年重新签约。",
    path: [
      ["LEAD", "2025-03-05"],
      ["NEGOTIATING", "2025-04-16"],
      ["SIGNED", "2025-10-15"],
      ["NEGOTIATING", "2026-02-10", "企业股权结构调整、投资主体变更，退回洽谈重新签订投资协议", true],
      ["SIGNED", "2026-05-12"],
      ["REGISTERED", "2026-06-09"],
    ],
  },
  {
    name: "思远光电传感器项目",
    enterprise: "青岛思远光电科技有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "REGISTERED",
    region: "湖北武汉",
    description: "激光雷达及光电传感器，签约周集中签约。",
    signingWeek: "2026-09-21",
  },
  {
    name: "禾康康复机器人项目",
    enterprise: "青岛禾康医疗器械有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "REGISTERED",
    region: "上海",
    description: "上肢、下肢康复机器人，签约周集中签约。",
    signingWeek: "2026-09-23",
  },
  {
    name: "华锐医疗精密结构件项目",
    enterprise: "青岛华锐医疗精密部件有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "REGISTERED",
    region: "江苏苏州",
    description: "医疗影像设备精密结构件，配套开影医疗。",
    link: ["MED_DEVICE", "精密结构件"],
  },
  {
    name: "中船海洋电子项目",
    enterprise: "青岛中船海洋电子科技有限公司",
    industry: "MODERN_MARINE",
    park: "MAR",
    stage: "REGISTERED",
    region: "江苏无锡",
    description: "船舶导航通信及海洋电子设备。",
  },
  {
    name: "正禾生物饲料项目",
    enterprise: "青岛正禾生物饲料有限公司",
    industry: "MODERN_AGRICULTURE",
    park: null,
    stage: "REGISTERED",
    region: "山东潍坊",
    description: "水产生物饲料及预混料。",
  },
  {
    name: "晨阳电子级化学品项目",
    enterprise: "青岛晨阳电子化学品有限公司",
    industry: "HIGH_END_CHEMICAL",
    park: "NMP",
    stage: "REGISTERED",
    region: "江苏苏州",
    description: "电子级溶剂及湿电子化学品，配套光刻胶。",
    link: ["PHOTORESIST", "电子级溶剂"],
  },
  {
    name: "博威智能焊接装备项目",
    enterprise: "青岛博威智能装备有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "REGISTERED",
    region: "辽宁沈阳",
    description: "焊接机器人工作站及智能焊接产线。",
  },
  // ---- 审批 (8)
  {
    name: "德瑞锂电正极材料项目",
    enterprise: "青岛德瑞新能源材料有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "APPROVING",
    region: "湖南长沙",
    description: "磷酸锰铁锂正极材料，签约周集中签约。",
    signingWeek: "2026-09-22",
    big: true,
  },
  {
    name: "海星半导体材料项目",
    enterprise: "青岛海星半导体材料有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "APPROVING",
    region: "浙江宁波",
    description: "半导体用高纯石英及靶材。",
    permit: true,
    plan: "B",
    plannedStart: "2026-12-20",
    at: "2026-08-17",
  },
  {
    name: "康泰海洋医用敷料项目",
    enterprise: "青岛康泰海洋生物医用材料有限公司",
    industry: "MODERN_MARINE",
    park: "BIO",
    stage: "APPROVING",
    region: "山东威海",
    description: "海藻酸盐医用敷料及创面修复材料。",
    permit: true,
    at: "2026-09-08",
  },
  {
    name: "恒拓盾构机再制造项目",
    enterprise: "青岛恒拓重工装备有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "APPROVING",
    region: "湖南长沙",
    description: "盾构机再制造及关键部件修复。",
    permit: true,
    plan: "Y",
    plannedStart: 50,
    at: "2026-06-15",
  },
  {
    name: "海润海藻生物制品项目",
    enterprise: "青岛海润海藻生物制品有限公司",
    industry: "MODERN_MARINE",
    park: "MAR",
    stage: "APPROVING",
    region: "青岛",
    description: "海藻多糖及海洋生物制品。",
  },
  {
    name: "安捷智能物流装备项目",
    enterprise: "青岛安捷智能装备有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "APPROVING",
    region: "江苏昆山",
    description: "智能分拣及立体仓储装备。",
  },
  {
    name: "云图工业互联网平台项目",
    enterprise: "青岛云图工业互联网科技有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "APPROVING",
    region: "北京",
    description: "工业互联网平台及边缘计算设备。",
  },
  {
    name: "华博医药中间体项目",
    enterprise: "青岛华博医药化工有限公司",
    industry: "HIGH_END_CHEMICAL",
    park: "NMP",
    stage: "APPROVING",
    region: "浙江台州",
    description: "医药中间体及原料药绿色合成。",
  },
  // ---- 开工在建 (10)
  {
    name: "京元12英寸硅片项目",
    enterprise: "青岛京元半导体科技有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "CONSTRUCTION",
    region: "北京",
    description: "12 英寸半导体硅片，一期月产 10 万片。",
    big: true,
    plan: "B",
  },
  {
    name: "海诺生物制药基地项目",
    enterprise: "青岛海诺生物制药有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "CONSTRUCTION",
    region: "江苏泰州",
    description: "生物药原液及制剂生产基地。",
    plan: "B",
  },
  {
    name: "捷能氢燃料电池系统项目",
    enterprise: "青岛捷能氢能科技有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "CONSTRUCTION",
    region: "上海",
    description: "氢燃料电池系统及储氢瓶。",
    plan: "Y",
  },
  {
    name: "鲁海海洋工程装备基地项目",
    enterprise: "青岛鲁海海洋工程装备有限公司",
    industry: "MODERN_MARINE",
    park: "MAR",
    stage: "CONSTRUCTION",
    region: "山东烟台",
    description: "海上风电安装平台及海洋工程模块。",
    big: true,
    plan: "B",
  },
  {
    name: "盛泰精密注塑件项目",
    enterprise: "青岛盛泰精密塑胶有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "EIP",
    stage: "CONSTRUCTION",
    region: "广东东莞",
    description: "换电摩托车及电子产品精密注塑件。",
    link: ["E_MOTO", "注塑件"],
    plan: "N",
  },
  {
    name: "美澳光学镜头项目",
    enterprise: "青岛美澳光学有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "CONSTRUCTION",
    region: "香港",
    description: "港资：车载及安防光学镜头。",
    fx: "4200",
    plan: "B",
  },
  {
    name: "东方物联智能仓储机器人项目",
    enterprise: "青岛东方物联智能装备有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "CONSTRUCTION",
    region: "浙江杭州",
    description: "仓储 AGV 及四向穿梭车。",
    plan: "R",
  },
  {
    name: "万和高端精细化学品项目",
    enterprise: "青岛万和精细化工有限公司",
    industry: "HIGH_END_CHEMICAL",
    park: "NMP",
    stage: "CONSTRUCTION",
    region: "山东东营",
    description: "高端聚烯烃催化剂及助剂。",
    plan: "Y",
  },
  {
    name: "星光影视后期制作基地项目",
    enterprise: "青岛星光影视文化有限公司",
    industry: "CULTURAL_CREATIVE",
    park: null,
    stage: "CONSTRUCTION",
    region: "北京",
    description: "影视后期制作及虚拟拍摄棚。",
    plan: "B",
  },
  {
    name: "嘉和医学影像软件项目",
    enterprise: "青岛嘉和医学影像科技有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "CONSTRUCTION",
    region: "辽宁沈阳",
    description: "医学影像后处理软件及 AI 辅助诊断。",
    link: ["MED_DEVICE", "影像软件"],
    plan: "B",
  },
  // ---- 竣工 (6)
  {
    name: "富邦电子元器件项目",
    enterprise: "青岛富邦电子有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "COMPLETED",
    region: "台湾",
    description: "台资：片式电感及被动元器件。",
    fx: "3600",
    plan: "B",
  },
  {
    name: "卓越高端轴承项目",
    enterprise: "青岛卓越精密轴承有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "COMPLETED",
    region: "浙江慈溪",
    description: "机器人及机床用精密轴承。",
    plan: "Y",
  },
  {
    name: "海旭生物酶制剂项目",
    enterprise: "青岛海旭生物工程有限公司",
    industry: "MODERN_MARINE",
    park: "BIO",
    stage: "COMPLETED",
    region: "山东济南",
    description: "海洋微生物酶制剂。",
    plan: "B",
  },
  {
    name: "荣泰医用耗材项目",
    enterprise: "青岛荣泰医疗用品有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "COMPLETED",
    region: "江苏常州",
    description: "一次性医用耗材及输注器械。",
    plan: "B",
  },
  {
    name: "新锐钛合金材料项目",
    enterprise: "青岛新锐钛业有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "COMPLETED",
    region: "陕西宝鸡",
    description: "航空及医用钛合金棒材、板材。",
    plan: "R",
  },
  {
    name: "金沙滩文旅综合体项目",
    enterprise: "青岛金沙滩文旅发展有限公司",
    industry: "TOURISM",
    park: null,
    stage: "COMPLETED",
    region: "青岛",
    description: "滨海文旅商业综合体。",
    big: true,
    plan: "B",
  },
  // ---- 投产 (6)
  {
    // SPECIAL_CAPITAL_INCREASE
    name: "和田精工汽车零部件项目",
    enterprise: "青岛和田精工有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "PRODUCTION",
    region: "日本大阪",
    description: "日资：新能源汽车减速器齿轮及精密零部件，2026 年 8 月增资扩产二期。",
    fx: "3000",
    plan: "B",
    path: [
      ["LEAD", "2025-01-08"],
      ["NEGOTIATING", "2025-02-10"],
      ["SIGNED", "2025-03-20"],
      ["REGISTERED", "2025-04-15"],
      ["APPROVING", "2025-04-28"],
      ["CONSTRUCTION", "2025-06-18"],
      ["COMPLETED", "2025-12-26"],
      ["PRODUCTION", "2026-02-26"],
    ],
  },
  {
    name: "华讯5G通信模组项目",
    enterprise: "青岛华讯通信模组有限公司",
    industry: "NEXT_GEN_IT",
    park: "EIP",
    stage: "PRODUCTION",
    region: "广东深圳",
    description: "5G 及物联网通信模组。",
    plan: "B",
  },
  {
    name: "海宝海洋食品精深加工项目",
    enterprise: "青岛海宝食品有限公司",
    industry: "MODERN_MARINE",
    park: "MAR",
    stage: "PRODUCTION",
    region: "山东荣成",
    description: "鱿鱼、虾类精深加工及出口。",
    plan: "Y",
  },
  {
    name: "新源电池管理系统项目",
    enterprise: "青岛新源电控技术有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "EIP",
    stage: "PRODUCTION",
    region: "广东惠州",
    description: "换电摩托车电池管理系统，配套安屯尼。",
    link: ["E_MOTO", "电池管理系统"],
    plan: "B",
  },
  {
    name: "康和医用防护用品项目",
    enterprise: "青岛康和医疗科技有限公司",
    industry: "HEALTH_CARE",
    park: "BIO",
    stage: "PRODUCTION",
    region: "河南新乡",
    description: "医用防护服、口罩及手术衣。",
    plan: "B",
  },
  {
    name: "泽润水性涂料项目",
    enterprise: "青岛泽润新材料有限公司",
    industry: "HIGH_END_CHEMICAL",
    park: "NMP",
    stage: "PRODUCTION",
    region: "江苏常州",
    description: "工业水性涂料及树脂。",
    plan: "Y",
  },
  // ---- 暂缓 (2) and 终止 (2)
  {
    name: "蓝天通航飞行培训基地项目",
    enterprise: "青岛蓝天通航科技有限公司",
    industry: "HIGH_END_EQUIPMENT",
    park: "HEM",
    stage: "SUSPENDED",
    from: "APPROVING",
    region: "四川广汉",
    description: "通用航空飞行培训及维修基地。",
    reason: "企业母公司资产重组，项目暂缓实施，重组完成后恢复推进",
  },
  {
    name: "鲁南生物质新材料项目",
    enterprise: "山东鲁南生物质科技有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "SUSPENDED",
    from: "SIGNED",
    region: "山东临沂",
    description: "生物质可降解材料。",
    reason: "企业融资未到位，双方同意暂缓推进，每季度回访",
  },
  {
    name: "远景影视主题乐园项目",
    enterprise: "北京远景文旅投资有限公司",
    industry: "CULTURAL_CREATIVE",
    park: null,
    stage: "TERMINATED",
    from: "NEGOTIATING",
    region: "北京",
    description: "影视主题乐园。",
    big: true,
    reason: "企业投资战略调整，放弃在我区投资意向",
  },
  {
    name: "华瑞光伏组件项目",
    enterprise: "江苏华瑞光伏科技有限公司",
    industry: "NEW_ENERGY_MATERIALS",
    park: "NMP",
    stage: "TERMINATED",
    from: "SIGNED",
    region: "江苏盐城",
    description: "高效光伏组件。",
    reason: "光伏组件产能过剩，企业解除投资协议，意向用地收回",
  },
];

// ---- deterministic randomness and days

/** mulberry32: a small PRNG; the fixed seed makes every fresh start the same. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const calendar: Calendar = {
  holidays: new Set(holidays2026.filter((h) => h.kind === "HOLIDAY").map((h) => h.date)),
  workdays: new Set(holidays2026.filter((h) => h.kind === "WORKDAY").map((h) => h.date)),
};
const dayMs = 86_400_000;
const daysFrom = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / dayMs);
const workdayBack = (d: string) => {
  while (!isWorkingDay(calendar, d)) d = addDays(d, -1);
  return d;
};
const workdayOn = (d: string) => {
  while (!isWorkingDay(calendar, d)) d = addDays(d, 1);
  return d;
};
const at9 = (d: string) => new Date(`${d}T09:00:00+08:00`);
const minDay = (a: string, b: string) => (a < b ? a : b);

/** Days from entering stage i to entering stage i + 1. */
const gaps: [number, number][] = [
  [15, 70],
  [40, 150],
  [10, 40],
  [7, 30],
  [40, 110],
  [150, 300],
  [20, 80],
];
/** Where the day a project entered its current stage is drawn from. */
const windows: Record<string, [string, string]> = {
  LEAD: ["2025-09-01", "2026-11-18"],
  NEGOTIATING: ["2025-11-01", "2026-10-30"],
  SIGNED: ["2025-09-01", "2026-11-18"],
  REGISTERED: ["2025-12-01", "2026-11-10"],
  APPROVING: ["2026-01-15", "2026-11-10"],
  CONSTRUCTION: ["2025-09-01", "2026-10-30"],
  COMPLETED: ["2025-10-15", "2026-11-10"],
  PRODUCTION: ["2026-01-10", "2026-11-16"],
};

export type DistrictProject = {
  code: string;
  row: Row;
  owner: string;
  leader: string;
  channel: Channel;
  /** The history: stage, day, note, override (by the manager). */
  path: { stage: Stage; day: string; note: string; override: boolean }[];
  totalInvestment: string;
  contractInvestment: string | null;
  fixedAssetInvestment: string | null;
  expectedAnnualOutput: string | null;
  expectedAnnualTax: string | null;
  foreignCapital: string | null;
  landArea: string | null;
  creditCode: string | null;
  signingDate: string | null;
  registrationDate: string | null;
  constructionDate: string | null;
  completionDate: string | null;
  productionDate: string | null;
  plannedStartDate: string | null;
  activities: { type: "VISIT" | "CALL" | "NEGOTIATION" | "SITE_SURVEY" | "MEETING"; day: string; notes: string }[];
  contact: { name: string; title: string; phone: string };
  keyProject: boolean;
};

const staffNames = ["staff", "staff2", "staff3", "staff4", "staff5", "staff6"];
const leaderNames = ["leader", "leader2", "leader3"];
const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高";
const givenNames = ["志强", "海燕", "建华", "晓东", "丽娟", "国庆", "文博", "雪梅", "振宇", "春华", "立新", "静怡"];
const titles = ["总经理", "投资总监", "董事长助理", "副总经理", "战略发展部经理"];
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Rounds 万元 to a believable figure: 100s below 1 亿… 1,000s above. */
const roundWan = (v: number) => (v >= 10000 ? Math.round(v / 1000) * 1000 : Math.round(v / 100) * 100);
const wan = (v: number) => `${v}.00`;

/**
 * The district's projects as plain data, the same on every call (codes, stages, investments,
 * dates): the fixed table through a PRNG with a fixed seed. No database, no clock.
 */
export function districtProjects(): DistrictProject[] {
  const rand = prng(20260914);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const dayIn = ([a, b]: [string, string]) => addDays(a, between(0, daysFrom(a, b)));
  const usedCodes = new Set<string>();
  const creditCode = () => {
    for (;;) {
      let base = "91370211MA";
      for (let i = 0; i < 7; i++) base += creditAlphabet[Math.floor(rand() * creditAlphabet.length)];
      const code = base + creditCodeCheckChar(base)!;
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };
  let n2025 = 0;
  let n2026 = 5; // NH-2026-0001…0005 are the story's.
  return districtRows.map((row, i) => {
    const owner = staffNames[(i * 5 + Math.floor(i / 6)) % staffNames.length];
    const leader = leaderNames[(i + Math.floor(i / 9)) % leaderNames.length];
    // The stage the pipeline reached (a suspended or terminated project left it from `from`).
    const reached = row.from ?? row.stage;
    let path: DistrictProject["path"];
    if (row.path) {
      path = row.path.map(([stage, day, note, override]) => ({ stage, day, note: note ?? "", override: !!override }));
    } else {
      const last = idx(reached);
      const pinIdx = row.signingWeek ? idx("SIGNED") : last;
      const days: string[] = new Array(last + 1);
      days[pinIdx] = row.signingWeek ?? workdayBack(row.at ?? dayIn(windows[reached]));
      const back = Array.from({ length: pinIdx }, (_, j) => between(...gaps[j]));
      const earliest = daysFrom(START, days[pinIdx]);
      const total = back.reduce((a, b) => a + b, 0);
      const scale = total > earliest ? earliest / total : 1;
      for (let j = pinIdx - 1; j >= 0; j--) {
        const day = workdayBack(addDays(days[j + 1], -Math.max(3, Math.floor(back[j] * scale))));
        days[j] = day < "2025-01-02" ? workdayOn("2025-01-02") : day;
      }
      for (let j = pinIdx + 1; j <= last; j++) {
        const next = workdayBack(minDay(addDays(days[j - 1], between(...gaps[j - 1])), DISTRICT_YEAR_LIMIT));
        days[j] = next > days[j - 1] ? next : addDays(days[j - 1], 1);
      }
      path = days.map((day, j) => ({ stage: pipeline[j], day, note: "", override: false }));
      if (row.from) {
        const left = workdayBack(minDay(addDays(path.at(-1)!.day, between(30, 120)), DISTRICT_YEAR_LIMIT));
        path.push({
          stage: row.stage,
          day: left > path.at(-1)!.day ? left : addDays(path.at(-1)!.day, 1),
          note: row.reason!,
          override: false,
        });
      }
    }
    const firstDay = path[0].day;
    const code =
      firstDay < "2026-01-01"
        ? `NH-2025-${String(++n2025).padStart(4, "0")}`
        : `NH-2026-${String(++n2026).padStart(4, "0")}`;
    const entered = (s: Stage) => [...path].reverse().find((p) => p.stage === s)?.day ?? null;
    const past = (s: Stage) => idx(reached) >= idx(s);

    // Money (万元): most 2,000–50,000, a few 亿-scale.
    const total = row.big ? pick([100000, 120000, 150000, 200000, 260000]) : roundWan(2000 * Math.pow(25, rand()));
    const signed = past("SIGNED");
    const contract = signed ? roundWan(total * pick([1, 1, 1, 0.9, 0.8])) : null;
    const manufacturing = row.park !== null;
    const fixedAsset = signed && manufacturing && rand() < 0.9 ? roundWan(total * (0.6 + rand() * 0.25)) : null;
    const output = signed && manufacturing && rand() < 0.7 ? roundWan(total * (1.2 + rand() * 1.8)) : null;
    const tax = output && rand() < 0.8 ? roundWan(output * (0.04 + rand() * 0.04)) : null;
    const land = manufacturing ? String(between(2, 40) * 5) : null;
    const inc = row.path && row.stage === "PRODUCTION" ? capitalIncrease : null;

    const channel: Channel = row.signingWeek
      ? "SIGNING_WEEK"
      : pick(["ALL_STAFF", "PROFESSIONAL", "PROFESSIONAL", "VIA_INVESTOR"]);
    const registered = past("REGISTERED");
    const signing = entered("SIGNED");
    const construction = entered("CONSTRUCTION");
    const activities = activitiesOf(row, path, rand);
    const contact = {
      name: pick([...surnames]) + pick(givenNames),
      title: pick(titles),
      phone: `0532-8${between(1000000, 9999999)}`,
    };
    return {
      code,
      row,
      owner,
      leader,
      channel,
      path,
      totalInvestment: wan(total + (inc ? Number(inc.amount) : 0)),
      contractInvestment: contract ? wan(contract) : null,
      fixedAssetInvestment: fixedAsset ? wan(fixedAsset + (inc ? Number(inc.fixedAssetAmount) : 0)) : null,
      expectedAnnualOutput: output ? wan(output) : null,
      expectedAnnualTax: tax ? wan(tax) : null,
      foreignCapital: row.fx ? wan(Number(row.fx) + (inc ? Number(inc.foreignCapital) : 0)) : null,
      landArea: land ? `${land}.00` : null,
      creditCode: registered ? creditCode() : null,
      signingDate: signing,
      registrationDate: entered("REGISTERED"),
      constructionDate: construction,
      completionDate: entered("COMPLETED"),
      productionDate: entered("PRODUCTION"),
      plannedStartDate:
        typeof row.plannedStart === "string"
          ? row.plannedStart
          : construction
            ? workdayBack(addDays(construction, -between(0, 30)))
            : signed && row.plannedStart === undefined
              ? workdayOn(addDays(DISTRICT_YEAR_LIMIT, between(40, 200)))
              : null,
      activities,
      contact,
      keyProject: total >= 50000,
    };
  });
}

/** SPECIAL_CAPITAL_INCREASE: 和田精工's 二期 (万元; 外资 万美元). */
export const capitalIncrease = {
  date: "2026-08-18",
  amount: "30000.00",
  fixedAssetAmount: "24000.00",
  foreignCapital: "1500.00",
  note: "增资扩产：二期新增年产 50 万套减速器齿轮生产线（在原项目上增资，不作为新项目统计）",
};

/** A few activities along the history, each on or after the first day and on or before LIMIT. */
function activitiesOf(row: Row, path: DistrictProject["path"], rand: () => number): DistrictProject["activities"] {
  const short = row.name.replace(/项目$/, "");
  const firm = row.enterprise;
  const out: DistrictProject["activities"] = [];
  const add = (type: DistrictProject["activities"][number]["type"], day: string, notes: string) => {
    if (day <= DISTRICT_YEAR_LIMIT && day >= path[0].day)
      out.push({ type, day: workdayBack(day) < path[0].day ? day : workdayBack(day), notes });
  };
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const first = (s: Stage) => path.find((p) => p.stage === s)?.day;
  const lead = path[0].day;
  add(rand() < 0.5 ? "VISIT" : "CALL", lead, `首次对接${firm}，了解${short}的投资意向和选址要求`);
  const neg = first("NEGOTIATING");
  if (!neg) add("CALL", addDays(lead, between(10, 45)), `电话回访${firm}，跟进投资决策进度`);
  if (neg) {
    add("SITE_SURVEY", addDays(neg, between(5, 30)), `陪同企业考察${row.park ? "园区" : "项目"}选址，介绍配套政策`);
    const sign = first("SIGNED");
    if (sign) add("NEGOTIATION", addDays(sign, -between(7, 25)), `就土地、厂房和投资强度达成一致，敲定投资协议条款`);
    else add("NEGOTIATION", addDays(neg, between(20, 70)), `洽谈投资协议：用地规模、投资强度和达产时间`);
  }
  const sign = first("SIGNED");
  if (sign) add("MEETING", sign, row.signingWeek ? "2026 年秋季重点项目签约周集中签约" : `${short}投资协议签约仪式`);
  const reg = first("REGISTERED");
  if (reg) add("VISIT", addDays(reg, -between(2, 8)), "协助企业办理工商注册和银行开户");
  const appr = first("APPROVING");
  if (appr) add("MEETING", addDays(appr, between(1, 10)), "七证合一并联审批服务专班会，梳理审批清单");
  const cons = first("CONSTRUCTION");
  if (cons) add("VISIT", addDays(cons, between(20, 90)), "走访施工现场，了解工程进度和要素需求");
  const comp = first("COMPLETED");
  if (comp) add("MEETING", comp, "竣工验收协调会，推进消防、规划核实");
  const prod = first("PRODUCTION");
  if (prod) add("VISIT", addDays(prod, between(15, 60)), "投产后走访，了解达产达效和用工需求");
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

// ---- the letters (this year's plans) and their 日调度, counted from today as seed-supervision.ts does

const quarterShares = [0.12, 0.35, 0.55, 1];
const tasks: Record<string, string[]> = {
  SIGNED: ["完成项目公司注册", "完成土地摘牌", "完成方案设计", "完成施工图设计"],
  APPROVING: ["办理用地规划许可", "取得不动产权证书", "完成施工图审查", "取得施工许可并开工"],
  CONSTRUCTION: ["场地平整和桩基施工", "主体结构施工", "主体封顶、设备采购", "设备安装调试"],
  COMPLETED: ["主体完工", "设备安装", "竣工验收", "试生产"],
  PRODUCTION: ["技改方案备案", "新增设备采购", "设备安装调试", "新增产能达产"],
};
const progressNotes: Record<string, string> = {
  SIGNED: "开展前期手续办理和方案设计",
  APPROVING: "七证合一手续办理中",
  CONSTRUCTION: "主体施工，按周报送工程进度",
  COMPLETED: "竣工验收资料整理，试生产准备",
  PRODUCTION: "技改设备安装调试",
};

/** Cents of 万元 as a decimal string. */
const fromCents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, "0")}`;
const yearShare = (day: string) => {
  const year = Number(day.slice(0, 4));
  const jan1 = `${year}-01-01`;
  return (daysFrom(jan1, day) + 1) / daysFrom(jan1, `${year + 1}-01-01`);
};
/** The stage a history had reached on a day (null before it began). */
const stageOn = (path: DistrictProject["path"], day: string): Stage | null =>
  [...path].reverse().find((p) => p.day <= day)?.stage ?? null;

/**
 * Seeds the district's year. `today` ("YYYY-MM-DD", Asia/Shanghai) dates the letters' year,
 * their 日调度 entries, the recent negotiations and the overdue planned starts.
 */
export async function seedDistrictYear(db: PrismaClient, today: string) {
  const year = Number(today.slice(0, 4));
  // The district's other staff and leaders.
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const zsj = await db.department.findUniqueOrThrow({ where: { code: "ZSJ" } });
  for (const u of districtUsers)
    await db.user.upsert({
      where: { username: u.username },
      update: {},
      create: { username: u.username, displayName: u.displayName, role: u.role, passwordHash, departmentId: zsj.id },
    });
  const users = new Map(
    (
      await db.user.findMany({
        where: { username: { in: [...staffNames, ...leaderNames, "manager"] } },
        select: { id: true, username: true, displayName: true },
      })
    ).map((u) => [u.username, u]),
  );
  const manager = users.get("manager")!;

  const all = districtProjects();
  const existing = new Set(
    (await db.project.findMany({ where: { code: { in: all.map((p) => p.code) } }, select: { code: true } })).map(
      (p) => p.code,
    ),
  );
  const todo = all.filter((p) => !existing.has(p.code));
  if (!todo.length) return { created: 0 };

  const [industries, parks, links] = await Promise.all([
    db.industry.findMany({ select: { id: true, code: true } }),
    db.park.findMany({ select: { id: true, code: true } }),
    db.chainLink.findMany({ select: { id: true, name: true, chain: { select: { code: true } } } }),
  ]);
  const industryId = new Map(industries.map((r) => [r.code, r.id]));
  const parkId = new Map(parks.map((r) => [r.code, r.id]));
  const linkId = new Map(links.map((l) => [`${l.chain.code}/${l.name}`, l.id]));

  // Enterprises: the chains' targets are there already (found by name); the others are new.
  const known = new Map(
    (
      await db.enterprise.findMany({
        where: { name: { in: todo.map((p) => p.row.enterprise) } },
        select: { id: true, name: true },
      })
    ).map((e) => [e.name, e.id]),
  );
  const fresh = todo.filter((p) => !known.has(p.row.enterprise));
  const made = await db.enterprise.createManyAndReturn({
    data: fresh.map((p) => ({
      ...nameColumns(p.row.enterprise),
      creditCode: p.creditCode,
      isLocal: !!p.creditCode,
      region: p.creditCode ? "青岛西海岸新区" : p.row.region,
      scale: p.row.big ? "大型" : Number(p.totalInvestment) >= 20000 ? "中型" : "小型",
    })),
    select: { id: true, name: true },
  });
  for (const e of made) known.set(e.name, e.id);

  const projects = await db.project.createManyAndReturn({
    data: todo.map((p) => {
      const last = p.path.at(-1)!;
      const updated = [last.day, ...p.activities.map((a) => a.day)].reduce((a, b) => (a > b ? a : b));
      return {
        code: p.code,
        name: p.row.name,
        enterpriseId: known.get(p.row.enterprise)!,
        enterpriseName: p.row.enterprise,
        industryId: industryId.get(p.row.industry)!,
        parkId: p.row.park ? parkId.get(p.row.park)! : null,
        totalInvestment: p.totalInvestment,
        contractInvestment: p.contractInvestment,
        fixedAssetInvestment: p.fixedAssetInvestment,
        expectedAnnualOutput: p.expectedAnnualOutput,
        expectedAnnualTax: p.expectedAnnualTax,
        foreignCapital: p.foreignCapital,
        landArea: p.landArea,
        sourceChannel: p.channel,
        stage: p.row.stage,
        stageEnteredAt: at9(last.day),
        suspendedFrom: p.row.stage === "SUSPENDED" ? p.row.from! : null,
        closeReason: p.row.reason ?? null,
        keyProject: p.keyProject,
        ownerId: users.get(p.owner)!.id,
        leaderId: users.get(p.leader)!.id,
        contacts: [p.contact],
        tags: p.keyProject ? ["十强产业", "重点项目"] : ["十强产业"],
        description: p.row.description,
        signingDate: p.signingDate ? storedDate(p.signingDate) : null,
        registrationDate: p.registrationDate ? storedDate(p.registrationDate) : null,
        constructionDate: p.constructionDate ? storedDate(p.constructionDate) : null,
        completionDate: p.completionDate ? storedDate(p.completionDate) : null,
        productionDate: p.productionDate ? storedDate(p.productionDate) : null,
        plannedStartDate: p.plannedStartDate ? storedDate(p.plannedStartDate) : null,
        createdAt: at9(p.path[0].day),
        updatedAt: new Date(`${updated}T17:00:00+08:00`),
      };
    }),
    select: { id: true, code: true },
  });
  const idOf = new Map(projects.map((p) => [p.code, p.id]));

  // Stage histories: first entry into a stage marked as the app's writer marks it.
  await db.stageChange.createMany({
    data: todo.flatMap((p) =>
      p.path.map((s, i) => ({
        projectId: idOf.get(p.code)!,
        fromStage: i === 0 ? null : p.path[i - 1].stage,
        toStage: s.stage,
        userId: s.override ? manager.id : users.get(p.owner)!.id,
        note: s.note,
        override: s.override,
        firstEntry: !p.path.slice(0, i).some((e) => e.stage === s.stage),
        createdAt: at9(s.day),
      })),
    ),
  });

  // Activities, and the recent negotiations a 签约周 proposal finds (counted from today).
  await db.projectActivity.createMany({
    data: todo.flatMap((p) => {
      const by = users.get(p.owner)!;
      const notBefore = (day: string) => (day > p.path.at(-1)!.day ? day : p.path.at(-1)!.day);
      const recent: DistrictProject["activities"] = p.row.recentTalk
        ? [
            {
              type: "NEGOTIATION",
              day: notBefore(addDays(today, -p.row.recentTalk)),
              notes: "就投资协议条款进行新一轮洽谈，拟提交签约周签约",
            },
          ]
        : [];
      // Three projects in five that are still open were followed up in the last four weeks.
      const n = districtRows.indexOf(p.row);
      if (!["SUSPENDED", "TERMINATED"].includes(p.row.stage) && n % 5 < 3) {
        const stage = idx(p.row.stage);
        recent.push({
          type: stage < idx("SIGNED") ? (n % 2 ? "CALL" : "VISIT") : "VISIT",
          day: notBefore(addDays(today, -(2 + ((n * 7) % 26)))),
          notes:
            stage < idx("SIGNED")
              ? "回访企业，跟进投资决策和选址比选进展"
              : stage < idx("CONSTRUCTION")
                ? "走访企业，协调推进注册、用地和审批手续"
                : "走访现场，了解建设运营情况和要素需求",
        });
      }
      return [...p.activities, ...recent]
        .filter((a) => a.day <= today)
        .map((a) => ({
          projectId: idOf.get(p.code)!,
          type: a.type,
          date: storedDate(a.day),
          participants: by.displayName,
          notes: a.notes,
          createdById: by.id,
          createdAt: new Date(`${a.day}T16:00:00+08:00`),
        }));
    }),
  });

  // Chain links.
  await db.projectLink.createMany({
    data: todo
      .filter((p) => p.row.link)
      .map((p) => ({ projectId: idOf.get(p.code)!, linkId: linkId.get(p.row.link!.join("/"))! }))
      .filter((l) => l.linkId),
    skipDuplicates: true,
  });

  // SPECIAL_CAPITAL_INCREASE.
  const increased = todo.find((p) => p.row.path && p.row.stage === "PRODUCTION");
  if (increased)
    await db.capitalIncrease.create({
      data: {
        projectId: idOf.get(increased.code)!,
        date: storedDate(capitalIncrease.date),
        amount: capitalIncrease.amount,
        fixedAssetAmount: capitalIncrease.fixedAssetAmount,
        foreignCapital: capitalIncrease.foreignCapital,
        note: capitalIncrease.note,
        createdById: users.get(increased.owner)!.id,
        createdAt: new Date(`${capitalIncrease.date}T15:00:00+08:00`),
      },
    });

  // Overdue planned starts count from today (YELLOW within three months, RED beyond).
  for (const p of todo.filter((x) => typeof x.row.plannedStart === "number")) {
    const day = addDays(today, -(p.row.plannedStart as number));
    await db.project.update({
      where: { id: idOf.get(p.code)! },
      data: { plannedStartDate: storedDate(day), updatedAt: new Date(`${p.path.at(-1)!.day}T17:00:00+08:00`) },
    });
  }

  await seedLetters(db, { today, year, todo, idOf, users });
  await seedCases(db, { todo, idOf, users });
  return { created: todo.length };
}

async function seedLetters(
  db: PrismaClient,
  o: {
    today: string;
    year: number;
    todo: DistrictProject[];
    idOf: Map<string, string>;
    users: Map<string, { id: string; displayName: string }>;
  },
) {
  const { today, year } = o;
  const jan1 = `${year}-01-01`;
  const yesterday = addDays(today, -1);
  const lettered = o.todo.filter((p) => p.row.plan && p.path[0].day <= today);
  const plans = await db.projectPlan.createManyAndReturn({
    data: lettered.map((p) => {
      const signedOn = [`${year}-01-10`, addDays(p.signingDate ?? jan1, 7)].reduce((a, b) => (a > b ? a : b));
      const goal = goalOf(p);
      return {
        projectId: o.idOf.get(p.code)!,
        year,
        goalStage: p.row.stage,
        goalInvestment: fromCents(goal * 100),
        leaderId: o.users.get(p.leader)!.id,
        createdById: o.users.get(p.owner)!.id,
        signedAt: new Date(`${minDay(signedOn, yesterday)}T10:00:00+08:00`),
        signedById: o.users.get(p.leader)!.id,
      };
    }),
    select: { id: true, projectId: true },
  });
  const planOf = new Map(plans.map((p) => [p.projectId, p.id]));
  await db.planMilestone.createMany({
    data: lettered.flatMap((p) => {
      const goal = goalOf(p) * 100;
      return quarterShares.map((share, q) => {
        const due = quarterEnd(year, q + 1);
        // The stage the history had reached at the quarter's end (the current one for the quarters ahead).
        const then = due < today ? (stageOn(p.path, due) ?? p.row.stage) : p.row.stage;
        const stage = idx(then) < idx("SIGNED") ? "SIGNED" : then;
        const list = tasks[stage] ?? tasks[p.row.stage];
        return {
          planId: planOf.get(o.idOf.get(p.code)!)!,
          quarter: q + 1,
          stage: idx(stage) > idx(p.row.stage) ? p.row.stage : stage,
          investment: fromCents(Math.round(goal * share)),
          task: list[q],
          dueDate: storedDate(due),
        };
      });
    }),
  });
  // 日调度: back from yesterday (or from 12 days ago for the silent ones), weekly under
  // construction, fortnightly otherwise; on the year's straight line times the recipe's share.
  const share: Record<Recipe, number> = { B: 1, N: 1, Y: 0.8, R: 0.5 };
  await db.progressEntry.createMany({
    data: lettered.flatMap((p) => {
      const recipe = p.row.plan!;
      const goal = goalOf(p) * 100;
      const every = p.row.stage === "CONSTRUCTION" ? 7 : 14;
      const first = [jan1, p.signingDate ?? jan1].reduce((a, b) => (a > b ? a : b));
      const dates: string[] = [];
      for (
        let d = recipe === "N" ? addDays(today, -12) : yesterday;
        d >= first && d.startsWith(String(year));
        d = addDays(d, -every)
      )
        dates.push(d);
      const by = o.users.get(p.owner)!.id;
      return dates.map((date, i) => {
        const invested = Math.min(goal, Math.round(goal * yearShare(date) * share[recipe]));
        return {
          projectId: o.idOf.get(p.code)!,
          date: storedDate(date),
          investmentCompleted: fromCents(invested),
          percent: ((invested / goal) * 100).toFixed(2),
          note: progressNotes[p.row.stage] ?? null,
          problems: i === 0 && recipe !== "B" ? "施工进度滞后，设备到货延迟" : null,
          createdById: by,
          createdAt: new Date(`${date}T17:00:00+08:00`),
        };
      });
    }),
  });
  await syncPlanProgress(
    db,
    lettered.map((p) => o.idOf.get(p.code)!),
  );
  // The colours, by the rules (seed-supervision.ts recomputes the year's letters again after its own).
  await db.$transaction(
    async (tx) => {
      for (const p of lettered) await recomputeWarning(tx, o.idOf.get(p.code)!, { today });
    },
    { timeout: 60_000 },
  );
}

/** This year's investment goal of a letter (万元, whole hundreds). */
function goalOf(p: DistrictProject): number {
  const base = Number(p.fixedAssetInvestment ?? p.totalInvestment);
  const part: Record<string, number> = {
    SIGNED: 0.06,
    APPROVING: 0.1,
    CONSTRUCTION: 0.35,
    COMPLETED: 0.2,
    PRODUCTION: 0.08,
  };
  return Math.max(500, roundWan(base * (part[p.row.stage] ?? 0.1)));
}

/** 七证合一 cases of a few projects in approval, written by the story's own case writer. */
async function seedCases(
  db: PrismaClient,
  o: { todo: DistrictProject[]; idOf: Map<string, string>; users: Map<string, { id: string }> },
) {
  const withCase = o.todo.filter((p) => p.row.permit);
  if (!withCase.length) return;
  const types = await db.permitType.findMany({
    select: { id: true, code: true, departmentId: true, statutoryDays: true, fastTrackDays: true, name: true },
  });
  const typeIds = new Map(types.map((t) => [t.code, t]));
  const approvers = await db.user.findMany({
    where: { username: { in: ["approver", "approver_zrzy", "approver_bdc", "approver_sthj"] } },
    select: { id: true, departmentId: true },
  });
  const approverOf = new Map(approvers.map((a) => [a.departmentId!, a.id]));
  const plannedDays = [9, 12, 20, 15, 11, 14, 40];
  for (const [k, p] of withCase.entries()) {
    const start = p.path.find((s) => s.stage === "APPROVING")!.day;
    const items: NonNullable<StoryDetail["permit"]>["items"] = {};
    for (const [j, t] of permitTypes.entries()) {
      const days = plannedDays[j] + k * 2;
      // Decided only when that day has come (the demo's fixed days end at LIMIT).
      items[t.code] = addWorkingDays(calendar, start, days) <= DISTRICT_YEAR_LIMIT ? days : "pending";
    }
    if (k === 1)
      items.DRAWING_REVIEW = { days: "pending", returned: { after: 5, wait: 99, missing: ["施工图消防设计专篇"] } };
    if (await db.permitCase.findUnique({ where: { projectId: o.idOf.get(p.code)! } })) continue;
    await seedPermitCase(db, {
      projectId: o.idOf.get(p.code)!,
      applicant: p.row.enterprise,
      permit: { start, fastTrack: k !== 2, items },
      details: {
        sourceChannel: p.channel,
        path: [],
        activities: [],
        description: p.row.description,
        landArea: p.landArea ?? undefined,
        plannedStartDate: p.plannedStartDate ?? undefined,
      },
      typeIds,
      approverOf,
      ownerId: o.users.get(p.owner)!.id,
    });
  }
}

/** Every fixed day of a project: its history, activities and stage dates (for the tests). */
export const fixedDaysOf = (p: DistrictProject) =>
  [
    ...p.path.map((s) => s.day),
    ...p.activities.map((a) => a.day),
    p.signingDate,
    p.registrationDate,
    p.constructionDate,
    p.completionDate,
    p.productionDate,
  ].filter((d): d is string => !!d);
