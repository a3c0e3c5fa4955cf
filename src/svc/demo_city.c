/*
 * The demo city's names: units, people, holidays, goals, indicators, task
 * titles and the words people write into reports, urges and instructions;
 * for the evaluation system, how well units work, inspection findings,
 * commendations and accountability, and who rates whom.
 * Harbin's districts and departments are real names; every person, figure
 * and task is invented. Data only: demo_plan.c decides what happens.
 */
#include "svc/demo_int.h"

#include <string.h>

const struct demo_unit demo_units[] = {
	{ "HRB", "哈尔滨市", NULL, "city" },
	{ "HRB-DCS", "市委督查室", "HRB", "office" },
	{ "HRB-DL", "道里区", "HRB", "district" },
	{ "HRB-NG", "南岗区", "HRB", "district" },
	{ "HRB-DW", "道外区", "HRB", "district" },
	{ "HRB-XF", "香坊区", "HRB", "district" },
	{ "HRB-SB", "松北区", "HRB", "district" },
	{ "HRB-PF", "平房区", "HRB", "district" },
	{ "HRB-HL", "呼兰区", "HRB", "district" },
	{ "HRB-AC", "阿城区", "HRB", "district" },
	{ "HRB-FGW", "市发展和改革委员会", "HRB", "department" },
	{ "HRB-GXJ", "市工业和信息化局", "HRB", "department" },
	{ "HRB-ZJJ", "市住房和城乡建设局", "HRB", "department" },
	{ "HRB-JTJ", "市交通运输局", "HRB", "department" },
	{ "HRB-STJ", "市生态环境局", "HRB", "department" },
	{ "HRB-YSJ", "市营商环境建设监督局", "HRB", "department" },
	{ "HRB-DL-ZL", "兆麟街道", "HRB-DL", "street" },
	{ "HRB-DL-XY", "新阳路街道", "HRB-DL", "street" },
	{ NULL, NULL, NULL, NULL },
};

/* `admin` is created first, by the seeder itself. */
const struct demo_user demo_users[] = {
	{ "wang", "王督查", "HRB", "supervisor" },
	{ "chen", "陈志远", "HRB", "leader" },
	{ "liu", "刘洋", "HRB", "viewer" },
	{ "li", "李强", "HRB-DL", "leader" },
	{ "zhang", "张伟", "HRB-DL", "staff" },
	{ "zhou", "周静", "HRB-NG", "staff" },
	{ "wu", "吴磊", "HRB-DW", "staff" },
	{ "zheng", "郑洁", "HRB-XF", "staff" },
	{ "sun", "孙浩", "HRB-SB", "staff" },
	{ "ma", "马丽", "HRB-PF", "staff" },
	{ "hu", "胡军", "HRB-HL", "staff" },
	{ "guo", "郭婷", "HRB-AC", "staff" },
	{ "he", "何平", "HRB-FGW", "staff" },
	{ "gao", "高峰", "HRB-GXJ", "staff" },
	{ "lin", "林涛", "HRB-ZJJ", "staff" },
	{ "luo", "罗斌", "HRB-JTJ", "staff" },
	{ "liang", "梁红", "HRB-STJ", "staff" },
	{ "song", "宋佳", "HRB-YSJ", "staff" },
	{ NULL, NULL, NULL, NULL },
};

/*
 * China's public holidays and make-up working days as announced by the
 * State Council for 2025 and 2026 (to the best of our knowledge; a demo
 * needs them plausible, not authoritative). Later years are not listed.
 */
const struct demo_holiday demo_holidays[] = {
	{ "2025-01-01", "2025-01-01", "元旦", false },
	{ "2025-01-26", "2025-01-26", "春节调休", true },
	{ "2025-01-28", "2025-02-04", "春节", false },
	{ "2025-02-08", "2025-02-08", "春节调休", true },
	{ "2025-04-04", "2025-04-06", "清明节", false },
	{ "2025-04-27", "2025-04-27", "劳动节调休", true },
	{ "2025-05-01", "2025-05-05", "劳动节", false },
	{ "2025-05-31", "2025-06-02", "端午节", false },
	{ "2025-09-28", "2025-09-28", "国庆节调休", true },
	{ "2025-10-01", "2025-10-08", "国庆节、中秋节", false },
	{ "2025-10-11", "2025-10-11", "国庆节调休", true },
	{ "2026-01-01", "2026-01-03", "元旦", false },
	{ "2026-01-04", "2026-01-04", "元旦调休", true },
	{ "2026-02-14", "2026-02-14", "春节调休", true },
	{ "2026-02-15", "2026-02-23", "春节", false },
	{ "2026-02-28", "2026-02-28", "春节调休", true },
	{ "2026-04-04", "2026-04-06", "清明节", false },
	{ "2026-05-01", "2026-05-05", "劳动节", false },
	{ "2026-05-09", "2026-05-09", "劳动节调休", true },
	{ "2026-06-19", "2026-06-21", "端午节", false },
	{ "2026-09-20", "2026-09-20", "国庆节调休", true },
	{ "2026-09-25", "2026-09-27", "中秋节", false },
	{ "2026-10-01", "2026-10-07", "国庆节", false },
	{ "2026-10-10", "2026-10-10", "国庆节调休", true },
	{ NULL, NULL, NULL, false },
};

