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
] as const;

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
