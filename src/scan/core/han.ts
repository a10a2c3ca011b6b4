/**
 * What single Han characters tell the byte scanner (one table lookup per character, no
 * decoding): surname starts, address level suffixes (detectors.md §6.6), licence-plate
 * province abbreviations (GA 36-2018, §6.1), and prefilters for the sensitive-term checks
 * that then run on the decoded value only.
 */
export const HAN_BASE = 0x4e00;
export const HAN_END = 0x9fff;

export const F_SURNAME = 1;
export const F_PLATE = 2;
/** The value may name a disease, treatment or other health fact (confirmed by TERM_MEDICAL). */
export const F_MEDICAL = 4;
/** May name a religion, a specific identity or a biometric (confirmed by the term lists). */
export const F_OTHER_SENSITIVE = 8;
// Address levels (a value spanning two or more levels reads as an address).
export const F_ADDR_PROVINCE = 16; // 省, 自治区
export const F_ADDR_CITY = 32; // 市, 州, 盟
export const F_ADDR_COUNTY = 64; // 区, 县, 旗
export const F_ADDR_TOWN = 128; // 镇, 乡, 村, 街道, 社区
export const F_ADDR_ROAD = 256; // 路, 街, 道, 巷, 弄, 胡同
export const F_ADDR_NUMBER = 512; // 号, 栋, 幢, 座, 单元, 室, 层
export const F_ADDR = F_ADDR_PROVINCE | F_ADDR_CITY | F_ADDR_COUNTY | F_ADDR_TOWN | F_ADDR_ROAD | F_ADDR_NUMBER;

/**
 * Common single surnames (the MPS top-100 cover 85.9 % of people, §6.5) widened to ~300,
 * plus the first characters of the common compound surnames (欧阳, 司马, 上官, 诸葛 …).
 */
export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤" +
  "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由上东皇令端西夏轩澹太濮淳长宇"; // prettier-ignore
const PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领";
const MEDICAL_HINTS = "病症癌瘤诊疗孕喘滋肝炎压糖术药疫感染抑郁脑心肾肺血孕胎伤残障碍";
const OTHER_HINTS = "教佛督伊斯兰真寺庙神信仰犯刑罪狱性恋党指纹虹膜脸声纹步态基因";

const ADDRESS_LEVELS: [string, number][] = [
  ["省", F_ADDR_PROVINCE],
  ["市州盟", F_ADDR_CITY],
  ["区县旗", F_ADDR_COUNTY],
  ["镇乡村屯", F_ADDR_TOWN],
  ["路街道巷弄胡", F_ADDR_ROAD],
  ["号栋幢座室层", F_ADDR_NUMBER],
];

/** Features of each CJK unified ideograph U+4E00–U+9FFF. */
export const HAN_FEATURES = new Uint16Array(HAN_END - HAN_BASE + 1);
function mark(chars: string, bit: number): void {
  for (const ch of chars) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= HAN_BASE && cp <= HAN_END) HAN_FEATURES[cp - HAN_BASE]! |= bit;
  }
}
mark(SURNAMES, F_SURNAME);
mark(PLATE_PROVINCES, F_PLATE);
mark(MEDICAL_HINTS, F_MEDICAL);
mark(OTHER_HINTS, F_OTHER_SENSITIVE);
for (const [chars, bit] of ADDRESS_LEVELS) mark(chars, bit);

/** Health terms confirmed on the decoded value (GB/T 35273 Annex B: 个人健康生理信息). */
export const TERM_MEDICAL =
  /诊断|病史|病历|病例|疾病|患有|确诊|糖尿病|高血压|心脏病|冠心病|肿瘤|癌|白血病|艾滋|HIV|乙肝|肝炎|结核|哮喘|抑郁症|精神分裂|癫痫|中风|脑梗|肺炎|过敏史|手术|住院|化疗|透析|妊娠|怀孕|流产|残疾/;
export const TERM_RELIGION = /宗教|信仰|佛教|基督教|天主教|伊斯兰教|道教|清真寺|穆斯林/;
export const TERM_SPECIFIC_IDENTITY = /犯罪记录|前科|服刑|刑满释放|性取向|同性恋|残疾证/;
export const TERM_BIOMETRIC = /指纹|虹膜|人脸特征|面部特征|声纹|步态|基因序列|DNA/;