/* Parents come before their children. */
const struct demo_goal demo_goals[] = {
	/* 0 */ { "地区生产总值增长5.5%左右", "HRB", -1, 3 },
	/* 1 */ { "扩大有效投资", "HRB-FGW", 0, 1 },
	/* 2 */ { "推动工业经济提质增效", "HRB-GXJ", 0, 1 },
	/* 3 */ { "中央大街商圈提档升级", "HRB-DL", 0, 1 },
	/* 4 */ { "松北区招商引资攻坚", "HRB-SB", 0, 1 },
	/* 5 */ { "持续优化营商环境", "HRB", -1, 2 },
	/* 6 */ { "深化政务服务“一网通办”", "HRB-YSJ", 5, 1 },
	/* 7 */ { "提升12345热线诉求办理质效", "HRB-YSJ", 5, 1 },
	/* 8 */ { "生态环境持续改善", "HRB", -1, 2 },
	/* 9 */ { "打好蓝天保卫战", "HRB-STJ", 8, 1 },
	/* 10 */ { "城市水环境综合治理", "HRB-ZJJ", 8, 1 },
	/* 11 */ { "办好民生实事", "HRB", -1, 2 },
	/* 12 */ { "老旧小区改造", "HRB-ZJJ", 11, 1 },
	/* 13 */ { "城市交通畅通工程", "HRB-JTJ", 11, 1 },
	/* 14 */ { "“一刻钟便民生活圈”建设", "HRB-NG", 11, 1 },
	{ NULL, NULL, 0, 0 },
};

/* Plans run straight from baseline to target over the twelve months. */
const struct demo_indicator demo_indicators[] = {
	{ "地区生产总值增速", "%", 0, 4.1, 5.5, false, 1, 0.05, "wang", 0 },
	{ "固定资产投资增速", "%", 1, 2.1, 6.0, false, 1, -0.10, "he", 0 },
	{ "重点项目开工率", "%", 1, 0, 100, false, 1, 0.05, "he", 0 },
	{ "规模以上工业增加值增速", "%", 2, 3.5, 6.5, false, 1, 0.04,
	  "gao", 0 },
	{ "新增“专精特新”中小企业", "户", 2, 0, 60, false, 0, -0.12,
	  "gao", 80 },
	{ "中央大街商圈客流量增长", "%", 3, 0, 15, false, 1, 0.06,
	  "zhang", 0 },
	{ "招商引资到位资金", "亿元", 4, 0, 260, false, 1, -0.08, "sun", 0 },
	{ "政务服务事项网上可办率", "%", 6, 88, 98, false, 1, 0.05,
	  "song", 0 },
	{ "企业开办平均时间", "天", 6, 2.5, 1.0, true, 1, 0.05, "song", 0 },
	{ "12345热线诉求按时办结率", "%", 7, 92, 97, false, 1, -0.06,
	  "song", 0 },
	{ "PM2.5年均浓度", "微克/立方米", 9, 41, 36, true, 1, -0.10,
	  "liang", 0 },
	{ "空气质量优良天数比例", "%", 9, 84.5, 87, false, 1, 0.05,
	  "liang", 0 },
	{ "城市生活污水集中收集率", "%", 10, 70, 75, false, 1, 0.04,
	  "lin", 0 },
	{ "城镇新增就业", "万人", 11, 0, 12, false, 2, 0.05, "wang", 0 },
	{ "开工改造老旧小区", "个", 12, 0, 326, false, 0, 0.05, "lin", 0 },
	{ "新建改造城市道路", "公里", 13, 0, 120, false, 1, -0.07, "luo", 0 },
	{ "新增公共停车泊位", "个", 13, 0, 8000, false, 0, 0.04, "luo", 0 },
	{ "建成便民生活圈", "个", 14, 0, 20, false, 0, 0.05, "zhou", 0 },
	{ NULL, NULL, 0, 0, 0, false, 0, 0, NULL, 0 },
};

