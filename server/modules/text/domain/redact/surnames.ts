/**
 * Chinese surnames (百家姓, the ~300 in common use today, plus compound surnames): a name is only taken for a name
 * when it starts with one of them, which keeps "本人购买…" or "联系人员…" from being masked as names.
 */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石' +
  '廖贾夏韦付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺顾毛郝龚邵万钱严戴覃武乔莫洪孔汤向常温康施文牛樊葛邢安齐易伍庞颜' +
  '倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳欧管柴蒙鲍华喻祁蒲房' +
  '滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙' +
  '荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权' +
  '强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印' +
  '逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';
const COMPOUND = [
  '欧阳',
  '诸葛',
  '上官',
  '司马',
  '东方',
  '独孤',
  '南宫',
  '万俟',
  '闻人',
  '夏侯',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '令狐',
  '端木',
  '西门',
  '澹台',
  '公冶',
  '呼延',
  '轩辕',
];

export const SURNAME_CHARS = new Set([...SINGLE]);
export const COMPOUND_SURNAMES = new Set(COMPOUND);

/** Length of the surname at s[i] (2 for a compound surname, 1 for a single one), 0 when none starts there. */
export function surnameAt(s: string, i: number): number {
  if (COMPOUND_SURNAMES.has(s.slice(i, i + 2))) return 2;
  return SURNAME_CHARS.has(s[i] ?? '') ? 1 : 0;
}

/** Characters common in given names: a weakly cued candidate (本人…, 消费者…, a signature) must be made of them, so
 * words like 居住, 权益, 满意 after a surname-like character are not taken for names. */
export const GIVEN_CHARS = new Set([
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣佳琳晨晶颖雪琪倩婷慧莉梅兰凤洁琴云莲真环珍贞淑惠珠翠雅芝薇月莺媛艺咏卿聪澜纯毓悦昭冰爽琬茗羽希飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可舒影荔丹蓉眉君蕊菁梦岚婕馨瑗琰韵融毅峰东文力永世广志义兴良海山仁波贵福生元全国胜学祥才发武新利清飞富顺信子昌成康星光天达安岩中茂进有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆民友裕河哲江亮政谦亨奇固之轮翰朗伯宏言若鸣朋梁栋维启克伦翔泽辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘唯肖鑫淼森垚焱金银铭锋锐钰铮阳春夏秋冬雨霖露霜虹彩霓娇婉嫣姗妍妮娅姝嫦婧琦瑶瑾璐瑜璇琼珊玮瑞祺禄禧寿喜荣耀晖煜烨熙灿炜昊昱晟曦暄晴景智睿捷勤俭朴实忠孝礼廉耻爱恩宝贝翡梓涵轩怡萱诗桐一诺依汐然佑沐宸奕远逸嘉懿皓昕芮语紫立卫向小大二三四五六七八九十',
]);