static const struct demo_topic district_topics[] = {
	{ "{}老旧小区改造工程", 12, "HRB-ZJJ" },
	{ "{}背街小巷环境整治", DEMO_GOAL_LIFE, NULL },
	{ "{}供热管网更新改造", DEMO_GOAL_LIFE, "HRB-ZJJ" },
	{ "{}积水点排查治理", 10, "HRB-ZJJ" },
	{ "{}农贸市场提档升级", DEMO_GOAL_OWN, NULL },
	{ "{}公共停车场建设", 13, "HRB-JTJ" },
	{ "{}“一刻钟便民生活圈”建设", DEMO_GOAL_OWN, NULL },
	{ "{}违法建设专项治理", -1, NULL },
	{ "{}冬季清冰雪保障准备", -1, "HRB-JTJ" },
	{ "{}燃煤散烧治理", 9, "HRB-STJ" },
	{ "{}沿街牌匾规范整治", DEMO_GOAL_OWN, NULL },
	{ "{}重点项目征收拆迁", 1, "HRB-FGW" },
	{ "{}社区养老服务站建设", DEMO_GOAL_LIFE, NULL },
	{ "{}营商环境问题线索核查", 5, "HRB-YSJ" },
	{ NULL, 0, NULL },
};

static const struct demo_topic fgw_topics[] = {
	{ "{}前期手续办理", 1, NULL },
	{ "{}项目资金争取", 1, NULL },
	{ "{}年度投资计划调度", 1, NULL },
	{ "超长期特别国债项目申报", 1, NULL },
	{ "地方政府专项债券项目谋划储备", 1, "HRB-ZJJ" },
	{ "重点项目“首席服务员”包保推进", 0, "HRB-YSJ" },
	{ "城镇新增就业目标任务推进", DEMO_GOAL_LIFE, NULL },
	{ NULL, 0, NULL },
};

static const struct demo_topic gxj_topics[] = {
	{ "{}技术改造项目推进", 2, NULL },
	{ "{}数字化车间建设", 2, NULL },
	{ "{}产业链配套协作", 2, "HRB-PF" },
	{ "规上工业企业培育入规", 2, NULL },
	{ "“专精特新”中小企业梯度培育", 2, NULL },
	{ "工业互联网标识解析节点建设", 2, NULL },
	{ NULL, 0, NULL },
};

static const struct demo_topic zjj_topics[] = {
	{ "{}老旧小区改造督导", 12, NULL },
	{ "{}燃气管道老化更新改造", DEMO_GOAL_LIFE, NULL },
	{ "{}黑臭水体整治", 10, "HRB-STJ" },
	{ "{}雨污分流改造", 10, NULL },
	{ "“保交楼”项目督办", DEMO_GOAL_LIFE, NULL },
	{ "城市更新试点项目推进", 12, NULL },
	{ NULL, 0, NULL },
};

static const struct demo_topic jtj_topics[] = {
	{ "{}道路大修工程", 13, NULL },
	{ "{}交通拥堵点治理", 13, NULL },
	{ "{}公交线路优化调整", 13, NULL },
	{ "冬季公交运营保障方案", 13, NULL },
	{ "城市智慧停车平台建设", 13, "HRB-YSJ" },
	{ NULL, 0, NULL },
};

static const struct demo_topic stj_topics[] = {
	{ "{}水质达标治理", 8, NULL },
	{ "{}生态环境问题排查整改", 8, NULL },
	{ "{}扬尘污染管控", 9, "HRB-ZJJ" },
	{ "中央生态环境保护督察反馈问题整改", 8, NULL },
	{ "秋冬季大气污染综合治理攻坚", 9, NULL },
	{ "秸秆禁烧巡查督导", 9, "HRB-HL" },
	{ "重污染天气应急减排清单修订", 9, "HRB-GXJ" },
	{ NULL, 0, NULL },
};

static const struct demo_topic ysj_topics[] = {
	{ "{}服务效能提升", 6, NULL },
	{ "{}“好差评”问题整改", 6, NULL },
	{ "“高效办成一件事”集成改革", 6, NULL },
	{ "涉企违规收费专项清理", 5, "HRB-FGW" },
	{ "营商环境问题线索核查", 5, NULL },
	{ "12345热线诉求办理质效提升", 7, NULL },
	{ NULL, 0, NULL },
};

static const char *const dl_places[] = {
	"中央大街", "安发街", "兆麟公园周边", "群力新区", "经纬街",
	"尚志大街", "共乐街道", NULL,
};
static const char *const zl_places[] = {
	"兆麟街", "通江街", "西十二道街", NULL,
};
static const char *const xy_places[] = {
	"新阳路", "爱建社区", "河清街", NULL,
};
static const char *const ng_places[] = {
	"果戈里大街", "学府路", "红旗大街", "花园街道", "宣化街",
	"哈西新区", NULL,
};
static const char *const dw_places[] = {
	"靖宇街", "老道外中华巴洛克街区", "太古街", "南勋街",
	"北十八道街", NULL,
};
static const char *const xf_places[] = {
	"香坊大街", "哈平路", "幸福街道", "和平路", "通天街", NULL,
};
static const char *const sb_places[] = {
	"太阳岛", "世茂大道", "利民大道", "松北商务中心区", "松浦街道",
	NULL,
};
static const char *const pf_places[] = {
	"新疆大街", "友协大街", "哈南工业新城", "联盟大街", NULL,
};
static const char *const hl_places[] = {
	"利民开发区", "兰河街道", "呼兰老城区", "萧红故居周边", NULL,
};
static const char *const ac_places[] = {
	"金源文化旅游区", "阿城经济开发区", "金都街道", "延川大街", NULL,
};
static const char *const fgw_places[] = {
	"哈尔滨新区数字经济产业园", "冰雪经济产业园",
	"太平国际机场二期扩建配套工程", "哈尔滨综合保税区物流园",
	"新能源汽车零部件产业园", NULL,
};
static const char *const gxj_places[] = {
	"哈电集团", "东轻公司", "哈药集团", "哈飞公司", "哈量集团",
	"哈轴集团", NULL,
};
static const char *const zjj_places[] = {
	"哈西片区", "老城区", "马家沟沿线", "松花江沿岸", "群力片区", NULL,
};
static const char *const jtj_places[] = {
	"地铁3号线沿线", "友谊路", "红旗大街", "学府路", "三环路", "机场路",
	NULL,
};
static const char *const stj_places[] = {
	"松花江哈尔滨段", "阿什河", "何家沟", "磨盘山水源地", "城区建筑工地",
	NULL,
};
static const char *const ysj_places[] = {
	"市政务服务中心", "不动产登记中心", "企业开办专区", "12345热线平台",
	"工程建设项目审批系统", NULL,
};

const struct demo_lead demo_leads[] = {
	{ "HRB-DL", "zhang", "li", "li", "li", 10, true, 3, dl_places,
	  district_topics },
	{ "HRB-DL-ZL", "zhang", "li", "li", "li", 2, true, 3, zl_places,
	  district_topics },
	{ "HRB-DL-XY", "zhang", "li", "li", "li", 2, true, 3, xy_places,
	  district_topics },
	{ "HRB-NG", "zhou", NULL, NULL, NULL, 7, true, 14, ng_places,
	  district_topics },
	{ "HRB-DW", "wu", NULL, NULL, NULL, 6, true, -1, dw_places,
	  district_topics },
	{ "HRB-XF", "zheng", NULL, NULL, NULL, 6, true, -1, xf_places,
	  district_topics },
	{ "HRB-SB", "sun", NULL, NULL, NULL, 6, true, 4, sb_places,
	  district_topics },
	{ "HRB-PF", "ma", NULL, NULL, NULL, 5, true, -1, pf_places,
	  district_topics },
	{ "HRB-HL", "hu", NULL, NULL, NULL, 5, true, -1, hl_places,
	  district_topics },
	{ "HRB-AC", "guo", NULL, NULL, NULL, 5, true, -1, ac_places,
	  district_topics },
	{ "HRB-FGW", "he", NULL, NULL, NULL, 7, false, 1, fgw_places,
	  fgw_topics },
	{ "HRB-GXJ", "gao", NULL, NULL, NULL, 6, false, 2, gxj_places,
	  gxj_topics },
	{ "HRB-ZJJ", "lin", NULL, NULL, NULL, 7, false, 12, zjj_places,
	  zjj_topics },
	{ "HRB-JTJ", "luo", NULL, NULL, NULL, 6, false, 13, jtj_places,
	  jtj_topics },
	{ "HRB-STJ", "liang", NULL, NULL, NULL, 6, false, 9, stj_places,
	  stj_topics },
	{ "HRB-YSJ", "song", NULL, NULL, NULL, 6, false, 6, ysj_places,
	  ysj_topics },
	{ NULL, NULL, NULL, NULL, NULL, 0, false, -1, NULL, NULL },
};

const struct demo_topic demo_petitions[] = {
	{ "群众反映{}供暖温度不达标问题", 7, NULL },
	{ "群众反映{}路灯不亮问题", 7, NULL },
	{ "群众反映{}小区电梯频繁故障问题", 7, NULL },
	{ "群众反映{}夜间施工噪音扰民问题", 7, "HRB-STJ" },
	{ "群众反映{}楼道堆放杂物问题", 7, NULL },
	{ "群众反映{}占道经营问题", 7, NULL },
	{ "群众反映{}二次供水水质问题", 7, "HRB-ZJJ" },
	{ NULL, 0, NULL },
};

const struct demo_topic demo_findings[] = {
	{ "督查发现{}工程进度滞后问题整改", -1, NULL },
	{ "督查发现{}安全隐患排查不到位问题整改", -1, NULL },
	{ "督查发现{}扬尘管控不到位问题整改", 9, "HRB-STJ" },
	{ "督查发现{}惠民资金拨付缓慢问题整改", -1, NULL },
	{ "督查发现{}工作台账不规范问题整改", -1, NULL },
	{ NULL, 0, NULL },
};

const struct demo_topic demo_dailies[] = {
	{ "{}突发积水应急处置", -1, NULL },
	{ "{}降雪后主干道清冰雪", -1, "HRB-JTJ" },
	{ "{}停水问题当日处置", -1, NULL },
	{ "{}井盖缺失当日修复", -1, NULL },
	{ "{}占道经营集中整治", -1, NULL },
	{ "{}供暖故障抢修", -1, NULL },
	{ NULL, 0, NULL },
};

const struct demo_risk demo_risks[] = {
	{ "冬季施工期临近，室外工程可能停工",
	  "调整施工顺序，室外工程封冻前完成，室内工程冬季继续推进",
	  "high" },
	{ "项目资金拨付滞后，可能影响工程进度",
	  "申请市财政预拨资金，同时争取省级专项资金支持", "medium" },
	{ "部分征收户诉求分歧较大，协议签订进度慢",
	  "街道社区逐户走访，依法依规做好补偿安置，必要时启动司法程序",
	  "high" },
	{ "配合单位参与不足，协调难度大",
	  "提请市领导召开专题调度会，明确各单位职责分工和时限", "medium" },
	{ "关键设备采购周期较长",
	  "启动应急采购程序，协调供应商优先供货", "low" },
	{ "群众对施工扰民意见较多",
	  "公示施工计划，夜间停止高噪声作业，设立群众意见受理点", "low" },
	{ NULL, NULL, NULL },
};

const char *const demo_departments[] = {
	"HRB-FGW", "HRB-GXJ", "HRB-ZJJ", "HRB-JTJ", "HRB-STJ", "HRB-YSJ",
	NULL,
};

const char *const demo_districts[] = {
	"HRB-DL", "HRB-NG", "HRB-DW", "HRB-XF", "HRB-SB", "HRB-PF",
	"HRB-HL", "HRB-AC", NULL,
};

/* By stage: under 20%, under 50%, under 80%, under 100%, done. */
const char *const demo_notes[5][4] = {
	{ "已召开专题部署会，制定工作方案，明确责任分工",
	  "已成立工作专班，完成前期摸底调查",
	  "已完成现场踏勘，正在细化实施方案", NULL },
	{ "前期准备工作已基本完成，正在组织实施",
	  "已完成方案论证，正在推进相关手续",
	  "已明确任务清单和时间节点，正在逐项落实", NULL },
	{ "主体工作全面推进，已完成阶段性目标",
	  "已完成主要节点任务，正在推进剩余工作",
	  "重点环节取得突破，整体工作过半", NULL },
	{ "主体工作基本完成，正在收尾并准备验收",
	  "已进入扫尾阶段，正在整理佐证材料",
	  "已完成现场整改，正在组织复核", NULL },
	{ "已全部完成，经现场核验达到要求，佐证材料已上传",
	  "任务已办结，群众回访满意",
	  "已完成验收，申请销号", NULL },
};

const char *const demo_urges_overdue[] = {
	"该事项已超期，请说明原因并于3个工作日内报送整改措施",
	"已超过办结时限，请主要负责同志亲自过问，尽快办结",
	"超期未办结，市委督查室将予以通报，请抓紧办理",
	NULL,
};

const char *const demo_urges_lag[] = {
	"进度明显滞后于计划，请倒排工期、加快推进",
	"请分析滞后原因，本周五前报送赶进度措施",
	NULL,
};

const char *const demo_urges_stale[] = {
	"已超过一周未报送进展，请及时更新办理情况",
	"请每周至少报送一次工作进展",
	NULL,
};

const char *const demo_urges_ack[] = {
	"交办已逾期未签收，请于今日内签收并明确责任人",
	"请立即签收，马上就办",
	NULL,
};

const char *const demo_urges_milestone[] = {
	"节点任务已逾期，请说明情况并尽快完成",
	"请按节点要求抓紧推进，逾期节点限期补齐",
	NULL,
};

const char *const demo_urges_due[] = {
	"即将到期，请确保按期办结",
	"距截止日期不足3天，请抓紧收尾",
	NULL,
};

const char *const demo_instructions[] = {
	"此事关系群众切身利益，务必按期办结。",
	"请市委督查室跟踪督办，每周报告一次进展。",
	"要压实责任，倒排工期，确保年底前完成。",
	"请市发改委牵头协调解决资金问题。",
	"要举一反三，建立长效机制，防止问题反弹。",
	NULL,
};

const char *const demo_extend_reasons[] = {
	"受冬季施工限制，需延长工期",
	"上级审批流程尚未完成，经市委督查室同意延期",
	"因汛期影响施工暂停，顺延工期",
	"征收补偿协议签订进度低于预期，申请延期",
	NULL,
};

const char *const demo_reject_reasons[] = {
	"佐证材料不全，请补充现场照片和验收资料",
	"完成情况与任务要求不符，请继续整改",
	"群众回访满意度未达标，请继续跟进",
	NULL,
};

const char *const demo_reopen_reasons[] = {
	"复查发现问题反弹，重新交办",
	"群众再次投诉，问题未彻底解决",
	NULL,
};

const char *const demo_cancel_reasons[] = {
	"上级政策调整，该任务不再执行",
	"与其他任务合并办理",
	"经市政府研究，暂缓实施",
	NULL,
};

const char *const demo_evidence_names[] = {
	"现场照片说明.txt", "验收报告.txt", "办结情况说明.txt", "会议纪要.txt",
	NULL,
};

/*
 * People assessed besides the task owners: with li and zhang, 道里区 has
 * six, enough for one excellent place. Created after the city, before the
 * goals (each user costs an argon2id hash: keep this list short).
 */
const struct demo_user demo_cadre_users[] = {
	{ "xu", "徐海峰", "HRB-DL", "leader" },		/* 副区长 */
	{ "feng", "冯晓燕", "HRB-DL", "leader" },	/* 副区长 */
	{ "cao", "曹立新", "HRB-DL", "staff" },		/* 区政府办主任 */
	{ "deng", "邓雪", "HRB-DL", "staff" },		/* 区督查专员 */
	{ NULL, NULL, NULL, NULL },
};

/* The units inspected, better ones first. */
const struct demo_standing demo_standings[] = {
	{ "HRB-NG", 5 }, { "HRB-DL", 4 }, { "HRB-YSJ", 4 }, { "HRB-SB", 3 },
	{ "HRB-FGW", 2 }, { "HRB-XF", 1 }, { "HRB-STJ", 1 }, { "HRB-PF", 0 },
	{ "HRB-GXJ", 0 }, { "HRB-ZJJ", -1 }, { "HRB-AC", -2 },
	{ "HRB-JTJ", -2 }, { "HRB-HL", -3 }, { "HRB-DW", -6 },
	{ NULL, 0 },
};

const struct demo_merit demo_merits[] = {
	{ "commend", "HRB-YSJ", NULL, 3, "营商环境评价位居全省前列", false },
	{ "commend", "HRB-NG", NULL, 2,
	  "“一刻钟便民生活圈”建设经验在全省推广", false },
	{ "commend", "HRB-SB", NULL, 2,
	  "重点招商项目签约额提前完成年度目标", false },
	{ "commend", NULL, "zhou", 1,
	  "12345热线诉求办理群众满意率连续三个月全市第一", false },
	{ "account", "HRB-DW", NULL, 2, "12345热线办理超时，群众反映强烈",
	  false },
	{ "account", "HRB-HL", NULL, 1, "秸秆禁烧巡查不力，卫星监测发现火点",
	  false },
	{ "account", NULL, "wu", 1,
	  "督查整改事项逾期未办结，对责任人进行约谈", false },
	{ "commend", "HRB-STJ", NULL, 2, "空气质量优良天数比例同比明显提高",
	  true },
	{ "account", "HRB-JTJ", NULL, 1,
	  "降雪后主干道清冰雪不及时，影响群众出行", true },
	{ NULL, NULL, NULL, 0, NULL, false },
};

/*
 * The assessment of T's year: 道里区 has six people assessed, so its
 * excellent quota is one: xu takes it, feng (also 90 or more) falls to
 * competent, deng is vetoed. Task owners stay under 90 whatever their
 * tasks (0.7 × 85 + 0.3 × 100 = 89.5), so the grades hold for any seed.
 * liu, the viewer, is the public's rater: wang records his ballots.
 */
const struct demo_assessed demo_assessed[] = {
	{ "li", 80, 88 }, { "zhang", 74, 85 }, { "xu", 94, 98 },
	{ "feng", 90, 93 }, { "cao", 78, 88 }, { "deng", 76, 86 },
	{ "zhou", 78, 85 }, { "wu", 64, 78 }, { "hu", 72, 84 },
	{ "song", 80, 85 },
	{ NULL, 0, 0 },
};

const struct demo_ballot demo_ballots[] = {
	{ "li", "chen", RATER_SUPERIOR, NULL },
	{ "li", "xu", RATER_SUBORDINATE, NULL },
	{ "li", "feng", RATER_SUBORDINATE, NULL },
	{ "li", "zhang", RATER_SUBORDINATE, NULL },
	{ "li", "liu", RATER_PUBLIC, NULL },
	{ "xu", "li", RATER_SUPERIOR, NULL },
	{ "xu", "feng", RATER_PEER, NULL },
	{ "xu", "cao", RATER_SUBORDINATE, NULL },
	{ "xu", "liu", RATER_PUBLIC, NULL },
	{ "feng", "li", RATER_SUPERIOR, NULL },
	{ "feng", "xu", RATER_PEER, NULL },
	{ "feng", "deng", RATER_SUBORDINATE, NULL },
	{ "feng", "liu", RATER_PUBLIC, NULL },
	{ "zhang", "li", RATER_SUPERIOR, NULL },
	{ "zhang", "cao", RATER_PEER, NULL },
	{ "zhang", "deng", RATER_PEER, NULL },
	{ "zhang", "liu", RATER_PUBLIC, NULL },
	{ "cao", "li", RATER_SUPERIOR, NULL },
	{ "cao", "zhang", RATER_PEER, NULL },
	{ "cao", "deng", RATER_PEER, NULL },
	{ "deng", "li", RATER_SUPERIOR,
	  "违反中央八项规定精神，受到党内警告处分" },
	{ "deng", "zhang", RATER_PEER, NULL },
	{ "deng", "cao", RATER_PEER, NULL },
	{ "zhou", "chen", RATER_SUPERIOR, NULL },
	{ "zhou", "zheng", RATER_PEER, NULL },
	{ "zhou", "liu", RATER_PUBLIC, NULL },
	{ "wu", "chen", RATER_SUPERIOR, NULL },
	{ "wu", "zheng", RATER_PEER, NULL },
	{ "wu", "liu", RATER_PUBLIC, NULL },
	{ "hu", "chen", RATER_SUPERIOR, NULL },
	{ "hu", "guo", RATER_PEER, NULL },
	{ "song", "wang", RATER_SUPERIOR, NULL },
	{ "song", "he", RATER_PEER, NULL },
	{ "song", "liu", RATER_PUBLIC, NULL },
	{ NULL, NULL, RATER_SUPERIOR, NULL },
};

const char *const demo_inspectors[] = {
	"市委督查室第一督查组：王督查、赵敏、孙立",
	"市委督查室第二督查组：钱伟、周晓梅",
	"市委督查室第三督查组：陈立军、吴迪",
	"市委督查室、市营商环境建设监督局联合督查组：王督查、韩冰",
	NULL,
};

const char *const demo_special_checks[] = {
	"安全生产专项督查", "营商环境专项督查", "生态环境保护专项督查",
	"民生实事专项督查", "12345热线办理质效专项督查", NULL,
};

/* Findings by score: 90 and over, 75 and over, below. */
const char *const demo_findings_good[] = {
	"重点任务推进有力，工作台账规范完整，群众满意度较高",
	"责任分工明确，节点任务按期完成，经验做法值得推广",
	NULL,
};

const char *const demo_findings_fair[] = {
	"重点任务推进总体有序，但个别项目进度滞后于计划",
	"工作机制基本健全，部分佐证材料不够完整",
	"整改落实总体到位，少数问题存在反弹苗头",
	NULL,
};

const char *const demo_findings_poor[] = {
	"多项重点任务进度滞后，整改落实不到位",
	"责任压得不实，群众反映问题回应不及时，台账管理混乱",
	NULL,
};

const char *demo_unit_name(const char *code)
{
	for (const struct demo_unit *u = demo_units; u->code; u++)
		if (!strcmp(u->code, code))
			return u->name;
	return "";
}

size_t demo_count(const void *table, size_t size)
{
	const char *p = table;
	size_t n = 0;

	/* every table's first field is a string, NULL in the last entry */
	while (*(const char *const *)(const void *)(p + n * size))
		n++;
	return n;
}

/*
 * Policies the city tracks (政策体系). Windows are set relative to the
 * reference day by their fate (demo_policy.c): closing within 14 days,
 * landed with the value secured, watching far ahead, and exactly one
 * missed, so every page of the policy system has something to show.
 */
const struct demo_policy demo_policies[] = {
	{ "超长期特别国债项目申报（第四批）", "国家发展改革委", "national",
	  "HRB-FGW", DEMO_POL_APPLYING, NULL, 1 },
	{ "中央预算内投资城镇老旧小区改造配套基础设施项目申报",
	  "国家发展改革委、住房城乡建设部", "national", "HRB-ZJJ",
	  DEMO_POL_APPLYING, NULL, 12 },
	{ "省级“专精特新”中小企业认定（第二批）", "黑龙江省工业和信息化厅",
	  "provincial", "HRB-GXJ", DEMO_POL_CLOSING, NULL, 2 },
	{ "市级夜间经济示范街区创建奖补", "哈尔滨市人民政府办公室",
	  "municipal", "HRB-DL", DEMO_POL_CLOSING, NULL, 3 },
	{ "省级外经贸发展专项资金项目申报", "黑龙江省商务厅", "provincial",
	  "HRB-SB", DEMO_POL_MISSED, NULL, 4 },
	{ "省级专项债券额度（第三批）", "黑龙江省财政厅", "provincial",
	  "HRB-FGW", DEMO_POL_LANDED, "争取专项债券额度 12.5 亿元", 1 },
	{ "超长期特别国债支持大规模设备更新项目", "国家发展改革委、工业和信息化部",
	  "national", "HRB-GXJ", DEMO_POL_LANDED, "争取资金 1.2 亿元", 2 },
	{ "中央水污染防治资金项目储备", "财政部、生态环境部", "national",
	  "HRB-STJ", DEMO_POL_LANDED, "争取资金 8600 万元", 10 },
	{ "市级科技型企业研发投入后补助", "哈尔滨市科学技术局",
	  "municipal", "HRB-SB", DEMO_POL_LANDED, "兑现补助资金 3200 万元",
	  4 },
	{ "市级稳岗补贴", "哈尔滨市人力资源和社会保障局", "municipal",
	  "HRB-PF", DEMO_POL_AHEAD, NULL, 11 },
	{ "省级县域商业体系建设补助资金", "黑龙江省商务厅", "provincial",
	  "HRB-NG", DEMO_POL_AHEAD, NULL, 14 },
	{ "城市更新行动中央财政补助资金", "财政部、住房城乡建设部",
	  "national", "HRB-ZJJ", DEMO_POL_AHEAD, NULL, 12 },
	{ NULL, NULL, NULL, NULL, DEMO_POL_AHEAD, NULL, -1 },
};

/*
 * Practices (经验) of several units, two promoted by wang; the last two
 * are made from the commendations whose reasons they name.
 */
const struct demo_practice demo_practices[] = {
	{ "“接诉即办”三级响应机制",
	  "建立区、街道、社区三级接诉响应机制，热线诉求两小时内联系群众。"
	  "对重复诉求实行专人包案，办结后由社区回访确认。"
	  "当年诉求办理满意率提高到96%以上。",
	  "HRB-DL", { "接诉即办", "12345热线", NULL }, 7, NULL,
	  "纳入全市12345热线诉求办理工作规范，在各区推广" },
	{ "河长制“巡河+督办”闭环管理",
	  "区级河长每月巡河一次，发现问题当日交办、限期整改。"
	  "整改结果纳入河长述职和年度考核。"
	  "松花江支流水质稳定达到Ⅲ类。",
	  "HRB-HL", { "河长制", "生态环境", NULL }, 10, NULL, NULL },
	{ "企业开办“一窗通办、一日办结”",
	  "将营业执照、公章刻制、税务登记等事项整合为一个窗口受理。"
	  "全程网上办理，企业开办时间压缩到一个工作日以内。",
	  "HRB-YSJ", { "营商环境", "一网通办", NULL }, 6, NULL,
	  "形成《企业开办一日办结工作规程》，作为全市统一制度执行" },
	{ "基层报表“一表通”减负",
	  "对街道社区填报的各类报表进行清理整合，同类数据只报一次。"
	  "报表数量由47张减少到12张，社区干部把更多时间用在走访群众上。",
	  "HRB-DL", { "基层减负", NULL }, -1, NULL, NULL },
	{ "重点项目“周调度、月观摩”",
	  "建立重点项目周调度制度，问题清单化、责任到人。"
	  "每月组织一次项目观摩，比进度、比质量、比投资完成。"
	  "全年重点项目开工率保持在全市前列。",
	  "HRB-SB", { "项目建设", "营商环境", NULL }, 1, NULL, NULL },
	{ "清冰雪“网格化+机械化”作业",
	  "将主次干道划分为作业网格，每个网格明确责任单位和机械配置。"
	  "降雪停止后主干道24小时内清理完毕。",
	  "HRB-XF", { "清冰雪", "城市管理", NULL }, 13, NULL, NULL },
	{ "老旧小区改造“居民点单”",
	  "改造前入户征求意见，由居民从改造菜单中选择项目。"
	  "施工中成立居民监督小组，竣工后共同验收。"
	  "居民对改造效果的满意率明显提高。",
	  "HRB-ZJJ", { "民生实事", "老旧小区改造", NULL }, 12, NULL, NULL },
	{ "秸秆禁烧“蓝天卫士”监控",
	  "在重点区域布设高位视频监控，火点自动识别、自动报警。"
	  "发现火点后乡镇网格员30分钟内到场处置。",
	  "HRB-STJ", { "蓝天保卫战", "基层减负", NULL }, 9, NULL, NULL },
	{ NULL,
	  "坚持营商环境“好不好、企业说了算”，每季度开展企业满意度调查。"
	  "对企业反映的问题建立台账、限时办结、逐一回访。"
	  "评价结果位居全省前列。",
	  "HRB-YSJ", { "营商环境", NULL }, 5, "营商环境评价位居全省前列",
	  NULL },
	{ NULL,
	  "以社区为单元布局便民商业网点，步行15分钟内满足日常生活需要。"
	  "引导连锁便利店、早餐店、维修点进社区，老年人助餐点全覆盖。",
	  "HRB-NG", { "民生实事", "便民生活圈", NULL }, 14,
	  "“一刻钟便民生活圈”建设经验在全省推广", NULL },
	{ NULL, NULL, NULL, { NULL }, -1, NULL, NULL },
};
